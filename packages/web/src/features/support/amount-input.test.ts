import { parseDecimal } from '@csp/domain';
import { describe, expect, it } from 'vitest';
import { amountFromLocale } from './amount-input';

describe('amounts typed in the user’s locale (E4)', () => {
  it('E4: English and Korean: group commas go, the "." stays', () => {
    for (const locale of ['en-US', 'ko-KR']) {
      expect(amountFromLocale('1,250.50', locale)).toBe('1250.50');
      expect(amountFromLocale('1,234,567', locale)).toBe('1234567');
      expect(amountFromLocale(' 12.5 ', locale)).toBe('12.5');
      // Not thousands: passed on as typed, and the API format refuses it (no guessing).
      expect(amountFromLocale('12,50', locale)).toBe('12,50');
      expect(amountFromLocale('1,2,3,4', locale)).toBe('1,2,3,4');
      expect(() => parseDecimal(amountFromLocale('12,50', locale), 'USD')).toThrow();
    }
  });

  it('E4: a comma-decimal locale sends "."', () => {
    expect(amountFromLocale('12,50', 'de-DE')).toBe('12.50');
    expect(amountFromLocale('1.250,50', 'de-DE')).toBe('1250.50');
    expect(amountFromLocale('1 250,50', 'fr-FR')).toBe('1250.50');
    expect(amountFromLocale('1\u202f250,50', 'fr-FR')).toBe('1250.50');
    expect(parseDecimal(amountFromLocale('1.250,5', 'de-DE'), 'EUR').amountMinor).toBe(125_050);
    // "12.50" in German is not a thousands group: left for the check to read as 12.50.
    expect(amountFromLocale('12.50', 'de-DE')).toBe('12.50');
    expect(amountFromLocale('1,2,3', 'de-DE')).toBe('1,2,3');
  });
});
