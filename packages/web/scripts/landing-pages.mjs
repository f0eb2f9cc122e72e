#!/usr/bin/env node
/* global console, process */
/**
 * Issue 14, first load: one copy of index.html per page the app opens on and per language, with
 * `<link rel="modulepreload">` for that page's chunks and the language's catalog. The browser then
 * fetches them with the entry, while it parses the HTML, instead of after the entry has run (a
 * phone's round trip each). The server picks the copy (packages/api src/shared/landing-pages.ts)
 * from `dist/landing/pages.json`: the first page whose pattern matches the path, in the language
 * of the `csp_language` cookie (set by the language switch) or of Accept-Language.
 *
 * The sources listed for a page are the chunks `prefetchLanding` (src/app/chunks.ts) loads for it.
 *
 *   node scripts/landing-pages.mjs [--dist dist]   (after vite build, which writes the manifest)
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { landingChunkOf } from './landing-chunks.mjs';

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const i = args.indexOf('--dist');
const dist = path.resolve(webRoot, i >= 0 ? args[i + 1] : 'dist');

const LANGUAGES = ['en', 'ko'];
const catalog = (language) => `src/app/i18n/catalogs/${language}.json`;
const PAGES = [
  { name: 'sign-in', pattern: '^/sign-in/?$', sources: ['src/features/auth/SignIn.tsx'] },
  {
    name: 'customer',
    pattern: '^/customers/[^/]+(/(software|orders|cancel)?)?/?$',
    sources: [
      'src/app/SignedIn.tsx',
      'src/app/AppShell.tsx',
      'src/features/customers/CustomerPage.tsx',
      'src/features/software/SoftwareList.tsx',
    ],
  },
  {
    name: 'customers',
    pattern: '^/(customers/?)?$',
    sources: [
      'src/app/SignedIn.tsx',
      'src/app/AppShell.tsx',
      'src/features/customers/CustomersList.tsx',
    ],
  },
];

const manifestFile = path.join(dist, '.vite/manifest.json');
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));

/** The manifest key of a source: its own chunk's, or the landing chunk it travels in. */
function keyOf(source) {
  if (manifest[source]) return source;
  const group = landingChunkOf(source);
  return Object.keys(manifest).find((key) => group && manifest[key].name === group);
}

/** The files a chunk needs (itself and its static imports, transitively). */
function filesOf(source, into = new Set()) {
  const key = keyOf(source);
  const chunk = key && manifest[key];
  if (!chunk) throw new Error(`${source} is not in the build's manifest`);
  if (into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const imported of chunk.imports ?? []) filesOf(imported, into);
  return into;
}

const loadedWithEntry = filesOf('index.html');
const index = readFileSync(path.join(dist, 'index.html'), 'utf8');
if (!index.includes('</head>')) throw new Error('dist/index.html has no </head>');
mkdirSync(path.join(dist, 'landing'), { recursive: true });

const pages = [];
for (const page of PAGES) {
  const files = {};
  for (const language of LANGUAGES) {
    // The catalog first: the first render waits for it, and six connections queue the rest.
    const needed = new Set();
    for (const source of [catalog(language), ...page.sources]) filesOf(source, needed);
    const links = [...needed]
      .filter((file) => !loadedWithEntry.has(file))
      .map((file) => `    <link rel="modulepreload" crossorigin href="/${file}">`);
    const name = `landing/${page.name}.${language}.html`;
    writeFileSync(
      path.join(dist, name),
      index.replace('</head>', `${links.join('\n')}\n  </head>`),
    );
    files[language] = name;
    console.log(`${name}: ${links.length} chunks preloaded`);
  }
  pages.push({ name: page.name, pattern: page.pattern, files });
}
writeFileSync(path.join(dist, 'landing/pages.json'), JSON.stringify(pages, null, 2));
// The manifest names every source file: not something to publish.
rmSync(path.dirname(manifestFile), { recursive: true, force: true });
