import type { CreditBreakdown, Money } from '@csp/domain';
import type { WebhookEvent } from './outbox.js';

/**
 * The bodies of the W1 events, built from what each change already has in hand. Amounts are
 * integer minor units with the currency (M4), instants ISO 8601 UTC. No secrets: never an
 * activation key or a link token.
 */
const amount = (m: Money) => ({ amountMinor: m.amountMinor, currency: m.currency });

export function orderPlacedEvent(
  order: {
    id: string;
    customerId: string;
    purchasedAt: Date;
    totalMinor: number;
    currency: Money['currency'];
    taxIncluded: boolean;
  },
  lines: readonly {
    line: { quantity: number };
    sku: { id: string; name: string };
    product: { id: string; name: string };
  }[],
  placedBy: { email: string },
): WebhookEvent {
  return {
    type: 'order.placed',
    data: {
      orderId: order.id,
      customerId: order.customerId,
      purchasedAt: order.purchasedAt.toISOString(),
      total: { amountMinor: order.totalMinor, currency: order.currency },
      taxIncluded: order.taxIncluded,
      placedBy: placedBy.email,
      lines: lines.map((l) => ({
        productId: l.product.id,
        productName: l.product.name,
        skuId: l.sku.id,
        skuName: l.sku.name,
        quantity: l.line.quantity,
      })),
    },
  };
}

export function purchaseCancelledEvent(
  order: { id: string; customerId: string },
  product: { id: string; name: string },
  lineIds: readonly string[],
  credit: Money,
  method: CreditBreakdown['method'],
  invoicePeriod: string,
  cancelledAt: Date,
  cancelledBy: { email: string },
): WebhookEvent {
  return {
    type: 'purchase.cancelled',
    data: {
      orderId: order.id,
      customerId: order.customerId,
      productId: product.id,
      productName: product.name,
      orderLineIds: [...lineIds],
      credit: amount(credit),
      creditMethod: method,
      creditInvoicePeriod: invoicePeriod,
      cancelledAt: cancelledAt.toISOString(),
      cancelledBy: cancelledBy.email,
    },
  };
}

export function supportRequestCreatedEvent(request: {
  id: string;
  customerId: string | null;
  problemType: string;
  impact: string;
  title: string;
  orderOrSubscriptionId: string;
  status: string;
  createdAt: Date;
}): WebhookEvent {
  return {
    type: 'support_request.created',
    data: {
      supportRequestId: request.id,
      customerId: request.customerId,
      problemType: request.problemType,
      impact: request.impact,
      title: request.title,
      orderOrSubscriptionId: request.orderOrSubscriptionId || null,
      status: request.status,
      createdAt: request.createdAt.toISOString(),
    },
  };
}
