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

export const OPERATION_LABELS: Record<OperationType, { en: string; ko: string }> = {
  get_software_key: { en: 'Accessed activation key', ko: '정품 인증 키 조회' },
  get_software_download_link: { en: 'Issued download link', ko: '다운로드 링크 발급' },
  download_software: { en: 'Downloaded software', ko: '소프트웨어 다운로드' },
  create_order: { en: 'Placed order', ko: '주문' },
  cancel_order: { en: 'Cancelled purchase', ko: '구매 취소' },
  create_support_request: { en: 'Submitted support request', ko: '지원 요청 제출' },
};

export type OperationOutcome = 'SUCCEEDED' | 'FAILED';

export function isOperationType(value: unknown): value is OperationType {
  return typeof value === 'string' && (OPERATION_TYPES as readonly string[]).includes(value);
}
