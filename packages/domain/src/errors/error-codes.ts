import type { FieldError } from '../forms/field-errors.js';

/**
 * E2: one list of stable error codes. The API puts the code in `extensions.code`; the web maps
 * it to the message in the user's language. Messages may use `{name}` placeholders filled from
 * the error's details.
 */
export const ERROR_MESSAGES = {
  UNAUTHENTICATED: {
    en: 'Please sign in to continue.',
    ko: '계속하려면 로그인하세요.',
  },
  INVALID_CREDENTIALS: {
    en: 'The e-mail or password is not correct.',
    ko: '이메일 또는 암호가 올바르지 않습니다.',
  },
  TOO_MANY_ATTEMPTS: {
    en: 'Too many failed sign-ins. Wait {retryAfterSeconds} seconds and try again.',
    ko: '로그인 실패가 너무 많습니다. {retryAfterSeconds}초 후에 다시 시도하세요.',
  },
  FORBIDDEN_ROLE: {
    en: 'Your role does not allow this. It needs one of these roles: {missingRoles}.',
    ko: '현재 역할로는 이 작업을 할 수 없습니다. 필요한 역할: {missingRoles}.',
  },
  NOT_FOUND: {
    en: 'That {resource} was not found.',
    ko: '해당 {resource}을(를) 찾을 수 없습니다.',
  },
  BAD_USER_INPUT: {
    en: 'Some of the input is not valid: {reason}',
    ko: '입력 값이 올바르지 않습니다: {reason}',
  },
  MARKET_UNAVAILABLE: {
    en: 'This product is not available in the customer’s market ({market}).',
    ko: '이 제품은 고객의 시장({market})에서 제공되지 않습니다.',
  },
  IDEMPOTENCY_CONFLICT: {
    en: 'This idempotency key was already used for a different order. Use a new key.',
    ko: '이 멱등성 키는 다른 주문에 이미 사용되었습니다. 새 키를 사용하세요.',
  },
  CANCELLATION_WINDOW_CLOSED: {
    en: 'You have passed your {windowDays}-day cancellation window (it ended {cancellableUntil}).',
    ko: '{windowDays}일 취소 기간이 지났습니다({cancellableUntil}에 종료).',
  },
  SUPPORT_REQUEST_REQUIRED: {
    en: 'This purchase can only be cancelled through a customer support request.',
    ko: '이 구매는 고객 지원 요청을 통해서만 취소할 수 있습니다.',
  },
  NOT_CANCELLABLE: {
    en: 'SUSE Linux and Red Hat software plans cannot be cancelled or exchanged.',
    ko: 'SUSE Linux 및 Red Hat 소프트웨어 플랜은 취소하거나 교환할 수 없습니다.',
  },
  ALREADY_CANCELLED: {
    en: 'This purchase was already cancelled on {cancelledAt}.',
    ko: '이 구매는 {cancelledAt}에 이미 취소되었습니다.',
  },
  ACKNOWLEDGEMENT_REQUIRED: {
    en: 'Tick the box to confirm you have read the Important notice.',
    ko: '중요 안내를 읽었음을 확인하는 상자를 선택하세요.',
  },
  LINK_EXPIRED: {
    en: 'This download link expired on {expiresAt}. Ask your partner for a new link.',
    ko: '이 다운로드 링크는 {expiresAt}에 만료되었습니다. 파트너에게 새 링크를 요청하세요.',
  },
  LINK_EXHAUSTED: {
    en: 'This download link has been used {maxDownloads} times, its limit. Ask your partner for a new link.',
    ko: '이 다운로드 링크는 한도인 {maxDownloads}회를 모두 사용했습니다. 파트너에게 새 링크를 요청하세요.',
  },
  LINK_REVOKED: {
    en: 'This download link was revoked because the purchase was cancelled.',
    ko: '구매가 취소되어 이 다운로드 링크가 해지되었습니다.',
  },
  OPTION_UNAVAILABLE: {
    en: 'That version, language or file type is not offered for this product.',
    ko: '이 제품에는 해당 버전, 언어 또는 파일 형식이 제공되지 않습니다.',
  },
  DATABASE_UNAVAILABLE: {
    en: 'The service cannot reach its database right now. Try again in a moment.',
    ko: '지금은 데이터베이스에 연결할 수 없습니다. 잠시 후 다시 시도하세요.',
  },
  INTERNAL: {
    en: 'Something went wrong on our side. Try again; if it persists, report a problem.',
    ko: '서버에서 문제가 발생했습니다. 다시 시도하고, 계속되면 문제를 신고하세요.',
  },
} as const satisfies Record<string, { en: string; ko: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export type Language = 'en' | 'ko';

export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

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
    super(errorMessage(code, 'en', details));
    this.name = 'DomainError';
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_MESSAGES, value);
}

/** The message for a code in a language, with `{placeholders}` filled from the details. */
export function errorMessage(code: ErrorCode, language: Language, details: ErrorDetails = {}) {
  return ERROR_MESSAGES[code][language].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = details[name];
    if (value === undefined) return whole;
    return Array.isArray(value) ? value.join(', ') : String(value);
  });
}

/** E5: how long one database wait may take before the caller hears DATABASE_UNAVAILABLE. */
export const DATABASE_WAIT_MS = 2_000;
