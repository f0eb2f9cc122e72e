import { CombinedGraphQLErrors } from '@apollo/client/errors';
import {
  isFieldErrorCode,
  readFieldIssue,
  type FieldError,
  type FieldErrorCode,
  type FieldErrorParams,
} from '@csp/domain';
import type { I18n } from '../i18n/i18n-context';
import { hasMessage } from '../i18n/messages';

/**
 * E1, S2: a field error (code and params from a domain schema, or from the API's
 * `extensions.fieldErrors`) as a sentence in the user's language. A message written for the one
 * field (`fieldError.REQUIRED.impact`) wins over the code's general one. Numbers stay numbers:
 * the ICU message formats them for the locale (2000 → "2,000") and picks its plural form.
 */
export function fieldErrorText(
  error: { code: FieldErrorCode; params: FieldErrorParams },
  i18n: I18n,
  field?: string,
): string {
  const values: Record<string, string | number> = { ...error.params };
  const specific = `fieldError.${error.code}.${field ?? ''}`;
  const key = field && hasMessage(specific) ? specific : `fieldError.${error.code}`;
  return hasMessage(key) ? i18n.t(key, values) : i18n.t('error.unexpected');
}

/** The sentence for a react-hook-form error whose message a domain schema wrote. */
export function formErrorText(
  message: string | undefined,
  i18n: I18n,
  field?: string,
): string | undefined {
  if (!message) return undefined;
  const issue = readFieldIssue(message);
  return issue ? fieldErrorText(issue, i18n, field) : i18n.t('fieldError.REQUIRED');
}

/** A refusal's `extensions.fieldErrors` ([{ field, code, params }]), the ones this web knows. */
export function refusedFields(error: unknown): FieldError[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  return error.errors.flatMap((e) => {
    const list = e.extensions?.['fieldErrors'];
    if (!Array.isArray(list)) return [];
    return (list as Partial<FieldError>[]).flatMap((entry) =>
      typeof entry.field === 'string' && isFieldErrorCode(entry.code)
        ? [{ field: entry.field, code: entry.code, params: entry.params ?? {} }]
        : [],
    );
  });
}
