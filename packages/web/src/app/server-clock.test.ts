import { afterEach, describe, expect, it } from 'vitest';
import {
  recordDateHeader,
  recordServerOffset,
  resetServerClock,
  serverClockOffset,
} from './server-clock';

/** Issue 14: the Software list and the Cancel dialog read one corrected clock. */
describe('server clock', () => {
  afterEach(resetServerClock);

  it('a Date header corrects a clock more than 2 s off, to the middle of its second', () => {
    const received = Date.parse('2026-12-01T10:00:00.000Z');
    recordDateHeader('Tue, 01 Dec 2026 10:05:00 GMT', received);
    expect(serverClockOffset()).toBe(5 * 60_000 + 500);
  });

  it('a Date header within 2 s changes nothing (its second is coarser than that)', () => {
    const received = Date.parse('2026-12-01T10:00:00.700Z');
    recordDateHeader('Tue, 01 Dec 2026 10:00:01 GMT', received);
    expect(serverClockOffset()).toBe(0);
  });

  it('the dialog’s precise reading wins over later Date headers', () => {
    recordServerOffset(-1234);
    recordDateHeader('Tue, 01 Dec 2026 10:05:00 GMT', Date.parse('2026-12-01T10:00:00.000Z'));
    expect(serverClockOffset()).toBe(-1234);
  });
});
