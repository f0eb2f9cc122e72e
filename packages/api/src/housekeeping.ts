import type { Database } from './data-source.js';
import { purgeExpired } from './modules/auth/auth.service.js';
import type { AttachmentStore } from './modules/support/attachment-store.js';
import type { Clock } from './shared/clock.js';
import type { Logger } from './shared/logger.js';

export const HOUSEKEEPING_INTERVAL_MS = 10 * 60 * 1000;

/** One round: expired sessions, idle sign-in slots, chunks of uploads that never finished. */
export async function housekeeping(db: Database, store: AttachmentStore, now: Date) {
  await purgeExpired(db, now);
  await store.purgeAbandoned(now);
}

/**
 * Runs housekeeping on an interval, from every API process. Each round only deletes rows nobody
 * needs any more, so several processes running it at once (or one missing a round) is harmless;
 * the first round waits a random part of the interval, so processes started together spread out.
 * The timers are unref'd: they never keep a stopping process alive.
 */
export function startHousekeeping(
  deps: { db: Database; store: AttachmentStore; clock: Clock; logger: Logger },
  intervalMs = HOUSEKEEPING_INTERVAL_MS,
): () => void {
  const round = () =>
    void housekeeping(deps.db, deps.store, deps.clock.now()).catch((error: unknown) =>
      deps.logger.warn('housekeeping failed', { message: (error as Error)?.message }),
    );
  let interval: NodeJS.Timeout | undefined;
  const first = setTimeout(
    () => {
      round();
      interval = setInterval(round, intervalMs);
      interval.unref();
    },
    Math.floor(Math.random() * intervalMs),
  );
  first.unref();
  return () => {
    clearTimeout(first);
    if (interval) clearInterval(interval);
  };
}
