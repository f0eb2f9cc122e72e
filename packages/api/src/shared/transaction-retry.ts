/**
 * Which database errors mean "this transaction lost a conflict and was rolled back": safe to run
 * again from the start (X1). Anything else — a lost connection in the middle of COMMIT above all —
 * has an unknown outcome and is never retried here.
 */
const RETRYABLE_MYSQL_ERRNOS = new Set([
  1213, // ER_LOCK_DEADLOCK: InnoDB deadlock, and Galera's certification failure / brute-force abort
  1205, // ER_LOCK_WAIT_TIMEOUT: the statement (not the transaction) gave up; we roll back and repeat
  1047, // WSREP has not yet prepared node for application use: a node joining the cluster
  1180, // ER_ERROR_DURING_COMMIT: Galera reports some certification failures this way
]);

const RETRYABLE_SQLITE_CODES = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED']);

interface DriverErrorShape {
  errno?: number;
  code?: string;
  driverError?: unknown;
  cause?: unknown;
}

export function isRetryableConflict(error: unknown): boolean {
  const e = error as DriverErrorShape | null;
  if (!e || typeof e !== 'object') return false;
  if (typeof e.errno === 'number' && RETRYABLE_MYSQL_ERRNOS.has(e.errno)) return true;
  if (typeof e.code === 'string' && RETRYABLE_SQLITE_CODES.has(e.code)) return true;
  return isRetryableConflict(e.driverError) || isRetryableConflict(e.cause);
}

/** The database did not answer in time, or kept refusing: DATABASE_UNAVAILABLE (E5). */
export class DatabaseUnavailableError extends Error {
  readonly code = 'DATABASE_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  /** Backoff before attempt n (n ≥ 2) is random in [0, min(cap, base × 2^(n−2))]: "full jitter". */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** No new attempt starts after this long since the first. */
  readonly budgetMs: number;
}

/**
 * A conflict is contention, not an unavailable database: a hot row (one link downloaded by 200
 * clients through three cluster nodes) may need many rounds. Each single wait stays bounded by
 * the 2 s of E5 (statements, lock waits, pool waits); the rounds together by 10 s.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 40,
  baseDelayMs: 4,
  maxDelayMs: 400,
  budgetMs: 10_000,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it succeeds, fails with an error that is not a retryable conflict, or the
 * policy runs out — then DATABASE_UNAVAILABLE, so a caller never sees a raw deadlock (X1).
 */
export async function withConflictRetries<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
): Promise<T> {
  const started = Date.now();
  for (let n = 1; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isRetryableConflict(error)) throw error;
      const spent = Date.now() - started;
      if (n >= policy.attempts || spent >= policy.budgetMs) {
        throw new DatabaseUnavailableError(
          `the transaction kept conflicting (${n} attempts in ${spent} ms)`,
          { cause: error },
        );
      }
      const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));
      await sleep(Math.floor(random() * cap));
    }
  }
}
