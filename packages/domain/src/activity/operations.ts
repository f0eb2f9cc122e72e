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

export type OperationOutcome = 'SUCCEEDED' | 'FAILED';

export function isOperationType(value: unknown): value is OperationType {
  return typeof value === 'string' && (OPERATION_TYPES as readonly string[]).includes(value);
}
