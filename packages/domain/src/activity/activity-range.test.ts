import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from '../time/time.js';
import { activityRangeProblem } from './activity-range.js';

const from = new Date('2026-01-01T00:00:00.000Z');
const after = (ms: number) => new Date(from.getTime() + ms);

describe('activity log date range (A2)', () => {
  it('A2: to is exclusive: one millisecond is a range, an empty or reversed one is not', () => {
    expect(activityRangeProblem(from, after(1))).toBeNull();
    expect(activityRangeProblem(from, from)).toBe('order');
    expect(activityRangeProblem(from, after(-1))).toBe('order');
  });

  it('A2: at most 3 × 366 days; a DST hour on top of the last day does not tip it over', () => {
    expect(activityRangeProblem(from, after(1098 * DAY_MS))).toBeNull();
    expect(activityRangeProblem(from, after(1098 * DAY_MS + HOUR_MS))).toBeNull();
    expect(activityRangeProblem(from, after(1099 * DAY_MS - HOUR_MS))).toBe('tooLong');
    expect(activityRangeProblem(from, after(1099 * DAY_MS))).toBe('tooLong');
  });

  it('A2: an invalid date is named as such', () => {
    expect(activityRangeProblem(new Date('nope'), after(DAY_MS))).toBe('invalid');
    expect(activityRangeProblem(from, new Date(Number.NaN))).toBe('invalid');
  });
});
