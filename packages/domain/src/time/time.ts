/** Instants are UTC `Date`s; durations are milliseconds. Nothing here reads the clock. */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export function addMs(instant: Date, ms: number): Date {
  return new Date(instant.getTime() + ms);
}

export function addDays(instant: Date, days: number): Date {
  return addMs(instant, days * DAY_MS);
}

/**
 * The same instant `years` calendar years later, in UTC. A 29 February with no counterpart
 * becomes 28 February (the month's last day), as calendar arithmetic usually does.
 */
export function addCalendarYearsUtc(instant: Date, years: number): Date {
  const result = new Date(instant.getTime());
  const month = result.getUTCMonth();
  result.setUTCFullYear(result.getUTCFullYear() + years);
  if (result.getUTCMonth() !== month) result.setUTCDate(0); // rolled into March: back to 28 Feb
  return result;
}

/** Whole days in an interval that spans exact days (UTC has no daylight saving). */
export function wholeDaysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

export function isValidInstant(value: Date): boolean {
  return value instanceof Date && !Number.isNaN(value.getTime());
}
