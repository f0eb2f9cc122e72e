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

/**
 * E1, E2: why input was refused (BAD_USER_INPUT's `extensions.reasonCode`), with the numbers and
 * names the message needs beside it in the extensions. The web's catalogs (`error.reason.*`) and
 * the API's server texts (`reason.*`) word each one.
 */
export const REFUSAL_REASONS = [
  'FIELDS_NEED_ATTENTION',
  'DATES_INVALID',
  'DATE_RANGE_ORDER',
  'DATE_RANGE_TOO_LONG',
  'OPERATION_TYPE_UNKNOWN',
  'TIME_ZONE_UNKNOWN',
  'EMAIL_REQUIRED',
  'PASSWORD_REQUIRED',
  'SEARCH_TOO_LONG',
  'EVENTS_REQUIRED',
  'EVENT_UNKNOWN',
  'ENDPOINT_LIMIT',
  'URL_LENGTH',
  'URL_NOT_ABSOLUTE',
  'URL_SCHEME',
  'URL_NOT_HTTPS',
  'URL_CREDENTIALS',
  'URL_FRAGMENT',
  'URL_HOST_NOT_FOUND',
  'URL_PRIVATE_ADDRESS',
  'WITHIN_DAYS_OUT_OF_RANGE',
  'DOWNLOAD_CHOICE_INCOMPLETE',
  'CURSOR_INVALID',
  'FIRST_OUT_OF_RANGE',
  'AFTER_NOT_IN_LIST',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];
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
