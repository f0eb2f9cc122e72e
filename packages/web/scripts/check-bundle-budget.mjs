#!/usr/bin/env node
/* global console, process */
/**
 * Bundle budget (issue 6): the JavaScript a browser must fetch before the first screen — the
 * entry script of dist/index.html and every chunk it modulepreloads — must stay within 200 kB
 * gzip. Prints each file and the total, and exits 1 over budget, so `pnpm build` fails.
 *
 *   node scripts/check-bundle-budget.mjs [--dist dist] [--budget 200]
 *
 * kB are 1000 bytes and gzip is zlib's default level, as Vite's own build report counts them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function option(name, fallback) {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  if (i >= 0 && args[i + 1]) return args[i + 1];
  const inline = args.find((a) => a.startsWith(`--${name}=`));
  return inline ? inline.slice(name.length + 3) : fallback;
}

const dist = path.resolve(webRoot, option('dist', 'dist'));
const budgetKb = Number(option('budget', '200'));
const indexFile = path.join(dist, 'index.html');
if (!existsSync(indexFile)) {
  console.error(`bundle budget: ${indexFile} is missing; run vite build first.`);
  process.exit(2);
}
const html = readFileSync(indexFile, 'utf8');

/** The value of attribute `name` in one tag, quoted or not. */
function attribute(tag, name) {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[2] ?? match[3] ?? match[4]) : null;
}

const initial = [];
for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
  const src = attribute(tag, 'src');
  if (src && /type\s*=\s*["']?module/i.test(tag)) initial.push({ file: src, role: 'entry' });
}
for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
  const rel = attribute(tag, 'rel');
  const href = attribute(tag, 'href');
  if (href && rel && rel.split(/\s+/).includes('modulepreload')) {
    initial.push({ file: href, role: 'modulepreload' });
  }
}
if (!initial.some((f) => f.role === 'entry')) {
  console.error('bundle budget: no <script type="module" src> in dist/index.html.');
  process.exit(2);
}

const seen = new Set();
const rows = [];
for (const { file, role } of initial) {
  const relative = file.replace(/^\//, '').split(/[?#]/)[0];
  if (seen.has(relative)) continue;
  seen.add(relative);
  const bytes = readFileSync(path.join(dist, relative));
  rows.push({ file: relative, role, raw: bytes.length, gzip: gzipSync(bytes).length });
}

const kb = (n) => (n / 1000).toFixed(2).padStart(8);
const total = rows.reduce((sum, r) => sum + r.gzip, 0);
const totalRaw = rows.reduce((sum, r) => sum + r.raw, 0);
console.log('Initial JavaScript (entry + modulepreload), largest first:');
for (const row of [...rows].sort((a, b) => b.gzip - a.gzip)) {
  console.log(`  ${kb(row.raw)} kB raw ${kb(row.gzip)} kB gzip  ${row.file} (${row.role})`);
}
console.log(
  `  total ${kb(totalRaw)} kB raw ${kb(total)} kB gzip in ${rows.length} files; budget ${budgetKb} kB gzip`,
);
if (total > budgetKb * 1000) {
  console.error(
    `bundle budget: the initial JavaScript is ${(total / 1000).toFixed(2)} kB gzip, over the ` +
      `${budgetKb} kB budget by ${((total - budgetKb * 1000) / 1000).toFixed(2)} kB. ` +
      'Lazy-load what the first screen does not need (React.lazy routes, dynamic import()).',
  );
  process.exit(1);
}
console.log(`bundle budget: OK (${((budgetKb * 1000 - total) / 1000).toFixed(2)} kB to spare)`);
