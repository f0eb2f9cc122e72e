import { HOUR_MS, MINUTE_MS } from '../time/time.js';

const SECOND_MS = 1_000;

/** W1: the events a partner's endpoint can subscribe to. */
export const WEBHOOK_EVENTS = [
  'order.placed',
  'purchase.cancelled',
  'download_link.exhausted',
  'cancellation_window.closing',
  'support_request.created',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** W2: what **Send test event** sends; never subscribed to, only sent on request. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

export function isWebhookEvent(value: unknown): value is WebhookEventType {
  return typeof value === 'string' && (WEBHOOK_EVENTS as readonly string[]).includes(value);
}

/**
 * W2: why a delivery attempt failed, as a code the delivery log shows in the reader's language.
 * HTTP_STATUS: the endpoint answered, but not with a 2xx (the status is the delivery's own).
 */
export const WEBHOOK_FAILURES = [
  'TIMED_OUT',
  'ADDRESS_REFUSED',
  'HTTPS_REQUIRED',
  'INVALID_URL',
  'HTTP_STATUS',
  'RESPONSE_BROKEN',
  'CONNECTION_REFUSED',
  'HOST_NOT_FOUND',
  'TLS_FAILED',
  'CONNECTION_FAILED',
] as const;
export type WebhookFailure = (typeof WEBHOOK_FAILURES)[number];

export function isWebhookFailure(value: unknown): value is WebhookFailure {
  return typeof value === 'string' && (WEBHOOK_FAILURES as readonly string[]).includes(value);
}

/** W1: `cancellation_window.closing` goes out this long before a window closes (once per line). */
export const CLOSING_WARNING_MS = 24 * HOUR_MS;

/** W2: a delivery is retried for this long after its event, then marked failed. */
export const WEBHOOK_RETRY_PERIOD_MS = 24 * HOUR_MS;

/** W2: the first retry waits this long; each later one doubles, up to the cap. */
export const WEBHOOK_FIRST_RETRY_MS = 10 * SECOND_MS;
export const WEBHOOK_MAX_RETRY_DELAY_MS = HOUR_MS;

/** At most this many endpoints per partner, and this long a URL. */
export const MAX_WEBHOOK_ENDPOINTS = 10;
export const MAX_WEBHOOK_URL_LENGTH = 500;

/** W2: the wait after the `attempts`-th failed attempt (1, 2, …): 10 s, 20 s, 40 s, … capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(WEBHOOK_MAX_RETRY_DELAY_MS, WEBHOOK_FIRST_RETRY_MS * 2 ** Math.min(exponent, 30));
}

/**
 * W2: when to try a delivery again after its `attempts`-th failure at `now`, or null when the
 * 24-hour retry period of its event (created at `eventAt`) is over: the delivery is then failed.
 */
export function nextAttemptAt(eventAt: Date, attempts: number, now: Date): Date | null {
  const next = now.getTime() + retryDelayMs(attempts);
  return next <= eventAt.getTime() + WEBHOOK_RETRY_PERIOD_MS ? new Date(next) : null;
}

/** W2: how long one attempt may take before it counts as failed. */
export const WEBHOOK_TIMEOUT_MS = 10 * SECOND_MS;
/** A worker's claim on a delivery; longer than an attempt, so a live worker never loses it. */
export const WEBHOOK_LEASE_MS = MINUTE_MS;
