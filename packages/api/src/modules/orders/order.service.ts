import {
  availabilityInMarket,
  currencyForMarket,
  isValidTerm,
  lineAmount,
  money,
  orderTotal,
  placeOrderSchema,
  pricesIncludeTax,
  termsAtPurchase,
  validateInput,
} from '@csp/domain';
import type { EntityManager } from 'typeorm';
import type { Database } from '../../data-source.js';
import { authorize, type Actor } from '../../shared/context.js';
import { fail, isUniqueViolation, notFound, parsedOrRefused } from '../../shared/errors.js';
import { newId, newOrderId, sha256Hex } from '../../shared/ids.js';
import { int, intOrNull, plainQuery } from '../../shared/raw-rows.js';
import { forPartner } from '../../shared/tenancy.js';
import { recordSuccess, withRefusalLog, type ActivityFacts } from '../activity/activity.service.js';
import type { ProductEntity } from '../catalog/product.entity.js';
import type { SkuEntity } from '../catalog/sku.entity.js';
import { getCustomer } from '../customers/customer.service.js';
import { addInvoiceLine, ensureInvoice } from '../invoices/invoice.service.js';
import { OrderLineEntity } from './order-line.entity.js';
import { LINE_COLUMNS, ORDER_COLUMNS, orderOfRow } from './order-rows.js';
import { OrderEntity } from './order.entity.js';
import { enqueueWebhook, orderPlacedEvent } from '../webhooks/index.js';

export interface PlaceOrderRequest {
  customerId: string;
  idempotencyKey: string;
  lines: { skuId: string; quantity: number }[];
}

function requestHash(request: PlaceOrderRequest): string {
  const lines = [...request.lines].sort((a, b) => a.skuId.localeCompare(b.skuId));
  return sha256Hex(JSON.stringify({ customerId: request.customerId, lines }));
}

async function existingOrder(db: Database, actor: Actor, request: PlaceOrderRequest, hash: string) {
  // Issue 13: one plain row, no entity hydration (the hot path of every order and retry).
  const [row] = await forPartner(db.manager, actor).rows(
    `SELECT ${ORDER_COLUMNS} FROM orders WHERE partner_id = :partnerId AND idempotency_key = :key`,
    { key: request.idempotencyKey },
  );
  const order = row ? orderOfRow(row) : null;
  if (order && order.requestHash !== hash) fail('IDEMPOTENCY_CONFLICT');
  return order;
}

interface CatalogSku {
  id: string;
  productId: string;
  name: string;
  termYears: SkuEntity['termYears'];
}
interface CatalogProduct {
  id: string;
  name: string;
  kind: ProductEntity['kind'];
}

/**
 * The SKUs asked for, their products and their prices in `currency`, in one statement: every
 * statement costs a socket write and a read, the largest part of an order's CPU on this kind of
 * machine (issue 13). A price is one row per (SKU, currency): the join adds no rows.
 */
async function catalogOf(db: Database, skuIds: string[], currency: string) {
  const rows = await plainQuery(
    db.manager,
    `SELECT s.id, s.product_id, s.name, s.term_years, p.name AS product_name, p.kind,
            pr.amount_minor
     FROM skus s
     LEFT JOIN products p ON p.id = s.product_id
     LEFT JOIN prices pr ON pr.sku_id = s.id AND pr.currency = ?
     WHERE s.id IN (${skuIds.map(() => '?').join(', ')})`,
    [currency, ...skuIds],
  );
  const skus: CatalogSku[] = rows.map((r) => ({
    id: r['id'] as string,
    productId: r['product_id'] as string,
    name: r['name'] as string,
    termYears: intOrNull(r['term_years']) as SkuEntity['termYears'],
  }));
  const products: CatalogProduct[] = rows
    .filter((r) => r['kind'] != null)
    .map((r) => ({
      id: r['product_id'] as string,
      name: r['product_name'] as string,
      kind: r['kind'] as ProductEntity['kind'],
    }));
  const prices = rows
    .filter((r) => r['amount_minor'] != null)
    .map((r) => ({ skuId: r['id'] as string, amountMinor: int(r['amount_minor']) }));
  return { skus, products, prices };
}

/**
 * B2, B4, B5: places an order for a customer and charges it to the invoice of the month. A retry
 * with the same idempotency key returns the first order; concurrent retries make one order
 * because (partner, idempotency key) is unique in the database.
 */
