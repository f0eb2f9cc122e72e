/**
 * E1: the message catalogs (src/app/i18n/catalogs/<language>.json) hold ICU text; this plugin
 * turns each into ICU syntax trees when it is bundled, so the browser needs no ICU parser. In the
 * build, intl-messageformat's import of the parser resolves to its parser-free entry
 * (`no-parser.js`), which formats trees only. See docs/decisions/021-i18n-library.md.
 */
import { parse } from '@formatjs/icu-messageformat-parser';

const CATALOG = /[\\/]i18n[\\/]catalogs[\\/][a-z]{2}\.json$/;
const PARSER = '@formatjs/icu-messageformat-parser';

/** @returns {import('vite').Plugin[]} */
export function icuCatalogs() {
  return [
    {
      name: 'icu-catalogs',
      enforce: 'pre',
      transform(code, id) {
        if (!CATALOG.test(id.split('?')[0])) return null;
        /** @type {Record<string, string>} */
        const messages = JSON.parse(code);
        const trees = Object.fromEntries(
          Object.entries(messages).map(([key, text]) => [key, parse(text)]),
        );
        // Still JSON: Vite's JSON handling turns it into the module.
        return { code: JSON.stringify(trees), map: null };
      },
    },
    {
      name: 'icu-no-parser',
      apply: 'build',
      enforce: 'pre',
      async resolveId(source, importer, options) {
        if (source !== PARSER || !importer || !/intl-messageformat|@formatjs/.test(importer)) {
          return null;
        }
        return this.resolve(`${PARSER}/no-parser.js`, importer, { ...options, skipSelf: true });
      },
    },
  ];
}
