import { createIntl, createIntlCache, type IntlShape, type MessageFormatElement } from 'react-intl';
import type english from './catalogs/en.json';

/**
 * E1: the languages of the UI. Each language's ICU messages live in one catalog,
 * `catalogs/<language>.json` (English labels follow the source page exactly: **Add products**,
 * **Software**, **Order history**, …). The build precompiles them to ICU syntax trees
 * (scripts/icu-catalogs.mjs) and each is its own chunk: only the active one is fetched.
 */
export type Language = 'en' | 'ko';
export const LANGUAGES: readonly Language[] = ['en', 'ko'];

/** Each language by its own name, as the language switch lists it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ko: '한국어' };

/** BCP 47 locale for Intl. */
export const LOCALES: Record<Language, string> = { en: 'en-US', ko: 'ko-KR' };

/** Every message id; the English catalog is the reference, the test holds Korean to it. */
export type MessageKey = keyof typeof english;
export type MessageValues = Record<string, string | number>;
export type Catalog = Record<MessageKey, MessageFormatElement[]>;

const LOADERS: Record<Language, () => Promise<{ default: unknown }>> = {
  en: () => import('./catalogs/en.json'),
  ko: () => import('./catalogs/ko.json'),
};

const cache = createIntlCache();
const intls = new Map<Language, IntlShape>();

/** The formatter of a language whose catalog is loaded; undefined until `loadCatalog` ends. */
export function loadedIntl(language: Language): IntlShape | undefined {
  return intls.get(language);
}

/** Fetches a language's catalog once (its own chunk) and makes its formatter. */
export async function loadCatalog(language: Language): Promise<IntlShape> {
  const ready = intls.get(language);
  if (ready) return ready;
  const { default: messages } = await LOADERS[language]();
  const intl = createIntl(
    {
      locale: LOCALES[language],
      messages: messages as Catalog,
      // A missing value shows the message's own text; the catalog test keeps ids complete.
      onError: () => {},
    },
    cache,
  );
  intls.set(language, intl);
  return intl;
}

/** Whether `key` is a message id (any loaded catalog: the test keeps their ids equal). */
export function hasMessage(key: string): key is MessageKey {
  const [intl] = intls.values();
  return intl !== undefined && Object.hasOwn(intl.messages, key);
}

/** A message in a loaded language, ICU arguments filled from `values`. */
export function translate(language: Language, key: MessageKey, values?: MessageValues): string {
  const intl = intls.get(language);
  if (!intl) throw new Error(`The ${language} catalog is not loaded yet`);
  return intl.formatMessage({ id: key }, values);
}
