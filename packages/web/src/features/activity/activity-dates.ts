/**
 * A2: the activity log's dates are days in the user's time zone, both ends inclusive; the API takes
 * instants, `from` inclusive and `to` exclusive. So a range of days becomes local midnight of the
 * first day up to local midnight of the day after the last one (23 or 25 hours on DST days).
 */

import { ACTIVITY_DEFAULT_RANGE_DAYS, activityRangeProblem } from '@csp/domain';

const DAY_INPUT = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A local calendar day as an `<input type="date">` value ("2026-11-05"). */
export function toDayInput(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local midnight at the start of a day given as "YYYY-MM-DD", `plusDays` later; null if invalid. */
export function localMidnight(day: string, plusDays = 0): Date | null {
  const match = DAY_INPUT.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Years before 1000 are half-typed ones ("0002-…" on the way to "2026-…"), not real dates.
  if (year < 1000) return null;
  // Reject impossible days ("2026-02-30" would roll over into March).
  const check = new Date(year, month - 1, date);
  if (check.getFullYear() !== year || check.getMonth() !== month - 1 || check.getDate() !== date)
    return null;
  return new Date(year, month - 1, date + plusDays);
}

export type RangeProblem = 'fromRequired' | 'toRequired' | 'order' | 'tooLong';

export type DayRange =
  { ok: true; from: string; to: string } | { ok: false; problem: RangeProblem };

/** A2: both days inclusive, in the user's zone → the API's [from, to) instants. */
export function dayRangeToInstants(fromDay: string, toDay: string): DayRange {
  const from = localMidnight(fromDay);
  if (!from) return { ok: false, problem: 'fromRequired' };
  const lastDay = localMidnight(toDay);
  const to = localMidnight(toDay, 1);
  if (!lastDay || !to) return { ok: false, problem: 'toRequired' };
  // The API applies the same rule to the same instants (whole days, so DST never tips it).
  const problem = activityRangeProblem(from, to);
  if (problem === 'tooLong') return { ok: false, problem: 'tooLong' };
  // The last day before the first one leaves `to` at or before `from`.
  if (problem) return { ok: false, problem: 'order' };
  return { ok: true, from: from.toISOString(), to: to.toISOString() };
}

/** The default range: the last 30 days, today included, in the user's zone. */
export function defaultDayRange(now: Date): { fromDay: string; toDay: string } {
  const first = new Date(
    now.getFullYear(),
    now.getMonth(),
    now.getDate() - (ACTIVITY_DEFAULT_RANGE_DAYS - 1),
  );
  return { fromDay: toDayInput(first), toDay: toDayInput(now) };
}

/** The zone the screen shows times in: the browser's. */
export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The CSV link with the user's zone, so the file's times match the screen's (with the offset). */
export function csvUrlInZone(csvUrl: string, timeZone = userTimeZone()): string {
  return `${csvUrl}${csvUrl.includes('?') ? '&' : '?'}tz=${encodeURIComponent(timeZone)}`;
}