export async function placeOrder(
  db: Database,
  actorOrNull: Actor | null,
  request: PlaceOrderRequest,
  now: Date,
): Promise<OrderEntity> {
  const refused = () => (actorOrNull ? refusalFacts(db, actorOrNull, request, now) : null);
  const actor = await withRefusalLog(db, refused, () => authorize(actorOrNull, 'BUY_SOFTWARE'));
  // B2, B5: the domain's schema, the one Add products checks its cart with.
  parsedOrRefused(validateInput(placeOrderSchema, request));
  const hash = requestHash(request);
  const replay = await existingOrder(db, actor, request, hash);
  if (replay) return replay;

  const customer = await getCustomer(db, actor, request.customerId);
  const currency = currencyForMarket(customer.market);
  const skuIds = request.lines.map((l) => l.skuId);
  const { skus, products, prices } = await catalogOf(db, skuIds, currency);

  const priced = request.lines.map((line) => {
    const sku = skus.find((s) => s.id === line.skuId) ?? notFound('SKU');
    const product = products.find((p) => p.id === sku.productId) ?? notFound('product');
    const price = prices.find((p) => p.skuId === sku.id) ?? notFound('price');
    if (!isValidTerm(product.kind, sku.termYears)) notFound('SKU');
    return { line, sku, product, unitPrice: money(price.amountMinor, currency) };
  });
  await withRefusalLog(db, refused, () => {
    for (const { product } of priced) {
      const availability = availabilityInMarket(product.kind, customer.market);
      if (!availability.available)
        fail('MARKET_UNAVAILABLE', { market: customer.market, productId: product.id });
    }
  });

  const total = orderTotal(
    priced.map(({ line, unitPrice }) => ({ unitPrice, quantity: line.quantity })),
    currency,
  );
  const taxIncluded = pricesIncludeTax(customer.market);
  const invoice = await ensureInvoice(db, actor.partnerId, now, currency);
  const order: OrderEntity = {
    id: newOrderId(),
    partnerId: actor.partnerId,
    customerId: customer.id,
    placedByUserId: actor.userId,
    purchasedAt: now,
    currency,
    totalMinor: total.amountMinor,
    taxIncluded,
    status: 'COMPLETED',
    idempotencyKey: request.idempotencyKey,
    requestHash: hash,
  };

  try {
    await db.transaction(async (m) => {
      await insertOrder(m, order);
      for (const [index, { line, sku, product, unitPrice }] of priced.entries()) {
        const terms = termsAtPurchase(product.kind, now); // C1: fixed now, stored with the line
        const amount = lineAmount({ unitPrice, quantity: line.quantity });
        const orderLine: OrderLineEntity = {
          id: newId(),
          orderId: order.id,
          partnerId: actor.partnerId,
          customerId: customer.id,
          productId: product.id,
          skuId: sku.id,
          lineNumber: index + 1,
          productKind: product.kind,
          termYears: sku.termYears,
          quantity: line.quantity,
          purchasedQuantity: line.quantity,
          unitPriceMinor: unitPrice.amountMinor,
          amountMinor: amount.amountMinor,
          currency,
          purchasedAt: now,
          cancellationPolicy: terms.policy,
          windowDays: terms.windowDays,
          cancellableUntil: terms.cancellableUntil,
          status: 'ACTIVE',
          cancelledAt: null,
        };
        await insertOrderLine(m, orderLine);
        // B4, I1: each line is charged on the invoice of the month of purchase.
        await addInvoiceLine(m, {
          invoiceId: invoice.id,
          partnerId: actor.partnerId,
          customerId: customer.id,
          orderId: order.id,
          orderLineId: orderLine.id,
          productName: product.name,
          skuName: sku.name,
          quantity: line.quantity,
          kind: 'CHARGE',
          amount,
          taxIncluded,
          at: now,
        });
      }
      await recordSuccess(m, {
        partnerId: actor.partnerId,
        actor,
        customerId: customer.id,
        operation: 'create_order',
        resource: `order:${order.id}`,
        productName: priced
          .map((p) => p.product.name)
          .join(', ')
          .slice(0, 200),
        at: now,
      });
      await enqueueWebhook(m, actor.partnerId, orderPlacedEvent(order, priced, actor), now); // W2
    });
  } catch (error) {
    // B5: a concurrent retry won the race; answer with its order.
    if (isUniqueViolation(error)) {
      const winner = await existingOrder(db, actor, request, hash);
      if (winner) return winner;
    }
    throw error;
  }
  return order;
}

