import { DAY_MS } from '../time/time.js';

/** K1: the default horizon of **Closing soon**: windows that close within 7 days. */
export const CLOSING_SOON_DEFAULT_DAYS = 7;
/** K1: the longest horizon asked for (a window is 60 days long). */
export const CLOSING_SOON_MAX_DAYS = 60;

export function isValidClosingSoonHorizon(days: number): boolean {
  return Number.isInteger(days) && days >= 1 && days <= CLOSING_SOON_MAX_DAYS;
}

/** K1: a window closing at `cancellableUntil` is listed at `now` when it is open and closes within `days`. */
export function closesWithin(cancellableUntil: Date | null, now: Date, days: number): boolean {
  if (!cancellableUntil) return false;
  const left = cancellableUntil.getTime() - now.getTime();
  return left > 0 && left <= days * DAY_MS;
}
