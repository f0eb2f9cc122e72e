import { describe, expect, it } from 'vitest';
import { money } from '../money/money.js';
import {
  hasDownloads,
  isOfferedChoice,
  isValidQuantity,
  isValidTerm,
  kindHasTerm,
  lineAmount,
  orderTotal,
  PRODUCT_KINDS,
} from './catalog.js';

describe('catalog and orders (B3, B4)', () => {
  it('B3: every product kind is sold either with a 1- or 3-year term or with none', () => {
    for (const kind of PRODUCT_KINDS) {
      const terms = ([1, 3, null] as const).filter((term) => isValidTerm(kind, term));
      expect(terms).toEqual(kindHasTerm(kind) ? [1, 3] : [null]);
      // Never a term of another length.
      expect(isValidTerm(kind, 2 as never)).toBe(false);
    }
    // ESU 2020 is bought once, without a term.
    expect(kindHasTerm('WINDOWS_7_ESU')).toBe(false);
  });

  it('B3: reservations, server subscriptions and Linux plans have 1- or 3-year terms; perpetual none', () => {
    for (const kind of [
      'AZURE_RESERVATION',
      'SERVER_SUBSCRIPTION',
      'LINUX_SOFTWARE_PLAN',
    ] as const) {
      expect(kindHasTerm(kind)).toBe(true);
      expect(isValidTerm(kind, 1)).toBe(true);
      expect(isValidTerm(kind, 3)).toBe(true);
      expect(isValidTerm(kind, null)).toBe(false);
    }
    expect(isValidTerm('PERPETUAL_SOFTWARE', null)).toBe(true);
    expect(isValidTerm('PERPETUAL_SOFTWARE', 1)).toBe(false);
  });

  it('B3: a download choice must be one the SKU offers', () => {
    const options = {
      versions: ['2022', '2019'],
      languages: ['en-US', 'ko-KR'],
      fileTypes: ['ISO'],
    };
    expect(hasDownloads(options)).toBe(true);
    expect(isOfferedChoice(options, { version: '2022', language: 'ko-KR', fileType: 'ISO' })).toBe(
      true,
    );
    expect(isOfferedChoice(options, { version: '2016', language: 'ko-KR', fileType: 'ISO' })).toBe(
      false,
    );
    expect(hasDownloads({ versions: [], languages: [], fileTypes: [] })).toBe(false);
  });

  it('B4: a line’s amount is unit price × quantity; the order total is their exact sum', () => {
    const lines = [
      { unitPrice: money(1_490_000, 'KRW'), quantity: 3 },
      { unitPrice: money(99_900, 'KRW'), quantity: 7 },
    ];
    expect(lineAmount(lines[0]!)).toEqual(money(4_470_000, 'KRW'));
    expect(orderTotal(lines, 'KRW')).toEqual(money(5_169_300, 'KRW'));
  });

  it('B4: quantities are whole numbers from 1 to 10,000', () => {
    expect(isValidQuantity(1)).toBe(true);
    expect(isValidQuantity(10_000)).toBe(true);
    for (const bad of [0, -1, 1.5, 10_001, Number.NaN]) expect(isValidQuantity(bad)).toBe(false);
    expect(() => lineAmount({ unitPrice: money(1, 'USD'), quantity: 0 })).toThrow(RangeError);
  });
});
