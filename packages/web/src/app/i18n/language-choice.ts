import { LANGUAGES, type Language } from './languages';

export const LANGUAGE_STORAGE_KEY = 'csp.language';

function storedLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : null;
  } catch {
    return null;
  }
}

/** E1: the language remembered from the last visit, else the browser's (Korean or English). */
export function initialLanguage(): Language {
  const stored = storedLanguage();
  if (stored) return stored;
  const preferred = typeof navigator === 'undefined' ? '' : navigator.language;
  return preferred.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/**
 * Also a cookie, so the server can send the next first load the page that preloads this
 * language's catalog (issue 14; packages/api src/shared/landing-pages.ts). Not a secret.
 */
export const LANGUAGE_COOKIE = 'csp_language';

export function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  document.cookie = `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

/**
 * A download link the browser fetches by itself (CSV) in the chosen language: `?lang=` wins over
 * the browser's Accept-Language on the server.
 */
export function withLanguage(href: string, language: Language): string {
  return `${href}${href.includes('?') ? '&' : '?'}lang=${language}`;
}

let active: Language | null = null;

/**
 * The language the page shows, for requests (Accept-Language on /graphql): the API words its few
 * texts and the catalog's data (product descriptions) in it.
 */
export function activeLanguage(): Language {
  return active ?? initialLanguage();
}

export function setActiveLanguage(language: Language): void {
  active = language;
}
