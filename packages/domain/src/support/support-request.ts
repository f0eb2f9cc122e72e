import { currencyExponent, parseDecimal, type CurrencyCode } from '../money/money.js';

/** S1: problem types of Report a problem; the first is the one the Cancel dialog opens with. */
export const PROBLEM_TYPES = [
  'CSP_PURCHASE_REFUND',
  'BILLING',
  'SOFTWARE_DOWNLOADS_AND_KEYS',
  'ACCOUNT_AND_ROLES',
  'OTHER',
] as const;
export type ProblemType = (typeof PROBLEM_TYPES)[number];

export const PROBLEM_TYPE_LABELS: Record<ProblemType, { en: string; ko: string }> = {
  CSP_PURCHASE_REFUND: {
    en: 'CSP Purchase/Refund on behalf of customers',
    ko: '고객을 대신한 CSP 구매/환불',
  },
  BILLING: { en: 'Billing and invoices', ko: '청구 및 청구서' },
  SOFTWARE_DOWNLOADS_AND_KEYS: {
    en: 'Software downloads and keys',
    ko: '소프트웨어 다운로드 및 키',
  },
  ACCOUNT_AND_ROLES: { en: 'Account, users and roles', ko: '계정, 사용자 및 역할' },
  OTHER: { en: 'Something else', ko: '기타' },
};

export const IMPACTS = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Impact = (typeof IMPACTS)[number];

export const IMPACT_LABELS: Record<Impact, { en: string; ko: string }> = {
  LOW: { en: 'Low: a question or a minor issue', ko: '낮음: 질문 또는 사소한 문제' },
  MEDIUM: { en: 'Medium: work is slowed down', ko: '보통: 업무가 지연됨' },
  HIGH: { en: 'High: a customer is blocked', ko: '높음: 고객의 업무가 중단됨' },
  CRITICAL: { en: 'Critical: many customers are blocked', ko: '긴급: 여러 고객의 업무가 중단됨' },
};

/** S2: the fields of a support request, as typed (strings), before validation. */
export interface SupportRequestDraft {
  problemType: string;
  impact: string;
  title: string;
  tenantOrDomain: string;
  orderOrSubscriptionId: string;
  refundReason: string;
  amountRequested: string;
  details: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  attachmentCount: number;
}

export type SupportField = Exclude<keyof SupportRequestDraft, 'attachmentCount'> | 'attachments';

export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Attachment types accepted: extension → content type. */
export const ATTACHMENT_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
  log: 'text/plain',
  csv: 'text/csv',
  zip: 'application/zip',
};

type Message = { en: string; ko: string };
const m = (en: string, ko: string): Message => ({ en, ko });

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,253}\.[^\s@]{2,}$/;
const PHONE = /^\+?[0-9 ()\-.]{6,24}$/;
const ORDER_OR_SUBSCRIPTION = /^[A-Za-z0-9-]{6,64}$/;

/** An amount in the API's format (E4) for the currency: "1250.00", or "150000" without minor unit. */
function example(currency: CurrencyCode): string {
  const exponent = currencyExponent(currency);
  return exponent === 0 ? '150000' : `1250.${'0'.repeat(exponent)}`;
}

function isPositiveAmount(text: string, currency: CurrencyCode): boolean {
  try {
    return parseDecimal(text, currency).amountMinor > 0;
  } catch {
    return false;
  }
}

/**
 * S2: validates every field at once and answers a message per field, in English and Korean,
 * so the form can show each beside its control. The server runs the same check.
 */
