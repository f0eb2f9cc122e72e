import { createIntl, createIntlCache, type IntlShape, type MessageFormatElement } from 'react-intl';
import type english from './catalogs/en.json';
import { LOCALES, requestCatalog, type Language } from './languages';

/**
 * E1: each language's ICU messages live in one catalog, `catalogs/<language>.json` (English
 * labels follow the source page exactly: **Add products**, **Software**, **Order history**, …).
 * The build precompiles them to ICU syntax trees (scripts/icu-catalogs.mjs) and each is its own
 * chunk: only the active one is fetched (languages.ts).
 */
export { LANGUAGE_NAMES, LANGUAGES, LOCALES, type Language } from './languages';

/** Every message id; the English catalog is the reference, the test holds Korean to it. */
export type MessageKey = keyof typeof english;
export type MessageValues = Record<string, string | number>;
export type Catalog = Record<MessageKey, MessageFormatElement[]>;

const cache = createIntlCache();
const loaded = new Map<Language, Messages>();

/**
 * One language's messages. react-intl's formatter is made on first need only: making it asks ICU
 * for its list of locales (`supportedLocalesOf`), 60–90 ms of a phone's main thread, and a page
 * whose texts are all plain (Sign in) needs no ICU at all (issue 14, first load).
 */
export class Messages {
  private formatter: IntlShape | undefined;

  constructor(
    readonly language: Language,
    readonly catalog: Catalog,
  ) {}

  get intl(): IntlShape {
    this.formatter ??= createIntl(
      {
        locale: LOCALES[this.language],
        messages: this.catalog,
        // A missing value shows the message's own text; the catalog test keeps ids complete.
        onError: () => {},
      },
      cache,
    );
    return this.formatter;
  }

  has(key: string): key is MessageKey {
    return Object.hasOwn(this.catalog, key);
  }

  /** A message, ICU arguments filled from `values`; plain text is returned as it is. */
  format(key: MessageKey, values?: MessageValues): string {
    const elements = this.catalog[key];
    const [only] = elements ?? [];
    // TYPE.literal (0): a message without arguments, plurals or tags.
    if (!values && elements?.length === 1 && only?.type === 0) return only.value;
    return this.intl.formatMessage({ id: key }, values);
  }
}

/** A language whose catalog is loaded; undefined until `loadCatalog` ends. */
export function loadedMessages(language: Language): Messages | undefined {
  return loaded.get(language);
}

/** Fetches a language's catalog once (its own chunk). */
export async function loadCatalog(language: Language): Promise<Messages> {
  const ready = loaded.get(language);
  if (ready) return ready;
  const messages = new Messages(language, (await requestCatalog(language)) as Catalog);
  loaded.set(language, messages);
  return messages;
}

/** Whether `key` is a message id (any loaded catalog: the test keeps their ids equal). */
export function hasMessage(key: string): key is MessageKey {
  const [messages] = loaded.values();
  return messages !== undefined && messages.has(key);
}

/** A message in a loaded language, ICU arguments filled from `values`. */
export function translate(language: Language, key: MessageKey, values?: MessageValues): string {
  const messages = loaded.get(language);
  if (!messages) throw new Error(`The ${language} catalog is not loaded yet`);
  return messages.format(key, values);
}
