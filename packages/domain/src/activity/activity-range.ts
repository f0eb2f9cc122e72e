import { DAY_MS } from '../time/time.js';

/** A2: one filter of the activity log covers at most three years of 366 days. */
export const ACTIVITY_MAX_RANGE_DAYS = 3 * 366;

/** A2: the default view shows the last 30 days, today included. */
export const ACTIVITY_DEFAULT_RANGE_DAYS = 30;

export type ActivityRangeProblem = 'invalid' | 'order' | 'tooLong';

/**
 * A2: `from` is inclusive and `to` exclusive, so `to` must come after `from`. The length is counted
 * in whole days (rounded), so a range of local days that crosses a DST change (one day of 23 or 25
 * hours) is judged the same by the web, which picks days, and by the API, which gets instants.
 */
export function activityRangeProblem(from: Date, to: Date): ActivityRangeProblem | null {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return 'invalid';
  if (to.getTime() <= from.getTime()) return 'order';
  if (Math.round((to.getTime() - from.getTime()) / DAY_MS) > ACTIVITY_MAX_RANGE_DAYS)
    return 'tooLong';
  return null;
}
