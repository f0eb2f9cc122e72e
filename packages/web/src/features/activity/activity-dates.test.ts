import { afterEach, describe, expect, it } from 'vitest';
import { csvUrlInZone, dayRangeToInstants, defaultDayRange, localMidnight } from './activity-dates';

const originalZone = process.env['TZ'];
afterEach(() => {
  process.env['TZ'] = originalZone;
});

describe('activity dates', () => {
  it('A2: both days are included: from the first midnight to the midnight after the last day', () => {
    expect(dayRangeToInstants('2026-11-01', '2026-11-03')).toEqual({
      ok: true,
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-04T00:00:00.000Z',
    });
    // One day is a whole day.
    expect(dayRangeToInstants('2026-11-22', '2026-11-22')).toEqual({
      ok: true,
      from: '2026-11-22T00:00:00.000Z',
      to: '2026-11-23T00:00:00.000Z',
    });
  });

  it('A2: the days are in the user’s time zone (Seoul: 9 hours ahead of UTC)', () => {
    process.env['TZ'] = 'Asia/Seoul';
    expect(dayRangeToInstants('2026-11-01', '2026-11-03')).toEqual({
      ok: true,
      from: '2026-10-31T15:00:00.000Z',
      to: '2026-11-03T15:00:00.000Z',
    });
  });

  it('A2: a day with a daylight-saving change is still one whole local day', () => {
    process.env['TZ'] = 'America/New_York';
    // 1 Nov 2026: clocks go back, the day lasts 25 hours.
    expect(dayRangeToInstants('2026-11-01', '2026-11-01')).toEqual({
      ok: true,
      from: '2026-11-01T04:00:00.000Z',
      to: '2026-11-02T05:00:00.000Z',
    });
  });

  it('A2, E2: refuses missing, half-typed, impossible, reversed and too long ranges', () => {
    expect(dayRangeToInstants('', '2026-11-03')).toEqual({ ok: false, problem: 'fromRequired' });
    expect(dayRangeToInstants('2026-11-01', '')).toEqual({ ok: false, problem: 'toRequired' });
    expect(dayRangeToInstants('0002-11-01', '2026-11-03')).toEqual({
      ok: false,
      problem: 'fromRequired',
    });
    expect(localMidnight('2026-02-30')).toBeNull();
    expect(dayRangeToInstants('2026-11-03', '2026-11-01')).toEqual({ ok: false, problem: 'order' });
    expect(dayRangeToInstants('2020-01-01', '2026-11-01')).toEqual({
      ok: false,
      problem: 'tooLong',
    });
  });

  it('A2: at most 3 × 366 whole local days, the same limit as the API, across DST changes', () => {
    process.env['TZ'] = 'America/New_York';
    // 2026-03-01 … 2029-03-02 is 1098 days (one leap day, 2028-02-29); it holds three springs
    // forward and three falls back, so the instants are exactly 1098 × 24 hours apart.
    expect(dayRangeToInstants('2026-03-01', '2029-03-02').ok).toBe(true);
    expect(dayRangeToInstants('2026-03-01', '2029-03-03')).toEqual({
      ok: false,
      problem: 'tooLong',
    });
    // Summer time to winter time: 1098 days are 1098 × 24 hours and one more. A limit in hours
    // would refuse what the day picker allows; in whole days both sides agree.
    expect(dayRangeToInstants('2026-03-09', '2029-03-10').ok).toBe(true);
    expect(dayRangeToInstants('2026-03-09', '2029-03-11').ok).toBe(false);
  });

  it('A2: the default range is the last 30 days, today included', () => {
    expect(defaultDayRange(new Date(2026, 10, 22, 15))).toEqual({
      fromDay: '2026-10-24',
      toDay: '2026-11-22',
    });
  });

  it('A4: the CSV link names the zone the screen uses', () => {
    expect(csvUrlInZone('/activity-log.csv?from=a', 'Asia/Seoul')).toBe(
      '/activity-log.csv?from=a&tz=Asia%2FSeoul',
    );
    process.env['TZ'] = 'Asia/Seoul';
    expect(csvUrlInZone('/activity-log.csv?from=a')).toBe(
      '/activity-log.csv?from=a&tz=Asia%2FSeoul',
    );
  });
});
