import { PAGED_FIELDS } from '../../shared/graphql-limits.js';
import {
  isWebhookEvent,
  MAX_WEBHOOK_ENDPOINTS,
  WEBHOOK_EVENTS,
  WEBHOOK_TEST_EVENT,
  type WebhookFailure,
} from '@csp/domain';
import type { Database } from '../../data-source.js';
import type { Clock } from '../../shared/clock.js';
import { authorize, type Actor, type SecretBox } from '../../shared/context.js';
import { decodeCursor, encodeCursor, pageSize } from '../../shared/cursor.js';
import { badInput, fail, notFound } from '../../shared/errors.js';
import { newId, UUID_PATTERN } from '../../shared/ids.js';
import { deliveryFailureOf } from './delivery-failure.js';
import { enqueueWebhook } from './outbox.js';
import { newWebhookSecret } from './signing.js';
import { fromDb, fromDbOrNull, select, toDb, write } from './sql.js';
import { checkEndpointUrl, type UrlPolicy } from './url-policy.js';

export interface EndpointView {
  id: string;
  url: string;
  events: string[];
  createdAt: Date;
}

export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED';

export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  responseStatus: number | null;
  /** W2, E1: why the last attempt failed, as a code; null when it did not. */
  lastErrorCode: WebhookFailure | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

interface EndpointRow {
  id: string;
  url: string;
  events: string;
  created_at: unknown;
}

function endpointView(row: EndpointRow): EndpointView {
  return {
    id: row.id,
    url: row.url,
    events: row.events.split(',').filter(Boolean),
    createdAt: fromDb(row.created_at),
  };
}

/** R8: the endpoint of the caller's partner, or NOT_FOUND exactly like a missing one. */
async function endpointOf(db: Database, actor: Actor, id: string): Promise<EndpointRow> {
  if (!UUID_PATTERN.test(id)) notFound('webhook endpoint');
  const [row] = await select<EndpointRow>(
    db.manager,
    'SELECT id, url, events, created_at FROM webhook_endpoints WHERE id = ? AND partner_id = ?',
    [id, actor.partnerId],
  );
  return row ?? notFound('webhook endpoint');
}

export async function listEndpoints(db: Database, actorOrNull: Actor | null) {
  const actor = authorize(actorOrNull, 'MANAGE_WEBHOOKS');
  const rows = await select<EndpointRow>(
    db.manager,
    'SELECT id, url, events, created_at FROM webhook_endpoints WHERE partner_id = ? ORDER BY created_at, id',
    [actor.partnerId],
  );
  return rows.map(endpointView);
}

function checkEvents(events: readonly string[]): string[] {
  const unique = [...new Set(events.map((e) => e.trim()))];
  if (unique.length === 0) badInput('events', 'EVENTS_REQUIRED');
  for (const event of unique) {
    if (!isWebhookEvent(event))
      badInput('events', 'EVENT_UNKNOWN', { event: event.slice(0, 60), events: WEBHOOK_EVENTS });
  }
  return WEBHOOK_EVENTS.filter((e) => unique.includes(e));
}

/**
 * W1: a Global admin registers an endpoint. The secret is generated here and answered once; it is
 * kept encrypted (AES-256-GCM, bound to the endpoint id) because signing needs it.
 */
