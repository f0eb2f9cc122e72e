import { describe, expect, it } from 'vitest';
import { parseRange, refusalLogBucket, startsDownload } from './range.js';

describe('download ranges (D9)', () => {
  it('D9: reads single byte ranges against the file size', () => {
    expect(parseRange(undefined, 100)).toEqual({ kind: 'whole' });
    expect(parseRange('bytes=0-', 100)).toEqual({ kind: 'partial', start: 0, end: 99 });
    expect(parseRange('bytes=10-19', 100)).toEqual({ kind: 'partial', start: 10, end: 19 });
    expect(parseRange('bytes=90-500', 100)).toEqual({ kind: 'partial', start: 90, end: 99 });
    expect(parseRange('bytes=-30', 100)).toEqual({ kind: 'partial', start: 70, end: 99 });
    expect(parseRange('bytes=-300', 100)).toEqual({ kind: 'partial', start: 0, end: 99 });
    expect(parseRange('bytes=100-', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-0', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-1,5-6', 100)).toEqual({ kind: 'whole' });
    expect(parseRange('items=0-1', 100)).toEqual({ kind: 'whole' });
    expect(parseRange('bytes=20-10', 100)).toEqual({ kind: 'whole' });
  });

  it('D9: a GET from byte 0 counts; a continuation and HEAD do not', () => {
    expect(startsDownload('GET', { kind: 'whole' })).toBe(true);
    expect(startsDownload('GET', { kind: 'partial', start: 0, end: 9 })).toBe(true);
    expect(startsDownload('GET', { kind: 'partial', start: 1, end: 9 })).toBe(false);
    expect(startsDownload('HEAD', { kind: 'whole' })).toBe(false);
    expect(startsDownload('GET', { kind: 'unsatisfiable' })).toBe(false);
  });

  it.each([
    ['the hour’s first millisecond', '2026-11-10T10:00:00.000Z', '2026-11-10T10:00:00.000Z'],
    ['its last millisecond', '2026-11-10T10:59:59.999Z', '2026-11-10T10:00:00.000Z'],
    ['the next hour’s first millisecond', '2026-11-10T11:00:00.000Z', '2026-11-10T11:00:00.000Z'],
  ])('E6: refusals are bucketed by the hour: %s', (_label, at, bucket) => {
    expect(refusalLogBucket(new Date(at)).toISOString()).toBe(bucket);
  });
});
