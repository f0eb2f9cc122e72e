import {
  continuationState,
  linkState,
  linkStateOfLine,
  LINK_MAX_DOWNLOADS,
  LINK_REFUSALS,
  parseRange,
  startsDownload,
  type LinkState,
  type RangeRequest,
} from '@csp/domain';
import type { Request, Response } from 'express';
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { Database } from '../../data-source.js';
import { isDatabaseDown } from '../../shared/format-error.js';
import { KeyedQueue } from '../../shared/keyed-queue.js';
import { sha256Hex } from '../../shared/ids.js';
import { plainChange, plainQuery } from '../../shared/raw-rows.js';
import type { Logger } from '../../shared/logger.js';
import type { Clock } from '../../shared/clock.js';
import { recordRefusedDownload, recordSuccess } from '../activity/activity.service.js';
import { DownloadLinkEntity } from './download-link.entity.js';
import { linkOfRow } from './link-rows.js';
import { languageOf } from '../../shared/i18n/server-text.js';
import { downloadRefusalPage } from './download-page.js';
import { downloadFileName, mediaPath } from './media.js';
import { enqueueIfLinkExhausted } from '../webhooks/index.js';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** D3: a link by its token's hash, with what serving it needs, as one plain row (any partner). */
async function linkForDownload(db: Database, tokenHash: string) {
  const [r] = await plainQuery(
    db.manager,
    `SELECT l.id, l.token_hash, l.partner_id, l.customer_id, l.order_line_id, l.issued_by_user_id,
       l.issued_at, l.expires_at, l.max_downloads, l.downloads_used, l.revoked_at, l.version,
       l.language, l.file_type, ol.status AS line_status, p.id AS product_id,
       p.name AS product_name, u.email AS issuer_email
     FROM download_links l
     JOIN order_lines ol ON ol.id = l.order_line_id
     JOIN products p ON p.id = ol.product_id
     LEFT JOIN users u ON u.id = l.issued_by_user_id
     WHERE l.token_hash = ?`,
    [tokenHash],
  );
  if (!r) return null;
  const link = linkOfRow(r);

  return {
    link,
    lineStatus: r['line_status'] as string,
    product: { id: r['product_id'] as string, name: r['product_name'] as string },
    issuerEmail: (r['issuer_email'] as string | null) ?? null,
  };
}

interface DownloadDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  mediaDir: string;
}

/**
 * D3, D7, D9: GET /downloads/:token serves the file (or a byte range of it) and counts a download
 * that starts at byte 0. One conditional UPDATE decides, so concurrent requests (from any number
 * of server processes) never pass the 50th together.
 * HEAD answers the same headers without counting. An unknown token is a 404, the same for any.
 */
