import { formatMoney, isCurrencyCode, marketName } from '@csp/domain';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nContext, type I18n } from './i18n-context';
import { initialLanguage, rememberLanguage, setActiveLanguage } from './language-choice';
import {
  hasMessage,
  loadCatalog,
  loadedMessages,
  LOCALES,
  type Language,
  type MessageKey,
  type Messages,
  type MessageValues,
} from './messages';

export { LANGUAGE_STORAGE_KEY } from './language-choice';

/** The facade for a language whose catalog is loaded (tests and helpers outside React). */
export function loadedI18n(language: Language): I18n {
  const messages = loadedMessages(language);
  if (!messages) throw new Error(`The ${language} catalog is not loaded yet`);
  return facade(messages, () => undefined);
}

/** A value made on first use (Intl formatters start ICU, which a plain page never needs). */
function onFirstUse<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** The facade components use (`t`, `money`, `dateTime`, …), on react-intl's formatter. */
function facade(messages: Messages, setLanguage: (l: Language) => void): I18n {
  const { language } = messages;
  const locale = LOCALES[language];
  const dateTimeFormat = onFirstUse(
    () =>
      new Intl.DateTimeFormat(locale, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZoneName: 'short',
      }),
  );
  const dateFormat = onFirstUse(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }));
  const monthFormat = onFirstUse(
    () => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }),
  );
  const numberFormat = onFirstUse(() => new Intl.NumberFormat(locale));
  const t = (key: MessageKey, values?: MessageValues) => messages.format(key, values);
  /** A code's label (`role.ADMIN_AGENT`), or the code itself when the catalog has none. */
  const label = (prefix: string, code: string) => {
    const key = `${prefix}.${code}`;
    return hasMessage(key) ? t(key) : code;
  };
  return {
    language,
    locale,
    get intl() {
      return messages.intl;
    },
    setLanguage,
    t,
    rich: (key, values) => messages.intl.formatMessage({ id: key }, values),
    money: ({ amountMinor, currency }) =>
      isCurrencyCode(currency)
        ? formatMoney({ amountMinor, currency }, locale)
        : `${numberFormat().format(amountMinor)} ${currency}`,
    dateTime: (iso) => dateTimeFormat().format(new Date(iso)),
    date: (iso) => dateFormat().format(new Date(iso)),
    period: (key) => {
      const match = /^(\d{4})-(\d{2})$/.exec(key);
      return match
        ? monthFormat().format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)))
        : key;
    },
    number: (n) => numberFormat().format(n),
    anyOf: (items) => messages.intl.formatList(items, { type: 'disjunction' }) as string,
    country: (market) => marketName(market, locale),
    role: (role) => label('role', role),
    productKind: (kind) => label('productKind', kind),
    operation: (operation) => label('operation', operation),
    tax: (included) => t(included ? 'tax.included' : 'tax.excluded'),
  };
}

/**
 * E1: the chosen language, remembered in localStorage, and formatters that follow it. Renders
 * nothing until the language's catalog has arrived (no flash of message ids); switching
 * language keeps the current one on screen until the other catalog is loaded.
 */
export function I18nProvider({
  children,
  language: fixed,
}: {
  children: ReactNode;
  /** Tests may pin the language; the app reads it from localStorage or the browser. */
  language?: Language;
}) {
  const [language, setLanguageState] = useState<Language>(() => {
    const first = fixed ?? initialLanguage();
    setActiveLanguage(first);
    return first;
  });
  const [messages, setMessages] = useState<Messages | undefined>(() => loadedMessages(language));
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    if (messages?.language === language) return;
    loadCatalog(language).then(
      (loaded) => current && setMessages(loaded),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [language, messages]);

  const setLanguage = useCallback((next: Language) => {
    rememberLanguage(next);
    // The page stays in the current language until the other catalog has arrived.
    loadCatalog(next).then(
      (loaded) => {
        setActiveLanguage(next);
        setMessages(loaded);
        setLanguageState(next);
      },
      () => setLanguageState(next),
    );
  }, []);

  useEffect(() => {
    if (!messages) return;
    document.documentElement.lang = messages.language;
    document.title = messages.format('app.name');
  }, [messages]);

  const value = useMemo(
    () => (messages ? facade(messages, setLanguage) : null),
    [messages, setLanguage],
  );

  if (!value) {
    // Only when even the first catalog cannot be fetched: a page without the app's texts.
    return failed ? <CatalogFailed /> : null;
  }
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** Shown in both languages, since neither catalog arrived. */
function CatalogFailed() {
  return (
    <main>
      <p lang="en">The portal could not load. Check your connection and reload the page.</p>
      <p lang="ko">포털을 불러오지 못했습니다. 연결을 확인하고 페이지를 새로 고치세요.</p>
      <button type="button" onClick={() => window.location.reload()}>
        Reload / 새로 고침
      </button>
    </main>
  );
}
