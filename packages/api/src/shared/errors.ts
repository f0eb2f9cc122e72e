import {
  DomainError,
  type ErrorCode,
  type ErrorDetails,
  type FieldError,
  type RefusalReason,
} from '@csp/domain';
import { refusalMessage } from './i18n/localize-errors.js';
import { GraphQLError } from 'graphql';

/** Throws a refusal with a stable code (E2); the GraphQL layer turns it into `extensions.code`. */
export function fail(code: ErrorCode, details: ErrorDetails = {}): never {
  throw new DomainError(code, details);
}

export function notFound(resource: string): never {
  return fail('NOT_FOUND', { resource });
}

/**
 * E1, E2: a BAD_USER_INPUT refusal on `field`, its reason as a code with the numbers and names its
 * message needs (`reason.*` in the server texts, `error.reason.*` in the web's catalogs), e.g.
 * `badInput('first', 'FIRST_OUT_OF_RANGE', { max })`. No sentence travels in the extensions.
 */
export function badInput(
  field: string,
  reasonCode: RefusalReason,
  params: Readonly<Record<string, string | number | readonly string[]>> = {},
): never {
  return fail('BAD_USER_INPUT', { ...params, field, reasonCode });
}

/**
 * S2, E2: the value a domain schema parsed, or a BAD_USER_INPUT refusal that lists every field's
 * error as data (`extensions.fieldErrors: [{ field, code, params }]`); `field` names the first,
 * `fields` and `fieldCount` fill the message `reason.FIELDS_NEED_ATTENTION`.
 */
export function parsedOrRefused<T>(
  result: { ok: true; value: T } | { ok: false; errors: FieldError[] },
): T {
  if (result.ok) return result.value;
  const fields = result.errors.map((e) => e.field);
  // E1: the reason as a code with parameters; the message is worded per Accept-Language.
  return fail('BAD_USER_INPUT', {
    reasonCode: 'FIELDS_NEED_ATTENTION',
    fieldCount: fields.length,
    fields,
    field: fields[0],
    fieldErrors: result.errors,
  });
}

/**
 * The GraphQL error for a domain refusal: code and details in extensions, an English message
 * (the localize-errors plugin puts it in the language of Accept-Language).
 */
export function toGraphQLError(error: DomainError): GraphQLError {
  return new GraphQLError(refusalMessage('en', error.code, error.details), {
    extensions: { code: error.code, ...error.details },
  });
}

/** MySQL's ER_DUP_ENTRY or SQLite's UNIQUE constraint: the database refused a duplicate. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; errno?: number; message?: string; driverError?: unknown };
  if (e?.code === 'ER_DUP_ENTRY' || e?.errno === 1062) return true;
  if (typeof e?.message === 'string' && /UNIQUE constraint failed/.test(e.message)) return true;
  return e?.driverError ? isUniqueViolation(e.driverError) : false;
}
