/**
 * I1: a partner has one invoice per calendar month (UTC) per currency, open until the month ends,
 * then issued. Charges land on the invoice of their month; a credit lands on the invoice that is
 * open when the cancellation happens (the next one to be issued).
 */
export interface InvoicePeriod {
  /** "2026-11": stable key of the month. */
  readonly key: string;
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** First instant of the month, UTC (inclusive). */
  readonly start: Date;
  /** First instant of the next month, UTC (exclusive). */
  readonly end: Date;
}

export function invoicePeriodOf(instant: Date): InvoicePeriod {
  const year = instant.getUTCFullYear();
  const month = instant.getUTCMonth() + 1;
  return {
    key: `${year}-${String(month).padStart(2, '0')}`,
    year,
    month,
    start: new Date(Date.UTC(year, month - 1, 1)),
    end: new Date(Date.UTC(year, month, 1)),
  };
}

export function parseInvoicePeriodKey(key: string): InvoicePeriod | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (!match) return null;
  return invoicePeriodOf(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}

/** I1: a charge lands on the invoice of the month of purchase. */
export function chargePeriod(purchasedAt: Date): InvoicePeriod {
  return invoicePeriodOf(purchasedAt);
}

/** I1, C8: a credit lands on the invoice open at the time of cancelling. */
export function creditPeriod(cancelledAt: Date): InvoicePeriod {
  return invoicePeriodOf(cancelledAt);
}

export type InvoiceStatus = 'OPEN' | 'ISSUED';

export function invoiceStatus(period: InvoicePeriod, now: Date): InvoiceStatus {
  return now.getTime() < period.end.getTime() ? 'OPEN' : 'ISSUED';
}
