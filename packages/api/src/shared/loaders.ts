import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { UserEntity } from '../modules/auth/user.entity.js';
import { ProductEntity } from '../modules/catalog/product.entity.js';
import { SkuEntity } from '../modules/catalog/sku.entity.js';
import { CustomerEntity } from '../modules/customers/customer.entity.js';
import { InvoiceLineEntity } from '../modules/invoices/invoice-line.entity.js';
import { invoiceLines } from '../modules/invoices/invoice.service.js';
import { linesOfOrders, ordersOfCustomers } from '../modules/orders/order.service.js';
import { loader, requireActor, type RequestContext } from './context.js';

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K, keys: readonly K[]): T[][] {
  const groups = new Map<K, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(key(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}

function byId<T extends { id: string }>(rows: readonly T[], ids: readonly string[]): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

/** DataLoaders of one request: one statement per kind of thing, whatever the page size. */
export function loaders(ctx: RequestContext) {
  const partnerId = () => requireActor(ctx.actor).partnerId;
  return {
    product: loader(
      ctx,
      'product',
      () =>
        new DataLoader<string, ProductEntity | null>(async (ids) =>
          byId(await ctx.db.manager.findBy(ProductEntity, { id: In([...ids]) }), ids),
        ),
    ),
    sku: loader(
      ctx,
      'sku',
      () =>
        new DataLoader<string, SkuEntity | null>(async (ids) =>
          byId(await ctx.db.manager.findBy(SkuEntity, { id: In([...ids]) }), ids),
        ),
    ),
    customer: loader(
      ctx,
      'customer',
      () =>
        new DataLoader<string, CustomerEntity | null>(async (ids) =>
          byId(
            await ctx.db.manager.findBy(CustomerEntity, {
              id: In([...ids]),
              partnerId: partnerId(),
            }),
            ids,
          ),
        ),
    ),
    user: loader(
      ctx,
      'user',
      () =>
        new DataLoader<string, UserEntity | null>(async (ids) =>
          byId(
            await ctx.db.manager.findBy(UserEntity, { id: In([...ids]), partnerId: partnerId() }),
            ids,
          ),
        ),
    ),
    ordersOfCustomer: loader(
      ctx,
      'ordersOfCustomer',
      () =>
        new DataLoader(async (customerIds: readonly string[]) =>
          groupBy(
            await ordersOfCustomers(ctx.db, partnerId(), customerIds),
            (o) => o.customerId,
            customerIds,
          ),
        ),
    ),
    linesOfOrder: loader(
      ctx,
      'linesOfOrder',
      () =>
        new DataLoader(async (orderIds: readonly string[]) =>
          groupBy(await linesOfOrders(ctx.db, partnerId(), orderIds), (l) => l.orderId, orderIds),
        ),
    ),
    /** C9: the credit invoice lines of order lines (one per cancelled line). */
    creditsOfOrderLine: loader(
      ctx,
      'creditsOfOrderLine',
      () =>
        new DataLoader(async (lineIds: readonly string[]) =>
          groupBy(
            await ctx.db.manager.findBy(InvoiceLineEntity, {
              orderLineId: In([...lineIds]),
              partnerId: partnerId(),
              kind: 'CREDIT',
            }),
            (l) => l.orderLineId,
            lineIds,
          ),
        ),
    ),
    linesOfInvoice: loader(
      ctx,
      'linesOfInvoice',
      () =>
        new DataLoader(async (invoiceIds: readonly string[]) =>
          groupBy(
            await invoiceLines(ctx.db, invoiceIds, partnerId()),
            (l) => l.invoiceId,
            invoiceIds,
          ),
        ),
    ),
  };
}
