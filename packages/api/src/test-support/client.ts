import { expect } from 'vitest';
export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: string[] }[];
  headers: Headers;
}

/** A GraphQL call over real HTTP, as a script would make it (Bearer token) or a browser (cookie). */
export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  auth: { token?: string; cookie?: string; language?: string } = {},
): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth.token) headers['authorization'] = `Bearer ${auth.token}`;
  if (auth.cookie) headers['cookie'] = auth.cookie;
  if (auth.language) headers['accept-language'] = auth.language;
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status' | 'headers'>;
  return { ...body, status: response.status, headers: response.headers };
}

export function errorCode(response: GraphQLResponse<unknown>): unknown {
  return response.errors?.[0]?.extensions?.['code'];
}

/**
 * E1, E2: the first error is a BAD_USER_INPUT refusal with exactly these extensions (`field`, the
 * `reasonCode` and its params) and this message, in the language the request asked for.
 */
export function expectRefusal(
  response: GraphQLResponse<unknown>,
  message: string,
  extensions: { field: string; reasonCode: string } & Record<string, unknown>,
) {
  expect(response.errors?.[0]?.message).toBe(message);
  expect(response.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', ...extensions });
}
