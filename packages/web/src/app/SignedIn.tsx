import { ApolloProvider, useApolloClient } from '@apollo/client/react';
import { useContext, useEffect, useRef } from 'react';
import { RequireSession } from '../features/auth/RequireSession';
import { MeQueryDocument } from '../features/auth/useSession';
import type { MeQuery } from '../gql/graphql';
import { sharedApolloClient } from './apollo';
import { ApolloClientOverride } from './apollo-override';
import { useI18n } from './i18n/useI18n';

/**
 * The signed-in part of the app, its own chunk with Apollo Client: the Sign in page loads
 * without it (issue 14, first load). A signed-in first load fetches it with the landing page's
 * chunk (prefetchLanding), and Sign in fetches it while the server checks the password.
 */
export function SignedIn() {
  const override = useContext(ApolloClientOverride);
  return (
    <ApolloProvider client={override ?? sharedApolloClient()}>
      <RefetchInNewLanguage />
      <RequireSession />
    </ApolloProvider>
  );
}

/**
 * A signed-in first load asks who is signed in from the entry (early-session.ts); the answer goes
 * into Apollo's cache here, so RequireSession renders the page at once. Issue 14: the session
 * check was the last round trip before the page could show. Without an answer, RequireSession
 * asks itself.
 */
export async function takeEarlySession(answer: Promise<MeQuery | null>): Promise<void> {
  const data = await answer;
  if (data) sharedApolloClient().writeQuery({ query: MeQueryDocument, data });
}

/** E1: after a language switch, data the API words (descriptions, reasons) is fetched again in it. */
function RefetchInNewLanguage() {
  const { language } = useI18n();
  const client = useApolloClient();
  const shown = useRef(language);
  useEffect(() => {
    if (shown.current === language) return;
    shown.current = language;
    // Refetch what is on screen, keeping it shown meanwhile (a reset would blank the page:
    // spinners, collapsed sections, lost scroll); a failed refetch leaves the old texts.
    client.refetchQueries({ include: 'active' }).catch(() => undefined);
  }, [language, client]);
  return null;
}
