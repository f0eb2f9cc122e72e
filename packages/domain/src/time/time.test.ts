import { describe, expect, it } from 'vitest';
import { addCalendarYearsUtc, wholeDaysBetween } from './time.js';

const at = (iso: string) => new Date(iso);

describe('calendar years (C9 term lengths)', () => {
  it.each([
    ['2025-03-10T08:00:00Z', 1, '2026-03-10T08:00:00.000Z', 365],
    ['2023-03-10T08:00:00Z', 1, '2024-03-10T08:00:00.000Z', 366], // spans 29 Feb 2024
    ['2024-01-15T00:00:00Z', 1, '2025-01-15T00:00:00.000Z', 366],
    ['2024-03-01T00:00:00Z', 1, '2025-03-01T00:00:00.000Z', 365],
    ['2024-02-29T12:00:00Z', 1, '2025-02-28T12:00:00.000Z', 365], // no 29 Feb in 2025
    ['2024-02-29T12:00:00Z', 4, '2028-02-29T12:00:00.000Z', 1461],
    ['2025-06-01T00:00:00Z', 3, '2028-06-01T00:00:00.000Z', 1096], // spans 29 Feb 2028
    ['2021-06-01T00:00:00Z', 3, '2024-06-01T00:00:00.000Z', 1096],
    ['2024-06-01T00:00:00Z', 3, '2027-06-01T00:00:00.000Z', 1095],
  ])('C9: %s + %i year(s) = %s (%i days)', (from, years, to, days) => {
    const end = addCalendarYearsUtc(at(from), years);
    expect(end.toISOString()).toBe(to);
    expect(wholeDaysBetween(at(from), end)).toBe(days);
  });
});
