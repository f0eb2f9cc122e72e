import { instant, intOrNull } from '../../shared/raw-rows.js';
import type { SupportRequestEntity } from './support-request.entity.js';

/** Every column of a support request, in the order `requestOf` reads them. */
export const REQUEST_COLUMNS = `id, partner_id, created_by_user_id, customer_id, product_id,
  problem_type, impact, title, tenant_or_domain, order_or_subscription_id, refund_reason,
  amount_requested_minor, amount_currency, details, contact_name, contact_email, contact_phone,
  status, created_at`;

/** One plain row of `REQUEST_COLUMNS` as a request (issue 13: no entity hydration for a page). */
export function requestOf(r: Record<string, unknown>): SupportRequestEntity {
  return {
    id: r['id'] as string,
    partnerId: r['partner_id'] as string,
    createdByUserId: r['created_by_user_id'] as string,
    customerId: (r['customer_id'] as string | null) ?? null,
    productId: (r['product_id'] as string | null) ?? null,
    problemType: r['problem_type'] as SupportRequestEntity['problemType'],
    impact: r['impact'] as SupportRequestEntity['impact'],
    title: r['title'] as string,
    tenantOrDomain: r['tenant_or_domain'] as string,
    orderOrSubscriptionId: r['order_or_subscription_id'] as string,
    refundReason: r['refund_reason'] as string,
    amountRequestedMinor: intOrNull(r['amount_requested_minor']),
    amountCurrency: (r['amount_currency'] as SupportRequestEntity['amountCurrency']) ?? null,
    details: r['details'] as string,
    contactName: r['contact_name'] as string,
    contactEmail: r['contact_email'] as string,
    contactPhone: r['contact_phone'] as string,
    status: r['status'] as SupportRequestEntity['status'],
    createdAt: instant(r['created_at']),
  };
}
