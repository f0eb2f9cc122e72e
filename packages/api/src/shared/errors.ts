import { DomainError, errorMessage, type ErrorCode, type ErrorDetails } from '@csp/domain';
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

/** The GraphQL error for a domain refusal: English message, code and details in extensions. */
export function toGraphQLError(error: DomainError): GraphQLError {
  return new GraphQLError(errorMessage(error.code, 'en', error.details), {
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
