import { linkState, LINK_MAX_DOWNLOADS, type ErrorCode } from '@csp/domain';
import type { Request, Response } from 'express';
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { Database } from '../../data-source.js';
import { sha256Hex } from '../../shared/ids.js';
import type { Logger } from '../../shared/logger.js';
import type { Clock } from '../../shared/clock.js';
import { recordFailure, recordSuccess } from '../activity/activity.service.js';
import { UserEntity } from '../auth/user.entity.js';
import { ProductEntity } from '../catalog/product.entity.js';
import { OrderLineEntity } from '../orders/order-line.entity.js';
import { DownloadLinkEntity } from './download-link.entity.js';
import { downloadRefusalPage, languageOf } from './download-page.js';
import { downloadFileName, mediaPath } from './media.js';
import { enqueueIfLinkExhausted } from '../webhooks/index.js';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const REFUSAL: Record<string, ErrorCode> = {
  REVOKED: 'LINK_REVOKED',
  EXPIRED: 'LINK_EXPIRED',
  EXHAUSTED: 'LINK_EXHAUSTED',
};

interface DownloadDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  mediaDir: string;
}

/**
 * D3, D7: GET /downloads/:token serves the file and counts it. One conditional UPDATE decides,
 * so concurrent requests (from any number of server processes) never pass the 50th together.
 * HEAD answers the same headers without counting. An unknown token is a 404, the same for any.
 */
export function downloadRoute({ db, clock, logger, mediaDir }: DownloadDeps) {
  return async (req: Request, res: Response) => {
    const language = languageOf(req.get('accept-language'));
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const token = String(req.params['token'] ?? '');
    const link = TOKEN_SHAPE.test(token)
      ? await db.manager.findOneBy(DownloadLinkEntity, { tokenHash: sha256Hex(token) })
      : null;
    if (!link) {
      res.status(404).type('html').send(downloadRefusalPage('NOT_FOUND', language));
      return;
    }
    const line = await db.manager.findOneByOrFail(OrderLineEntity, { id: link.orderLineId });
    const product = await db.manager.findOneByOrFail(ProductEntity, { id: line.productId });
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

    const refuse = async (state: string) => {
      const code = REFUSAL[state] ?? 'LINK_EXPIRED';
      if (req.method === 'GET') await recordFailure(db, { ...facts, at: now }, code);
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

    if (req.method === 'HEAD') {
      const state = line.status === 'CANCELLED' ? 'REVOKED' : linkState(link, now);
      if (state !== 'ACTIVE') return void (await refuse(state));
      sendHeaders(res, file, downloadFileName(product.name, link));
      res.end();
      return;
    }

    const issuer = await db.manager.findOneBy(UserEntity, { id: link.issuedByUserId });
    const counted = await db.transaction(async (m) => {
      const result = await m
        .createQueryBuilder()
        .update(DownloadLinkEntity)
        .set({ downloadsUsed: () => 'downloads_used + 1' })
        .where('id = :id', { id: link.id })
        .andWhere('downloads_used < max_downloads')
        .andWhere('downloads_used < :cap', { cap: LINK_MAX_DOWNLOADS })
        .andWhere('expires_at > :now', { now })
        .andWhere('revoked_at IS NULL')
        // D8: a link of a cancelled line never downloads, even one issued while the cancellation ran.
        .andWhere(
          `NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.id = :lineId AND l.status = 'CANCELLED')`,
          {
            lineId: link.orderLineId,
          },
        )
        .execute();
      if (result.affected !== 1) return false;
      await recordSuccess(m, {
        ...facts,
        at: now,
        detail: `issued by ${issuer?.email ?? 'unknown'}; ${link.version} · ${link.language} · ${link.fileType}`,
      });
      await enqueueIfLinkExhausted(m, link, now); // W1: download_link.exhausted on the last one
      return true;
    });
    if (!counted) {
      // Re-read to say exactly why: another request may have taken the last download.
      const current = await db.manager.findOneByOrFail(DownloadLinkEntity, { id: link.id });
      return void (await refuse(
        linkState(current, now) === 'ACTIVE' ? 'EXHAUSTED' : linkState(current, now),
      ));
    }
    sendHeaders(res, file, downloadFileName(product.name, link));
    const stream = createReadStream(file);
    stream.on('error', (error) => {
      logger.error('download stream failed', { linkId: link.id, message: error.message });
      res.destroy();
    });
    stream.pipe(res);
  };
}

function sendHeaders(res: Response, file: string, fileName: string) {
  res.status(200);
  res.setHeader('Content-Type', 'application/octet-stream');
  res.setHeader('Content-Length', String(statSync(file).size));
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
}
