import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

export const SignOutDocument = graphql(`
  mutation SignOut {
    signOut
  }
`);

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
