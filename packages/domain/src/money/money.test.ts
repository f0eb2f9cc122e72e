import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  CURRENCIES,
  currencyExponent,
  formatMoney,
  money,
  multiply,
  negate,
  parseDecimal,
  prorate,
  sum,
  toDecimalString,
} from './money.js';

describe('money (M4)', () => {
  it('M4: KRW and JPY have no minor unit; USD and EUR have two', () => {
    expect(currencyExponent('KRW')).toBe(0);
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('EUR')).toBe(2);
  });

  it('M4: refuses fractional minor units and unsafe integers', () => {
    expect(() => money(1.5, 'USD')).toThrow(RangeError);
    expect(() => money(Number.MAX_SAFE_INTEGER + 1, 'KRW')).toThrow(RangeError);
    expect(() => money(1, 'XXX' as never)).toThrow(RangeError);
  });

  it('M4: sums exactly, also where floating point would drift', () => {
    const tenCents = money(10, 'USD');
    expect(
      sum(
        Array.from({ length: 3 }, () => tenCents),
        'USD',
      ),
    ).toEqual(money(30, 'USD'));
    expect(toDecimalString(add(money(10, 'USD'), money(20, 'USD')))).toBe('0.30');
    expect(sum([money(1_234_567, 'KRW'), money(3, 'KRW')], 'KRW')).toEqual(money(1_234_570, 'KRW'));
  });

  it('M4: refuses to mix currencies', () => {
    expect(() => add(money(1, 'USD'), money(1, 'EUR'))).toThrow(/Cannot combine/);
  });

  it.each([
    // amount, numerator, denominator, expected — half-up at the exact half
    [100, 1, 2, 50],
    [101, 1, 2, 51], // 50.5 → 51
    [1, 1, 2, 1], // 0.5 → 1
    [1, 1, 3, 0], // 0.333 → 0
    [2, 1, 3, 1], // 0.666 → 1
    [199_000, 305, 365, 166_288], // KRW: 166287.67 → 166288
    [199_000, 304, 365, 165_742], // KRW: 165742.47 → 165742
    [12_345, 1, 2, 6_173], // 6172.5 → 6173
    [999, 1000, 1096, 911], // 911.496 → 911
  ])('M4/C9: prorate(%i × %i / %i) rounds half-up to %i', (amount, num, den, expected) => {
    expect(prorate(money(amount, 'KRW'), num, den).amountMinor).toBe(expected);
  });

  it('M4: prorates large amounts without precision loss (BigInt)', () => {
    const big = money(9_000_000_000_000_000 - 1, 'JPY');
    expect(prorate(big, 1095, 1096).amountMinor).toBe(
      Number((8_999_999_999_999_999n * 1095n * 2n + 1096n) / 2192n),
    );
  });

  it('M4: negative amounts round half away from zero', () => {
    expect(prorate(money(-1, 'USD'), 1, 2).amountMinor).toBe(-1);
    expect(negate(money(5, 'USD')).amountMinor).toBe(-5);
    expect(negate(money(0, 'USD')).amountMinor).toBe(0);
  });

  it('M4: multiplies by integer quantities only', () => {
    expect(multiply(money(150_000, 'KRW'), 3)).toEqual(money(450_000, 'KRW'));
    expect(() => multiply(money(1, 'USD'), 1.5)).toThrow(RangeError);
  });

  it('M4, E4: decimal text round-trips exactly; only `.` decimals are read', () => {
    expect(toDecimalString(money(123_456, 'USD'))).toBe('1234.56');
    expect(toDecimalString(money(5, 'USD'))).toBe('0.05');
    expect(toDecimalString(money(-5, 'EUR'))).toBe('-0.05');
    expect(toDecimalString(money(150_000, 'KRW'))).toBe('150000');
    expect(parseDecimal('1234.5', 'USD')).toEqual(money(123_450, 'USD'));
    expect(parseDecimal('150000', 'KRW')).toEqual(money(150_000, 'KRW'));
    expect(() => parseDecimal('1.5', 'KRW')).toThrow(/0 decimal places/);
    expect(() => parseDecimal('abc', 'USD')).toThrow(/not an amount/);
    // E4: only `.` as the decimal separator and no group separators: nothing ambiguous is read.
    for (const text of [
      '12,50',
      '1,2,3,4',
      '1,234.50',
      '1.250,00',
      '1 250',
      '1e3',
      '.5',
      '5.',
      '+5',
    ])
      expect(() => parseDecimal(text, 'USD'), text).toThrow(/not an amount/);
    expect(() => parseDecimal('12.505', 'USD')).toThrow(/2 decimal places/);
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom(...CURRENCIES), (n, c) => {
        const m = money(n, c);
        expect(parseDecimal(toDecimalString(m), c)).toEqual(m);
      }),
    );
  });

  it('M4: formats with Intl.NumberFormat in the user’s language', () => {
    expect(formatMoney(money(123_456, 'USD'), 'en-US')).toBe('$1,234.56');
    expect(formatMoney(money(1_500_000, 'KRW'), 'ko-KR')).toBe('₩1,500,000');
    expect(formatMoney(money(98_000, 'JPY'), 'en-US')).toBe('¥98,000');
    expect(formatMoney(money(1_999, 'EUR'), 'de-DE')).toMatch(/^19,99\s€$/);
  });

  it('M4: proration never exceeds the whole and is never negative (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e13 }),
        fc.integer({ min: 1, max: 1200 }),
        fc.integer({ min: 0, max: 1200 }),
        (amount, den, rawNum) => {
          const num = Math.min(rawNum, den);
          const part = prorate(money(amount, 'USD'), num, den).amountMinor;
          expect(part).toBeGreaterThanOrEqual(0);
          expect(part).toBeLessThanOrEqual(amount);
        },
      ),
    );
  });
});
