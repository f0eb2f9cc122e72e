import { buildSchema, type GraphQLSchema } from 'graphql';
import { useEffect, useMemo, useState } from 'react';

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

/**
 * The schema from the server's `/schema.graphql`, which answers signed-in users only: the schema
 * is not in any public file (introspection is off in production; issue 10).
 */
export async function loadExplorerSchema(
  url = '/schema.graphql',
  fetchImpl: typeof fetch = fetch,
): Promise<GraphQLSchema> {
  const response = await fetchImpl(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`The schema could not be loaded (${response.status}).`);
  return buildSchema(await response.text());
}

export function useExplorer(): {
  schema: GraphQLSchema | null;
  error: Error | null;
  fetcher: ReturnType<typeof createExplorerFetcher>;
} {
  const [schema, setSchema] = useState<GraphQLSchema | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    let live = true;
    loadExplorerSchema().then(
      (loaded) => live && setSchema(loaded),
      (failure: unknown) =>
        live && setError(failure instanceof Error ? failure : new Error(String(failure))),
    );
    return () => {
      live = false;
    };
  }, []);
  const fetcher = useMemo(() => createExplorerFetcher(), []);
  return { schema, error, fetcher };
}
