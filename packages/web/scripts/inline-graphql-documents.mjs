/**
 * A Vite build plugin doing what graphql-codegen's client-preset recommends for production
 * ("use the babel or swc plugin"), without Babel: every `graphql(`…`)` call in src/ is replaced by
 * the document codegen already compiled into src/gql/graphql.ts (fragments included).
 *
 * Without it, `graphql()` looks documents up in one map of every operation of the app, so all of
 * them — the explorer's, Billing's, the Cancel dialog's — land in the first bundle next to the
 * function. With it, each document travels in the chunk of the feature that uses it, and the
 * unused map is tree-shaken away. Dev server and tests keep the runtime `graphql()` (build only).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const DEFINITION =
  /^\s*(?:#[^\n]*\n\s*)*(query|mutation|subscription|fragment)\s+([_A-Za-z][_0-9A-Za-z]*)/;
const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
const EXPORT = /^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm;

/** Identity line map for a transform that keeps every line where it was. */
function lineMap(code, source) {
  const lines = code.split('\n').length;
  return {
    version: 3,
    sources: [source],
    names: [],
    mappings: 'AAAA' + ';AACA'.repeat(lines - 1),
  };
}

export function inlineGraphqlDocuments({ generated = 'src/gql/graphql.ts' } = {}) {
  let root = '.';
  let documents = new Map();
  return {
    name: 'csp:inline-graphql-documents',
    apply: 'build',
    enforce: 'pre',
    configResolved(config) {
      root = config.root;
    },
    buildStart() {
      const file = path.resolve(root, generated);
      const text = readFileSync(file, 'utf8');
      documents = new Map([...text.matchAll(EXPORT)].map((m) => [m[1], m[2]]));
      this.addWatchFile?.(file);
    },
    transform(code, id) {
      const file = id.split('?')[0];
      if (!/\.(ts|tsx)$/.test(file) || file.includes(`${path.sep}gql${path.sep}`)) return null;
      if (!file.startsWith(path.resolve(root, 'src'))) return null;
      if (!code.includes('graphql(')) return null;
      let changed = false;
      const out = code.replace(CALL, (whole, source) => {
        const definition = DEFINITION.exec(source);
        if (!definition) return whole;
        const [, kind, name] = definition;
        const exportName = kind === 'fragment' ? `${name}FragmentDoc` : `${name}Document`;
        const document = documents.get(exportName);
        if (!document) {
          this.warn(
            `no compiled document ${exportName} for ${path.relative(root, file)}; run codegen`,
          );
          return whole;
        }
        changed = true;
        // Same number of lines as the template it replaces, so line numbers stay right.
        const newlines = '\n'.repeat((whole.match(/\n/g) ?? []).length);
        return `(${document})${newlines}`;
      });
      return changed ? { code: out, map: lineMap(out, file) } : null;
    },
  };
}

export default inlineGraphqlDocuments;
