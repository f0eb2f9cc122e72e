import { describe, expect, it } from 'vitest';
import {
  DomainError,
  ERROR_CODES,
  ERROR_MESSAGES,
  errorMessage,
  isErrorCode,
} from './error-codes.js';

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
  });

  it('E2: every code has an English and a Korean message with the same placeholders', () => {
    for (const code of ERROR_CODES) {
      const { en, ko } = ERROR_MESSAGES[code];
      expect(en.length).toBeGreaterThan(10);
      expect(ko).toMatch(/[가-힣]/);
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(ko)).toEqual(names(en));
    }
  });

  it('E2: fills placeholders from details, lists joined', () => {
    expect(
      errorMessage('FORBIDDEN_ROLE', 'en', { missingRoles: ['Admin agent', 'Global admin'] }),
    ).toBe(
      'Your role does not allow this. It needs one of these roles: Admin agent, Global admin.',
    );
    expect(
      errorMessage('CANCELLATION_WINDOW_CLOSED', 'ko', {
        windowDays: 60,
        cancellableUntil: '2026-01-01',
      }),
    ).toBe('60일 취소 기간이 지났습니다(2026-01-01에 종료).');
    const error = new DomainError('LINK_REVOKED');
    expect(error.code).toBe('LINK_REVOKED');
    expect(error.message).toContain('revoked');
  });
});
