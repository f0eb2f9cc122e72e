import type { ProductKind } from '../catalog/catalog.js';
import type { CurrencyCode } from '../money/money.js';

/**
 * M2: markets where Azure reservations are not available (the seed's list, correct as of
 * 30 Nov 2019): 109 names, 106 ISO codes (Bonaire, Saba and Sint Eustatius are all BQ; Svalbard
 * and Jan Mayen both SJ; Kosovo is XK).
 */
export const AZURE_RESERVATION_UNAVAILABLE_MARKETS: ReadonlySet<string> = new Set(
  (
    'AD AG AI AQ AS AW AX AZ BF BI BJ BL BQ BT BV CC CD CF CG CK CN CX DJ DM ER FK FM GA GD GF GG ' +
    'GI GL GM GN GP GQ GS GU GW GY HM HT IM IO JE KH KI KM LA LC LR LS MF MG MH ML MM MP MQ MR MS ' +
    'MV MW MZ NC NE NF NR NU PF PG PM PN PW RE SB SC SH SJ SL SM SO SR SS ST SX SZ TC TD TF TG TK ' +
    'TL TO TV UM VA VC VG VU WF WS XK YE YT'
  ).split(' '),
);

/** M3: prices include tax only in these markets. */
export const TAX_INCLUSIVE_MARKETS: ReadonlySet<string> = new Set(['AU', 'BR']);

const EURO_MARKETS =
  'AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK AD MC SM VA ME XK'.split(' ');

/** M1: billing currency per market. Markets not listed are billed in US dollars. */
const MARKET_CURRENCIES: Readonly<Record<string, CurrencyCode>> = {
  ...Object.fromEntries(EURO_MARKETS.map((code) => [code, 'EUR' as const])),
  US: 'USD',
  AU: 'AUD',
  BR: 'BRL',
  CA: 'CAD',
  CH: 'CHF',
  CN: 'CNY',
  DK: 'DKK',
  GB: 'GBP',
  IN: 'INR',
  JP: 'JPY',
  KR: 'KRW',
  MX: 'MXN',
  NO: 'NOK',
  NZ: 'NZD',
  SE: 'SEK',
  SG: 'SGD',
};

/** ISO 3166-1 alpha-2, upper case (plus XK, which the seed uses for Kosovo). */
export function isMarketCode(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Z]{2}$/.test(value);
}

export function currencyForMarket(market: string): CurrencyCode {
  return MARKET_CURRENCIES[market] ?? 'USD';
}

export function pricesIncludeTax(market: string): boolean {
  return TAX_INCLUSIVE_MARKETS.has(market);
}

export type Availability =
  | { available: true }
  | { available: false; reason: 'AZURE_RESERVATIONS_UNAVAILABLE_IN_MARKET'; market: string };

/** M1, M2: whether a product kind may be sold to a customer in this market. */
export function availabilityInMarket(kind: ProductKind, market: string): Availability {
  if (kind === 'AZURE_RESERVATION' && AZURE_RESERVATION_UNAVAILABLE_MARKETS.has(market)) {
    return { available: false, reason: 'AZURE_RESERVATIONS_UNAVAILABLE_IN_MARKET', market };
  }
  return { available: true };
}

/** M2: country names in the user's language. */
export function marketName(market: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(market) ?? market;
  } catch {
    return market;
  }
}
