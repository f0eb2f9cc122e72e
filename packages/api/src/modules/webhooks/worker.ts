import {
  CLOSING_WARNING_MS,
  creditPreview,
  nextAttemptAt,
  WEBHOOK_LEASE_MS,
  WEBHOOK_TIMEOUT_MS,
  type WebhookFailure,
} from '@csp/domain';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import os from 'node:os';
import type { Database } from '../../data-source.js';
import type { Clock } from '../../shared/clock.js';
import { isUniqueViolation } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { cancellableLine } from '../cancellation/cancellation.service.js';
import { OrderLineEntity } from '../orders/order-line.entity.js';
import type { KeyVault } from '../software/key-vault.js';
import { enqueueWebhook } from './outbox.js';
import {
  EVENT_ID_HEADER,
  EVENT_TYPE_HEADER,
  SIGNATURE_HEADER,
  signatureHeader,
} from './signing.js';
import { fromDb, select, toDb, write } from './sql.js';
import { guardedLookup, isInternalAddress, type UrlPolicy } from './url-policy.js';
import { deliveryFailureOf } from './delivery-failure.js';

export interface WebhookWorkerOptions {
  db: Database;
  clock: Clock;
  vault: KeyVault;
  logger: Logger;
  policy: UrlPolicy;
  /** How often to look for due deliveries (default 1 s). */
  pollMs?: number;
  /** How long a claim on an endpoint lasts without renewal (default WEBHOOK_LEASE_MS). */
  leaseMs?: number;
  /** How often to look for windows closing within 24 h (default 60 s). */
  closingScanMs?: number;
}

export interface AttemptResult {
  ok: boolean;
  status: number | null;
  /** Why it failed, as the code the delivery log stores and words per reader (E1). */
  failure: WebhookFailure | null;
  /** What Node said (ECONNRESET, a certificate's code), for the operators' log only. */
  detail?: string;
}

/** A request given up on after the attempt's time: the same code as Node's own timeouts. */
const timedOut = () => Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' });

/** One POST, no redirects followed, bounded in time; the socket goes only to a checked address. */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  policy: UrlPolicy,
  timeoutMs: number,
): Promise<AttemptResult> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve({ ok: false, status: null, failure: 'INVALID_URL' });
      return;
    }
    const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
    // An IP literal is never looked up, so check it here (decision 017).
    if (isIP(host) && !policy.allowPrivate && isInternalAddress(host)) {
      resolve({ ok: false, status: null, failure: 'ADDRESS_REFUSED' });
      return;
    }
    if (target.protocol === 'http:' && policy.production && !policy.allowPrivate) {
      resolve({ ok: false, status: null, failure: 'HTTPS_REQUIRED' });
      return;
    }
    const client = target.protocol === 'https:' ? https : http;
    let settled = false;
    const done = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'CSP-Portal-Webhooks/1',
        },
        lookup: guardedLookup(policy),
        timeout: timeoutMs,
        agent: false,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        // The body is not needed: read and drop at most a little of it.
        response.resume();
        response.on('end', () =>
          done({
            ok: status >= 200 && status < 300,
            status,
            failure: status >= 200 && status < 300 ? null : 'HTTP_STATUS',
          }),
        );
        response.on('error', () => done({ ok: false, status, failure: 'RESPONSE_BROKEN' }));
      },
    );
    const overall = setTimeout(() => {
      request.destroy(timedOut());
    }, timeoutMs);
    overall.unref();
    request.on('timeout', () => request.destroy(timedOut()));
    request.on('error', (error: Error & { code?: string }) => {
      clearTimeout(overall);
      const what = (error.code ?? error.message).slice(0, 200);
      done({ ok: false, status: null, failure: deliveryFailureOf(what), detail: what });
    });
    request.on('close', () => clearTimeout(overall));
    request.end(body);
  });
}

interface DueRow {
  seq: number | string;
  id: string;
  event_id: string;
  attempts: number | string;
  created_at: unknown;
  body: string;
  type: string;
}

