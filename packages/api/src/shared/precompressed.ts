import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Issue 14: the built web files come with brotli (.br) and gzip (.gz) copies made at build time
 * (packages/web/scripts/precompress.mjs). This sends the copy the browser accepts, with the
 * original's Content-Type, `Content-Encoding` and `Vary: Accept-Encoding` (a cache must not hand
 * a brotli body to a client that did not ask for it). Files without copies, and clients that
 * accept neither, fall through to express.static.
 */

type Encoding = 'br' | 'gzip';
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/**
 * The best encoding both sides have: brotli over gzip, anything with q=0 refused, `*` counting
 * for both. Exported for its unit test.
 */
export function chooseEncoding(
  acceptEncoding: string | undefined,
  available: readonly Encoding[],
): Encoding | null {
  const q = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weight = (encoding: Encoding) => q.get(encoding) ?? q.get('*') ?? 0;
  for (const encoding of ['br', 'gzip'] as const) {
    if (available.includes(encoding) && weight(encoding) > 0) return encoding;
  }
  return null;
}

/** The compressed copies of `file` on disk, looked up once (built files do not change). */
function variantsOf(cache: Map<string, Encoding[]>, file: string): Encoding[] {
  let variants = cache.get(file);
  if (!variants) {
    variants = (['br', 'gzip'] as const).filter((e) => existsSync(file + SUFFIX[e]));
    cache.set(file, variants);
  }
  return variants;
}

/**
 * Sends `file` (an absolute path under the web root), compressed when a copy and the client
 * allow it. Returns false, having sent nothing, when there is no copy to use.
 */
export function createPrecompressedSender(cacheControl: (file: string) => string) {
  const cache = new Map<string, Encoding[]>();
  return function sendPrecompressed(req: Request, res: Response, file: string): boolean {
    const variants = variantsOf(cache, file);
    if (variants.length === 0) return false;
    res.vary('Accept-Encoding');
    const encoding = chooseEncoding(req.get('accept-encoding'), variants);
    if (!encoding) return false;
    res.setHeader('Content-Encoding', encoding);
    res.setHeader('Cache-Control', cacheControl(file));
    res.type(path.extname(file));
    res.sendFile(file + SUFFIX[encoding], {
      acceptRanges: false,
      cacheControl: false,
      dotfiles: 'deny',
    });
    return true;
  };
}

/** Middleware for GET and HEAD of files under `root` that have compressed copies. */
export function precompressed(
  root: string,
  send: ReturnType<typeof createPrecompressedSender>,
): RequestHandler {
  const base = path.resolve(root);
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let relative: string;
    try {
      relative = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const file = path.join(base, relative);
    // Never outside the web root, never a directory index.
    if (!file.startsWith(base + path.sep) || relative.endsWith('/')) return next();
    if (!send(req, res, file)) next();
  };
}
