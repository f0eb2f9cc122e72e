import type { ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { Loading } from './Loading';

export interface QueryBoundaryProps<T> {
  /** The query's data; null or undefined while it has none. */
  data: T | null | undefined;
  error?: unknown;
  /** Asks again; offered as Try again beside the error. */
  refetch?: () => Promise<unknown>;
  /** What the spinner says (default: Loading…). */
  loadingLabel?: string;
  /** What to show once there is data. Without it, nothing (for an early `return`). */
  children?: (data: T) => ReactNode;
}

/**
 * One place for the loading and error step of a query: until there is data, a spinner, or the
 * error in the user's language with Try again (E2); then `children(data)`. A failed refresh of
 * data already shown is the caller's to show beside it.
 */
export function QueryBoundary<T>({
  data,
  error,
  refetch,
  loadingLabel,
  children,
}: QueryBoundaryProps<T>) {
  if (data === null || data === undefined) {
    if (!error) return <Loading label={loadingLabel} />;
    const retry = refetch ? () => void refetch().catch(() => undefined) : undefined;
    return <ErrorMessage error={error} onRetry={retry} />;
  }
  return <>{children?.(data)}</>;
}
