import { useQuery } from '@apollo/client/react';
import { Suspense, useDeferredValue, useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorMessage } from '../../app/ErrorMessage';
import { hasErrorCode } from '../../app/errors';
import { Loading } from '../../app/Loading';
import { RouteErrorBoundary } from '../../app/RouteErrorBoundary';
import { appShell } from '../../app/chunks';
import { MeQueryDocument, SESSION_EXPIRED_EVENT, SessionContext } from './useSession';

/**
 * The signed-in shell (header, closing-soon count, sign out, language) is its own chunk: the
 * Sign in page never needs it (issue 14, first load). A signed-in first load fetches it while the
 * session is being checked (prefetchLanding in app/chunks.ts), so it adds no round trip.
 */
const AppShell = appShell.Component;

/** The signed-in part of the app: asks who is signed in, or sends the visitor to Sign in. */
export function RequireSession() {
  const { data, loading, error, refetch } = useQuery(MeQueryDocument);
  // The shell and the page mount in a transition, in slices, not in the one long task in which
  // Apollo hands the answer over (issue 14, first load on a phone).
  const me = useDeferredValue(data?.me);
  const location = useLocation();

  useEffect(() => {
    const expired = () => void refetch().catch(() => undefined);
    window.addEventListener(SESSION_EXPIRED_EVENT, expired);
    return () => window.removeEventListener(SESSION_EXPIRED_EVENT, expired);
  }, [refetch]);

  if (hasErrorCode(error, 'UNAUTHENTICATED')) {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  }
  const waiting = (
    <main style={{ padding: 24 }}>
      {loading || !error ? (
        <Loading />
      ) : (
        <ErrorMessage error={error} onRetry={() => void refetch().catch(() => undefined)} />
      )}
    </main>
  );
  if (!me) return waiting;
  return (
    <SessionContext.Provider value={me}>
      {/* The shell's chunk can fail to load like a page's: a message and Try again. */}
      <RouteErrorBoundary>
        <Suspense fallback={waiting}>
          <AppShell>
            <Outlet />
          </AppShell>
        </Suspense>
      </RouteErrorBoundary>
    </SessionContext.Provider>
  );
}