/**
 * W2: delivers the outbox. Any number of API processes run one each: a worker first leases an
 * endpoint with one conditional UPDATE (checked by its affected-row count), then sends that
 * endpoint's due deliveries one at a time in the order they were written, renewing the lease
 * before each. So an event goes out once at a time, and a process killed mid-send leaves a lease
 * that runs out, after which another worker sends the event again (at least once; receivers drop
 * duplicates by the event id). Decision 016.
 */
export class WebhookWorker {
  readonly owner = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private lastClosingScan = 0;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly closingScanMs: number;

  constructor(private readonly options: WebhookWorkerOptions) {
    this.pollMs = options.pollMs ?? 1_000;
    this.leaseMs = options.leaseMs ?? WEBHOOK_LEASE_MS;
    this.closingScanMs = options.closingScanMs ?? 60_000;
  }

  start(): this {
    if (!this.stopped) return this;
    this.stopped = false;
    this.schedule(0);
    return this;
  }

  /** Stops polling and waits for the tick under way (its request is bounded by the timeout). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .catch((error: unknown) =>
          // The database may be down (E5): try again on the next tick.
          this.options.logger.warn('webhook worker tick failed', {
            message: (error as Error)?.message?.slice(0, 200),
          }),
        )
        .finally(() => {
          this.running = null;
          this.schedule(this.pollMs);
        });
    }, ms);
    // The worker never keeps a process alive on its own.
    this.timer.unref();
  }

  /** One round: the closing-window scan when due, then every due delivery. */
  async tick(): Promise<void> {
    const wall = Date.now();
    if (wall - this.lastClosingScan >= this.closingScanMs) {
      this.lastClosingScan = wall;
      await this.scanClosingWindows();
    }
    await this.deliverDue();
  }

  /**
   * W1: `cancellation_window.closing`, 24 hours before a window closes, once per line: the unique
   * (type, subject) index makes a second writer (another process) fail, and that failure is fine.
   */
  async scanClosingWindows(): Promise<number> {
    const { db, clock } = this.options;
    const now = clock.now();
    const endpoints = await select<{ partner_id: string; events: string }>(
      db.manager,
      'SELECT partner_id, events FROM webhook_endpoints',
    );
    const partners = [
      ...new Set(
        endpoints
          .filter((e) => e.events.split(',').includes('cancellation_window.closing'))
          .map((e) => e.partner_id),
      ),
    ];
    let written = 0;
    for (const partnerId of partners) {
      const lines = await db.manager
        .createQueryBuilder(OrderLineEntity, 'l')
        .where('l.partner_id = :partnerId', { partnerId })
        .andWhere("l.status = 'ACTIVE'")
        .andWhere('l.cancellable_until > :now', { now })
        .andWhere('l.cancellable_until <= :until', {
          until: new Date(now.getTime() + CLOSING_WARNING_MS),
        })
        .andWhere(
          "NOT EXISTS (SELECT 1 FROM webhook_events e WHERE e.type = 'cancellation_window.closing' AND e.subject_key = l.id)",
        )
        .orderBy('l.cancellable_until', 'ASC')
        .limit(200)
        .getMany();
      for (const line of lines) {
        const credit = creditPreview(cancellableLine(line), now);
        try {
          const id = await db.transaction((m) =>
            enqueueWebhook(
              m,
              partnerId,
              {
                type: 'cancellation_window.closing',
                subjectKey: line.id,
                data: {
                  orderId: line.orderId,
                  orderLineId: line.id,
                  customerId: line.customerId,
                  productId: line.productId,
                  skuId: line.skuId,
                  cancellableUntil: line.cancellableUntil?.toISOString(),
                  amount: { amountMinor: line.amountMinor, currency: line.currency },
                  creditIfCancelledNow: credit
                    ? { amountMinor: credit.credit.amountMinor, currency: credit.credit.currency }
                    : null,
                },
              },
              now,
            ),
          );
          if (id) written++;
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
        }
      }
    }
    return written;
  }

