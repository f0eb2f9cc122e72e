import { z } from 'zod';
import { fieldIssue, type FieldErrorCode, type FieldErrorParams } from '../forms/field-errors.js';
import { currencyExponent, parseDecimal, type CurrencyCode } from '../money/money.js';

/**
 * S1: problem types of Report a problem; the first is the one the Cancel dialog opens with. Their
 * labels are `support.problemType.<code>` in the web's catalogs and the API's server texts (for
 * activity details and the CSV); the domain holds no sentences.
 */
export const PROBLEM_TYPES = [
  'CSP_PURCHASE_REFUND',
  'BILLING',
  'SOFTWARE_DOWNLOADS_AND_KEYS',
  'ACCOUNT_AND_ROLES',
  'OTHER',
] as const;
export type ProblemType = (typeof PROBLEM_TYPES)[number];

export const IMPACTS = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Impact = (typeof IMPACTS)[number];

/** S2: the lengths each text field may have, after trimming. */
export const SUPPORT_LIMITS = {
  title: { min: 5, max: 120 },
  tenantOrDomain: { max: 253 },
  orderOrSubscriptionId: { max: 64 },
  refundReason: { min: 10, max: 2000 },
  amountRequested: { max: 24 },
  details: { min: 10, max: 5000 },
  contactName: { min: 2, max: 100 },
  contactEmail: { max: 254 },
  contactPhone: { max: 24 },
} as const;

export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** S2: the kinds of file Add files takes: the name shown, its extensions, its content type. */
const ATTACHMENT_KINDS = [
  { name: 'PDF', extensions: ['pdf'], contentType: 'application/pdf' },
  { name: 'PNG', extensions: ['png'], contentType: 'image/png' },
  { name: 'JPG', extensions: ['jpg', 'jpeg'], contentType: 'image/jpeg' },
  { name: 'TXT', extensions: ['txt'], contentType: 'text/plain' },
  { name: 'LOG', extensions: ['log'], contentType: 'text/plain' },
  { name: 'CSV', extensions: ['csv'], contentType: 'text/csv' },
  { name: 'ZIP', extensions: ['zip'], contentType: 'application/zip' },
] as const;

/** Attachment types accepted: extension → content type. */
export const ATTACHMENT_TYPES: Readonly<Record<string, string>> = Object.fromEntries(
  ATTACHMENT_KINDS.flatMap((kind) => kind.extensions.map((ext) => [ext, kind.contentType])),
);
/** For a file input's `accept`: ".pdf,.png,…". */
export const ATTACHMENT_ACCEPT = Object.keys(ATTACHMENT_TYPES)
  .map((ext) => `.${ext}`)
  .join(',');
const ATTACHMENT_TYPE_NAMES = ATTACHMENT_KINDS.map((kind) => kind.name).join(', ');

/** The parameters of the attachment rules, for a hint that states them. */
export const ATTACHMENT_RULES = {
  max: MAX_ATTACHMENTS,
  types: ATTACHMENT_TYPE_NAMES,
  maxMb: MAX_ATTACHMENT_BYTES / (1024 * 1024),
} as const;

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

const issue = (code: FieldErrorCode, params?: FieldErrorParams) => ({
  error: fieldIssue(code, params),
});

/** A trimmed text with a length range; empty is REQUIRED when the field must be filled. */
function text(limits: { min?: number; max: number }, required: boolean) {
  let schema = z.string().trim();
  if (required) schema = schema.min(1, issue('REQUIRED'));
  if (required && limits.min) schema = schema.min(limits.min, issue('TOO_SHORT', limits));
  return schema.max(limits.max, issue('TOO_LONG', limits));
}
/** An optional text: absent or null reads as empty; the refund rules decide if it is needed. */
const optionalText = (limits: { max: number }) =>
  z
    .string()
    .nullish()
    .transform((value) => (value ?? '').trim())
    .pipe(z.string().max(limits.max, issue('TOO_LONG', limits)));

const choice = (values: readonly string[]) =>
  z
    .string()
    .min(1, issue('REQUIRED'))
    .refine((value) => value === '' || values.includes(value), issue('INVALID_CHOICE'));

/**
 * S1, S2: the fields of Report a problem — the one declaration the API validates with and the
 * web form checks before sending. Every field is checked at once; a refund
 * (CSP_PURCHASE_REFUND) also needs the tenant, the order, the reason and the amount (E4: in the
 * API's decimal format for the customer's `currency`).
 */
