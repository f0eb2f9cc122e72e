import { instant, instantOrNull, int, intOrNull } from '../../shared/raw-rows.js';
import type { OrderLineEntity } from './order-line.entity.js';
import type { OrderEntity } from './order.entity.js';

/** Orders and lines as plain rows, for hot reads (issue 13): the entities' fields, no hydration. */
export const LINE_COLUMNS = `id, order_id, partner_id, customer_id, product_id, sku_id, line_number,
  product_kind, term_years, quantity, purchased_quantity, unit_price_minor, amount_minor, currency,
  purchased_at, cancellation_policy, window_days, cancellable_until, status, cancelled_at`;

/** An order line from a plain row (the same fields as the entity, without hydration). */
export function lineOfRow(r: Record<string, unknown>): OrderLineEntity {
  return {
    id: r['id'] as string,
    orderId: r['order_id'] as string,
    partnerId: r['partner_id'] as string,
    customerId: r['customer_id'] as string,
    productId: r['product_id'] as string,
    skuId: r['sku_id'] as string,
    lineNumber: int(r['line_number']),
    productKind: r['product_kind'] as OrderLineEntity['productKind'],
    termYears: intOrNull(r['term_years']) as OrderLineEntity['termYears'],
    quantity: int(r['quantity']),
    purchasedQuantity: int(r['purchased_quantity']),
    unitPriceMinor: int(r['unit_price_minor']),
    amountMinor: int(r['amount_minor']),
    currency: r['currency'] as OrderLineEntity['currency'],
    purchasedAt: instant(r['purchased_at']),
    cancellationPolicy: r['cancellation_policy'] as OrderLineEntity['cancellationPolicy'],
    windowDays: intOrNull(r['window_days']),
    cancellableUntil: instantOrNull(r['cancellable_until']),
    status: r['status'] as OrderLineEntity['status'],
    cancelledAt: instantOrNull(r['cancelled_at']),
  };
}

export const ORDER_COLUMNS = `id, partner_id, customer_id, placed_by_user_id, purchased_at,
  currency, total_minor, tax_included, status, idempotency_key, request_hash`;

/** An order from a plain row. */
export function orderOfRow(r: Record<string, unknown>): OrderEntity {
  return {
    id: r['id'] as string,
    partnerId: r['partner_id'] as string,
    customerId: r['customer_id'] as string,
    placedByUserId: r['placed_by_user_id'] as string,
    purchasedAt: instant(r['purchased_at']),
    currency: r['currency'] as OrderEntity['currency'],
    totalMinor: int(r['total_minor']),
    taxIncluded: Boolean(int(r['tax_included'])),
    status: r['status'] as OrderEntity['status'],
    idempotencyKey: r['idempotency_key'] as string,
    requestHash: r['request_hash'] as string,
  };
}
