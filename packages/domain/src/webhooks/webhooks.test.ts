import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { can } from '../permissions/permissions.js';
import { HOUR_MS } from '../time/time.js';
import {
  isWebhookEvent,
  nextAttemptAt,
  retryDelayMs,
  WEBHOOK_EVENTS,
  WEBHOOK_MAX_RETRY_DELAY_MS,
  WEBHOOK_RETRY_PERIOD_MS,
} from './webhooks.js';

describe('webhooks (W1, W2)', () => {
  it('W1: the five events, and nothing else is an event', () => {
    expect([...WEBHOOK_EVENTS].sort()).toEqual([
      'cancellation_window.closing',
      'download_link.exhausted',
      'order.placed',
      'purchase.cancelled',
      'support_request.created',
    ]);
    expect(isWebhookEvent('order.placed')).toBe(true);
    expect(isWebhookEvent('webhook.test')).toBe(false);
    expect(isWebhookEvent('ORDER.PLACED')).toBe(false);
  });

  it('W1: only a Global admin manages webhooks', () => {
    expect(can(['GLOBAL_ADMIN'], 'MANAGE_WEBHOOKS').allowed).toBe(true);
    expect(can(['ADMIN_AGENT', 'ACCOUNT_ADMIN'], 'MANAGE_WEBHOOKS')).toEqual({
      allowed: false,
      missingRoles: ['GLOBAL_ADMIN'],
    });
  });

  it.each([
    [1, 10_000],
    [2, 20_000],
    [3, 40_000],
    [9, 2_560_000],
    [10, HOUR_MS], // 5,120,000 ms would pass the cap
    [1000, HOUR_MS],
  ])('W2: the wait after failure %i is %i ms (exponential, capped)', (attempts, ms) => {
    expect(retryDelayMs(attempts)).toBe(ms);
  });

  it('W2: retries stop 24 hours after the event: the last one that fits is allowed, one more is not', () => {
    const at = new Date('2026-11-10T10:00:00.000Z');
    const end = at.getTime() + WEBHOOK_RETRY_PERIOD_MS;
    // A retry landing exactly on the end of the period still happens; a millisecond later does not.
    expect(nextAttemptAt(at, 20, new Date(end - HOUR_MS))?.getTime()).toBe(end);
    expect(nextAttemptAt(at, 20, new Date(end - HOUR_MS + 1))).toBeNull();
    expect(nextAttemptAt(at, 1, at)?.getTime()).toBe(at.getTime() + 10_000);
  });

  it('W2: delays never shrink and never pass the cap (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (n) => {
        expect(retryDelayMs(n + 1)).toBeGreaterThanOrEqual(retryDelayMs(n));
        expect(retryDelayMs(n)).toBeLessThanOrEqual(WEBHOOK_MAX_RETRY_DELAY_MS);
      }),
    );
  });
});
