import { print } from 'graphql';
import { fetchInPageLanguage } from '../../app/fetch-in-page-language';
import type { MeQuery } from '../../gql/graphql';
import { MeQueryDocument } from './useSession';

/**
 * Who is signed in, asked by the entry as soon as it runs, before Apollo's chunk has arrived
 * (issue 14, first load): on a phone the answer then comes while the rest of the code downloads
 * and runs, instead of one more round trip after it. The same document as Apollo's (with the
 * `__typename`s Apollo's cache needs), so the answer goes into the cache as is (SignedIn.tsx).
 * Resolves to null when there is no usable answer; RequireSession then asks itself and shows
 * what went wrong (signed out, offline, server error).
 */
export async function askWhoIsSignedIn(): Promise<MeQuery | null> {
  try {
    const response = await fetchInPageLanguage('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ operationName: 'Me', query: print(MeQueryDocument), variables: {} }),
    });
    if (!response.ok) return null;
    const body = (await response.json()) as { data?: MeQuery | null };
    return body.data?.me ? body.data : null;
  } catch {
    return null;
  }
}
