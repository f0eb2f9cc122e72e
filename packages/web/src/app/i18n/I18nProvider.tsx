import {
  formatMoney,
  isCurrencyCode,
  isRole,
  marketName,
  PRODUCT_KIND_LABELS,
  ROLE_LABELS,
  type ProductKind,
} from '@csp/domain';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nContext, type I18n } from './i18n-context';
import {
  LANGUAGES,
  LOCALES,
  translate,
  type Language,
  type MessageKey,
  type MessageValues,
} from './messages';

export const LANGUAGE_STORAGE_KEY = 'csp.language';

function storedLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : null;
  } catch {
    return null;
  }
}

function initialLanguage(): Language {
  const stored = storedLanguage();
  if (stored) return stored;
  const preferred = typeof navigator === 'undefined' ? '' : navigator.language;
  return preferred.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** E1: the chosen language, remembered in localStorage, and formatters that follow it. */
export function I18nProvider({
  children,
  language: fixed,
}: {
  children: ReactNode;
  /** Tests may pin the language; the app reads it from localStorage or the browser. */
  language?: Language;
}) {
  const [language, setLanguageState] = useState<Language>(() => fixed ?? initialLanguage());

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      window.localStorage.setItem(LANGUAGE_STORAGE_KEY, next);
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = translate(language, 'app.name');
  }, [language]);

  const value = useMemo<I18n>(() => {
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
    return {
      language,
      locale,
      setLanguage,
      t: (key: MessageKey, values?: MessageValues) => translate(language, key, values),
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
      country: (market) => marketName(market, locale),
      role: (role) => (isRole(role) ? ROLE_LABELS[role][language] : role),
      productKind: (kind) =>
        Object.hasOwn(PRODUCT_KIND_LABELS, kind)
          ? PRODUCT_KIND_LABELS[kind as ProductKind][language]
          : kind,
      tax: (included) => translate(language, included ? 'tax.included' : 'tax.excluded'),
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
