import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it, vi } from 'vitest';
import { LANGUAGES, Messages, translate, type Catalog, type Language } from './messages';

const catalogsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'catalogs');

/** A catalog as written (ICU text), read from disk: the build turns the import into trees. */
function source(language: Language): Record<string, string> {
  return JSON.parse(readFileSync(path.join(catalogsDir, `${language}.json`), 'utf8'));
}

const KINDS: Partial<Record<TYPE, string>> = {
  [TYPE.argument]: 'text',
  [TYPE.number]: 'number',
  [TYPE.date]: 'date',
  [TYPE.time]: 'time',
  [TYPE.select]: 'select',
  [TYPE.plural]: 'plural',
  [TYPE.tag]: 'tag',
};

/** Every argument and tag of a message with its kind, e.g. `count:plural`, `b:tag`, sorted. */
function argumentsOf(elements: MessageFormatElement[]): string[] {
  const found = new Set<string>();
  const walk = (list: MessageFormatElement[]) => {
    for (const element of list) {
      const kind = KINDS[element.type];
      if (kind && 'value' in element) found.add(`${String(element.value)}:${kind}`);
      if ('options' in element) {
        for (const option of Object.values(element.options)) walk(option.value);
      }
      if ('children' in element) walk(element.children);
    }
  };
  walk(elements);
  return [...found].sort();
}

describe('message catalogs (E1)', () => {
  const english = source('en');

  it.each(LANGUAGES)('E1: every %s message is valid ICU', (language) => {
    for (const [key, text] of Object.entries(source(language))) {
      expect(() => parse(text), `${language} ${key}`).not.toThrow();
    }
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))(
    'E1: %s has exactly the English ids, each with the same ICU arguments',
    (language) => {
      const other = source(language);
      expect(Object.keys(other).sort()).toEqual(Object.keys(english).sort());
      for (const [key, text] of Object.entries(english)) {
        expect(argumentsOf(parse(other[key] ?? '')), `${language} ${key}`).toEqual(
          argumentsOf(parse(text)),
        );
      }
    },
  );

  it('the check fails on a missing argument, a different kind or a missing key', () => {
    expect(argumentsOf(parse('{count, plural, one {# day} other {# days}} for {name}'))).toEqual([
      'count:plural',
      'name:text',
    ]);
    expect(argumentsOf(parse('{count}일'))).not.toEqual(
      argumentsOf(parse('{count, plural, other {#}}')),
    );
    expect(argumentsOf(parse('<b>{n}</b>'))).toEqual(['b:tag', 'n:text']);
  });

  it('E1: the source page’s labels are used exactly in English', () => {
    expect(translate('en', 'customer.addProducts')).toBe('Add products');
    expect(translate('en', 'customer.software')).toBe('Software');
    expect(translate('en', 'customer.orderHistory')).toBe('Order history');
    expect(translate('en', 'nav.customers')).toBe('Customers');
  });

  it('fills arguments and chooses plural forms', () => {
    expect(translate('en', 'cancellation.WINDOW', { windowDays: 60 })).toBe(
      'Cancellable within 60 days',
    );
    expect(translate('ko', 'cancellation.WINDOW', { windowDays: 60 })).toBe('60일 이내 취소 가능');
    expect(translate('en', 'customers.count', { count: 1 })).toBe('1 customer');
    expect(translate('en', 'customers.count', { count: 1234 })).toBe('1,234 customers');
    expect(translate('ko', 'customers.count', { count: 1 })).toBe('고객 1명');
  });

  it('issue 14: a plain message needs no ICU; one with arguments starts it on first use', () => {
    // As the build delivers catalogs: syntax trees (here parsed from the English source).
    const english = source('en');
    const trees = Object.fromEntries(
      Object.entries(english).map(([key, text]) => [key, parse(text)]),
    ) as unknown as Catalog;
    const localeList = vi.spyOn(Intl.NumberFormat, 'supportedLocalesOf');
    try {
      const messages = new Messages('en', trees);
      expect(messages.format('customer.addProducts')).toBe('Add products');
      expect(messages.format('signIn.title')).toBe(english['signIn.title']);
      expect(localeList).not.toHaveBeenCalled();
      expect(messages.format('customers.count', { count: 1234 })).toBe('1,234 customers');
      expect(localeList).toHaveBeenCalled();
    } finally {
      localeList.mockRestore();
    }
  });
});
