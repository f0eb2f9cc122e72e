/** A1: the operations the activity log records, with Partner Center's operation names. */
export const OPERATION_TYPES = [
  'get_software_key',
  'get_software_download_link',
  'download_software',
  'create_order',
  'cancel_order',
  'create_support_request',
] as const;
export type OperationType = (typeof OPERATION_TYPES)[number];

/** A2: the default view shows who accessed keys or downloaded software. */
export const DEFAULT_ACTIVITY_OPERATIONS: readonly OperationType[] = [
  'get_software_key',
  'get_software_download_link',
  'download_software',
];

/**
 * Issue 15: what an entry's detail says, as a code with named facts; each language words it.
 * LINK_ISSUED {version, language, fileType}; DOWNLOADED {issuer, version, language, fileType};
 * REFUSED_IN_HOUR {from} (an instant); SUPPORT_REQUEST {problemType, title};
 * CANCELLATION_CREDIT {amountMinor, currency, period}.
 */
export const ACTIVITY_DETAIL_CODES = [
  'LINK_ISSUED',
  'DOWNLOADED',
  'REFUSED_IN_HOUR',
  'SUPPORT_REQUEST',
  'CANCELLATION_CREDIT',
] as const;
export type ActivityDetailCode = (typeof ACTIVITY_DETAIL_CODES)[number];

export function isActivityDetailCode(value: unknown): value is ActivityDetailCode {
  return typeof value === 'string' && (ACTIVITY_DETAIL_CODES as readonly string[]).includes(value);
}

export type OperationOutcome = 'SUCCEEDED' | 'FAILED';

export function isOperationType(value: unknown): value is OperationType {
  return typeof value === 'string' && (OPERATION_TYPES as readonly string[]).includes(value);
}