export function downloadRoute({ db, clock, logger, mediaDir }: DownloadDeps) {
  const countingQueue = new KeyedQueue();
  return async (req: Request, res: Response) => {
    const language = languageOf(req.get('accept-language'));
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const token = String(req.params['token'] ?? '');
    // One statement for the link, its line's status, the product and the issuer (issue 13).
    const found = TOKEN_SHAPE.test(token) ? await linkForDownload(db, sha256Hex(token)) : null;
    if (!found) {
      res.status(404).type('html').send(downloadRefusalPage('NOT_FOUND', language));
      return;
    }
    const { link, lineStatus, product, issuerEmail } = found;
    const file = mediaPath(mediaDir, product.id, link);
    if (!existsSync(file)) {
      logger.error('media file missing', { linkId: link.id, productId: product.id });
      res.status(503).type('html').send(downloadRefusalPage('INTERNAL', language));
      return;
    }
    const now = clock.now();
    const facts = {
      partnerId: link.partnerId,
      customerId: link.customerId,
      operation: 'download_software' as const,
      resource: `download-link:${link.id}`,
      productName: product.name,
      remoteAddress: req.ip ?? null,
      userAgent: req.get('user-agent') ?? null,
    };

    const refuse = async (state: Exclude<LinkState, 'ACTIVE'>) => {
      const code = LINK_REFUSALS[state];
      // E6: at most one entry per link and hour, with a count: a used-up link cannot flood the log.
      // The count is one hot row: if it keeps conflicting on a cluster past the retry budget, the
      // refusal is still answered (the link's state is known) and the missed count is logged.
      if (req.method === 'GET') {
        await recordRefusedDownload(db, { ...facts, at: now }, code).catch((error: unknown) => {
          if (!isDatabaseDown(error)) throw error;
          logger.warn('refused download not counted in the activity log', {
            linkId: link.id,
            reason: (error as Error).message,
          });
        });
      }
      res
        .status(410)
        .type('html')
        .send(
          downloadRefusalPage(code, language, {
            expiresAt: link.expiresAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
            maxDownloads: link.maxDownloads,
          }),
        );
    };
    const size = statSync(file).size;
    const fileName = downloadFileName(product.name, link);
    const range = req.method === 'GET' ? parseRange(req.get('range'), size) : WHOLE;
    const lineCancelled = lineStatus === 'CANCELLED';

    if (req.method === 'HEAD') {
      const state = linkStateOfLine(link, lineCancelled, now);
      if (state !== 'ACTIVE') return void (await refuse(state));
      sendHeaders(res, size, fileName, WHOLE);
      res.end();
      return;
    }

    // D9: a GET from byte 0 starts a download and counts; one that continues a started download
    // (a Range past byte 0) is served without counting, even after the 50th has started.
    // A link nobody has downloaded through has nothing to continue: its first request counts.
    if (
      range.kind === 'unsatisfiable' ||
      (!startsDownload(req.method, range) && link.downloadsUsed > 0)
    ) {
      const state = continuationState(link, lineCancelled, now);
      if (state !== 'ACTIVE') return void (await refuse(state));
      if (range.kind === 'unsatisfiable') {
        res.status(416);
        res.setHeader('Content-Range', `bytes */${size}`);
        res.setHeader('Accept-Ranges', 'bytes');
        res.end();
        return;
      }
      return void serve(res, file, size, fileName, range, logger, link.id);
    }

    // A link already used up, expired or revoked never becomes usable again: refuse without a
    // write, so 150 late requests do not all race for the link's row (X1: one hot row on a cluster).
    const stateNow = linkStateOfLine(link, lineCancelled, now);
    if (stateNow !== 'ACTIVE') return void (await refuse(stateNow));

    // One counting transaction per link at a time in this process: a burst on one link then
    // races for its row with at most one request per process (one per node on a cluster), and
    // the queued ones see "used up" in the re-read and refuse without a write. The conditional
    // UPDATE stays the guard; the queue only spares the database a conflict storm. A request that
    // did not queue has just read the link (issue 13: no second read).
    const queued = countingQueue.busy(link.id);
    const counted = await countingQueue.run(link.id, async () => {
      if (queued) {
        const current = await db.manager.findOneByOrFail(DownloadLinkEntity, { id: link.id });
        if (linkState(current, now) !== 'ACTIVE') return false;
      }
      return db.transaction(async (m) => {
        // D8: a link of a cancelled line never downloads, even one issued while the cancellation
        // ran. A plain statement (issue 13): the query builder cost more than the UPDATE.
        const changed = await plainChange(
          m,
          `UPDATE download_links SET downloads_used = downloads_used + 1
           WHERE id = ? AND downloads_used < max_downloads AND downloads_used < ?
             AND expires_at > ? AND revoked_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.id = ? AND l.status = 'CANCELLED')`,
          [link.id, LINK_MAX_DOWNLOADS, now, link.orderLineId],
        );
        if (changed !== 1) return false;
        await recordSuccess(m, {
          ...facts,
          at: now,
          detail: {
            code: 'DOWNLOADED',
            params: {
              issuer: issuerEmail ?? '?',
              version: link.version,
              language: link.language,
              fileType: link.fileType,
            },
          },
        });
        await enqueueIfLinkExhausted(m, link, now); // W1: download_link.exhausted on the last one
        return true;
      });
    });
    if (!counted) {
      // Re-read to say exactly why: another request may have taken the last download.
      const current = await db.manager.findOneByOrFail(DownloadLinkEntity, { id: link.id });
      const state = linkState(current, now);
      return void (await refuse(state === 'ACTIVE' ? 'EXHAUSTED' : state));
    }
    serve(res, file, size, fileName, range, logger, link.id);
  };
}

const WHOLE: RangeRequest = { kind: 'whole' };

function serve(
  res: Response,
  file: string,
  size: number,
  fileName: string,
  range: RangeRequest,
  logger: Logger,
  linkId: string,
) {
  sendHeaders(res, size, fileName, range);
  const stream =
    range.kind === 'partial'
      ? createReadStream(file, { start: range.start, end: range.end })
      : createReadStream(file);
  stream.on('error', (error) => {
    logger.error('download stream failed', { linkId, message: error.message });
    res.destroy();
  });
  stream.pipe(res);
}

function sendHeaders(res: Response, size: number, fileName: string, range: RangeRequest) {
  if (range.kind === 'partial') {
    res.status(206);
    res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
    res.setHeader('Content-Length', String(range.end - range.start + 1));
  } else {
    res.status(200);
    res.setHeader('Content-Length', String(size));
  }
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Content-Type', 'application/octet-stream');
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
}
