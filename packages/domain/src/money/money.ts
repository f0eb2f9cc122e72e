/**
 * M4: money is an integer count of the currency's minor unit plus its ISO 4217 code. No floating
 * point touches an amount: arithmetic is on safe integers, proration goes through BigInt.
 */

/** ISO 4217 minor-unit exponents of the currencies the portal bills in. */
export const CURRENCY_EXPONENTS = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  AUD: 2,
  BRL: 2,
  CAD: 2,
  CHF: 2,
  CNY: 2,
  DKK: 2,
  INR: 2,
  JPY: 0,
  KRW: 0,
  MXN: 2,
  NOK: 2,
  NZD: 2,
  SEK: 2,
  SGD: 2,
} as const;

export type CurrencyCode = keyof typeof CURRENCY_EXPONENTS;
export const CURRENCIES = Object.keys(CURRENCY_EXPONENTS) as CurrencyCode[];

export interface Money {
  /** Whole minor units (cents, or won / yen where there is no minor unit). */
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
}

export function isCurrencyCode(value: unknown): value is CurrencyCode {
  return typeof value === 'string' && Object.hasOwn(CURRENCY_EXPONENTS, value);
}

export function currencyExponent(currency: CurrencyCode): number {
  return CURRENCY_EXPONENTS[currency];
}

export function money(amountMinor: number, currency: CurrencyCode): Money {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`Money must be a safe integer of minor units, got ${amountMinor}`);
  }
  if (!isCurrencyCode(currency)) throw new RangeError(`Unknown currency ${String(currency)}`);
  return { amountMinor, currency };
}

export function zero(currency: CurrencyCode): Money {
  return money(0, currency);
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new RangeError(`Cannot combine ${a.currency} with ${b.currency}`);
  }
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amountMinor + b.amountMinor, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amountMinor - b.amountMinor, a.currency);
}

export function negate(a: Money): Money {
  return money(a.amountMinor === 0 ? 0 : -a.amountMinor, a.currency);
}

export function sum(items: readonly Money[], currency: CurrencyCode): Money {
  return items.reduce((total, item) => add(total, item), zero(currency));
}

export function multiply(a: Money, quantity: number): Money {
  if (!Number.isSafeInteger(quantity)) throw new RangeError(`Quantity must be an integer`);
  return money(a.amountMinor * quantity, a.currency);
}

/**
 * `a × numerator / denominator`, rounded half-up (half away from zero) to a whole minor unit.
 * Computed in BigInt so that large amounts times day counts never lose precision.
 */
export function prorate(a: Money, numerator: number, denominator: number): Money {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError('Proration needs integer parts and a positive denominator');
  }
  return money(
    divideHalfUp(BigInt(a.amountMinor) * BigInt(numerator), BigInt(denominator)),
    a.currency,
  );
}

function divideHalfUp(dividend: bigint, divisor: bigint): number {
  const negative = dividend < 0n !== divisor < 0n;
  const n = dividend < 0n ? -dividend : dividend;
  const d = divisor < 0n ? -divisor : divisor;
  const quotient = (n * 2n + d) / (2n * d);
  return Number(negative ? -quotient : quotient);
}

/** Exact decimal text of an amount in major units ("1234.50", "-0.05", "150000"). */
export function toDecimalString(a: Money): string {
  const exponent = currencyExponent(a.currency);
  const digits = Math.abs(a.amountMinor).toString();
  const sign = a.amountMinor < 0 ? '-' : '';
  if (exponent === 0) return sign + digits;
  const padded = digits.padStart(exponent + 1, '0');
  return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}

/**
 * E4: the API's amount format. Decimal text in major units with `.` as the decimal separator, no
 * group separators, and at most the currency's minor digits ("1250.00", "1250.5", "150000"): a
 * text the API cannot read unambiguously ("12,50", "1,2,3,4", "1.250,00", "1e3") is refused, and
 * no amount is silently rounded. The web converts from the user's locale before sending.
 */
export const AMOUNT_FORMAT = /^(-?)(\d{1,15})(?:\.(\d{1,4}))?$/;

export function parseDecimal(text: string, currency: CurrencyCode): Money {
  const match = AMOUNT_FORMAT.exec(text.trim());
  if (!match) throw new RangeError(`"${text}" is not an amount`);
  const [, sign, whole = '', fraction = ''] = match;
  const exponent = currencyExponent(currency);
  if (fraction.length > exponent) {
    throw new RangeError(`${currency} has ${exponent} decimal places`);
  }
  const minor = Number(whole + fraction.padEnd(exponent, '0'));
  return money(sign === '-' && minor !== 0 ? -minor : minor, currency);
}

/** M4: displays money in the user's language with `Intl.NumberFormat`, from exact decimal text. */
export function formatMoney(a: Money, locale: string): string {
  const exponent = currencyExponent(a.currency);
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: a.currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  // Intl.NumberFormat formats decimal strings exactly (no conversion to a float).
  return format.format(toDecimalString(a) as unknown as number);
}
