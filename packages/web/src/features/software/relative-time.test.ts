import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time';

const NOW = Date.parse('2026-11-22T12:00:00.000Z');
const at = (ms: number) => new Date(NOW + ms).toISOString();

describe('relativeTime', () => {
  it('D4, E1: days, hours and minutes in the user’s language', () => {
    expect(relativeTime(at(9 * 86_400_000 + 3_600_000), NOW, 'en-US')).toBe('in 9 days');
    expect(relativeTime(at(14 * 86_400_000 - 1_000), NOW, 'en-US')).toBe('in 14 days');
    expect(relativeTime(at(5 * 3_600_000), NOW, 'en-US')).toBe('in 5 hours');
    expect(relativeTime(at(12 * 60_000), NOW, 'en-US')).toBe('in 12 minutes');
    expect(relativeTime(at(9 * 86_400_000), NOW, 'ko-KR')).toBe('9일 후');
    expect(relativeTime(at(-2 * 86_400_000), NOW, 'en-US')).toBe('2 days ago');
  });
});
