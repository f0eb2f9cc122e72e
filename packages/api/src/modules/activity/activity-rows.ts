import type { Database } from '../../data-source.js';
import { instant, int } from '../../shared/raw-rows.js';
import { forPartner } from '../../shared/tenancy.js';
import type { ActivityEntryEntity } from './activity-entry.entity.js';

/** Every column of the log, in the order `entryOf` reads them. */
export const ENTRY_COLUMNS = `id, partner_id, customer_id, user_id, user_email, remote_address, user_agent,
  operation, resource, product_name, outcome, failure_code, detail, detail_code, detail_params, at, count,
  refusal_bucket`;

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

/**
 * Entries of one partner by id, as plain rows. Scoped to the partner like every read of the
 * log (R8).
 */
export async function entriesByIds(
  db: Database,
  partnerId: string,
  ids: readonly string[],
): Promise<ActivityEntryEntity[]> {
  if (ids.length === 0) return [];
  const rows = await forPartner(db.manager, partnerId).rows(
    `SELECT ${ENTRY_COLUMNS} FROM activity_log WHERE partner_id = :partnerId AND id IN (:ids)`,
    { ids: [...ids] },
  );
  return rows.map(entryOf);
}
