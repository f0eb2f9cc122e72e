import {
  IMPACTS,
  PROBLEM_TYPES,
  SUPPORT_LIMITS,
  supportRequestSchema,
  type CurrencyCode,
  type FieldError,
} from '@csp/domain';
import { refusedFields } from '../../app/forms/field-error-text';
import { z } from 'zod';
import { amountFromLocale } from './amount-input';

/** What the user types in Report a problem (S2), as text, and the ids of the uploaded files. */
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
  attachmentIds: string[];
}

export type FormField = keyof SupportForm;
export type TextField = Exclude<FormField, 'attachmentIds'>;

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
    title: text('title', SUPPORT_LIMITS.title.max),
    customerId: text('customerId'),
    productId: text('productId'),
    productName: text('productName'),
    tenantOrDomain: text('tenantOrDomain', SUPPORT_LIMITS.tenantOrDomain.max),
    orderOrSubscriptionId: text('orderId', SUPPORT_LIMITS.orderOrSubscriptionId.max),
    refundReason: '',
    amountRequested: text('amount', SUPPORT_LIMITS.amountRequested.max),
    details: '',
    contactName: contact.name,
    contactEmail: contact.email,
    contactPhone: '',
    attachmentIds: [],
  };
}

/**
 * S2: the domain's schema (the one the API validates with), reading the amount as the user typed
 * it in their locale (E4: the API takes "." decimals only).
 */
export function supportFormSchema(currency: CurrencyCode, locale: string) {
  return z.preprocess(
    (form: SupportForm) => ({
      ...form,
      amountRequested: amountFromLocale(form.amountRequested, locale),
    }),
    supportRequestSchema(currency),
  );
}

/** The order the fields come in on the page, to focus the first one that needs attention. */
export const FIELD_ORDER: readonly FormField[] = [
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
  'attachmentIds',
];

const isFormField = (field: string): field is FormField =>
  (FIELD_ORDER as readonly string[]).includes(field);

/** A refusal's field errors for the fields of this form. */
export function serverFieldErrors(error: unknown): (FieldError & { field: FormField })[] {
  return refusedFields(error).filter((e): e is FieldError & { field: FormField } =>
    isFormField(e.field),
  );
}
