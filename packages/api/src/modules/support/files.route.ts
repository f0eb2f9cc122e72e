import express, { type NextFunction, type Request, type Response } from 'express';
import { createReadStream, existsSync } from 'node:fs';
import type { Database } from '../../data-source.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/context.js';
import { UUID_PATTERN } from '../../shared/ids.js';
import { AttachmentEntity } from './attachment.entity.js';
import { attachmentPath, MAX_ATTACHMENT_BYTES, storeAttachment } from './attachment-store.js';

/**
 * POST /files uploads one attachment as the raw request body (name in `X-File-Name`), answering
 * its id for createSupportRequest. The custom `X-CSP-Upload` header makes browsers preflight, so
 * another site cannot post files with the user's cookie. GET /files/:id downloads it, for users
 * of the uploading partner only.
 */
export function filesRouter(db: Database, clock: Clock, dir: string) {
  const router = express.Router();
  router.post(
    '/files',
    (req: Request, res: Response, next: NextFunction) => {
      if (req.get('x-csp-upload') !== '1') {
        res
          .status(400)
          .json({ code: 'BAD_REQUEST', message: 'Uploads need the X-CSP-Upload: 1 header.' });
        return;
      }
      next();
    },
    express.raw({ type: () => true, limit: MAX_ATTACHMENT_BYTES }),
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        const fileName = decodeURIComponent(req.get('x-file-name') ?? '');
        const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const stored = await storeAttachment(
          db,
          dir,
          (res.locals['actor'] as Actor | null) ?? null,
          { fileName, bytes },
          clock.now(),
        );
        res.status(201).json({
          id: stored.id,
          fileName: stored.fileName,
          size: stored.size,
          contentType: stored.contentType,
        });
      } catch (error) {
        next(error);
      }
    },
  );
  router.get('/files/:id', async (req: Request, res: Response) => {
    const actor = (res.locals['actor'] as Actor | null) ?? null;
    if (!actor) {
      res.status(401).json({ code: 'UNAUTHENTICATED', message: 'Please sign in to continue.' });
      return;
    }
    const id = String(req.params['id']);
    const attachment = UUID_PATTERN.test(id)
      ? await db.manager.findOneBy(AttachmentEntity, { id, partnerId: actor.partnerId })
      : null;
    if (!attachment || !existsSync(attachmentPath(dir, attachment.id))) {
      res.status(404).json({ code: 'NOT_FOUND', message: 'That file was not found.' });
      return;
    }
    res.setHeader('Content-Type', attachment.contentType);
    res.setHeader('Content-Length', String(attachment.size));
    res.setHeader(
      'Content-Disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
    );
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    createReadStream(attachmentPath(dir, attachment.id)).pipe(res);
  });
  return router;
}
