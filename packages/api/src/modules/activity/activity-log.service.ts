import { isOperationType, OPERATION_TYPES, type OperationType } from '@csp/domain';
import { Brackets, type SelectQueryBuilder } from 'typeorm';
import type { Database } from '../../data-source.js';
import type { Actor } from '../../shared/context.js';
import { decodeCursor, encodeCursor, pageSize } from '../../shared/cursor.js';
import { badInput } from '../../shared/errors.js';
import { forPartner } from '../../shared/tenancy.js';
import { ActivityEntryEntity } from './activity-entry.entity.js';
import { entriesByIds } from './activity-rows.js';

export interface ActivityFilter {
  /** Inclusive. */
  from: Date;
  /** Exclusive: the UI sends the start of the day after the last chosen day (A2). */
  to: Date;
  operationTypes: readonly OperationType[];
  customerId: string | null;
}

export const MAX_RANGE_MS = 3 * 366 * 24 * 3_600_000;

export function validateFilter(filter: {
  from: Date;
  to: Date;
  operationTypes?: readonly string[] | null;
  customerId?: string | null;
}): ActivityFilter {
  if (Number.isNaN(filter.from.getTime()) || Number.isNaN(filter.to.getTime()))
    badInput('from', 'Enter valid dates.');
  if (filter.to.getTime() <= filter.from.getTime())
    badInput('to', 'The end date must be after the start date.');
  if (filter.to.getTime() - filter.from.getTime() > MAX_RANGE_MS)
    badInput('to', 'Choose a range of at most three years.');
  const operationTypes = filter.operationTypes?.length
    ? [...new Set(filter.operationTypes)]
    : [...OPERATION_TYPES];
  if (!operationTypes.every(isOperationType)) badInput('operationTypes', 'Unknown operation type.');
  return {
    from: filter.from,
    to: filter.to,
    operationTypes: operationTypes as OperationType[],
    customerId: filter.customerId ?? null,
  };
}

/** A3, R8: every query is scoped to the caller's partner; the index (partner, operation, at) serves it. */
function filtered(
  db: Database,
  actor: Actor,
  filter: ActivityFilter,
): SelectQueryBuilder<ActivityEntryEntity> {
  const qb = forPartner(db.manager, actor)
    .query(ActivityEntryEntity, 'a')
    .andWhere('a.at >= :from AND a.at < :to', { from: filter.from, to: filter.to });
  if (filter.operationTypes.length < OPERATION_TYPES.length) {
    qb.andWhere('a.operation IN (:...operations)', { operations: filter.operationTypes });
  }
  if (filter.customerId)
    qb.andWhere('a.customer_id = :customerId', { customerId: filter.customerId });
  return qb;
}

/** A4: one page, newest first, keyset-paged on (at, id) so deep pages cost the same as the first. */
export async function activityPage(
  db: Database,
  actor: Actor,
  filter: ActivityFilter,
  args: { first?: number | null; after?: string | null },
) {
  const size = pageSize(args.first, 50, 200);
  const cursor = args.after ? decodeCursor(args.after, 2) : null;
  /** One newest-first page of a filter, after the cursor. */
  const pageOf = (f: ActivityFilter) => {
    const qb = filtered(db, actor, f);
    if (cursor) {
      const [at, id] = cursor;
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('a.at < :cursorAt', { cursorAt: new Date(Number(at)) })
            .orWhere('a.at = :cursorAt AND a.id < :cursorId', { cursorId: id }),
        ),
      );
    }
    return qb.orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC');
  };

  let rows: ActivityEntryEntity[];
  const some =
    filter.operationTypes.length > 1 && filter.operationTypes.length < OPERATION_TYPES.length;
  if (!some) {
    rows = await pageOf(filter)
      .take(size + 1)
      .getMany();
  } else {
    // Several operations: each one's newest rows come in order from the (partner, operation, at)
    // index with their own limit; merging them reads at most k × (size + 1) index entries, however
    // large the log is (an IN list would sort every row of the range).
    const parts = filter.operationTypes.map((operation) =>
      pageOf({ ...filter, operationTypes: [operation] })
        .select(['a.id', 'a.at'])
        .limit(size + 1)
        .getQueryAndParameters(),
    );
    const sql =
      parts.map(([query], i) => `SELECT a_id, a_at FROM (${query}) t${i}`).join(' UNION ALL ') +
      ` ORDER BY a_at DESC, a_id DESC LIMIT ${size + 1}`;
    const ids = (
      (await db.manager.query(
        sql,
        parts.flatMap(([, params]) => params),
      )) as { a_id: string }[]
    ).map((r) => r.a_id);
    const entries = await entriesByIds(db, actor.partnerId, ids);
    rows = entries.sort(
      (x, y) => y.at.getTime() - x.at.getTime() || (x.id < y.id ? 1 : x.id > y.id ? -1 : 0),
    );
  }
  const visible = rows.slice(0, size);
  return {
    rows: visible.map((entry) => ({ entry, cursor: encodeCursor([entry.at.getTime(), entry.id]) })),
    hasNextPage: rows.length > size,
  };
}

/** A4: every entry of the filter, page by page, for the CSV export. */
export async function* allActivity(db: Database, actor: Actor, filter: ActivityFilter) {
  let after: string | null = null;
  for (;;) {
    const page = await activityPage(db, actor, filter, { first: 200, after });
    for (const row of page.rows) yield row.entry;
    if (!page.hasNextPage) return;
    after = page.rows.at(-1)!.cursor;
  }
}
