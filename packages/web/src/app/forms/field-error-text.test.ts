import { fieldIssue } from '@csp/domain';
import { describe, expect, it } from 'vitest';
import type { I18n } from '../i18n/i18n-context';
import { LOCALES, translate, type Language } from '../i18n/messages';
import { fieldErrorText, formErrorText } from './field-error-text';

const i18nOf = (language: Language) =>
  ({
    language,
    locale: LOCALES[language],
    t: (key, values) => translate(language, key, values),
    number: (n: number) => new Intl.NumberFormat(LOCALES[language]).format(n),
  }) as I18n;

describe('field errors worded from code and params (S2, E1)', () => {
  it('S2: the params fill the message, numbers in the locale’s format', () => {
    const error = { code: 'TOO_SHORT', params: { min: 10, max: 2000 } } as const;
    expect(fieldErrorText(error, i18nOf('en'))).toBe('Enter 10 to 2,000 characters.');
    expect(fieldErrorText(error, i18nOf('ko'))).toBe('10~2,000자로 입력하세요.');
  });

  it('S2: a field’s own wording wins over the code’s general one', () => {
    const required = { code: 'REQUIRED', params: {} } as const;
    expect(fieldErrorText(required, i18nOf('en'), 'impact')).toBe('Choose the impact.');
    expect(fieldErrorText(required, i18nOf('en'), 'title')).toBe('Fill in this field.');
  });

  it('S2: a form error written by a domain schema is read back; a foreign message is not shown', () => {
    expect(formErrorText(fieldIssue('TOO_MANY', { max: 5 }), i18nOf('en'), 'attachmentIds')).toBe(
      'Attach at most 5 files.',
    );
    expect(formErrorText('Invalid input: expected string', i18nOf('en'))).toBe(
      'Fill in this field.',
    );
    expect(formErrorText(undefined, i18nOf('en'))).toBeUndefined();
  });
});
