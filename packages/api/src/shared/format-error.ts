import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError, errorMessage } from '@csp/domain';
import type { GraphQLFormattedError } from 'graphql';
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
]);

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
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return {
        message: errorMessage(original.code, 'en', original.details),
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
    if (isDatabaseDown(original)) {
      logger.error('database unavailable', {
        error: String((original as Error)?.message ?? original),
      });
      return {
        message: errorMessage('DATABASE_UNAVAILABLE', 'en'),
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
      message: errorMessage('INTERNAL', 'en'),
      path: formatted.path,
      extensions: { code: 'INTERNAL' },
    };
  };
}
