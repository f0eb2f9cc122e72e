import type { FieldError } from '../forms/field-errors.js';

/**
 * E2: one list of stable error codes. The API puts the code in `extensions.code` with the facts
 * that explain it; the web's catalogs (and the API's, for clients that want text) say it in the
 * user's language. The domain holds no sentences.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'FORBIDDEN_ROLE',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'MARKET_UNAVAILABLE',
  'IDEMPOTENCY_CONFLICT',
  'CANCELLATION_WINDOW_CLOSED',
  'SUPPORT_REQUEST_REQUIRED',
  'NOT_CANCELLABLE',
  'ALREADY_CANCELLED',
  'ACKNOWLEDGEMENT_REQUIRED',
  'LINK_EXPIRED',
  'LINK_EXHAUSTED',
  'LINK_REVOKED',
  'OPTION_UNAVAILABLE',
  'DATABASE_UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
export type Language = 'en' | 'ko';

/** A refusal's facts; `fieldErrors` lists bad input field by field, as data (S2, E2). */
export type ErrorDetails = Record<
  string,
  string | number | readonly string[] | readonly FieldError[] | undefined
>;

/** A rule said no. Carries a stable code and the facts that explain it. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetails = {},
  ) {
    // For logs and stack traces only; people read the code through a catalog.
    super(`${code} ${JSON.stringify(details)}`);
    this.name = 'DomainError';
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** E5: how long one database wait may take before the caller hears DATABASE_UNAVAILABLE. */
export const DATABASE_WAIT_MS = 2_000;
