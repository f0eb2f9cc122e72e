import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, isoInTimeZone, zoneOffsetMinutes } from './time-zone.js';

describe('instants in a named time zone', () => {
  it('writes the wall-clock time with the offset, and reads back as the same instant', () => {
    const instant = new Date('2026-11-05T10:30:15.042Z');
    expect(isoInTimeZone(instant, 'Asia/Seoul')).toBe('2026-11-05T19:30:15.042+09:00');
    expect(isoInTimeZone(instant, 'UTC')).toBe('2026-11-05T10:30:15.042+00:00');
    // Newfoundland in winter: half an hour off the hour, behind UTC.
    expect(isoInTimeZone(instant, 'America/St_Johns')).toBe('2026-11-05T07:00:15.042-03:30');
    for (const zone of ['Asia/Seoul', 'UTC', 'America/St_Johns', 'Asia/Kathmandu'])
      expect(new Date(isoInTimeZone(instant, zone)).getTime()).toBe(instant.getTime());
  });

  it('takes the offset in force at each instant, across a DST change (New York, 2026-11-01 06:00Z)', () => {
    expect(zoneOffsetMinutes(new Date('2026-11-01T05:59:59.999Z'), 'America/New_York')).toBe(-240);
    expect(zoneOffsetMinutes(new Date('2026-11-01T06:00:00.000Z'), 'America/New_York')).toBe(-300);
    expect(isoInTimeZone(new Date('2026-11-01T05:59:59.999Z'), 'America/New_York')).toBe(
      '2026-11-01T01:59:59.999-04:00',
    );
    expect(isoInTimeZone(new Date('2026-11-01T06:00:00.000Z'), 'America/New_York')).toBe(
      '2026-11-01T01:00:00.000-05:00',
    );
  });

  it('writes the day before in a zone west of UTC, and midnight as 00, not 24', () => {
    expect(isoInTimeZone(new Date('2026-01-01T04:00:00.000Z'), 'America/New_York')).toBe(
      '2025-12-31T23:00:00.000-05:00',
    );
    expect(isoInTimeZone(new Date('2026-01-01T15:00:00.000Z'), 'Asia/Seoul')).toBe(
      '2026-01-02T00:00:00.000+09:00',
    );
  });

  it('accepts the zones Intl knows, by their canonical name, and nothing else', () => {
    expect(canonicalTimeZone('Asia/Seoul')).toBe('Asia/Seoul');
    expect(canonicalTimeZone('asia/seoul')).toBe('Asia/Seoul');
    expect(canonicalTimeZone('Mars/Olympus')).toBeNull();
    expect(canonicalTimeZone('')).toBeNull();
    expect(canonicalTimeZone('Asia/Seoul'.repeat(10))).toBeNull();
  });
});
