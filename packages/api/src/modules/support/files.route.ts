import { attachmentSizeProblem, type DomainError } from '@csp/domain';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Database } from '../../data-source.js';
import type { Clock } from '../../shared/clock.js';
import { authorize, requireActor, type Actor } from '../../shared/context.js';
import { notFound } from '../../shared/errors.js';
import { UUID_PATTERN } from '../../shared/ids.js';
import { forPartner } from '../../shared/tenancy.js';
import { AttachmentEntity } from './attachment.entity.js';
import {
  MAX_ATTACHMENT_BYTES,
  storeAttachment,
  uploadFileName,
  UploadRefused,
  type AttachmentStore,
} from './attachment-store.js';
import {
  hasServerText,
  languageOf,
  serverText,
  type Language,
} from '../../shared/i18n/server-text.js';

/** Answers a refusal without reading the rest of the body, and closes the connection after it. */
function refuseUpload(res: Response, status: number, body: Record<string, unknown>) {
  // Node would otherwise read (and discard) the unread body to keep the connection alive.
  res.setHeader('Connection', 'close');
  res.status(status).json(body);
}

/** A file's problem (FILE_TYPE, FILE_EMPTY, FILE_TOO_LARGE, FILE_CONTENT) in `language`. */
function fileProblemText(language: Language, problem: UploadRefused['problem']): string {
  const key = `fieldError.${problem.code}`;
  return hasServerText(key) ? serverText(language, key, problem.params) : problem.code;
}

/**
 * S2, E1: an upload refused on its file, in the shape of a GraphQL refusal's field error; the
 * message words the file's problem (its code and params) in the language of Accept-Language.
 */
function refuseFile(
  req: Request,
  res: Response,
  status: number,
  problem: UploadRefused['problem'],
) {
  const language = languageOf(req.get('accept-language'));
  refuseUpload(res, status, {
    code: 'BAD_USER_INPUT',
    field: 'attachments',
    reason: problem.code,
    fieldErrors: [{ field: 'attachments', ...problem }],
    message: serverText(language, 'error.BAD_USER_INPUT', {
      reason: fileProblemText(language, problem),
    }),
  });
}

/** Resolves when the response can take more, or is gone. */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * POST /files uploads one attachment as the raw request body (name in `X-File-Name`), answering
 * its id for createSupportRequest. The custom `X-CSP-Upload` header makes browsers preflight, so
 * another site cannot post files with the user's cookie. Who may upload is decided from the
 * headers, before a byte of the body is read (E6); accepted bodies stream into the store in
 * chunks, never whole in memory. GET /files/:id downloads it, for users of the uploading partner
 * only.
 */
export function filesRouter(db: Database, clock: Clock, store: AttachmentStore) {
  const router = express.Router();
  router.post('/files', async (req: Request, res: Response, next: NextFunction) => {
    if (req.get('x-csp-upload') !== '1') {
      refuseUpload(res, 400, {
        code: 'BAD_REQUEST',
        message: serverText(languageOf(req.get('accept-language')), 'request.UPLOAD_HEADER', {
          header: 'X-CSP-Upload: 1',
        }),
      });
      return;
    }
    let actor: Actor;
    try {
      actor = authorize((res.locals['actor'] as Actor | null) ?? null, 'SUBMIT_SUPPORT_REQUEST');
    } catch (error) {
      const e = error as DomainError;
      refuseUpload(res, e.code === 'UNAUTHENTICATED' ? 401 : 403, {
        code: e.code,
        message: serverText(languageOf(req.get('accept-language')), `error.${e.code}`, e.details),
        ...e.details,
      });
      return;
    }
    const declared = Number(req.get('content-length') ?? NaN);
    if (declared > MAX_ATTACHMENT_BYTES) {
      refuseFile(req, res, 413, attachmentSizeProblem(declared)!);
      return;
    }
    try {
      const stored = await storeAttachment(
        db,
        store,
        actor,
        { fileName: uploadFileName(req.get('x-file-name') ?? ''), body: req },
        clock.now(),
      );
      res.status(201).json({
        id: stored.id,
        fileName: stored.fileName,
        size: stored.size,
        contentType: stored.contentType,
      });
    } catch (error) {
      if (error instanceof UploadRefused) {
        refuseFile(req, res, error.status, error.problem);
        return;
      }
      // The client went away mid-upload: nothing to answer.
      if (req.destroyed && !req.complete) return;
      next(error);
    }
  });
  router.get('/files/:id', async (req: Request, res: Response, next: NextFunction) => {
    // Refusals are thrown: the server's one error handler answers them (401, 404, …).
    const actor = requireActor((res.locals['actor'] as Actor | null) ?? null);
    const id = String(req.params['id']);
    const attachment =
      (UUID_PATTERN.test(id)
        ? await forPartner(db.manager, actor).findOne(AttachmentEntity, { id })
        : null) ?? notFound('file');
    res.setHeader('Content-Type', attachment.contentType);
    res.setHeader('Content-Length', String(attachment.size));
    res.setHeader(
      'Content-Disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
    );
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    try {
      let sent = 0;
      for await (const chunk of store.read(attachment.id)) {
        sent += chunk.length;
        // Wait for the client to take each chunk before reading the next one from the database.
        if (!res.write(chunk)) await drained(res);
        if (res.destroyed) return;
      }
      if (sent !== attachment.size) throw new Error(`attachment ${attachment.id} is incomplete`);
      res.end();
    } catch (error) {
      if (res.headersSent) res.destroy(error as Error);
      else next(error);
    }
  });
  return router;
}
