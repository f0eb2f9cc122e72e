/**
 * E1: the languages of the UI, and where each one's catalog comes from. Nothing here loads
 * react-intl: the page's first module asks for the catalog with it (app/start-loading.ts), before
 * the rest of the bundle has run.
 */
export type Language = 'en' | 'ko';
export const LANGUAGES: readonly Language[] = ['en', 'ko'];

/** Each language by its own name, as the language switch lists it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ko: '한국어' };

/** BCP 47 locale for Intl. */
export const LOCALES: Record<Language, string> = { en: 'en-US', ko: 'ko-KR' };

const LOADERS: Record<Language, () => Promise<{ default: unknown }>> = {
  en: () => import('./catalogs/en.json'),
  ko: () => import('./catalogs/ko.json'),
};

const requested = new Map<Language, Promise<unknown>>();

/** A language's catalog (ICU syntax trees, its own chunk), fetched once. */
export function requestCatalog(language: Language): Promise<unknown> {
  let catalog = requested.get(language);
  if (!catalog) {
    catalog = LOADERS[language]().then((module) => module.default);
    // A failed fetch may be tried again (the provider's notice offers a reload).
    catalog.catch(() => requested.delete(language));
    requested.set(language, catalog);
  }
  return catalog;
}
