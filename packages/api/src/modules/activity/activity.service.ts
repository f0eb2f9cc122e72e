import type { OperationType } from '@csp/domain';
import type { EntityManager } from 'typeorm';
import type { Database } from '../../data-source.js';
import type { Actor } from '../../shared/context.js';
import { newId } from '../../shared/ids.js';
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
  detail?: string | null;
  at: Date;
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
    detail: facts.detail?.slice(0, 300) ?? null,
    at: facts.at,
  } satisfies ActivityEntryEntity;
}

/** A1: appends a success in the same transaction as the action it records. */
export async function recordSuccess(manager: EntityManager, facts: ActivityFacts): Promise<void> {
  await manager.insert(ActivityEntryEntity, entry(facts, 'SUCCEEDED', null));
}

/** A1: a refused attempt is logged as failed, in its own transaction (the action changed nothing). */
export async function recordFailure(
  db: Database,
  facts: ActivityFacts,
  failureCode: string,
): Promise<void> {
  await db.transaction((m) => m.insert(ActivityEntryEntity, entry(facts, 'FAILED', failureCode)));
}
