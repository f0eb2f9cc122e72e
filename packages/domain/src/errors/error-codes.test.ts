import { describe, expect, it } from 'vitest';
import { DomainError, ERROR_CODES, isErrorCode } from './error-codes.js';

describe('error codes (E2)', () => {
  it('E2: has the stable codes the API and UI rely on', () => {
    for (const code of [
      'CANCELLATION_WINDOW_CLOSED',
      'SUPPORT_REQUEST_REQUIRED',
      'NOT_CANCELLABLE',
      'ALREADY_CANCELLED',
      'FORBIDDEN_ROLE',
      'MARKET_UNAVAILABLE',
      'LINK_EXPIRED',
      'LINK_EXHAUSTED',
      'LINK_REVOKED',
    ]) {
      expect(isErrorCode(code)).toBe(true);
    }
    expect(isErrorCode('toString')).toBe(false);
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it('E2: a refusal carries its code and facts, no sentence in any language', () => {
    const error = new DomainError('LINK_EXPIRED', { expiresAt: '2026-01-01T00:00:00.000Z' });
    expect(error.code).toBe('LINK_EXPIRED');
    expect(error.details).toEqual({ expiresAt: '2026-01-01T00:00:00.000Z' });
    expect(error.message).toBe('LINK_EXPIRED {"expiresAt":"2026-01-01T00:00:00.000Z"}');
  });
});
