import { describe, expect, it } from 'vitest';
import {
  chargePeriod,
  creditPeriod,
  invoicePeriodOf,
  invoiceStatus,
  parseInvoicePeriodKey,
} from './invoice-period.js';

describe('invoice periods (I1)', () => {
  it.each([
    ['2026-01-31T23:59:59.999Z', '2026-01'],
    ['2026-02-01T00:00:00.000Z', '2026-02'],
    ['2026-12-31T23:59:59.999Z', '2026-12'],
    ['2027-01-01T00:00:00.000Z', '2027-01'],
    ['2028-02-29T12:00:00.000Z', '2028-02'],
  ])('I1: a charge at %s lands on the %s invoice (UTC month ends)', (instant, key) => {
    expect(chargePeriod(new Date(instant)).key).toBe(key);
  });

  it('I1: a charge at 00:30 in Seoul on 1 March is still February in UTC', () => {
    // 2026-03-01T00:30+09:00 is 2026-02-28T15:30Z
    expect(chargePeriod(new Date('2026-03-01T00:30:00+09:00')).key).toBe('2026-02');
  });

  it('I1: a credit lands on the invoice open when cancelling, not on the purchase month', () => {
    const purchasedAt = new Date('2026-10-20T10:00:00Z');
    const cancelledAt = new Date('2026-11-03T10:00:00Z');
    expect(chargePeriod(purchasedAt).key).toBe('2026-10');
    expect(creditPeriod(cancelledAt).key).toBe('2026-11');
    expect(invoiceStatus(chargePeriod(purchasedAt), cancelledAt)).toBe('ISSUED');
    expect(invoiceStatus(creditPeriod(cancelledAt), cancelledAt)).toBe('OPEN');
  });

  it('I1: a month is open until its last millisecond, issued at the next month’s start', () => {
    const period = invoicePeriodOf(new Date('2026-11-15T00:00:00Z'));
    expect(period.start.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(period.end.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(invoiceStatus(period, new Date('2026-11-30T23:59:59.999Z'))).toBe('OPEN');
    expect(invoiceStatus(period, new Date('2026-12-01T00:00:00.000Z'))).toBe('ISSUED');
  });

  it('I1: period keys parse back, bad keys are refused', () => {
    expect(parseInvoicePeriodKey('2026-02')?.end.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(parseInvoicePeriodKey('2026-13')).toBeNull();
    expect(parseInvoicePeriodKey('26-1')).toBeNull();
  });
});
