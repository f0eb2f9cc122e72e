import { type WebhookEventType, WEBHOOK_TEST_EVENT } from '@csp/domain';
import type { EntityManager } from 'typeorm';
import { newId } from '../../shared/ids.js';
import { select, toDb, write } from './sql.js';

/** An event as its change describes it; `data` becomes the body's `data`. */
export interface WebhookEvent {
  type: WebhookEventType | typeof WEBHOOK_TEST_EVENT;
  data: Record<string, unknown>;
  /** For events sent once per thing: a second one with the same key is not written. */
  subjectKey?: string;
}

interface EndpointRow {
  id: string;
  events: string;
}

/** The endpoints of a partner that want `type` (the test event goes only where it is asked to). */
async function subscribers(m: EntityManager, partnerId: string, type: string) {
  const rows = await select<EndpointRow>(
    m,
    'SELECT id, events FROM webhook_endpoints WHERE partner_id = ?',
    [partnerId],
  );
  return rows.filter((r) => r.events.split(',').includes(type)).map((r) => r.id);
}

/**
 * W2, the transactional outbox: writes the event and one delivery per subscribed endpoint with
 * `m`, the manager of the change's own transaction, so the event commits (or not) with its
 * change. Sends nothing: the worker does, after the commit. A partner with no endpoint for the
 * event writes nothing. Answers the event id, or null when nobody subscribed.
 */
export async function enqueueWebhook(
  m: EntityManager,
  partnerId: string,
  event: WebhookEvent,
  now: Date,
  onlyEndpointId?: string,
): Promise<string | null> {
  const endpointIds = onlyEndpointId
    ? [onlyEndpointId]
    : await subscribers(m, partnerId, event.type);
  if (endpointIds.length === 0) return null;
  const id = newId();
  const body = JSON.stringify({
    id,
    type: event.type,
    created: now.toISOString(),
    data: event.data,
  });
  await write(
    m,
    'INSERT INTO webhook_events (id, partner_id, type, subject_key, body, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    [id, partnerId, event.type, event.subjectKey ?? null, body, toDb(now)],
  );
  for (const endpointId of endpointIds) {
    await write(
      m,
      `INSERT INTO webhook_deliveries (id, event_id, endpoint_id, partner_id, status, attempts, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?)`,
      [newId(), id, endpointId, partnerId, toDb(now), toDb(now)],
    );
  }
  return id;
}

/**
 * W1: `download_link.exhausted`, written in the transaction that counted a download when that
 * download was the link's last one (the 50th, D4).
 */
export async function enqueueIfLinkExhausted(
  m: EntityManager,
  link: { id: string; partnerId: string; customerId: string; orderLineId: string },
  now: Date,
): Promise<void> {
  const [row] = await select<{ used: number | string; max: number | string }>(
    m,
    'SELECT downloads_used AS used, max_downloads AS max FROM download_links WHERE id = ?',
    [link.id],
  );
  if (!row || Number(row.used) < Number(row.max)) return;
  await enqueueWebhook(
    m,
    link.partnerId,
    {
      type: 'download_link.exhausted',
      data: {
        linkId: link.id,
        customerId: link.customerId,
        orderLineId: link.orderLineId,
        downloadsUsed: Number(row.used),
      },
    },
    now,
  );
}
