import { instant, int } from '../../shared/raw-rows.js';
import type { ActivityEntryEntity } from './activity-entry.entity.js';

/** Every column of the log, in the order `entryOf` reads them. */
export const ENTRY_COLUMNS = `id, partner_id, customer_id, user_id, user_email, remote_address, user_agent,
  operation, resource, product_name, outcome, failure_code, detail, detail_code, detail_params, at, count,
  refusal_bucket`;

/** `ENTRY_COLUMNS` of the log aliased `a` (in a join). */
export const ENTRY_COLUMNS_A = ENTRY_COLUMNS.split(',')
  .map((column) => `a.${column.trim()}`)
  .join(', ');

/** One plain row of `ENTRY_COLUMNS` as an entry (issue 13: no entity hydration for a page). */
export function entryOf(r: Record<string, unknown>): ActivityEntryEntity {
  return {
    id: r['id'] as string,
    partnerId: r['partner_id'] as string,
    customerId: (r['customer_id'] as string | null) ?? null,
    userId: (r['user_id'] as string | null) ?? null,
    userEmail: (r['user_email'] as string | null) ?? null,
    remoteAddress: (r['remote_address'] as string | null) ?? null,
    userAgent: (r['user_agent'] as string | null) ?? null,
    operation: r['operation'] as ActivityEntryEntity['operation'],
    resource: r['resource'] as string,
    productName: (r['product_name'] as string | null) ?? null,
    outcome: r['outcome'] as ActivityEntryEntity['outcome'],
    failureCode: (r['failure_code'] as string | null) ?? null,
    detail: (r['detail'] as string | null) ?? null,
    detailCode: (r['detail_code'] as string | null) ?? null,
    detailParams: (r['detail_params'] as string | null) ?? null,
    at: instant(r['at']),
    count: int(r['count']),
    refusalBucket: (r['refusal_bucket'] as string | null) ?? null,
  };
}