export function validateSupportRequest(
  draft: SupportRequestDraft,
  currency: CurrencyCode = 'USD',
): Partial<Record<SupportField, Message>> {
  const errors: Partial<Record<SupportField, Message>> = {};
  const text = (value: string) => value.trim();
  if (!(PROBLEM_TYPES as readonly string[]).includes(draft.problemType)) {
    errors.problemType = m('Choose the type of problem.', '문제 유형을 선택하세요.');
  }
  if (!(IMPACTS as readonly string[]).includes(draft.impact)) {
    errors.impact = m('Choose the impact.', '영향을 선택하세요.');
  }
  const title = text(draft.title);
  if (title.length < 5 || title.length > 120) {
    errors.title = m('Enter a title of 5 to 120 characters.', '5~120자의 제목을 입력하세요.');
  }
  const refund = draft.problemType === 'CSP_PURCHASE_REFUND';
  const tenant = text(draft.tenantOrDomain);
  if ((refund || tenant) && !GUID.test(tenant) && !DOMAIN.test(tenant)) {
    errors.tenantOrDomain = m(
      'Enter the customer’s tenant GUID or domain name, e.g. contoso.onmicrosoft.com.',
      '고객의 테넌트 GUID 또는 도메인 이름을 입력하세요(예: contoso.onmicrosoft.com).',
    );
  }
  const reference = text(draft.orderOrSubscriptionId);
  if ((refund || reference) && !ORDER_OR_SUBSCRIPTION.test(reference)) {
    errors.orderOrSubscriptionId = m(
      'Enter the order ID or subscription ID.',
      '주문 ID 또는 구독 ID를 입력하세요.',
    );
  }
  const reason = text(draft.refundReason);
  if (refund && (reason.length < 10 || reason.length > 2000)) {
    errors.refundReason = m(
      'Describe the refund reason in 10 to 2,000 characters.',
      '환불 사유를 10~2,000자로 설명하세요.',
    );
  }
  const amount = text(draft.amountRequested);
  if (refund || amount) {
    if (!isPositiveAmount(amount, currency)) {
      errors.amountRequested = m(
        `Enter the amount requested in ${currency} with digits and a "." before the decimals, e.g. ${example(currency)}.`,
        `요청 금액을 ${currency}(으)로 숫자와 소수점 "."을 사용해 입력하세요(예: ${example(currency)}).`,
      );
    }
  }
  const details = text(draft.details);
  if ((!refund && details.length < 10) || details.length > 5000) {
    errors.details = m(
      'Describe the problem in 10 to 5,000 characters.',
      '문제를 10~5,000자로 설명하세요.',
    );
  }
  const name = text(draft.contactName);
  if (name.length < 2 || name.length > 100)
    errors.contactName = m('Enter your name.', '이름을 입력하세요.');
  if (!EMAIL.test(text(draft.contactEmail)) || text(draft.contactEmail).length > 254) {
    errors.contactEmail = m(
      'Enter an e-mail address like name@example.com.',
      'name@example.com 형식의 이메일 주소를 입력하세요.',
    );
  }
  const phone = text(draft.contactPhone);
  if (!PHONE.test(phone) || phone.replace(/\D/g, '').length < 6) {
    errors.contactPhone = m(
      'Enter a phone number, e.g. +82 2 1234 5678.',
      '전화번호를 입력하세요(예: +82 2 1234 5678).',
    );
  }
  if (draft.attachmentCount > MAX_ATTACHMENTS) {
    errors.attachments = m(
      `Attach at most ${MAX_ATTACHMENTS} files.`,
      `파일은 최대 ${MAX_ATTACHMENTS}개까지 첨부할 수 있습니다.`,
    );
  }
  return errors;
}

/** S2: whether a file may be attached, by name and size. */
export function attachmentProblem(fileName: string, size: number): Message | null {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  if (!fileName.includes('.') || !Object.hasOwn(ATTACHMENT_TYPES, extension)) {
    return m(
      'Attach PDF, PNG, JPG, TXT, LOG, CSV or ZIP files.',
      'PDF, PNG, JPG, TXT, LOG, CSV 또는 ZIP 파일을 첨부하세요.',
    );
  }
  if (size === 0) return m('The file is empty.', '파일이 비어 있습니다.');
  if (size < 0 || size > MAX_ATTACHMENT_BYTES) {
    return m('Each file must be under 10 MB.', '각 파일은 10MB 미만이어야 합니다.');
  }
  return null;
}
