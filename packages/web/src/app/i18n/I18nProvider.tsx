import { formatMoney, isCurrencyCode, marketName } from '@csp/domain';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { RawIntlProvider, type IntlShape } from 'react-intl';
import { I18nContext, type I18n } from './i18n-context';
import { initialLanguage, rememberLanguage, setActiveLanguage } from './language-choice';
import {
  hasMessage,
  loadCatalog,
  loadedIntl,
  LOCALES,
  type Language,
  type MessageKey,
  type MessageValues,
} from './messages';

export { LANGUAGE_STORAGE_KEY } from './language-choice';

/** The facade for a language whose catalog is loaded (tests and helpers outside React). */
export function loadedI18n(language: Language): I18n {
  const intl = loadedIntl(language);
  if (!intl) throw new Error(`The ${language} catalog is not loaded yet`);
  return facade(language, intl, () => undefined);
}

/** The facade components use (`t`, `money`, `dateTime`, …), on react-intl's formatter. */
function facade(language: Language, intl: IntlShape, setLanguage: (l: Language) => void): I18n {
  const locale = LOCALES[language];
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const monthFormat = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  const numberFormat = new Intl.NumberFormat(locale);
  const t = (key: MessageKey, values?: MessageValues) => intl.formatMessage({ id: key }, values);
  /** A code's label (`role.ADMIN_AGENT`), or the code itself when the catalog has none. */
  const label = (prefix: string, code: string) => {
    const key = `${prefix}.${code}`;
    return hasMessage(key) ? t(key) : code;
  };
  return {
    language,
    locale,
    intl,
    setLanguage,
    t,
    rich: (key, values) => intl.formatMessage({ id: key }, values),
    money: ({ amountMinor, currency }) =>
      isCurrencyCode(currency)
        ? formatMoney({ amountMinor, currency }, locale)
        : `${numberFormat.format(amountMinor)} ${currency}`,
    dateTime: (iso) => dateTimeFormat.format(new Date(iso)),
    date: (iso) => dateFormat.format(new Date(iso)),
    period: (key) => {
      const match = /^(\d{4})-(\d{2})$/.exec(key);
      return match
        ? monthFormat.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)))
        : key;
    },
    number: (n) => numberFormat.format(n),
    anyOf: (items) => intl.formatList(items, { type: 'disjunction' }) as string,
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
  const [intl, setIntl] = useState<IntlShape | undefined>(() => loadedIntl(language));
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    if (intl?.locale === LOCALES[language]) return;
    loadCatalog(language).then(
      (loaded) => current && setIntl(loaded),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [language, intl]);

  const setLanguage = useCallback((next: Language) => {
    rememberLanguage(next);
    // The page stays in the current language until the other catalog has arrived.
    loadCatalog(next).then(
      (loaded) => {
        setActiveLanguage(next);
        setIntl(loaded);
        setLanguageState(next);
      },
      () => setLanguageState(next),
    );
  }, []);

  useEffect(() => {
    if (!intl) return;
    document.documentElement.lang = languageOf(intl);
    document.title = intl.formatMessage({ id: 'app.name' });
  }, [intl]);

  const value = useMemo(
    () => (intl ? facade(languageOf(intl), intl, setLanguage) : null),
    [intl, setLanguage],
  );

  if (!value || !intl) {
    // Only when even the first catalog cannot be fetched: a page without the app's texts.
    return failed ? <CatalogFailed /> : null;
  }
  return (
    <RawIntlProvider value={intl}>
      <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
    </RawIntlProvider>
  );
}

function languageOf(intl: IntlShape): Language {
  return intl.locale === LOCALES.ko ? 'ko' : 'en';
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
