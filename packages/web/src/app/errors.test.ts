import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { REFUSAL_REASONS } from '@csp/domain';
import { describe, expect, it } from 'vitest';
import { describeError, errorCodes } from './errors';
import type { I18n } from './i18n/i18n-context';
import { loadedI18n } from './i18n/I18nProvider';
import { hasMessage, type Language } from './i18n/messages';

/** The real facade, with instants as ISO text so the expected messages stay literal. */
function i18nOf(language: Language): I18n {
  return { ...loadedI18n(language), dateTime: (iso: string) => new Date(iso).toISOString() };
}

function graphQLErrors(...errors: Array<{ code: string } & Record<string, unknown>>) {
  return new CombinedGraphQLErrors({
    data: null,
    errors: errors.map((extensions) => ({ message: 'server text', extensions })),
  });
}

describe('error messages', () => {
  it('E2, R9: FORBIDDEN_ROLE names the roles that would allow it, in the chosen language', () => {
    const error = graphQLErrors({
      code: 'FORBIDDEN_ROLE',
      missingRoles: ['Admin agent', 'Global admin'],
      missingRoleCodes: ['ADMIN_AGENT', 'GLOBAL_ADMIN'],
    });
    expect(describeError(error, i18nOf('en'))).toEqual([
      'Your role does not allow this. It needs one of these roles: Admin agent or Global admin.',
    ]);
    expect(describeError(error, i18nOf('ko'))).toEqual([
      '현재 역할로는 이 작업을 할 수 없습니다. 필요한 역할: 관리 에이전트 또는 전역 관리자.',
    ]);
  });

  it('E2, M2: MARKET_UNAVAILABLE names the country in the chosen language', () => {
    const error = graphQLErrors({ code: 'MARKET_UNAVAILABLE', market: 'YE' });
    expect(describeError(error, i18nOf('en'))).toEqual([
      'This product is not available in the customer’s market (Yemen).',
    ]);
    expect(describeError(error, i18nOf('ko'))).toEqual([
      '이 제품은 고객의 시장(예멘)에서 제공되지 않습니다.',
    ]);
  });

  it('S2, E2: a form refusal’s reason code is worded here, with its field count, not as the API’s text', () => {
    const error = graphQLErrors({
      code: 'BAD_USER_INPUT',
      reasonCode: 'FIELDS_NEED_ATTENTION',
      fieldCount: 2,
      fields: ['title', 'contactEmail'],
      field: 'title',
    });
    expect(describeError(error, i18nOf('en'))).toEqual([
      'Some of the input is not valid: 2 fields need attention: see the messages beside them.',
    ]);
    expect(describeError(error, i18nOf('ko'))).toEqual([
      '입력 값이 올바르지 않습니다: 필드 2개를 확인해야 합니다. 옆에 있는 메시지를 참조하세요.',
    ]);
  });

  it('E1, E2: every refusal reason the API sends is worded here, its params filled in', () => {
    for (const reason of REFUSAL_REASONS) {
      expect(hasMessage(`error.reason.${reason}`), reason).toBe(true);
    }
    const cursor = graphQLErrors({
      code: 'BAD_USER_INPUT',
      field: 'first',
      reasonCode: 'FIRST_OUT_OF_RANGE',
      max: 200,
    });
    expect(describeError(cursor, i18nOf('en'))).toEqual([
      'Some of the input is not valid: first must be between 1 and 200.',
    ]);
    expect(describeError(cursor, i18nOf('ko'))).toEqual([
      '입력 값이 올바르지 않습니다: first는 1에서 200 사이여야 합니다.',
    ]);
    const event = graphQLErrors({
      code: 'BAD_USER_INPUT',
      field: 'events',
      reasonCode: 'EVENT_UNKNOWN',
      event: 'order.shipped',
      events: ['order.placed', 'purchase.cancelled'],
    });
    expect(describeError(event, i18nOf('ko'))).toEqual([
      '입력 값이 올바르지 않습니다: 알 수 없는 이벤트 “order.shipped”입니다. 다음 중에서 선택하세요: order.placed, purchase.cancelled.',
    ]);
  });

  it('E1, E2: a reason code the catalog does not know shows the API’s words (already in this language)', () => {
    const newer = new CombinedGraphQLErrors({
      data: null,
      errors: [
        {
          message: '입력 값이 올바르지 않습니다: 새 규칙입니다.',
          extensions: { code: 'BAD_USER_INPUT', field: 'x', reasonCode: 'SOME_NEWER_REASON' },
        },
      ],
    });
    expect(describeError(newer, i18nOf('ko'))).toEqual([
      '입력 값이 올바르지 않습니다: 새 규칙입니다.',
    ]);
  });

  it('E2: an unknown code, a network failure and anything else get a message that says what to do', () => {
    expect(
      describeError(graphQLErrors({ code: 'GRAPHQL_VALIDATION_FAILED' }), i18nOf('en')),
    ).toEqual(['Something went wrong. Try again; if it persists, report a problem.']);
    expect(describeError(new TypeError('Failed to fetch'), i18nOf('ko'))).toEqual([
      '포털이 서버에 연결할 수 없습니다. 연결을 확인하고 다시 시도하세요.',
    ]);
  });

  it('E2: reads the codes of every error', () => {
    expect(errorCodes(graphQLErrors({ code: 'UNAUTHENTICATED' }, { code: 'NOT_FOUND' }))).toEqual([
      'UNAUTHENTICATED',
      'NOT_FOUND',
    ]);
    expect(errorCodes(new Error('x'))).toEqual([]);
  });
});
