import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../time/time.js';
import { closesWithin, isValidClosingSoonHorizon } from './closing-soon.js';

const now = new Date('2026-11-10T10:00:00.000Z');
const at = (ms: number) => new Date(now.getTime() + ms);

// The default 7-day horizon is behaviour of the API: closing-soon.integration.test.ts asks
// without a horizon and sees a window listed from exactly 7 days before it closes.
describe('closing soon (K1)', () => {
  it.each([
    ['closes exactly at the horizon', 7 * DAY_MS, true],
    ['closes a millisecond past the horizon', 7 * DAY_MS + 1, false],
    ['closes in a millisecond', 1, true],
    ['closes right now (closed: C2 is open while now < cancellableUntil)', 0, false],
    ['closed a millisecond ago', -1, false],
  ])('K1: a window that %s', (_label, left, listed) => {
    expect(closesWithin(at(left), now, 7)).toBe(listed);
  });

  it('K1: no window, never listed; horizons are whole days from 1 to 60', () => {
    expect(closesWithin(null, now, 7)).toBe(false);
    expect(isValidClosingSoonHorizon(1)).toBe(true);
    expect(isValidClosingSoonHorizon(60)).toBe(true);
    expect(isValidClosingSoonHorizon(0)).toBe(false);
    expect(isValidClosingSoonHorizon(61)).toBe(false);
    expect(isValidClosingSoonHorizon(1.5)).toBe(false);
  });
});
