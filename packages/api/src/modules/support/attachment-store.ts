import {
  ATTACHMENT_TYPES,
  attachmentProblem,
  attachmentSizeProblem,
  MAX_ATTACHMENT_BYTES,
  type FieldErrorCode,
  type FieldErrorParams,
} from '@csp/domain';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Database } from '../../data-source.js';
import type { Actor } from '../../shared/context.js';
import { newId } from '../../shared/ids.js';
import { AttachmentEntity } from './attachment.entity.js';

/** Bytes per stored chunk: small enough for any packet size and row, large enough to be few. */
export const ATTACHMENT_CHUNK_BYTES = 256 * 1024;
/** An upload whose attachment row never came (aborted, crashed) is purged after this long. */
export const ABANDONED_UPLOAD_MS = 60 * 60 * 1000;

/**
 * X1: where attachment bytes live. The database is the default (docs/decisions/011): every API
 * process reads what any process wrote, with nothing on a node's disk. Another store (object
 * storage) would implement the same four calls.
 */
export interface AttachmentStore {
  /** Stores one chunk of an upload, in order from 0; each call is short and safe to repeat. */
  writeChunk(attachmentId: string, seq: number, bytes: Buffer, now: Date): Promise<void>;
  /** The stored bytes, chunk by chunk, so a download never holds the whole file in memory. */
  read(attachmentId: string): AsyncIterable<Buffer>;
  /** Drops an upload's chunks (a refused or aborted upload). */
  discard(attachmentId: string): Promise<void>;
  /** Drops chunks of uploads that were never finished, older than ABANDONED_UPLOAD_MS. */
  purgeAbandoned(now: Date): Promise<number>;
}

const CHUNKS = 'attachment_chunks';

/** The database implementation: rows of ≤ 256 KB in `attachment_chunks`, keyed (attachment, seq). */
export function databaseAttachmentStore(db: Database): AttachmentStore {
  return {
    async writeChunk(attachmentId, seq, bytes, now) {
      await db.transaction((m) =>
        m
          .createQueryBuilder()
          .insert()
          .into(CHUNKS, ['attachment_id', 'seq', 'data', 'created_at_ms'])
          .values({ attachment_id: attachmentId, seq, data: bytes, created_at_ms: now.getTime() })
          .orIgnore() // a retried write of the same chunk is the same chunk
          .execute(),
      );
    },
    async *read(attachmentId) {
      for (let seq = 0; ; seq++) {
        const row = await db.manager
          .createQueryBuilder()
          .select('c.data', 'data')
          .from(CHUNKS, 'c')
          .where('c.attachment_id = :attachmentId AND c.seq = :seq', { attachmentId, seq })
          .getRawOne<{ data: Uint8Array }>();
        if (!row) return;
        const data = row.data;
        yield Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.length);
      }
    },
    async discard(attachmentId) {
      await db.transaction((m) =>
        m
          .createQueryBuilder()
          .delete()
          .from(CHUNKS)
          .where('attachment_id = :attachmentId', { attachmentId })
          .execute(),
      );
    },
    async purgeAbandoned(now) {
      const result = await db.transaction((m) =>
        m
          .createQueryBuilder()
          .delete()
          .from(CHUNKS)
          .where('created_at_ms < :before', { before: now.getTime() - ABANDONED_UPLOAD_MS })
          .andWhere('NOT EXISTS (SELECT 1 FROM attachments a WHERE a.id = attachment_id)')
          .execute(),
      );
      return result.affected ?? 0;
    },
  };
}

