import { money, sum, toDecimalString, type CurrencyCode } from '@csp/domain';
import { serverText, type Language } from '../../shared/i18n/server-text.js';
import type { InvoiceLineEntity } from './invoice-line.entity.js';
import type { InvoiceEntity } from './invoice.entity.js';

/** RFC 4180 field; a leading =, +, - or @ is prefixed so spreadsheets never run it as a formula. */
export function csvField(value: string | number | boolean): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: (string | number | boolean)[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

const COLUMNS = [
  'invoice_period',
  'kind',
  'customer',
  'order_id',
  'product',
  'sku',
  'quantity',
  'amount',
  'currency',
  'tax_included',
  'created_at',
] as const;

/**
 * I2: the invoice as CSV: one row per line, amounts as exact decimals, then the totals. The
 * header row is in `language` (English: the column ids scripts read; Korean: words); values
 * stay data and codes.
 */
export function invoiceCsv(
  invoice: InvoiceEntity,
  lines: readonly InvoiceLineEntity[],
  customerNames: ReadonlyMap<string, string>,
  language: Language = 'en',
): string {
  const currency = invoice.currency as CurrencyCode;
  const amount = (minor: number) => toDecimalString(money(minor, currency));
  let out = csvRow(COLUMNS.map((column) => serverText(language, `csv.invoice.${column}`)));
  for (const line of lines) {
    out += csvRow([
      invoice.period,
      line.kind,
      customerNames.get(line.customerId) ?? line.customerId,
      line.orderId,
      line.productName,
      line.skuName,
      line.quantity,
      amount(line.amountMinor),
      currency,
      line.taxIncluded,
      line.createdAt.toISOString(),
    ]);
  }
  const totals = invoiceTotals(lines, currency);
  out += csvRow([
    invoice.period,
    'TOTAL_CHARGES',
    '',
    '',
    '',
    '',
    '',
    amount(totals.charges),
    currency,
    '',
    '',
  ]);
  out += csvRow([
    invoice.period,
    'TOTAL_CREDITS',
    '',
    '',
    '',
    '',
    '',
    amount(totals.credits),
    currency,
    '',
    '',
  ]);
  out += csvRow([invoice.period, 'NET', '', '', '', '', '', amount(totals.net), currency, '', '']);
  return out;
}

/** I2: charges, credits (negative) and net, exactly. */
export function invoiceTotals(lines: readonly InvoiceLineEntity[], currency: CurrencyCode) {
  const of = (kind: string) =>
    sum(
      lines.filter((l) => l.kind === kind).map((l) => money(l.amountMinor, currency)),
      currency,
    ).amountMinor;
  const charges = of('CHARGE');
  const credits = of('CREDIT');
  return { charges, credits, net: charges + credits };
}
