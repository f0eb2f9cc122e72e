import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import { fetchInPageLanguage } from '../../app/fetch-in-page-language';
import type { SignInMutation, SignInMutationVariables } from '../../gql/graphql';

/**
 * Sign in is the one operation before a session exists, so it is a plain POST rather than an
 * Apollo mutation: the Sign in page then loads without Apollo Client (≈ 50 KiB on the wire and
 * its start-up on a phone's CPU; issue 14, first load). Codegen checks this document against the
 * schema and types it, like every other (the GraphQL comment marks it).
 */
const SIGN_IN = /* GraphQL */ `
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      expiresAt
    }
  }
`;

/**
 * Signs in; the server sets the session cookie. Failures are thrown as the errors Apollo would
 * throw (GraphQL errors, a server or parse error, fetch's TypeError when offline), so the page
 * words them with the same `describeError` as every other request.
 */
export async function signInRequest(
  input: SignInMutationVariables['input'],
): Promise<SignInMutation['signIn']> {
  const response = await fetchInPageLanguage('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ operationName: 'SignIn', query: SIGN_IN, variables: { input } }),
  });
  const text = await response.text();
  let result: { data?: SignInMutation | null; errors?: ReadonlyArray<{ message: string }> };
  try {
    result = JSON.parse(text) as typeof result;
  } catch (error) {
    throw new ServerParseError(error, { response, bodyText: text });
  }
  if (result.errors?.length) throw new CombinedGraphQLErrors(result);
  if (!result.data) {
    throw new ServerError(`Sign in answered ${response.status}`, { response, bodyText: text });
  }
  return result.data.signIn;
}