  /** Every endpoint with a due delivery, each under its lease. */
  async deliverDue(): Promise<void> {
    const { db, clock } = this.options;
    const due = await select<{ endpoint_id: string }>(
      db.manager,
      `SELECT DISTINCT endpoint_id FROM webhook_deliveries
       WHERE status = 'PENDING' AND next_attempt_at <= ? LIMIT 50`,
      [toDb(clock.now())],
    );
    for (const { endpoint_id: endpointId } of due) {
      if (!(await this.lease(endpointId))) continue;
      try {
        await this.deliverEndpoint(endpointId);
      } finally {
        await db
          .transaction((m) =>
            write(
              m,
              'UPDATE webhook_endpoints SET leased_until = NULL, lease_owner = NULL WHERE id = ? AND lease_owner = ?',
              [endpointId, this.owner],
            ),
          )
          .catch(() => undefined); // an unreleased lease just runs out
      }
    }
  }

  /** Claims (or renews) the endpoint for this worker; false when another worker holds it. */
  private async lease(endpointId: string): Promise<boolean> {
    const { db, clock } = this.options;
    const now = clock.now();
    const affected = await db.transaction((m) =>
      write(
        m,
        `UPDATE webhook_endpoints SET leased_until = ?, lease_owner = ?
         WHERE id = ? AND (leased_until IS NULL OR leased_until < ? OR lease_owner = ?)`,
        [
          toDb(new Date(now.getTime() + this.leaseMs)),
          this.owner,
          endpointId,
          toDb(now),
          this.owner,
        ],
      ),
    );
    return affected === 1;
  }

  private async deliverEndpoint(endpointId: string): Promise<void> {
    const { db, clock, vault, policy, logger } = this.options;
    const [endpoint] = await select<{ url: string; secret_ciphertext: string }>(
      db.manager,
      'SELECT url, secret_ciphertext FROM webhook_endpoints WHERE id = ?',
      [endpointId],
    );
    if (!endpoint) return;
    const secret = vault.decrypt(endpoint.secret_ciphertext, endpointId);
    const rows = await select<DueRow>(
      db.manager,
      `SELECT d.seq, d.id, d.event_id, d.attempts, d.created_at, e.body, e.type
       FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
       WHERE d.endpoint_id = ? AND d.status = 'PENDING' AND d.next_attempt_at <= ?
       ORDER BY d.seq LIMIT 20`,
      [endpointId, toDb(clock.now())],
    );
    for (const row of rows) {
      // Renew before each send; a lost lease means another worker has the endpoint now.
      if (!(await this.lease(endpointId))) return;
      const attempts = Number(row.attempts) + 1;
      const sentAt = clock.now();
      const result = await postWebhook(
        endpoint.url,
        row.body,
        {
          [SIGNATURE_HEADER]: signatureHeader(secret, row.body, sentAt),
          [EVENT_ID_HEADER]: row.event_id,
          [EVENT_TYPE_HEADER]: row.type,
          'X-CSP-Delivery-Attempt': String(attempts),
        },
        policy,
        Math.min(WEBHOOK_TIMEOUT_MS, Math.max(500, Math.floor(this.leaseMs / 2))),
      );
      const now = clock.now();
      const retryAt = result.ok ? null : nextAttemptAt(fromDb(row.created_at), attempts, now);
      const status = result.ok ? 'DELIVERED' : retryAt ? 'PENDING' : 'FAILED';
      // last_error keeps the failure's code (WEBHOOK_FAILURES); readers word it (E1).
      await db.transaction((m) =>
        write(
          m,
          `UPDATE webhook_deliveries SET status = ?, attempts = ?, last_attempt_at = ?,
             response_status = ?, last_error = ?, delivered_at = ?, next_attempt_at = ?
           WHERE seq = ? AND status = 'PENDING'`,
          [
            status,
            attempts,
            toDb(now),
            result.status,
            result.failure,
            result.ok ? toDb(now) : null,
            toDb(retryAt ?? now),
            row.seq,
          ],
        ),
      );
      if (!result.ok) {
        // The URL's host only: a path may carry a receiver's own token.
        logger.warn('webhook delivery failed', {
          delivery: row.id,
          host: new URL(endpoint.url).host,
          attempt: attempts,
          error: result.detail ?? result.failure,
          final: status === 'FAILED',
        });
        return; // the endpoint is failing: the rest waits for the next round
      }
    }
  }
}
