import { invoicePeriodOf, type CurrencyCode, type Money } from '@csp/domain';
import type { EntityManager } from 'typeorm';
import type { Database } from '../../data-source.js';
import type { Actor } from '../../shared/context.js';
import { decodeCursor, encodeCursor, pageSize } from '../../shared/cursor.js';
import { notFound } from '../../shared/errors.js';
import { PAGED_FIELDS } from '../../shared/graphql-limits.js';
import { newId } from '../../shared/ids.js';
import { plainQuery } from '../../shared/raw-rows.js';
import { forPartner } from '../../shared/tenancy.js';
import { InvoiceLineEntity, type InvoiceLineKind } from './invoice-line.entity.js';
import { InvoiceEntity } from './invoice.entity.js';

/**
 * I1: the partner's invoice for the month of `instant` in a currency, created if missing. Runs
 * outside the caller's transaction (insert-or-ignore, then read) so concurrent first charges of
 * a month agree on one invoice on every engine.
 */
export async function ensureInvoice(
  db: Database,
  partnerId: string,
  instant: Date,
  currency: CurrencyCode,
): Promise<InvoiceEntity> {
  const period = invoicePeriodOf(instant).key;
  const scope = forPartner(db.manager, partnerId);
  // Issue 13: a plain row (every order and cancellation asks); created once a month per currency.
  const read = async () => {
    const [row] = await scope.rows(
      `SELECT id, partner_id, period, currency FROM invoices
       WHERE partner_id = :partnerId AND period = :period AND currency = :currency`,
      { period, currency },
    );
    return row ? invoiceOfRow(row) : null;
  };
  const existing = await read();
  if (existing) return existing;
  await db.transaction((m) =>
    m
      .createQueryBuilder()
      .insert()
      .into(InvoiceEntity)
      .values({ id: newId(), partnerId, period, currency })
      .orIgnore()
      .execute(),
  );
  return (await read()) ?? notFound('invoice');
}

function invoiceOfRow(r: Record<string, unknown>): InvoiceEntity {
  return {
    id: r['id'] as string,
    partnerId: r['partner_id'] as string,
    period: r['period'] as string,
    currency: r['currency'] as InvoiceEntity['currency'],
  };
}

/** What another module knows when it charges or credits a line of an order. */
export interface NewInvoiceLine {
  invoiceId: string;
  partnerId: string;
  customerId: string;
  orderId: string;
  orderLineId: string;
  productName: string;
  skuName: string;
  quantity: number;
  kind: InvoiceLineKind;
  /** Signed: a charge is positive, a credit negative. */
  amount: Money;
  taxIncluded: boolean;
  at: Date;
}

/**
 * I1: adds a charge or a credit to an invoice, inside the caller's transaction `m`, so the line is
 * written together with the order change it bills. (order line, kind) is unique (C10).
 */
export async function addInvoiceLine(m: EntityManager, line: NewInvoiceLine): Promise<void> {
  // Issue 13: a plain INSERT; TypeORM's insert builder cost more than the statement.
  await plainQuery(
    m,
    `INSERT INTO invoice_lines (id, invoice_id, partner_id, customer_id, order_id, order_line_id,
       product_name, sku_name, quantity, kind, amount_minor, currency, tax_included, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      newId(),
      line.invoiceId,
      line.partnerId,
      line.customerId,
      line.orderId,
      line.orderLineId,
      line.productName,
      line.skuName,
      line.quantity,
      line.kind,
      line.amount.amountMinor,
      line.amount.currency,
      line.taxIncluded ? 1 : 0,
      line.at,
    ],
  );
}

/**
 * I1: one page of the partner's invoices, newest month first (then by currency), keyset-paged on
 * (period, currency): one invoice per partner, month and currency.
 */
export async function invoicePage(
  db: Database,
  actor: Actor,
  args: { first?: number | null; after?: string | null },
) {
  const { fallback, max } = PAGED_FIELDS['Query.invoices']!;
  const size = pageSize(args.first, fallback, max);
  // Issue 13: plain rows, no query builder per request.
  const after = args.after ? decodeCursor(args.after, 2).map(String) : null;
  const rows = await forPartner(db.manager, actor).rows<InvoiceEntity>(
    `SELECT id, partner_id AS partnerId, period, currency FROM invoices
     WHERE partner_id = :partnerId${
       after ? ' AND (period < :period OR (period = :period AND currency > :currency))' : ''
     }
     ORDER BY period DESC, currency ASC LIMIT :limit`,
    { period: after?.[0], currency: after?.[1], limit: size + 1 },
  );
  return {
    rows: rows.slice(0, size).map((invoice) => ({
      invoice,
      cursor: encodeCursor([invoice.period, invoice.currency]),
    })),
    hasNextPage: rows.length > size,
  };
}

/** I1: how many invoices the partner has, for "Page 1 of N". */
export async function countInvoices(db: Database, actor: Actor): Promise<number> {
  const [row] = await forPartner(db.manager, actor).rows<{ n: number | string }>(
    'SELECT COUNT(*) AS n FROM invoices WHERE partner_id = :partnerId',
  );
  return Number(row?.n ?? 0);
}

/** R8: a foreign invoice answers like a missing one. */
export async function getInvoice(db: Database, actor: Actor, id: string): Promise<InvoiceEntity> {
  const invoice = await forPartner(db.manager, actor).findOne(InvoiceEntity, { id });
  return invoice ?? notFound('invoice');
}

export async function invoiceLines(db: Database, invoiceIds: readonly string[], partnerId: string) {
  if (invoiceIds.length === 0) return [];
  return forPartner(db.manager, partnerId)
    .query(InvoiceLineEntity, 'l')
    .andWhere('l.invoice_id IN (:...invoiceIds)', { invoiceIds })
    .orderBy('l.created_at', 'ASC')
    .addOrderBy('l.id', 'ASC')
    .getMany();
}
