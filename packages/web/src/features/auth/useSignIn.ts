import { useCallback, useState } from 'react';
import type { SignInMutationVariables } from '../../gql/graphql';
import { signInRequest } from './sign-in-request';
import { SIGNED_IN_EVENT } from './useSession';

/** Signs in (the server sets the session cookie); `error` holds the last failure until `reset`. */
export function useSignIn() {
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const signIn = async (input: SignInMutationVariables['input']) => {
    setLoading(true);
    setError(undefined);
    try {
      const signedIn = await signInRequest(input);
      window.dispatchEvent(new Event(SIGNED_IN_EVENT));
      return signedIn;
    } catch (failure) {
      setError(failure);
      throw failure;
    } finally {
      setLoading(false);
    }
  };
  const reset = useCallback(() => setError(undefined), []);
  return { signIn, loading, error, reset };
}
