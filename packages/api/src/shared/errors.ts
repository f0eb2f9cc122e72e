import { DomainError, type ErrorCode, type ErrorDetails } from '@csp/domain';
import { serverText } from './i18n/server-text.js';
import { GraphQLError } from 'graphql';

/** Throws a refusal with a stable code (E2); the GraphQL layer turns it into `extensions.code`. */
export function fail(code: ErrorCode, details: ErrorDetails = {}): never {
  throw new DomainError(code, details);
}

export function notFound(resource: string): never {
  return fail('NOT_FOUND', { resource });
}

export function badInput(field: string, reason: string): never {
  return fail('BAD_USER_INPUT', { field, reason });
}

/**
 * The GraphQL error for a domain refusal: code and details in extensions, an English message
 * (the localize-errors plugin puts it in the language of Accept-Language).
 */
export function toGraphQLError(error: DomainError): GraphQLError {
  return new GraphQLError(serverText('en', `error.${error.code}`, error.details), {
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