/** Issue 13: plain INSERTs (TypeORM's insert builder costs more than the statement itself). */
async function insertOrder(m: EntityManager, o: OrderEntity): Promise<void> {
  await plainQuery(
    m,
    `INSERT INTO orders (${ORDER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      o.id,
      o.partnerId,
      o.customerId,
      o.placedByUserId,
      o.purchasedAt,
      o.currency,
      o.totalMinor,
      o.taxIncluded ? 1 : 0,
      o.status,
      o.idempotencyKey,
      o.requestHash,
    ],
  );
}

async function insertOrderLine(m: EntityManager, l: OrderLineEntity): Promise<void> {
  await plainQuery(
    m,
    `INSERT INTO order_lines (${LINE_COLUMNS})
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      l.id,
      l.orderId,
      l.partnerId,
      l.customerId,
      l.productId,
      l.skuId,
      l.lineNumber,
      l.productKind,
      l.termYears,
      l.quantity,
      l.purchasedQuantity,
      l.unitPriceMinor,
      l.amountMinor,
      l.currency,
      l.purchasedAt,
      l.cancellationPolicy,
      l.windowDays,
      l.cancellableUntil,
      l.status,
      l.cancelledAt,
    ],
  );
}

/** A1: what a refused order names: the customer, when it is one of the caller's partner's (R8). */
async function refusalFacts(
  db: Database,
  actor: Actor,
  request: PlaceOrderRequest,
  now: Date,
): Promise<ActivityFacts> {
  const customerId = typeof request.customerId === 'string' ? request.customerId : null;
  const customer = customerId ? await getCustomer(db, actor, customerId).catch(() => null) : null;
  return {
    partnerId: actor.partnerId,
    actor,
    customerId: customer?.id ?? null,
    operation: 'create_order',
    resource: `customer:${customer?.id ?? 'unknown'}`,
    at: now,
  };
}

/** R8: a foreign order answers exactly like a missing one. */
export async function getOrder(db: Database, actor: Actor, id: string): Promise<OrderEntity> {
  const order = await forPartner(db.manager, actor).findOne(OrderEntity, {
    id: id.trim().toUpperCase(),
  });
  return order ?? notFound('order');
}

export async function ordersOfCustomers(
  db: Database,
  partnerId: string,
  customerIds: readonly string[],
) {
  if (customerIds.length === 0) return [];
  return forPartner(db.manager, partnerId)
    .query(OrderEntity, 'o')
    .andWhere('o.customer_id IN (:...customerIds)', { customerIds })
    .orderBy('o.purchased_at', 'DESC')
    .addOrderBy('o.id', 'ASC')
    .getMany();
}

export async function linesOfOrders(db: Database, partnerId: string, orderIds: readonly string[]) {
  if (orderIds.length === 0) return [];
  return forPartner(db.manager, partnerId)
    .query(OrderLineEntity, 'l')
    .andWhere('l.order_id IN (:...orderIds)', { orderIds })
    .orderBy('l.order_id', 'ASC')
    .addOrderBy('l.line_number', 'ASC')
    .getMany();
}

/** A customer's lines of one product (of one order when given), newest first; partner-scoped. */
export async function linesOfProduct(
  db: Database,
  partnerId: string,
  customerId: string,
  productId: string,
  orderId?: string,
): Promise<OrderLineEntity[]> {
  return forPartner(db.manager, partnerId).find(OrderLineEntity, {
    where: { customerId, productId, ...(orderId ? { orderId } : {}) },
    order: { purchasedAt: 'DESC', orderId: 'ASC', lineNumber: 'ASC' },
  });
}

/**
 * C7, C10: inside the caller's transaction `m`, sets these lines to quantity 0 and cancelled at
 * `now`, only those still active (a conditional UPDATE). Returns how many it changed, so the caller
 * can refuse when another cancellation got there first.
 */
export async function cancelLines(
  m: EntityManager,
  lineIds: readonly string[],
  now: Date,
): Promise<number> {
  if (lineIds.length === 0) return 0;
  const updated = await m
    .createQueryBuilder()
    .update(OrderLineEntity)
    .set({ status: 'CANCELLED', quantity: 0, cancelledAt: now })
    .where('id IN (:...ids)', { ids: [...lineIds] })
    .andWhere("status = 'ACTIVE'")
    .execute();
  return updated.affected ?? 0;
}

/** Inside `m`: the order is cancelled when all its lines are. */
export async function closeOrderIfAllCancelled(m: EntityManager, orderId: string): Promise<void> {
  const stillActive = await m.countBy(OrderLineEntity, { orderId, status: 'ACTIVE' });
  if (stillActive === 0) await m.update(OrderEntity, { id: orderId }, { status: 'CANCELLED' });
}
