import {
  DomainError,
  refusalLogBucket,
  type ActivityDetailCode,
  type OperationType,
} from '@csp/domain';
import type { EntityManager } from 'typeorm';
import type { Database } from '../../data-source.js';
import type { Actor } from '../../shared/context.js';
import { activityDetailText } from './activity-detail.js';
import { newId } from '../../shared/ids.js';
import { plainQuery } from '../../shared/raw-rows.js';
import { ActivityEntryEntity } from './activity-entry.entity.js';

export interface ActivityFacts {
  partnerId: string;
  actor?: Actor | null;
  customerId?: string | null;
  operation: OperationType;
  resource: string;
  productName?: string | null;
  remoteAddress?: string | null;
  userAgent?: string | null;
  /** What the detail says, as a code and its facts (issue 15); stored with its English text. */
  detail?: ActivityDetail | null;
  at: Date;
}

export interface ActivityDetail {
  code: ActivityDetailCode;
  params: Record<string, string | number>;
}

/** The columns of a detail: its code and facts, and its English text for the CSV. */
function detailColumns(detail: ActivityDetail | null | undefined) {
  if (!detail) return { detail: null, detailCode: null, detailParams: null };
  return {
    detail: activityDetailText('en', detail.code, detail.params).slice(0, 300),
    detailCode: detail.code,
    detailParams: JSON.stringify(detail.params).slice(0, 600),
  };
}

function entry(facts: ActivityFacts, outcome: 'SUCCEEDED' | 'FAILED', failureCode: string | null) {
  return {
    id: newId(),
    partnerId: facts.partnerId,
    customerId: facts.customerId ?? null,
    userId: facts.actor?.userId ?? null,
    userEmail: facts.actor?.email ?? null,
    remoteAddress: facts.remoteAddress?.slice(0, 64) ?? null,
    userAgent: facts.userAgent?.slice(0, 300) ?? null,
    operation: facts.operation,
    resource: facts.resource.slice(0, 120),
    productName: facts.productName ?? null,
    outcome,
    failureCode,
    ...detailColumns(facts.detail),
    at: facts.at,
    count: 1,
    refusalBucket: null,
  } satisfies ActivityEntryEntity;
}

/**
 * Issue 13: one plain INSERT (TypeORM's `insert` also reads the new row back, a second statement
 * on every order and counted download). Inside a transaction pass its manager.
 */
async function insertEntry(manager: EntityManager, e: ActivityEntryEntity): Promise<void> {
  await plainQuery(
    manager,
    `INSERT INTO activity_log (id, partner_id, customer_id, user_id, user_email, remote_address,
       user_agent, operation, resource, product_name, outcome, failure_code, detail, detail_code,
       detail_params, at, count, refusal_bucket)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      e.id,
      e.partnerId,
      e.customerId,
      e.userId,
      e.userEmail,
      e.remoteAddress,
      e.userAgent,
      e.operation,
      e.resource,
      e.productName,
      e.outcome,
      e.failureCode,
      e.detail,
      e.detailCode,
      e.detailParams,
      e.at,
      e.count,
      e.refusalBucket,
    ],
  );
}

/** A1: appends a success in the same transaction as the action it records. */
export async function recordSuccess(manager: EntityManager, facts: ActivityFacts): Promise<void> {
  await insertEntry(manager, entry(facts, 'SUCCEEDED', null));
}

/** A1: a refused attempt is logged as failed, in its own transaction (the action changed nothing). */
async function recordFailure(
  db: Database,
  facts: ActivityFacts,
  failureCode: string,
): Promise<void> {
  await db.transaction((m) => insertEntry(m, entry(facts, 'FAILED', failureCode)));
}

/**
 * A1: runs `work`; when it is refused (a DomainError), logs the refusal as failed in its own
 * transaction and rethrows it. `facts` names what was asked for, read after the refusal (it may
 * read the database; an answer of null logs nothing, say for bad input or an anonymous caller).
 * The one place a service's refusals are recorded: services never catch, log and rethrow by hand.
 */
export async function withRefusalLog<T>(
  db: Database,
  facts: (refusal: DomainError) => Promise<ActivityFacts | null> | ActivityFacts | null,
  work: () => Promise<T> | T,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) {
      const known = await facts(error);
      if (known) await recordFailure(db, known, error.code);
    }
    throw error;
  }
}

/**
 * E6: a refused download through a link, logged at most once per link and hour: the first refusal
 * of the hour writes the entry, later ones add to its `count`. Each statement is atomic on its
 * own, so concurrent refusals from any number of processes are all counted; a used-up link cannot
 * flood the partner's log (at most one entry per link per hour).
 */
export async function recordRefusedDownload(
  db: Database,
  facts: ActivityFacts,
  failureCode: string,
): Promise<void> {
  const bucket = `${facts.resource}:${refusalLogBucket(facts.at).toISOString()}`;
  const addOne = () =>
    db.transaction((m) =>
      m
        .createQueryBuilder()
        .update(ActivityEntryEntity)
        .set({ count: () => 'count + 1' })
        .where('refusal_bucket = :bucket', { bucket })
        .execute(),
    );
  if ((await addOne()).affected === 1) return;
  const hour = refusalLogBucket(facts.at).toISOString();
  const first = {
    ...entry(facts, 'FAILED', failureCode),
    ...detailColumns({
      code: 'REFUSED_IN_HOUR',
      params: { from: hour, fromUtc: hour.slice(11, 16) },
    }),
    refusalBucket: bucket,
  };
  await db.transaction((m) =>
    m.createQueryBuilder().insert().into(ActivityEntryEntity).values(first).orIgnore().execute(),
  );
  // Another request wrote the hour's entry first (ours was ignored): count this one in it.
  const written = await db.manager.findOne(ActivityEntryEntity, {
    select: { id: true },
    where: { refusalBucket: bucket },
  });
  if (written?.id !== first.id) await addOne();
}
