import { IntlMessageFormat } from 'intl-messageformat';
import { SERVER_TEXTS, type ServerTextKey } from './server-texts.js';

/** The languages the API answers in (E1): English, Korean. */
export type Language = 'en' | 'ko';

const LOCALES: Record<Language, string> = { en: 'en-US', ko: 'ko-KR' };

export type TextValues = Record<string, string | number | readonly unknown[] | undefined>;

const formats = new Map<string, IntlMessageFormat>();

/** A server text in a language, ICU arguments filled from `values` (lists joined). */
export function serverText(language: Language, key: ServerTextKey, values: TextValues = {}) {
  const id = `${language}:${key}`;
  let format = formats.get(id);
  if (!format) {
    format = new IntlMessageFormat(SERVER_TEXTS[language][key], LOCALES[language]);
    formats.set(id, format);
  }
  const filled: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (!Array.isArray(value)) filled[name] = value as string | number;
    // Lists of names are joined; lists of records (field errors) are data, not text.
    else if (value.every((item) => typeof item === 'string')) filled[name] = value.join(', ');
  }
  return String(format.format(filled));
}

/** Whether the catalog has `key` (e.g. `role.${code}` for a code that may be unknown). */
export function hasServerText(key: string): key is ServerTextKey {
  return Object.hasOwn(SERVER_TEXTS.en, key);
}

/**
 * The language of a download the browser fetches by itself (CSV, files): the portal's chosen
 * language when its link says `?lang=`, else Accept-Language.
 */
export function requestLanguage(query: unknown, acceptLanguage: string | null | undefined) {
  return query === 'en' || query === 'ko' ? query : languageOf(acceptLanguage);
}

/** The requester's language from Accept-Language: Korean if preferred over English, else English. */
export function languageOf(acceptLanguage: string | null | undefined): Language {
  const preferred = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .filter(({ q }) => q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of preferred) {
    if (tag.startsWith('ko')) return 'ko';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}
