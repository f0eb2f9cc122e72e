import {
  IMPACTS,
  PROBLEM_TYPES,
  validateSupportRequest,
  type CurrencyCode,
  type SupportField,
  type SupportRequestDraft,
} from '@csp/domain';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { amountFromLocale } from './amount-input';

/** What the user types in Report a problem (S2), all as text. */
export interface SupportForm {
  problemType: string;
  impact: string;
  title: string;
  customerId: string;
  productId: string;
  productName: string;
  tenantOrDomain: string;
  orderOrSubscriptionId: string;
  refundReason: string;
  amountRequested: string;
  details: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
}

export type FormField = keyof SupportForm;

const oneOf = (values: readonly string[], value: string | null) =>
  value && values.includes(value) ? value : '';

/**
 * S1: the Cancel dialog's **customer support request** link passes what it knows in the address
 * (`problemType`, `customerId`, `orderId`, `productId`, `productName`, `tenantOrDomain`,
 * `amount`); from the header the form starts blank, with the signed-in user as the contact.
 */
export function initialForm(
  query: URLSearchParams,
  contact: { name: string; email: string },
): SupportForm {
  const text = (name: string, max = 200) => (query.get(name) ?? '').slice(0, max);
  return {
    problemType: oneOf(PROBLEM_TYPES, query.get('problemType')),
    impact: oneOf(IMPACTS, query.get('impact')),
    title: text('title', 120),
    customerId: text('customerId'),
    productId: text('productId'),
    productName: text('productName'),
    tenantOrDomain: text('tenantOrDomain'),
    orderOrSubscriptionId: text('orderId', 64),
    refundReason: '',
    amountRequested: text('amount', 24),
    details: '',
    contactName: contact.name,
    contactEmail: contact.email,
    contactPhone: '',
  };
}

/** The draft the domain checks and the API receives; the amount converted from the locale (E4). */
export function draftOf(
  form: SupportForm,
  attachmentCount: number,
  locale = 'en-US',
): SupportRequestDraft {
  return {
    problemType: form.problemType,
    impact: form.impact,
    title: form.title,
    tenantOrDomain: form.tenantOrDomain,
    orderOrSubscriptionId: form.orderOrSubscriptionId,
    refundReason: form.refundReason,
    amountRequested: amountFromLocale(form.amountRequested, locale),
    details: form.details,
    contactName: form.contactName,
    contactEmail: form.contactEmail,
    contactPhone: form.contactPhone,
    attachmentCount,
  };
}

/** S2: the domain's check, the same the server runs, one message per field. */
export function fieldErrors(
  form: SupportForm,
  attachmentCount: number,
  currency: CurrencyCode,
  locale = 'en-US',
) {
  return validateSupportRequest(draftOf(form, attachmentCount, locale), currency);
}

/** The order the fields come in on the page, to focus the first one that needs attention. */
export const FIELD_ORDER: readonly SupportField[] = [
  'problemType',
  'impact',
  'title',
  'tenantOrDomain',
  'orderOrSubscriptionId',
  'refundReason',
  'amountRequested',
  'details',
  'contactName',
  'contactEmail',
  'contactPhone',
  'attachments',
];

/**
 * A refusal's `extensions.fieldErrors` (["title: Enter a title …", …]) as a message per field,
 * so the server's word shows beside the field it is about.
 */
export function serverFieldErrors(error: unknown): Partial<Record<SupportField, string>> {
  const result: Partial<Record<SupportField, string>> = {};
  if (!CombinedGraphQLErrors.is(error)) return result;
  for (const e of error.errors) {
    const list = e.extensions?.['fieldErrors'];
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      if (typeof entry !== 'string') continue;
      const at = entry.indexOf(':');
      const field = entry.slice(0, at).trim() as SupportField;
      if (at > 0 && (FIELD_ORDER as readonly string[]).includes(field)) {
        result[field] = entry.slice(at + 1).trim();
      }
    }
  }
  return result;
}
