import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { SESSION_EXPIRED_EVENT, SIGNED_IN_EVENT } from '../features/auth/useSession';
import { fetchInPageLanguage } from './fetch-in-page-language';

export function createCache() {
  return new InMemoryCache({
    typePolicies: {
      // The signed-in user is one object whatever its id.
      Me: { keyFields: [] },
    },
  });
}

/**
 * Apollo Client over the same origin: POST with content-type application/json (the server's CSRF
 * prevention accepts it) and the session cookie.
 */
export function createApolloClient() {
  const sessionWatch = new ErrorLink(({ error, operation }) => {
    if (operation.operationName === 'Me' || operation.operationName === 'SignIn') return;
    if (
      CombinedGraphQLErrors.is(error) &&
      error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED')
    ) {
      window.dispatchEvent(new Event(SESSION_EXPIRED_EVENT));
    }
  });
  return new ApolloClient({
    link: ApolloLink.from([
      sessionWatch,
      new HttpLink({ uri: '/graphql', credentials: 'same-origin', fetch: fetchInPageLanguage }),
    ]),
    cache: createCache(),
  });
}

let shared: ApolloClient | undefined;

/**
 * The app's one client, made when the signed-in part of the app first loads (Apollo is not on
 * the Sign in page's path: issue 14, first load). A new sign-in starts from an empty cache, so
 * nothing of the previous user's (maybe another partner's) data can show.
 */
export function sharedApolloClient(): ApolloClient {
  if (!shared) {
    const client = createApolloClient();
    window.addEventListener(SIGNED_IN_EVENT, () => void client.clearStore());
    shared = client;
  }
  return shared;
}
