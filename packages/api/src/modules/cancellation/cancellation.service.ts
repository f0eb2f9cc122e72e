import {
  add,
  decideCancellation,
  DomainError,
  money,
  negate,
  orderCancellation,
  zero,
  type CancellableLine,
  type CancellationState,
  type CreditBreakdown,
  type Money,
} from '@csp/domain';
import { In } from 'typeorm';
import type { Database } from '../../data-source.js';
import { authorize, type Actor } from '../../shared/context.js';
import type { Clock } from '../../shared/clock.js';
import { fail, isUniqueViolation, notFound } from '../../shared/errors.js';
import { forPartner } from '../../shared/tenancy.js';
import { recordSuccess, withRefusalLog } from '../activity/activity.service.js';
import { ProductEntity } from '../catalog/product.entity.js';
import { SkuEntity } from '../catalog/sku.entity.js';
import { getCustomer } from '../customers/customer.service.js';
import { addInvoiceLine, ensureInvoice } from '../invoices/invoice.service.js';
import type { InvoiceEntity } from '../invoices/invoice.entity.js';
import { OrderLineEntity } from '../orders/order-line.entity.js';
import { OrderEntity } from '../orders/order.entity.js';
import { LINE_COLUMNS, lineOfRow, ORDER_COLUMNS, orderOfRow } from '../orders/order-rows.js';
import {
  cancelLines,
  closeOrderIfAllCancelled,
  getOrder,
  linesOfProduct,
} from '../orders/order.service.js';
import { revokeLines } from '../software/software.service.js';
import { enqueueWebhook, purchaseCancelledEvent } from '../webhooks/index.js';

/** What the cancellation rules need, from a stored line (C1: its own stored terms). */
export function cancellableLine(line: OrderLineEntity): CancellableLine {
  return {
    terms: {
      policy: line.cancellationPolicy,
      windowDays: line.windowDays,
      cancellableUntil: line.cancellableUntil,
    },
    purchasedAt: line.purchasedAt,
    termYears: line.termYears,
    charged: money(line.amountMinor, line.currency),
    cancelledAt: line.cancelledAt,
  };
}

export interface CancellationOption {
  order: OrderEntity;
  lines: OrderLineEntity[];
  state: CancellationState;
  cancellableUntil: Date | null;
  windowDays: number | null;
  daysRemaining: number;
  lastDay: boolean;
  hoursRemaining: number;
  minutesRemaining: number;
  /** C9: what a cancellation now would credit; null unless it can be cancelled now. */
  credit: Money | null;
  creditMethod: CreditBreakdown['method'] | null;
  charged: Money;
}

/** An order's lines of one product decide together (the domain's `orderCancellation`). */
function optionFor(order: OrderEntity, lines: OrderLineEntity[], now: Date): CancellationOption {
  const decision = orderCancellation(lines.map(cancellableLine), now);
  const { deciding, remaining } = decision;
  return {
    order,
    lines,
    state: decision.state,
    cancellableUntil: deciding.terms.cancellableUntil,
    windowDays: deciding.terms.windowDays,
    daysRemaining: remaining.daysRemaining,
    lastDay: remaining.lastDay,
    hoursRemaining: remaining.hours,
    minutesRemaining: remaining.minutes,
    credit: decision.credit?.amount ?? null,
    creditMethod: decision.credit?.method ?? null,
    charged: lines.reduce(
      (total, l) => add(total, money(l.amountMinor, l.currency)),
      zero(order.currency),
    ),
  };
}

/** C2–C6, C9: this customer's orders of a product, each with its state, days left and credit now. */
export async function cancellationOptions(
  db: Database,
  actor: Actor,
  customerId: string,
  productId: string,
  now: Date,
) {
  const customer = await getCustomer(db, actor, customerId);
  const product =
    (await db.manager.findOneBy(ProductEntity, { id: productId })) ?? notFound('product');
  // Plain rows (issue 13): this read answers the Cancel dialog and is the hot one.
  const scope = forPartner(db.manager, actor);
  const lines = (
    await scope.rows(
      `SELECT ${LINE_COLUMNS} FROM order_lines
       WHERE partner_id = :partnerId AND customer_id = :customerId AND product_id = :productId
       ORDER BY purchased_at DESC, order_id ASC, line_number ASC`,
      { customerId: customer.id, productId: product.id },
    )
  ).map(lineOfRow);
  const orderIds = [...new Set(lines.map((l) => l.orderId))];
  const orders = orderIds.length
    ? (
        await scope.rows(
          `SELECT ${ORDER_COLUMNS} FROM orders WHERE partner_id = :partnerId AND id IN (:orderIds)`,
          { orderIds },
        )
      ).map(orderOfRow)
    : [];
  const byId = new Map(orders.map((o) => [o.id, o]));
  return {
    customer,
    product,
    options: orderIds.map((id) =>
      optionFor(
        byId.get(id)!,
        lines.filter((l) => l.orderId === id),
        now,
      ),
    ),
  };
}

/** C10: the unique (line, CREDIT) index refused a second credit: the line was cancelled already. */
function alreadyCancelledOnDuplicate(error: unknown): never {
  throw isUniqueViolation(error) ? new DomainError('ALREADY_CANCELLED', {}) : error;
}

export interface CancelRequest {
  customerId: string;
  orderId: string;
  productId: string;
  acknowledged: boolean;
}

export interface CancelResult {
  order: OrderEntity;
  lines: OrderLineEntity[];
  credit: Money;
  creditMethod: CreditBreakdown['method'];
  invoice: InvoiceEntity;
  cancelledAt: Date;
}

