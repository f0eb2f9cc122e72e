import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError } from '@csp/domain';
import { refusalMessage } from './i18n/localize-errors.js';
import { serverText } from './i18n/server-text.js';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from './logger.js';
import { DatabaseUnavailableError } from './transaction-retry.js';

const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'QUERY_TOO_COMPLEX',
  'PAYLOAD_TOO_LARGE',
]);

/** graphql-js's hints ("Did you mean "email"?"): they tell a stranger the schema's names. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/** The HTTP status an error was raised with (Apollo sets one on its own refusals). */
function httpStatusOf(error: unknown): number | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const http = error.extensions['http'] as { status?: number } | undefined;
  return http?.status;
}

/** The database cannot be reached: connection refused, lost or timed out. */
export function isDatabaseDown(error: unknown): boolean {
  const e = error as {
    code?: string;
    errno?: number;
    message?: string;
    driverError?: unknown;
    cause?: unknown;
  } | null;
  if (!e || typeof e !== 'object') return false;
  if (e instanceof DatabaseUnavailableError) return true;
  // 1047: a Galera node that is not (yet) part of the primary component refuses every statement.
  if (e.errno === 1047) return true;
  const codes = [
    'ECONNREFUSED',
    'PROTOCOL_CONNECTION_LOST',
    'ETIMEDOUT',
    'ECONNRESET',
    'EPIPE',
    'ER_CON_COUNT_ERROR',
    'ER_SERVER_SHUTDOWN',
    'PROTOCOL_SEQUENCE_TIMEOUT',
    'SQLITE_BUSY',
  ];
  if (codes.includes(e.code ?? '')) return true;
  if (
    /connect ECONNREFUSED|Connection lost|Pool is closed|closed state|server shutdown/i.test(
      e.message ?? '',
    )
  )
    return true;
  return isDatabaseDown(e.driverError) || isDatabaseDown(e.cause);
}

/**
 * E2: every error leaves with a stable `extensions.code`. Refusals carry their facts; anything
 * unexpected is logged here and answered with a generic INTERNAL error, never a stack trace.
 */
export function formatError(logger: Logger, options: { production?: boolean } = {}) {
  const format = formatWith(logger);
  if (!options.production) return format;
  // Production: no suggestion anywhere, variable coercion and enum errors included.
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = format(formatted, error);
    return { ...result, message: result.message.replace(SUGGESTION, '') };
  };
}

function formatWith(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return {
        message: refusalMessage('en', original.code, original.details),
        path: formatted.path,
        locations: formatted.locations,
        extensions: { ...original.details, code: original.code },
      };
    }
    const code = formatted.extensions?.['code'];
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      return {
        message: formatted.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code },
      };
    }
    // E5: the caller could not be looked up (Apollo's context): already the GraphQL-shaped answer.
    if (code === 'DATABASE_UNAVAILABLE') {
      return {
        message: serverText('en', 'error.DATABASE_UNAVAILABLE'),
        extensions: { code: 'DATABASE_UNAVAILABLE' },
      };
    }
    // Apollo refuses an automatic persisted query whose hash is not its text's with no code.
    if (formatted.message === 'provided sha does not match query') {
      return {
        message:
          'The persisted query’s sha256Hash does not match its query text: send the SHA-256 of the query.',
        extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' },
      };
    }
    // Any other refusal Apollo made before running anything: the caller's request, not our fault.
    const status = httpStatusOf(original);
    if (status !== undefined && status >= 400 && status < 500) {
      return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
    }
    if (isDatabaseDown(original)) {
      logger.error('database unavailable', {
        error: String((original as Error)?.message ?? original),
      });
      return {
        message: serverText('en', 'error.DATABASE_UNAVAILABLE'),
        path: formatted.path,
        extensions: { code: 'DATABASE_UNAVAILABLE' },
      };
    }
    logger.error('unexpected error', {
      message: (original as Error)?.message ?? String(original),
      stack: (original as Error)?.stack,
      path: formatted.path,
    });
    return {
      message: serverText('en', 'error.INTERNAL'),
      path: formatted.path,
      extensions: { code: 'INTERNAL' },
    };
  };
}
