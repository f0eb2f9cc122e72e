import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** W2: the headers of every webhook request (docs/webhooks.md). */
export const SIGNATURE_HEADER = 'X-CSP-Signature';
export const EVENT_ID_HEADER = 'X-CSP-Event-Id';
export const EVENT_TYPE_HEADER = 'X-CSP-Event-Type';

/** A new endpoint secret: 256 random bits, shown once. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** W2: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. */
export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

/**
 * What a receiver does (and the tests do): recompute the HMAC over the raw body with the header's
 * timestamp, compare in constant time, and refuse a timestamp older than the tolerance (replays).
 */
export function verifySignature(
  secret: string,
  body: string,
  header: string | undefined,
  now: Date,
  toleranceSeconds = 300,
): boolean {
  const parts = new Map(
    (header ?? '').split(',').map((p) => {
      const [k, ...v] = p.split('=');
      return [k?.trim(), v.join('=')] as const;
    }),
  );
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(v1)) return false;
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(v1, 'hex'));
}
