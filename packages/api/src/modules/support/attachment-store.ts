import { ATTACHMENT_TYPES, attachmentProblem, MAX_ATTACHMENT_BYTES } from '@csp/domain';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '../../data-source.js';
import { authorize, type Actor } from '../../shared/context.js';
import { badInput } from '../../shared/errors.js';
import { newId, UUID_PATTERN } from '../../shared/ids.js';
import { AttachmentEntity } from './attachment.entity.js';

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

function looksLike(contentType: string, bytes: Buffer): boolean {
  const signatures = SIGNATURES[contentType];
  if (signatures) return signatures.some((sig) => sig.every((b, i) => bytes[i] === b));
  // Text types: no NUL bytes in the first KB.
  return !bytes.subarray(0, 1024).includes(0);
}

export function attachmentPath(dir: string, id: string): string {
  if (!UUID_PATTERN.test(id)) throw new Error('bad attachment id');
  return path.join(dir, id);
}

/** S2: stores an uploaded file after checking its name, size and first bytes. */
export async function storeAttachment(
  db: Database,
  dir: string,
  actorOrNull: Actor | null,
  upload: { fileName: string; bytes: Buffer },
  now: Date,
): Promise<AttachmentEntity> {
  const actor = authorize(actorOrNull, 'SUBMIT_SUPPORT_REQUEST');
  // The base name only, without control characters or quotes (it goes into a header later).
  const fileName = [...path.basename(upload.fileName.replace(/\\/g, '/'))]
    .filter((c) => c.charCodeAt(0) >= 32 && c !== '"')
    .join('')
    .slice(0, 200);
  const problem = attachmentProblem(fileName, upload.bytes.length);
  if (problem) badInput('attachments', problem.en);
  const contentType = ATTACHMENT_TYPES[fileName.toLowerCase().split('.').pop()!]!;
  if (!looksLike(contentType, upload.bytes))
    badInput('attachments', `The file does not look like a ${contentType} file.`);
  const attachment: AttachmentEntity = {
    id: newId(),
    partnerId: actor.partnerId,
    uploadedByUserId: actor.userId,
    supportRequestId: null,
    fileName,
    contentType,
    size: upload.bytes.length,
    sha256: createHash('sha256').update(upload.bytes).digest('hex'),
    createdAt: now,
  };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(attachmentPath(dir, attachment.id), upload.bytes, { mode: 0o600 });
  await db.transaction((m) => m.insert(AttachmentEntity, attachment));
  return attachment;
}

export { MAX_ATTACHMENT_BYTES };
