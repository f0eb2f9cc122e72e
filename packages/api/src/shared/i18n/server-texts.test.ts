import {
  ERROR_CODES,
  FIELD_ERROR_CODES,
  OPERATION_TYPES,
  PRODUCT_KINDS,
  PROBLEM_TYPES,
  REFUSAL_REASONS,
  ROLES,
  WEBHOOK_FAILURES,
} from '@csp/domain';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localizeError, refusalMessage } from './localize-errors.js';
import { hasServerText, languageOf, serverText } from './server-text.js';
import { SERVER_TEXTS } from './server-texts.js';

/** Every argument of a message with its ICU type, sorted: `count:6`, `name:1`. */
function argumentsOf(elements: MessageFormatElement[]): string[] {
  const found = new Set<string>();
  const walk = (list: MessageFormatElement[]) => {
    for (const element of list) {
      if (element.type !== TYPE.literal && element.type !== TYPE.pound && 'value' in element) {
        found.add(`${String(element.value)}:${element.type}`);
      }
      if ('options' in element) for (const o of Object.values(element.options)) walk(o.value);
      if ('children' in element) walk(element.children);
    }
  };
  walk(elements);
  return [...found].sort();
}

describe('server texts (E1, E2)', () => {
  it('E1: Korean has exactly the English keys, each with the same ICU arguments', () => {
    expect(Object.keys(SERVER_TEXTS.ko).sort()).toEqual(Object.keys(SERVER_TEXTS.en).sort());
    for (const [key, english] of Object.entries(SERVER_TEXTS.en)) {
      const korean = SERVER_TEXTS.ko[key as keyof typeof SERVER_TEXTS.en];
      expect(argumentsOf(parse(korean)), key).toEqual(argumentsOf(parse(english)));
    }
  });

  it('E2: every error code, role, product kind and operation has a text', () => {
    for (const code of ERROR_CODES) expect(hasServerText(`error.${code}`), code).toBe(true);
    for (const role of ROLES) expect(hasServerText(`role.${role}`), role).toBe(true);
    for (const kind of PRODUCT_KINDS) expect(hasServerText(`productKind.${kind}`), kind).toBe(true);
    for (const op of OPERATION_TYPES) expect(hasServerText(`operation.${op}`), op).toBe(true);
    for (const type of PROBLEM_TYPES) {
      expect(hasServerText(`support.problemType.${type}`), type).toBe(true);
    }
  });

  it('E1, E2: every refusal reason, file problem and webhook failure has a text', () => {
    for (const reason of REFUSAL_REASONS)
      expect(hasServerText(`reason.${reason}`), reason).toBe(true);
    for (const code of FIELD_ERROR_CODES.filter((c) => c.startsWith('FILE_'))) {
      expect(hasServerText(`fieldError.${code}`), code).toBe(true);
    }
    for (const failure of WEBHOOK_FAILURES) {
      expect(hasServerText(`webhooks.failure.${failure}`), failure).toBe(true);
    }
  });

  it('E1: a label the web’s catalogs also have is the same text there (one wording per code)', () => {
    const labels =
      /^(app\.name|role\.|productKind\.|operation\.|support\.problemType\.|fieldError\.|webhooks\.failure\.)/;
    for (const language of ['en', 'ko'] as const) {
      const web = JSON.parse(
        readFileSync(
          new URL(`../../../../web/src/app/i18n/catalogs/${language}.json`, import.meta.url),
          'utf8',
        ),
      ) as Record<string, string>;
      for (const [key, text] of Object.entries(SERVER_TEXTS[language])) {
        if (labels.test(key)) expect(web[key], `${language} ${key}`).toBe(text);
        // A refusal's reason too (the web's form summary points at the fields instead).
        if (key.startsWith('reason.') && key !== 'reason.FIELDS_NEED_ATTENTION') {
          expect(web[`error.${key}`], `${language} error.${key}`).toBe(text);
        }
      }
    }
  });

  it('E1: Accept-Language picks Korean or English by preference, English otherwise', () => {
    expect(languageOf('ko-KR,ko;q=0.9,en;q=0.8')).toBe('ko');
    expect(languageOf('en-US,ko;q=0.5')).toBe('en');
    expect(languageOf('fr-FR,ko;q=0.7,en;q=0.3')).toBe('ko');
    expect(languageOf('ko;q=0, en')).toBe('en');
    expect(languageOf('de')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
  });

  it('E2: a refusal in Korean names the roles in Korean; unknown codes keep their message', () => {
    const error = {
      message: 'english',
      extensions: {
        code: 'FORBIDDEN_ROLE',
        missingRoles: ['Admin agent', 'Global admin'],
        missingRoleCodes: ['ADMIN_AGENT', 'GLOBAL_ADMIN'],
      },
    };
    expect(localizeError(error, 'ko').message).toBe(
      '현재 역할로는 이 작업을 할 수 없습니다. 필요한 역할: 관리 에이전트, 전역 관리자.',
    );
    expect(localizeError(error, 'en')).toBe(error);
    const other = {
      message: 'Cannot query field',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    };
    expect(localizeError(other, 'ko')).toBe(other);
    expect(
      serverText('en', 'error.CANCELLATION_WINDOW_CLOSED', {
        windowDays: 60,
        cancellableUntil: 'x',
      }),
    ).toBe('You have passed your 60-day cancellation window (it ended x).');
  });

  it('S2, E1: a form refusal words its reason from the code, the fields and their count', () => {
    const error = {
      message: 'english',
      extensions: {
        code: 'BAD_USER_INPUT',
        reasonCode: 'FIELDS_NEED_ATTENTION',
        fieldCount: 1,
        fields: ['lines.0.quantity'],
        fieldErrors: [{ field: 'lines.0.quantity', code: 'OUT_OF_RANGE', params: {} }],
      },
    };
    expect(refusalMessage('en', 'BAD_USER_INPUT', error.extensions)).toBe(
      'Some of the input is not valid: 1 field needs attention (lines.0.quantity).',
    );
    expect(localizeError(error, 'ko').message).toBe(
      '입력 값이 올바르지 않습니다: 1개 항목을 확인하세요(lines.0.quantity).',
    );
  });

  it('E1, E2: a refusal’s reason code with its params is worded in either language', () => {
    const first = {
      code: 'BAD_USER_INPUT',
      field: 'first',
      reasonCode: 'FIRST_OUT_OF_RANGE',
      max: 200,
    };
    expect(refusalMessage('en', 'BAD_USER_INPUT', first)).toBe(
      'Some of the input is not valid: first must be between 1 and 200.',
    );
    expect(refusalMessage('ko', 'BAD_USER_INPUT', first)).toBe(
      '입력 값이 올바르지 않습니다: first는 1에서 200 사이여야 합니다.',
    );
    const event = {
      field: 'events',
      reasonCode: 'EVENT_UNKNOWN',
      event: 'order.shipped',
      events: ['order.placed', 'purchase.cancelled'],
    };
    expect(refusalMessage('en', 'BAD_USER_INPUT', event)).toBe(
      'Some of the input is not valid: Unknown event “order.shipped”; use order.placed, purchase.cancelled.',
    );
    const range = { field: 'to', reasonCode: 'DATE_RANGE_TOO_LONG', maxDays: 1098 };
    expect(refusalMessage('ko', 'BAD_USER_INPUT', range)).toBe(
      '입력 값이 올바르지 않습니다: 최대 1,098일 범위를 선택하세요.',
    );
  });
});
