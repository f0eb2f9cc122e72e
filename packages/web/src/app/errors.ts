import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import { isErrorCode, isRole } from '@csp/domain';
import type { I18n } from './i18n/i18n-context';
import { hasMessage, type MessageValues } from './i18n/messages';

/** The `extensions.code` of each GraphQL error in `error` (E2). */
export function errorCodes(error: unknown): string[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  return error.errors
    .map((e) => e.extensions?.['code'])
    .filter((code): code is string => typeof code === 'string');
}

export function hasErrorCode(error: unknown, code: string): boolean {
  return errorCodes(error).includes(code);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Puts an error's details in the user's language: role labels, country names, local times. */
function localizedDetails(details: Record<string, unknown>, i18n: I18n): MessageValues {
  const result: MessageValues = {};
  for (const [name, value] of Object.entries(details)) {
    if (typeof value === 'string' || typeof value === 'number') {
      result[name] =
        typeof value === 'string' && ISO_INSTANT.test(value) ? i18n.dateTime(value) : value;
    } else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      result[name] = (value as string[]).join(', ');
    }
  }
  // R9: the roles that would allow the action, by their label in the chosen language.
  const roleCodes = details['missingRoleCodes'];
  if (Array.isArray(roleCodes)) {
    result['missingRoles'] = i18n.anyOf(roleCodes.filter(isRole).map((role) => i18n.role(role)));
  }
  const market = details['market'];
  if (typeof market === 'string' && /^[A-Z]{2}$/.test(market)) {
    result['market'] = i18n.country(market);
  }
  const resource = details['resource'];
  if (typeof resource === 'string') {
    const key = `error.resource.${resource}`;
    result['resource'] = hasMessage(key) ? i18n.t(key) : resource;
  }
  // A reason the API sends as a code with parameters (FIELDS_NEED_ATTENTION and its fieldCount).
  const reason = `error.reason.${String(details['reasonCode'])}`;
  if (hasMessage(reason)) result['reason'] = i18n.t(reason, result);
  return result;
}

/**
 * E2: what to tell the user about a failed query or mutation, in the chosen language: each
 * GraphQL error's code mapped to its message in the catalog; network trouble as such.
 */
export function describeError(error: unknown, i18n: I18n): string[] {
  if (CombinedGraphQLErrors.is(error)) {
    const messages = error.errors.map((e) => {
      const code = e.extensions?.['code'];
      // A reason this build's catalog does not know (an API newer than the page): the API's own
      // words, which follow the page's language too (Accept-Language, apollo.ts).
      const reasonCode = e.extensions?.['reasonCode'];
      if (reasonCode !== undefined && !hasMessage(`error.reason.${String(reasonCode)}`)) {
        return e.message;
      }
      return isErrorCode(code)
        ? i18n.t(`error.code.${code}`, localizedDetails(e.extensions ?? {}, i18n))
        : i18n.t('error.unexpected');
    });
    return [...new Set(messages)];
  }
  if (ServerError.is(error) || ServerParseError.is(error)) {
    return [i18n.t('error.unexpected')];
  }
  if (error instanceof TypeError) return [i18n.t('error.network')];
  return [i18n.t('error.unexpected')];
}
