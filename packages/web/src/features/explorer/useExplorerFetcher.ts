import { buildSchema, type GraphQLSchema } from 'graphql';
import { useMemo } from 'react';
// The committed schema, bundled: the explorer needs no introspection (off in production).
import schemaSdl from '../../../../api/schema.graphql?raw';

export interface GraphQLParams {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/**
 * E3: the explorer's fetcher: a same-origin POST with content-type application/json (what the
 * server's CSRF prevention accepts) that carries the session cookie.
 */
export function createExplorerFetcher(url = '/graphql', fetchImpl: typeof fetch = fetch) {
  return async (params: GraphQLParams) => {
    const response = await fetchImpl(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json;q=0.9',
      },
      body: JSON.stringify(params),
    });
    return (await response.json()) as Record<string, unknown>;
  };
}

export function useExplorer(): {
  schema: GraphQLSchema;
  fetcher: ReturnType<typeof createExplorerFetcher>;
} {
  return useMemo(() => ({ schema: buildSchema(schemaSdl), fetcher: createExplorerFetcher() }), []);
}