/**
 * C7–C10: cancels an order's lines of a product in one transaction: lines to quantity 0 and
 * cancelled, keys and links revoked (D8), the credit on the open invoice (C9, I1), `cancel_order`
 * logged (A1). The window is decided by the server's clock inside the transaction. Exactly once:
 * the conditional UPDATE and the unique (line, CREDIT) index refuse a second cancellation (C10).
 */
export async function cancelPurchase(
  db: Database,
  clock: Clock,
  actorOrNull: Actor | null,
  request: CancelRequest,
): Promise<CancelResult> {
  let lines: OrderLineEntity[] = [];
  // A1: the refusal names the order, its customer and the product asked for, even when it was
  // refused before they were read (a missing role); only the caller's own partner's order and
  // customer are named (R8): a foreign id is logged like an unknown one.
  const refused = async () => {
    if (!actorOrNull) return null;
    const order =
      typeof request.orderId === 'string'
        ? await getOrder(db, actorOrNull, request.orderId).catch(() => null)
        : null;
    const product =
      typeof request.productId === 'string'
        ? await db.manager.findOneBy(ProductEntity, { id: request.productId }).catch(() => null)
        : null;
    return {
      partnerId: actorOrNull.partnerId,
      actor: actorOrNull,
      customerId: lines[0]?.customerId ?? order?.customerId ?? null,
      operation: 'cancel_order' as const,
      resource: order ? `order:${order.id}` : 'order:unknown',
      productName: product?.name ?? null,
      at: clock.now(),
    };
  };
  return withRefusalLog(db, refused, async () => {
    const actor = authorize(actorOrNull, 'CANCEL_PURCHASE');
    if (request.acknowledged !== true) fail('ACKNOWLEDGEMENT_REQUIRED');
    const customer = await getCustomer(db, actor, request.customerId);
    const orderId = request.orderId.trim().toUpperCase();
    lines = await linesOfProduct(db, actor.partnerId, customer.id, request.productId, orderId);
    if (lines.length === 0) notFound('order');
    // The lines were found for this partner, so their order is one of its own.
    const order = await getOrder(db, actor, orderId);
    const product = await db.manager.findOneByOrFail(ProductEntity, { id: request.productId });
    const skus = await db.manager.findBy(SkuEntity, { id: In(lines.map((l) => l.skuId)) });
    // Refuse early what cannot be cancelled, so a refusal writes nothing (not even the invoice).
    const early = lines.filter((l) => l.status === 'ACTIVE');
    if (early.length === 0)
      fail('ALREADY_CANCELLED', { cancelledAt: lines[0]!.cancelledAt?.toISOString() });
    for (const line of early) decideCancellation(cancellableLine(line), clock.now());
    const invoice = await ensureInvoice(db, actor.partnerId, clock.now(), order.currency);

    const result = await db
      .transaction(async (m) => {
        const now = clock.now(); // C2: the server's clock at commit time decides
        const active = lines.filter((l) => l.status === 'ACTIVE');
        if (active.length === 0) {
          fail('ALREADY_CANCELLED', { cancelledAt: lines[0]!.cancelledAt?.toISOString() });
        }
        const decisions = active.map((line) => ({
          line,
          decision: decideCancellation(cancellableLine(line), now),
        }));
        const ids = active.map((l) => l.id);
        if ((await cancelLines(m, ids, now)) !== ids.length)
          fail('ALREADY_CANCELLED', { cancelledAt: now.toISOString() });

        for (const { line, decision } of decisions) {
          await addInvoiceLine(m, {
            invoiceId: invoice.id,
            partnerId: actor.partnerId,
            customerId: customer.id,
            orderId: order.id,
            orderLineId: line.id,
            productName: product.name,
            skuName: skus.find((s) => s.id === line.skuId)?.name ?? '',
            quantity: line.purchasedQuantity,
            kind: 'CREDIT',
            amount: negate(decision.credit),
            taxIncluded: order.taxIncluded,
            at: now,
          });
        }
        // D8: every key and link of the cancelled lines stops working at once.
        await revokeLines(m, ids, now);
        await closeOrderIfAllCancelled(m, order.id);

        const credit = decisions.reduce(
          (total, d) => add(total, d.decision.credit),
          zero(order.currency),
        );
        await recordSuccess(m, {
          partnerId: actor.partnerId,
          actor,
          customerId: customer.id,
          operation: 'cancel_order',
          resource: `order:${order.id}`,
          productName: product.name,
          detail: {
            code: 'CANCELLATION_CREDIT',
            params: {
              amountMinor: String(credit.amountMinor), // minor units, as written (no grouping)
              currency: credit.currency,
              period: invoice.period,
            },
          },
          at: now,
        });
        await enqueueWebhook(
          m,
          actor.partnerId,
          purchaseCancelledEvent(
            order,
            product,
            ids,
            credit,
            decisions[0]!.decision.method,
            invoice.period,
            now,
            actor,
          ),
          now,
        ); // W2
        return { credit, creditMethod: decisions[0]!.decision.method, cancelledAt: now };
      })
      .catch(alreadyCancelledOnDuplicate);
    const fresh = await getOrder(db, actor, order.id);
    const freshLines = await forPartner(db.manager, actor).findBy(OrderLineEntity, {
      id: In(lines.map((l) => l.id)),
    });
    return { order: fresh, lines: freshLines, invoice, ...result };
  });
}
