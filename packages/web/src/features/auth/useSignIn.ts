import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { MeQueryDocument } from './useSession';

export const SignInDocument = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      expiresAt
      me {
        ...MeFields
      }
    }
  }
`);

export const SignOutDocument = graphql(`
  mutation SignOut {
    signOut
  }
`);

/** Signs in; the session cookie is set by the server, the user goes into the cache. */
export function useSignIn() {
  const [mutate, { loading, error, reset }] = useMutation(SignInDocument, {
    update(cache, { data }) {
      if (data) cache.writeQuery({ query: MeQueryDocument, data: { me: data.signIn.me } });
    },
  });
  const signIn = async (email: string, password: string) => {
    const result = await mutate({ variables: { input: { email, password } } });
    return result.data?.signIn.me ?? null;
  };
  return { signIn, loading, error, reset };
}

/** Ends the session on the server, then forgets everything cached for this user. */
export function useSignOut() {
  const [mutate, { loading, client }] = useMutation(SignOutDocument);
  const signOut = async () => {
    try {
      await mutate();
    } catch {
      // The session may already be gone; the user is signed out either way.
    }
    await client.clearStore();
  };
  return { signOut, loading };
}
