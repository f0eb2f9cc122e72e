import {
  activityRangeProblem,
  ACTIVITY_MAX_RANGE_DAYS,
  isOperationType,
  OPERATION_TYPES,
  type OperationType,
} from '@csp/domain';
import type { Database } from '../../data-source.js';
import type { Actor } from '../../shared/context.js';
import { decodeCursor, encodeCursor, pageSize } from '../../shared/cursor.js';
import { PAGED_FIELDS } from '../../shared/graphql-limits.js';
import { badInput } from '../../shared/errors.js';
import { forPartner } from '../../shared/tenancy.js';
import type { ActivityEntryEntity } from './activity-entry.entity.js';
import { entryOf, ENTRY_COLUMNS, ENTRY_COLUMNS_A } from './activity-rows.js';

export interface ActivityFilter {
  /** Inclusive. */
  from: Date;
  /** Exclusive: the UI sends the start of the day after the last chosen day (A2). */
  to: Date;
  operationTypes: readonly OperationType[];
  customerId: string | null;
}

export function validateFilter(filter: {
  from: Date;
  to: Date;
  operationTypes?: readonly string[] | null;
  customerId?: string | null;
}): ActivityFilter {
  const problem = activityRangeProblem(filter.from, filter.to);
  if (problem === 'invalid') badInput('from', 'DATES_INVALID');
  if (problem === 'order') badInput('to', 'DATE_RANGE_ORDER');
  if (problem === 'tooLong')
    badInput('to', 'DATE_RANGE_TOO_LONG', { maxDays: ACTIVITY_MAX_RANGE_DAYS });
  const operationTypes = filter.operationTypes?.length
    ? [...new Set(filter.operationTypes)]
    : [...OPERATION_TYPES];
  if (!operationTypes.every(isOperationType)) badInput('operationTypes', 'OPERATION_TYPE_UNKNOWN');
  return {
    from: filter.from,
    to: filter.to,
    operationTypes: operationTypes as OperationType[],
    customerId: filter.customerId ?? null,
  };
}

/**
 * A3, R8: the WHERE clause of a filter, scoped to the caller's partner; the indexes (partner, at),
 * (partner, operation, at) and (partner, customer, at) serve it. `operation` names the one
 * operation of a part of the merged page (its parameter is `:operation<i>`). Issue 13: plain
 * SQL through `forPartner(...).rows`, no query builder per request.
 */
function whereOf(
  filter: ActivityFilter,
  options: { cursor?: boolean; operation?: number } = {},
): string {
  let sql = 'partner_id = :partnerId AND at >= :from AND at < :to';
  if (options.operation !== undefined) sql += ` AND operation = :operation${options.operation}`;
  else if (filter.operationTypes.length < OPERATION_TYPES.length)
    sql += ' AND operation IN (:operations)';
  if (filter.customerId) sql += ' AND customer_id = :customerId';
  if (options.cursor) sql += ' AND (at < :cursorAt OR (at = :cursorAt AND id < :cursorId))';
  return sql;
}

function paramsOf(filter: ActivityFilter): Record<string, unknown> {
  return {
    from: filter.from,
    to: filter.to,
    operations: [...filter.operationTypes],
    customerId: filter.customerId,
  };
}

/**
 * A4: how many entries the filter matches, for "Page 1 of N". A COUNT(*) over the same filter as
 * the page: served from the indexes without reading the rows.
 */
export async function countActivity(
  db: Database,
  actor: Actor,
  filter: ActivityFilter,
): Promise<number> {
  const [row] = await forPartner(db.manager, actor).rows<{ n: number | string }>(
    `SELECT COUNT(*) AS n FROM activity_log WHERE ${whereOf(filter)}`,
    paramsOf(filter),
  );
  return Number(row?.n ?? 0);
}

/** A4: one page, newest first, keyset-paged on (at, id) so deep pages cost the same as the first. */
export async function activityPage(
  db: Database,
  actor: Actor,
  filter: ActivityFilter,
  args: { first?: number | null; after?: string | null },
) {
  const { fallback, max } = PAGED_FIELDS['Query.activityLog']!;
  const size = pageSize(args.first, fallback, max);
  const cursor = args.after ? decodeCursor(args.after, 2) : null;
  const scope = forPartner(db.manager, actor);
  const params: Record<string, unknown> = { ...paramsOf(filter), limit: size + 1 };
  if (cursor) {
    params['cursorAt'] = new Date(Number(cursor[0]));
    params['cursorId'] = cursor[1];
  }
  const order = 'ORDER BY at DESC, id DESC LIMIT :limit';

  let rows: ActivityEntryEntity[];
  const some =
    filter.operationTypes.length > 1 && filter.operationTypes.length < OPERATION_TYPES.length;
  if (!some) {
    rows = (
      await scope.rows(
        `SELECT ${ENTRY_COLUMNS} FROM activity_log
         WHERE ${whereOf(filter, { cursor: !!cursor })} ${order}`,
        params,
      )
    ).map(entryOf);
  } else {
    // Several operations: each one's newest rows come in order from the (partner, operation, at)
    // index with their own limit; merging them reads at most k × (size + 1) index entries, however
    // large the log is (an IN list would sort every row of the range). The merged page's rows
    // are then read by primary key in the same statement (issue 13: one statement, not two).
    const parts = filter.operationTypes.map((operation, i) => {
      params[`operation${i}`] = operation;
      return `SELECT id, at FROM (SELECT id, at FROM activity_log
        WHERE ${whereOf(filter, { cursor: !!cursor, operation: i })} ${order}) t${i}`;
    });
    rows = (
      await scope.rows(
        `SELECT ${ENTRY_COLUMNS_A} FROM (${parts.join(' UNION ALL ')} ${order}) m
         JOIN activity_log a ON a.id = m.id AND a.partner_id = :partnerId
         ORDER BY a.at DESC, a.id DESC`,
        params,
      )
    ).map(entryOf);
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
