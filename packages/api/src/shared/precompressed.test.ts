import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding, createPrecompressedSender, precompressed } from './precompressed.js';

describe('chooseEncoding', () => {
  it('prefers brotli, then gzip, honours q=0 and *', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd', ['br', 'gzip'])).toBe('br');
    expect(chooseEncoding('gzip, deflate', ['br', 'gzip'])).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip', ['br', 'gzip'])).toBe('gzip');
    expect(chooseEncoding('identity', ['br', 'gzip'])).toBeNull();
    expect(chooseEncoding(undefined, ['br', 'gzip'])).toBeNull();
    expect(chooseEncoding('*', ['gzip'])).toBe('gzip');
    expect(chooseEncoding('*;q=0', ['br', 'gzip'])).toBeNull();
    expect(chooseEncoding('br', ['gzip'])).toBeNull();
  });
});

/** Issue 14: built files are served from their build-time brotli/gzip copies. */
describe('precompressed static files', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'csp-precompressed-'));
  const body = `console.log(${JSON.stringify('x'.repeat(4000))});\n`;
  let url = '';
  let close: () => void = () => undefined;

  beforeAll(async () => {
    mkdirSync(path.join(root, 'assets'));
    const file = path.join(root, 'assets', 'index-abc123.js');
    writeFileSync(file, body);
    writeFileSync(`${file}.br`, brotliCompressSync(body));
    writeFileSync(`${file}.gz`, gzipSync(body));
    writeFileSync(path.join(root, 'plain.txt'), 'no copies');
    const cacheControl = (f: string) =>
      path.relative(root, f).startsWith('assets')
        ? 'public, max-age=31536000, immutable'
        : 'no-cache';
    const app = express();
    app.use(precompressed(root, createPrecompressedSender(cacheControl)));
    app.use(express.static(root));
    const server = app.listen(0);
    await new Promise((r) => server.once('listening', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => {
    close();
    rmSync(root, { recursive: true, force: true });
  });

  async function get(file: string, acceptEncoding: string) {
    // fetch (undici) decodes a br or gzip body itself: the text must equal the original.
    return fetch(`${url}${file}`, { headers: { 'accept-encoding': acceptEncoding } });
  }

  it('sends brotli to a browser that accepts it, with the type, Vary and the immutable cache', async () => {
    const response = await get('/assets/index-abc123.js', 'gzip, deflate, br');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe(body); // decoded by fetch: the copy is the same file
  });

  it('sends gzip when brotli is not accepted, and the file itself when neither is', async () => {
    const gz = await get('/assets/index-abc123.js', 'gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(await gz.text()).toBe(body);
    const plain = await get('/assets/index-abc123.js', 'identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    expect(await plain.text()).toBe(body);
  });

  it('leaves files without copies, and paths outside the root, to the next handler', async () => {
    const plain = await get('/plain.txt', 'br');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe('no copies');
    const escape = await get('/..%2f..%2fetc%2fpasswd', 'br');
    expect([403, 404]).toContain(escape.status);
    expect(escape.headers.get('content-encoding')).toBeNull();
  });
});
