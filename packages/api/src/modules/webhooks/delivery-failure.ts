import { isWebhookFailure, type WebhookFailure } from '@csp/domain';

/** Node's error codes (and the words rows held before codes) that name a failure exactly. */
const FAILURE_OF: ReadonlyMap<string, WebhookFailure> = new Map(
  Object.entries({
    ETIMEDOUT: 'TIMED_OUT',
    ESOCKETTIMEDOUT: 'TIMED_OUT',
    ECONNREFUSED: 'CONNECTION_REFUSED',
    ENOTFOUND: 'HOST_NOT_FOUND',
    EAI_AGAIN: 'HOST_NOT_FOUND',
    ERR_INVALID_URL: 'INVALID_URL',
    WEBHOOK_ADDRESS_REFUSED: 'ADDRESS_REFUSED',
    'timed out': 'TIMED_OUT',
    'address refused (private or local network)': 'ADDRESS_REFUSED',
    'only https:// is allowed': 'HTTPS_REQUIRED',
    'invalid URL': 'INVALID_URL',
    'response broken': 'RESPONSE_BROKEN',
  } as const),
);

/**
 * W2, E1: why an attempt failed, as a code (WEBHOOK_FAILURES) the delivery log words in its
 * reader's language. `what` is what the attempt met — a code already, or Node's error code
 * (ECONNREFUSED, a certificate's) — or what a row written before the codes holds in `last_error`
 * ("timed out", "HTTP 500", "ECONNRESET"), so old rows read as codes too.
 */
export function deliveryFailureOf(what: string | null | undefined): WebhookFailure | null {
  if (!what) return null;
  if (isWebhookFailure(what)) return what;
  const known = FAILURE_OF.get(what);
  if (known) return known;
  if (/^HTTP \d+$/.test(what)) return 'HTTP_STATUS';
  if (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY|EPROTO/.test(what)) return 'TLS_FAILED';
  return 'CONNECTION_FAILED';
}
