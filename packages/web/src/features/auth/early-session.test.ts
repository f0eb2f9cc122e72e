import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sharedApolloClient } from '../../app/apollo';
import { takeEarlySession } from '../../app/SignedIn';
import { startInProcessApi, type InProcessApi } from '../../test/real-api';
import { askWhoIsSignedIn } from './early-session';
import { MeQueryDocument } from './useSession';

/**
 * Issue 14, first load: the entry asks who is signed in before Apollo has arrived, and the answer
 * fills Apollo's cache. The question goes to the real schema and resolvers in this process; only
 * the HTTP hop is mocked (at fetch).
 */
let api: InProcessApi;
let token: string | null;

function answerWithTheApi() {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (_input, init) => {
    const { query, variables } = JSON.parse(String(init?.body)) as {
      query: string;
      variables: Record<string, unknown>;
    };
    const result = await api.execute({ document: query, variables, token });
    return new Response(JSON.stringify(result), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
}

beforeAll(async () => {
  api = await startInProcessApi({ clock: { now: () => new Date() } });
});
afterAll(async () => {
  await api.close();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await sharedApolloClient().clearStore();
});

describe('the session asked by the entry', () => {
  it('R1: is Apollo’s Me, and its answer fills the cache in full, so RequireSession need not ask', async () => {
    token = (await api.createTenant({ roles: ['ADMIN_AGENT'] })).token;
    const fetching = answerWithTheApi();

    await takeEarlySession(askWhoIsSignedIn());
    expect(fetching).toHaveBeenCalledTimes(1);
    const [url, init] = fetching.mock.calls[0]!;
    expect(url).toBe('/graphql');
    expect(new Headers(init?.headers).get('accept-language')).toBeTruthy();

    // RequireSession's query (cache-first): answered from the cache, no second request. An
    // answer missing a field Apollo's document asks for would send one.
    const { data } = await sharedApolloClient().query({ query: MeQueryDocument });
    expect(fetching).toHaveBeenCalledTimes(1);
    expect(data?.me.roles).toEqual(['ADMIN_AGENT']);
    expect(data?.me.permissions.length).toBeGreaterThan(0);
  });

  it('R1: signed out, the answer is null and nothing is cached (RequireSession asks and sends to Sign in)', async () => {
    token = null;
    answerWithTheApi();

    expect(await askWhoIsSignedIn()).toBeNull();
    await takeEarlySession(Promise.resolve(null));
    expect(sharedApolloClient().readQuery({ query: MeQueryDocument })).toBeNull();
  });

  it('E2: offline, the answer is null (RequireSession asks and shows what went wrong)', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    expect(await askWhoIsSignedIn()).toBeNull();
  });
});