/** The first bytes each binary type must start with, so a renamed executable is refused. */
const SIGNATURES: Record<string, number[][]> = {
  'application/pdf': [[0x25, 0x50, 0x44, 0x46]],
  'image/png': [[0x89, 0x50, 0x4e, 0x47]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  'application/zip': [
    [0x50, 0x4b, 0x03, 0x04],
    [0x50, 0x4b, 0x05, 0x06],
  ],
};

/** Whether the first KB of a file fits its type. */
function looksLike(contentType: string, head: Buffer): boolean {
  const signatures = SIGNATURES[contentType];
  if (signatures) return signatures.some((sig) => sig.every((b, i) => head[i] === b));
  // Text types: no NUL bytes in the first KB.
  return !head.subarray(0, 1024).includes(0);
}

/** Bidirectional controls (U+061C, U+200E/F, U+202A–E, U+2066–9): they make "exe.txt" read as "txt.exe". */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The stored name of an upload: the `X-File-Name` header is percent-encoded UTF-8 (the web sends
 * `encodeURIComponent`); a header that is not valid percent-encoding, like "discount 100%.txt",
 * is taken as it is. The base name only, without control, bidirectional-control characters or
 * quotes (it goes into a header later).
 */
export function uploadFileName(header: string): string {
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    name = header;
  }
  return [...path.basename(name.replace(/\\/g, '/').replace(BIDI_CONTROLS, ''))]
    .filter((c) => {
      const code = c.charCodeAt(0);
      return code >= 32 && !(code >= 0x7f && code <= 0x9f) && c !== '"';
    })
    .join('')
    .trim()
    .slice(0, 200);
}

/** Refused upload: BAD_USER_INPUT on `attachments`, with its own reason code for the client. */
/** S2: a file refused, with the domain's code and params (the web words it). */
export class UploadRefused extends Error {
  constructor(
    readonly status: 400 | 413,
    readonly problem: { code: FieldErrorCode; params: FieldErrorParams },
  ) {
    super(problem.code);
  }
}

/**
 * S2, X1: stores an upload as it arrives: checks the name first, then each chunk as it comes
 * (size, first bytes), writing ≤ 256 KB chunks through the store; the attachment row is written
 * last, so an upload that fails half-way is never visible (and its chunks are discarded).
 */
export async function storeAttachment(
  db: Database,
  store: AttachmentStore,
  actor: Actor,
  upload: { fileName: string; body: AsyncIterable<Buffer | string> },
  now: Date,
): Promise<AttachmentEntity> {
  const fileName = upload.fileName;
  const typeProblem = attachmentProblem(fileName, 1);
  if (typeProblem) throw new UploadRefused(400, typeProblem);
  const contentType = ATTACHMENT_TYPES[fileName.toLowerCase().split('.').pop()!]!;
  const id = newId();
  const hash = createHash('sha256');
  let size = 0;
  let seq = 0;
  let head = Buffer.alloc(0);
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const chunk = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    await store.writeChunk(id, seq++, chunk, now);
  };
  try {
    for await (const piece of upload.body) {
      const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
      size += bytes.length;
      if (size > MAX_ATTACHMENT_BYTES) {
        throw new UploadRefused(413, attachmentSizeProblem(size)!);
      }
      if (head.length < 1024) head = Buffer.concat([head, bytes.subarray(0, 1024 - head.length)]);
      hash.update(bytes);
      for (let offset = 0; offset < bytes.length;) {
        const take = Math.min(ATTACHMENT_CHUNK_BYTES - pendingBytes, bytes.length - offset);
        pending.push(bytes.subarray(offset, offset + take));
        pendingBytes += take;
        offset += take;
        if (pendingBytes === ATTACHMENT_CHUNK_BYTES) await flush();
      }
    }
    if (size === 0) throw new UploadRefused(400, attachmentSizeProblem(0)!);
    if (!looksLike(contentType, head)) {
      throw new UploadRefused(400, { code: 'FILE_CONTENT', params: { contentType } });
    }
    await flush();
    const attachment: AttachmentEntity = {
      id,
      partnerId: actor.partnerId,
      uploadedByUserId: actor.userId,
      supportRequestId: null,
      fileName,
      contentType,
      size,
      sha256: hash.digest('hex'),
      createdAt: now,
    };
    await db.transaction((m) => m.insert(AttachmentEntity, attachment));
    return attachment;
  } catch (error) {
    if (seq > 0) await store.discard(id).catch(() => undefined);
    throw error;
  }
}

export { MAX_ATTACHMENT_BYTES };
