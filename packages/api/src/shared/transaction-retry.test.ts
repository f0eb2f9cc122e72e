import { describe, expect, it } from 'vitest';
import {
  DatabaseUnavailableError,
  isRetryableConflict,
  withConflictRetries,
  type RetryPolicy,
} from './transaction-retry.js';

const deadlock = () =>
  Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), {
    errno: 1213,
  });
const fast: RetryPolicy = { attempts: 5, baseDelayMs: 1, maxDelayMs: 2, budgetMs: 1_000 };

describe('X1: the transaction helper retries conflicts, and only conflicts', () => {
  it('X1: recognises deadlocks, lock waits, Galera certification and not-ready, SQLite busy, also wrapped', () => {
    for (const errno of [1213, 1205, 1047, 1180]) expect(isRetryableConflict({ errno })).toBe(true);
    expect(isRetryableConflict({ code: 'SQLITE_BUSY' })).toBe(true);
    expect(isRetryableConflict({ driverError: { errno: 1213 } })).toBe(true);
    // A lost connection may have committed: never repeated blindly.
    expect(isRetryableConflict({ code: 'ECONNRESET' })).toBe(false);
    expect(isRetryableConflict({ errno: 1062 })).toBe(false); // duplicate key: a real answer
    expect(isRetryableConflict(null)).toBe(false);
  });

  it('X1: a conflict is repeated until the work succeeds', async () => {
    let attempts = 0;
    const result = await withConflictRetries(async () => {
      attempts += 1;
      if (attempts < 3) throw deadlock();
      return 'committed';
    }, fast);
    expect(result).toBe('committed');
    expect(attempts).toBe(3);
  });

  it('X1: any other error is thrown at once', async () => {
    let attempts = 0;
    const refusal = new Error('refused');
    await expect(
      withConflictRetries(async () => {
        attempts += 1;
        throw refusal;
      }, fast),
    ).rejects.toBe(refusal);
    expect(attempts).toBe(1);
  });

  it('E5/X1: conflicts past the attempts become DATABASE_UNAVAILABLE, never the raw deadlock', async () => {
    let attempts = 0;
    const failure = withConflictRetries(async () => {
      attempts += 1;
      throw deadlock();
    }, fast);
    await expect(failure).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(attempts).toBe(5);
  });

  it('E5: no new attempt starts after the time budget', async () => {
    let attempts = 0;
    const started = Date.now();
    await expect(
      withConflictRetries(
        async () => {
          attempts += 1;
          await new Promise((resolve) => setTimeout(resolve, 30));
          throw deadlock();
        },
        { attempts: 1_000, baseDelayMs: 1, maxDelayMs: 1, budgetMs: 100 },
      ),
    ).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(attempts).toBeLessThanOrEqual(5);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
