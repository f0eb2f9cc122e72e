import { LANGUAGES, type Language } from './messages';

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

export function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
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