export async function createEndpoint(
  db: Database,
  vault: SecretBox,
  clock: Clock,
  policy: UrlPolicy,
  actorOrNull: Actor | null,
  input: { url: string; events: string[] },
): Promise<{ endpoint: EndpointView; secret: string }> {
  const actor = authorize(actorOrNull, 'MANAGE_WEBHOOKS');
  const events = checkEvents(input.events);
  const url = await checkEndpointUrl(input.url, policy);
  const id = newId();
  const secret = newWebhookSecret();
  const now = clock.now();
  await db.transaction(async (m) => {
    const [count] = await select<{ n: number | string }>(
      m,
      'SELECT COUNT(*) AS n FROM webhook_endpoints WHERE partner_id = ?',
      [actor.partnerId],
    );
    if (Number(count?.n ?? 0) >= MAX_WEBHOOK_ENDPOINTS)
      badInput('url', 'ENDPOINT_LIMIT', { max: MAX_WEBHOOK_ENDPOINTS });
    await write(
      m,
      `INSERT INTO webhook_endpoints (id, partner_id, url, events, secret_ciphertext, created_by_user_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        actor.partnerId,
        url,
        events.join(','),
        vault.encrypt(secret, id),
        actor.userId,
        toDb(now),
      ],
    );
  });
  return { endpoint: { id, url, events, createdAt: now }, secret };
}

/** W1: removes an endpoint with its delivery log; nothing more is sent to it. */
export async function deleteEndpoint(db: Database, actorOrNull: Actor | null, id: string) {
  const actor = authorize(actorOrNull, 'MANAGE_WEBHOOKS');
  const endpoint = await endpointOf(db, actor, id);
  await db.transaction(async (m) => {
    await write(m, 'DELETE FROM webhook_deliveries WHERE endpoint_id = ? AND partner_id = ?', [
      endpoint.id,
      actor.partnerId,
    ]);
    await write(m, 'DELETE FROM webhook_endpoints WHERE id = ? AND partner_id = ?', [
      endpoint.id,
      actor.partnerId,
    ]);
  });
  return true;
}

interface DeliveryRow {
  seq: number | string;
  id: string;
  event_id: string;
  type: string;
  status: DeliveryStatus;
  attempts: number | string;
  response_status: number | string | null;
  last_error: string | null;
  last_attempt_at: unknown;
  next_attempt_at: unknown;
  delivered_at: unknown;
  created_at: unknown;
}

function deliveryView(row: DeliveryRow): DeliveryView {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.type,
    status: row.status,
    attempts: Number(row.attempts),
    responseStatus: row.response_status === null ? null : Number(row.response_status),
    lastErrorCode: deliveryFailureOf(row.last_error),
    lastAttemptAt: fromDbOrNull(row.last_attempt_at),
    nextAttemptAt: row.status === 'PENDING' ? fromDbOrNull(row.next_attempt_at) : null,
    deliveredAt: fromDbOrNull(row.delivered_at),
    createdAt: fromDb(row.created_at),
  };
}

/** W2: an endpoint's delivery log, newest first, paged by cursor. */
export async function listDeliveries(
  db: Database,
  actorOrNull: Actor | null,
  endpointId: string,
  args: { first?: number | null; after?: string | null },
) {
  const actor = authorize(actorOrNull, 'MANAGE_WEBHOOKS');
  const { fallback, max } = PAGED_FIELDS['Query.webhookDeliveries']!;
  const size = pageSize(args.first, fallback, max);
  const endpoint = await endpointOf(db, actor, endpointId);
  const before = args.after != null ? Number(decodeCursor(args.after, 1)[0]) : null;
  if (before !== null && !Number.isSafeInteger(before)) badInput('after', 'CURSOR_INVALID');
  const rows = await select<DeliveryRow>(
    db.manager,
    `SELECT d.seq, d.id, d.event_id, e.type, d.status, d.attempts, d.response_status, d.last_error,
            d.last_attempt_at, d.next_attempt_at, d.delivered_at, d.created_at
     FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
     WHERE d.endpoint_id = ? AND d.partner_id = ? ${before !== null ? 'AND d.seq < ?' : ''}
     ORDER BY d.seq DESC LIMIT ${size + 1}`,
    before !== null ? [endpoint.id, actor.partnerId, before] : [endpoint.id, actor.partnerId],
  );
  const page = rows.slice(0, size);
  return {
    rows: page.map((row) => ({
      cursor: encodeCursor([Number(row.seq)]),
      delivery: deliveryView(row),
    })),
    hasNextPage: rows.length > size,
  };
}

/** W2 **Redeliver**: the same event (same id) again, as a new delivery with a fresh 24 hours. */
export async function redeliver(
  db: Database,
  clock: Clock,
  actorOrNull: Actor | null,
  deliveryId: string,
) {
  const actor = authorize(actorOrNull, 'MANAGE_WEBHOOKS');
  if (!UUID_PATTERN.test(deliveryId)) notFound('webhook delivery');
  const [row] = await select<{ event_id: string; endpoint_id: string }>(
    db.manager,
    'SELECT event_id, endpoint_id FROM webhook_deliveries WHERE id = ? AND partner_id = ?',
    [deliveryId, actor.partnerId],
  );
  if (!row) notFound('webhook delivery');
  const id = newId();
  const now = clock.now();
  await db.transaction((m) =>
    write(
      m,
      `INSERT INTO webhook_deliveries (id, event_id, endpoint_id, partner_id, status, attempts, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?)`,
      [id, row.event_id, row.endpoint_id, actor.partnerId, toDb(now), toDb(now)],
    ),
  );
  return deliveryById(db, actor, id);
}

async function deliveryById(db: Database, actor: Actor, id: string): Promise<DeliveryView> {
  const [row] = await select<DeliveryRow>(
    db.manager,
    `SELECT d.seq, d.id, d.event_id, e.type, d.status, d.attempts, d.response_status, d.last_error,
            d.last_attempt_at, d.next_attempt_at, d.delivered_at, d.created_at
     FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
     WHERE d.id = ? AND d.partner_id = ?`,
    [id, actor.partnerId],
  );
  return row ? deliveryView(row) : fail('NOT_FOUND', { resource: 'webhook delivery' });
}

/** W2 **Send test event**: a `webhook.test` event to this endpoint only, through the same outbox. */
export async function sendTestEvent(
  db: Database,
  clock: Clock,
  actorOrNull: Actor | null,
  endpointId: string,
) {
  const actor = authorize(actorOrNull, 'MANAGE_WEBHOOKS');
  const endpoint = await endpointOf(db, actor, endpointId);
  const now = clock.now();
  const eventId = await db.transaction((m) =>
    enqueueWebhook(
      m,
      actor.partnerId,
      {
        type: WEBHOOK_TEST_EVENT,
        data: { endpointId: endpoint.id, message: 'A test event from the CSP Software Portal.' },
      },
      now,
      endpoint.id,
    ),
  );
  const [row] = await select<{ id: string }>(
    db.manager,
    'SELECT id FROM webhook_deliveries WHERE event_id = ? AND partner_id = ?',
    [eventId, actor.partnerId],
  );
  return deliveryById(db, actor, row!.id);
}
