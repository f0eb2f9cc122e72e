#!/usr/bin/env node
/* global console, process */
/**
 * Issue 14: brotli and gzip copies of the built files, made once at build time, so the server
 * sends a phone ~4× fewer bytes without compressing on every request (packages/api
 * src/http/precompressed.ts picks the copy from Accept-Encoding). Text files of 1 kB or more
 * only; a copy that would not be smaller is not written.
 *
 *   node scripts/precompress.mjs [--dist dist]
 */
import { readdirSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const i = args.indexOf('--dist');
const dist = path.resolve(webRoot, i >= 0 ? args[i + 1] : 'dist');

const TEXT = /\.(js|mjs|css|html|svg|json|txt|map|wasm|ttf)$/;
const MIN_BYTES = 1024;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

let count = 0;
let before = 0;
let afterBr = 0;
for (const file of files(dist)) {
  if (/\.(br|gz)$/.test(file)) {
    rmSync(file); // left from an earlier build
    continue;
  }
  if (!TEXT.test(file) || statSync(file).size < MIN_BYTES) continue;
  const body = readFileSync(file);
  const br = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
  const gz = gzipSync(body, { level: 9 });
  if (br.length < body.length) writeFileSync(`${file}.br`, br);
  if (gz.length < body.length) writeFileSync(`${file}.gz`, gz);
  count += 1;
  before += body.length;
  afterBr += Math.min(br.length, body.length);
}
console.log(
  `precompress: ${count} files, ${(before / 1000).toFixed(1)} kB → ${(afterBr / 1000).toFixed(1)} kB brotli`,
);
