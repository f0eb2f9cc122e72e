import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { AppShell } from '../../app/AppShell';
import { ErrorMessage } from '../../app/ErrorMessage';
import { hasErrorCode } from '../../app/errors';
import { Loading } from '../../app/Loading';
import { MeQueryDocument, SESSION_EXPIRED_EVENT, SessionContext } from './useSession';

/** The signed-in part of the app: asks who is signed in, or sends the visitor to Sign in. */
export function RequireSession() {
  const { data, loading, error, refetch } = useQuery(MeQueryDocument);
  const location = useLocation();

  useEffect(() => {
    const expired = () => void refetch().catch(() => undefined);
    window.addEventListener(SESSION_EXPIRED_EVENT, expired);
    return () => window.removeEventListener(SESSION_EXPIRED_EVENT, expired);
  }, [refetch]);

  if (hasErrorCode(error, 'UNAUTHENTICATED')) {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  }
  if (!data) {
    return (
      <main style={{ padding: 24 }}>
        {loading || !error ? (
          <Loading />
        ) : (
          <ErrorMessage error={error} onRetry={() => void refetch().catch(() => undefined)} />
        )}
      </main>
    );
  }
  return (
    <SessionContext.Provider value={data.me}>
      <AppShell>
        <Outlet />
      </AppShell>
    </SessionContext.Provider>
  );
}
