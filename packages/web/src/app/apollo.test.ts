import { describe, expect, it } from 'vitest';
import { MeQueryDocument, SIGNED_IN_EVENT } from '../features/auth/useSession';
import { meOf } from '../test/factories';
import { sharedApolloClient } from './apollo';

describe('the shared Apollo client', () => {
  it('R8: a new sign-in in the same tab starts from an empty cache (no previous user’s data)', async () => {
    const client = sharedApolloClient();
    expect(sharedApolloClient()).toBe(client);
    client.writeQuery({ query: MeQueryDocument, data: { me: meOf(['ADMIN_AGENT']) } });
    expect(client.readQuery({ query: MeQueryDocument })).not.toBeNull();

    window.dispatchEvent(new Event(SIGNED_IN_EVENT));
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(client.readQuery({ query: MeQueryDocument })).toBeNull();
    expect(client.cache.extract()).toEqual({});
  });
});
