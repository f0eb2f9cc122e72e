import { describe, expect, it } from 'vitest';
import { PRODUCT_KINDS } from '../catalog/catalog.js';
import {
  availabilityInMarket,
  AZURE_RESERVATION_UNAVAILABLE_MARKETS,
  currencyForMarket,
  marketName,
  pricesIncludeTax,
} from './markets.js';

describe('markets (M1–M3)', () => {
  it('M2: lists the markets without Azure reservations, and not the ones that have them', () => {
    for (const code of ['BQ', 'SJ', 'XK', 'CN', 'YE', 'AD', 'YT']) {
      expect(AZURE_RESERVATION_UNAVAILABLE_MARKETS.has(code)).toBe(true);
    }
    for (const code of ['US', 'DE', 'KR', 'JP', 'AU', 'BR', 'GB']) {
      expect(AZURE_RESERVATION_UNAVAILABLE_MARKETS.has(code)).toBe(false);
    }
  });

  it('M2: Azure reservations are unavailable in CN and YE, with the reason', () => {
    expect(availabilityInMarket('AZURE_RESERVATION', 'CN')).toEqual({
      available: false,
      reason: 'AZURE_RESERVATIONS_UNAVAILABLE_IN_MARKET',
      market: 'CN',
    });
    expect(availabilityInMarket('AZURE_RESERVATION', 'YE').available).toBe(false);
    expect(availabilityInMarket('AZURE_RESERVATION', 'US').available).toBe(true);
  });

  it('M2: other kinds stay available in those markets', () => {
    for (const kind of PRODUCT_KINDS.filter((k) => k !== 'AZURE_RESERVATION')) {
      expect(availabilityInMarket(kind, 'CN').available).toBe(true);
    }
  });

  it('M3: prices include tax in AU and BR only', () => {
    expect(pricesIncludeTax('AU')).toBe(true);
    expect(pricesIncludeTax('BR')).toBe(true);
    for (const code of ['US', 'DE', 'KR', 'JP', 'CN', 'NZ'])
      expect(pricesIncludeTax(code)).toBe(false);
  });

  it('M1: the market fixes the currency', () => {
    expect(currencyForMarket('KR')).toBe('KRW');
    expect(currencyForMarket('JP')).toBe('JPY');
    expect(currencyForMarket('DE')).toBe('EUR');
    expect(currencyForMarket('AU')).toBe('AUD');
    expect(currencyForMarket('BR')).toBe('BRL');
    expect(currencyForMarket('US')).toBe('USD');
    expect(currencyForMarket('YE')).toBe('USD');
  });

  it('M2: names countries in the user’s language', () => {
    expect(marketName('KR', 'en')).toBe('South Korea');
    expect(marketName('KR', 'ko')).toBe('대한민국');
    expect(marketName('XK', 'en')).toBe('Kosovo');
  });
});
