import { describe, expect, it, vi } from 'vitest';
import schemaSdl from '../../../../api/schema.graphql?raw';
import { createExplorerFetcher, loadExplorerSchema } from './useExplorerFetcher';

describe('GraphQL explorer', () => {
  it('E3: sends a same-origin JSON POST (CSRF-safe) that carries the session cookie', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ data: { me: null } })));
    const fetcher = createExplorerFetcher('/graphql', fetchImpl as unknown as typeof fetch);

    const result = await fetcher({ query: '{ me { id } }', operationName: null });

    expect(result).toEqual({ data: { me: null } });
    expect(fetchImpl).toHaveBeenCalledWith('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: expect.objectContaining({ 'content-type': 'application/json' }),
      body: JSON.stringify({ query: '{ me { id } }', operationName: null }),
    });
  });

  it('E3: the schema comes from the session-only /schema.graphql, so the explorer needs no introspection', async () => {
    const fetchImpl = vi.fn(async () => new Response(schemaSdl));
    const schema = await loadExplorerSchema(
      '/schema.graphql',
      fetchImpl as unknown as typeof fetch,
    );
    expect(fetchImpl).toHaveBeenCalledWith('/schema.graphql', { credentials: 'same-origin' });
    expect(schema.getQueryType()?.getFields()).toHaveProperty('customers');
    expect(schema.getMutationType()?.getFields()).toHaveProperty('placeOrder');
    const refused = vi.fn(async () => new Response('{}', { status: 401 }));
    await expect(
      loadExplorerSchema('/schema.graphql', refused as unknown as typeof fetch),
    ).rejects.toThrow(/401/);
  });
});
