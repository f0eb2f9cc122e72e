import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { SESSION_EXPIRED_EVENT } from '../features/auth/useSession';
import { activeLanguage } from './i18n/language-choice';
import { recordDateHeader } from './server-clock';

/**
 * fetch in the page's language (Accept-Language: the API's texts and catalog data follow it),
 * noting the server's clock from each answer's Date header (app/server-clock.ts).
 */
const fetchNotingClock: typeof fetch = async (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set('accept-language', activeLanguage());
  const response = await fetch(input, { ...init, headers });
  recordDateHeader(response.headers.get('date'));
  return response;
};

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
      new HttpLink({ uri: '/graphql', credentials: 'same-origin', fetch: fetchNotingClock }),
    ]),
    cache: createCache(),
  });
}
