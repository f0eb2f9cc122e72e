import { invoicePeriodOf, type CurrencyCode } from '@csp/domain';
import type { Database } from '../../data-source.js';
import type { Actor } from '../../shared/context.js';
import { notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { InvoiceLineEntity } from './invoice-line.entity.js';
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
  const existing = await db.manager.findOneBy(InvoiceEntity, { partnerId, period, currency });
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
  return db.manager.findOneByOrFail(InvoiceEntity, { partnerId, period, currency });
}

export async function listInvoices(db: Database, actor: Actor): Promise<InvoiceEntity[]> {
  return db.manager.find(InvoiceEntity, {
    where: { partnerId: actor.partnerId },
    order: { period: 'DESC', currency: 'ASC' },
  });
}

/** R8: a foreign invoice answers like a missing one. */
export async function getInvoice(db: Database, actor: Actor, id: string): Promise<InvoiceEntity> {
  const invoice = await db.manager.findOneBy(InvoiceEntity, { id, partnerId: actor.partnerId });
  return invoice ?? notFound('invoice');
}

export async function invoiceLines(db: Database, invoiceIds: readonly string[], partnerId: string) {
  if (invoiceIds.length === 0) return [];
  return db.manager
    .createQueryBuilder(InvoiceLineEntity, 'l')
    .where('l.partner_id = :partnerId', { partnerId })
    .andWhere('l.invoice_id IN (:...invoiceIds)', { invoiceIds })
    .orderBy('l.created_at', 'ASC')
    .addOrderBy('l.id', 'ASC')
    .getMany();
}
