import { describe, expect, it } from 'vitest';
import { signInFailureDelayMs, throttleAddress } from './throttle.js';

// "5 checks per 15 minutes" is behaviour of the API's throttle: throttle.integration.test.ts
// refuses the 6th parallel check and frees a slot 15 minutes after its check.
describe('sign-in throttle (E6)', () => {
  it('E6: the delay grows with each check in the window', () => {
    expect([1, 2, 3, 4, 5, 20].map(signInFailureDelayMs)).toEqual([0, 0, 250, 500, 750, 2000]);
  });

  it('E6: keys IPv4 whole and IPv6 by its /64', () => {
    expect(throttleAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(throttleAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(throttleAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(throttleAddress('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(throttleAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(throttleAddress('::1')).toBe('0:0:0:0::/64');
    expect(throttleAddress(undefined)).toBe('unknown');
  });
});