export function supportRequestSchema(currency: CurrencyCode = 'USD') {
  const L = SUPPORT_LIMITS;
  return z
    .object({
      problemType: choice(PROBLEM_TYPES),
      impact: choice(IMPACTS),
      title: text(L.title, true),
      customerId: z.string().nullish(),
      productId: z.string().nullish(),
      tenantOrDomain: optionalText(L.tenantOrDomain),
      orderOrSubscriptionId: optionalText(L.orderOrSubscriptionId),
      refundReason: optionalText(L.refundReason),
      amountRequested: optionalText(L.amountRequested),
      details: optionalText(L.details),
      contactName: text(L.contactName, true),
      contactEmail: text(L.contactEmail, true).regex(EMAIL, issue('INVALID_EMAIL')),
      contactPhone: text(L.contactPhone, true).refine(
        (phone) => phone === '' || (PHONE.test(phone) && phone.replace(/\D/g, '').length >= 6),
        issue('INVALID_PHONE'),
      ),
      // The same id twice counts once (the service stores each once).
      attachmentIds: z
        .array(z.string())
        .nullish()
        .refine(
          (ids) => new Set(ids ?? []).size <= MAX_ATTACHMENTS,
          issue('TOO_MANY', { max: MAX_ATTACHMENTS }),
        )
        .transform((ids) => [...new Set(ids ?? [])]),
    })
    .superRefine(
      (v, ctx) => {
        const refund = v.problemType === 'CSP_PURCHASE_REFUND';
        // Given or needed: checked; needed and empty: REQUIRED. Read defensively: this runs even
        // when a field failed its own check, so every field is reported at once.
        const rule = (
          path:
            | 'tenantOrDomain'
            | 'orderOrSubscriptionId'
            | 'refundReason'
            | 'amountRequested'
            | 'details',
          needed: boolean,
          ok: (text: string) => boolean,
          code: FieldErrorCode,
          params?: FieldErrorParams,
        ) => {
          const value = typeof v[path] === 'string' ? v[path].trim() : '';
          const problem = value === '' ? (needed ? 'REQUIRED' : null) : ok(value) ? null : code;
          if (problem) {
            ctx.addIssue({
              code: 'custom',
              path: [path],
              message: fieldIssue(problem, problem === 'REQUIRED' ? {} : params),
            });
          }
        };
        rule(
          'tenantOrDomain',
          refund,
          (t) => GUID.test(t) || DOMAIN.test(t),
          'INVALID_TENANT_OR_DOMAIN',
        );
        rule(
          'orderOrSubscriptionId',
          refund,
          (t) => ORDER_OR_SUBSCRIPTION.test(t),
          'INVALID_REFERENCE',
        );
        if (refund)
          rule(
            'refundReason',
            true,
            (t) => t.length >= L.refundReason.min,
            'TOO_SHORT',
            L.refundReason,
          );
        rule('amountRequested', refund, (t) => isPositiveAmount(t, currency), 'INVALID_AMOUNT', {
          currency,
          example: example(currency),
        });
        if (!refund)
          rule('details', true, (t) => t.length >= L.details.min, 'TOO_SHORT', L.details);
      },
      { when: () => true },
    );
}

export type SupportRequestInput = z.input<ReturnType<typeof supportRequestSchema>>;
export type SupportRequestValues = z.output<ReturnType<typeof supportRequestSchema>>;
export type SupportField = keyof SupportRequestInput;

/** S2: whether a file may be attached, by name and size: null, or the problem as data. */
export function attachmentProblem(
  fileName: string,
  size: number,
): { code: FieldErrorCode; params: FieldErrorParams } | null {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  if (!fileName.includes('.') || !Object.hasOwn(ATTACHMENT_TYPES, extension)) {
    return { code: 'FILE_TYPE', params: { types: ATTACHMENT_RULES.types } };
  }
  return attachmentSizeProblem(size);
}

/** S2: whether a file of this many bytes may be attached (empty, or over the limit). */
export function attachmentSizeProblem(
  size: number,
): { code: FieldErrorCode; params: FieldErrorParams } | null {
  if (size === 0) return { code: 'FILE_EMPTY', params: {} };
  if (size < 0 || size > MAX_ATTACHMENT_BYTES) {
    return { code: 'FILE_TOO_LARGE', params: { maxMb: ATTACHMENT_RULES.maxMb } };
  }
  return null;
}
