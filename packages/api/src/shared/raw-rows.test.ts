import { describe, expect, it } from 'vitest';
import { instant, instantOrNull, int, intOrNull } from './raw-rows.js';

describe('plain-row values', () => {
  it('reads a datetime from either engine as the same instant', () => {
    const at = new Date('2026-03-04T05:06:07.089Z');
    expect(instant(at)).toBe(at);
    expect(instant('2026-03-04 05:06:07.089').toISOString()).toBe(at.toISOString());
    expect(instant('2026-03-04T05:06:07.089Z').toISOString()).toBe(at.toISOString());
    expect(instantOrNull(null)).toBeNull();
  });

  it('reads integers given as numbers or strings', () => {
    expect(int('12345678901')).toBe(12345678901);
    expect(int(7)).toBe(7);
    expect(intOrNull(null)).toBeNull();
  });
});
