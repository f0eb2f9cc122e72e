import { ATTACHMENT_RULES, MAX_ATTACHMENT_BYTES } from '@csp/domain';
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { expect, it } from 'vitest';
import { createPartner, createTenant, createUser } from '../../test-support/factories.js';
import { describeEachEngine, type Harness } from '../../test-support/harness.js';
import { startSecondServer } from '../../test-support/second-server.js';
import { AttachmentEntity } from './attachment.entity.js';
import { ATTACHMENT_CHUNK_BYTES, databaseAttachmentStore } from './attachment-store.js';

function upload(url: string, token: string, fileName: string, body: Buffer | ReadableStream) {
  return fetch(`${url}/files`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'x-csp-upload': '1',
      'x-file-name': fileName,
    },
    body,
    duplex: 'half',
  } as RequestInit);
}

/**
 * Declares a body of `declared` bytes, sends only the first KB and waits for the answer: a server
 * that reads the body before deciding never answers (the test would time out).
 */
function answerBeforeBody(
  h: Harness,
  headers: Record<string, string>,
  declared: number,
): Promise<{ status: number; body: Record<string, unknown>; bodyBytesSent: number }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(h.url);
    const req = httpRequest({
      hostname,
      port,
      method: 'POST',
      path: '/files',
      headers: { 'x-csp-upload': '1', 'content-length': String(declared), ...headers },
    });
    const sent = 1024;
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => {
        resolve({ status: res.statusCode!, body: JSON.parse(text), bodyBytesSent: sent });
        req.destroy();
      });
    });
    req.on('error', reject);
    req.write(Buffer.alloc(sent, 'a')); // …and never the rest
  });
}

const chunkCount = async (h: Harness) =>
  Number(
    (
      await h.db.manager
        .createQueryBuilder()
        .select('COUNT(*)', 'n')
        .from('attachment_chunks', 'c')
        .getRawOne<{ n: number | string }>()
    )?.n ?? 0,
  );

describeEachEngine('uploads', (use) => {
  it('E6, E1: an anonymous (or unauthorised) 10 MB upload is refused before its body is read; too large a file is said in the request’s language', async () => {
    const h = use();
    const anonymous = await answerBeforeBody(h, { 'x-file-name': 'big.txt' }, 10 * 1024 * 1024);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body['code']).toBe('UNAUTHENTICATED');

    const partner = await createPartner(h.db);
    const sales = await createUser(h.db, partner.id, ['SALES_AGENT']);
    const forbidden = await answerBeforeBody(
      h,
      { authorization: `Bearer ${sales.token}`, 'x-file-name': 'big.txt' },
      10 * 1024 * 1024,
    );
    expect(forbidden.status).toBe(403);
    expect(forbidden.body['code']).toBe('FORBIDDEN_ROLE');

    // A declared size over the limit is refused from the headers too.
    const { admin } = await createTenant(h.db);
    const tooLarge = await answerBeforeBody(
      h,
      { authorization: `Bearer ${admin.token}`, 'x-file-name': 'big.txt', 'accept-language': 'ko' },
      MAX_ATTACHMENT_BYTES + 1,
    );
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body['reason']).toBe('FILE_TOO_LARGE');
    // E1: a message in the request's language, not the bare code.
    expect(tooLarge.body['message']).toBe(
      `입력 값이 올바르지 않습니다: 각 파일은 ${ATTACHMENT_RULES.maxMb}MB 미만이어야 합니다.`,
    );
    expect(tooLarge.body['fieldErrors']).toEqual([
      { field: 'attachments', code: 'FILE_TOO_LARGE', params: { maxMb: 10 } },
    ]);
  });

  it('E2: an empty upload is refused as empty; a raw % in the name is kept; bidirectional controls are stripped', async () => {
    const h = use();
    const { admin } = await createTenant(h.db);
    const empty = await upload(h.url, admin.token, 'notes.txt', Buffer.alloc(0));
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'FILE_EMPTY',
      fieldErrors: [{ field: 'attachments', code: 'FILE_EMPTY', params: {} }],
      message: 'Some of the input is not valid: The file is empty.',
    });

    const percent = await upload(h.url, admin.token, 'discount 100%.txt', Buffer.from('10 % off'));
    expect(percent.status).toBe(201);
    expect(((await percent.json()) as { fileName: string }).fileName).toBe('discount 100%.txt');

    // "report‮txt.exe" would show as "reportexe.txt"; the control characters go.
    const bidi = await upload(
      h.url,
      admin.token,
      encodeURIComponent('report\u202egnp.\u2066txt'),
      Buffer.from('plain text'),
    );
    expect(bidi.status).toBe(201);
    expect(((await bidi.json()) as { fileName: string }).fileName).toBe('reportgnp.txt');
  });

  it('X1: an attachment uploaded through one server downloads through another, streamed in ≤ 256 KB chunks', async () => {
    const h = use();
    const second = await startSecondServer(h);
    try {
      const { admin } = await createTenant(h.db);
      // 1.3 MB of text, sent in pieces (a streamed body, no Content-Length).
      const bytes = Buffer.alloc(1_300_000);
      for (let i = 0; i < bytes.length; i++) bytes[i] = 97 + (i % 26);
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let offset = 0; offset < bytes.length; offset += 100_000)
            controller.enqueue(bytes.subarray(offset, offset + 100_000));
          controller.close();
        },
      });
      const uploaded = await upload(h.url, admin.token, 'server.log', body);
      expect(uploaded.status).toBe(201);
      const { id, size } = (await uploaded.json()) as { id: string; size: number };
      expect(size).toBe(bytes.length);

      const rows = await h.db.manager
        .createQueryBuilder()
        .select('c.seq', 'seq')
        .addSelect('LENGTH(c.data)', 'length')
        .from('attachment_chunks', 'c')
        .where('c.attachment_id = :id', { id })
        .orderBy('c.seq')
        .getRawMany<{ seq: number; length: number | string }>();
      expect(rows.map((r) => Number(r.length))).toEqual([
        ...Array<number>(4).fill(ATTACHMENT_CHUNK_BYTES),
        bytes.length - 4 * ATTACHMENT_CHUNK_BYTES,
      ]);

      const downloaded = await fetch(`${second.url}/files/${id}`, {
        headers: { authorization: `Bearer ${admin.token}` },
      });
      expect(downloaded.status).toBe(200);
      const received = Buffer.from(await downloaded.arrayBuffer());
      expect(createHash('sha256').update(received).digest('hex')).toBe(
        createHash('sha256').update(bytes).digest('hex'),
      );
      const stored = await h.db.manager.findOneByOrFail(AttachmentEntity, { id });
      expect(stored.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    } finally {
      await second.close();
    }
  });

  it('E6: a streamed upload that grows past 10 MB is cut off, and leaves no chunks behind', async () => {
    const h = use();
    const { admin } = await createTenant(h.db);
    const before = await chunkCount(h);
    let sent = 0;
    const piece = Buffer.alloc(1024 * 1024, 'a');
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_ATTACHMENT_BYTES + piece.length) return controller.close();
        sent += piece.length;
        controller.enqueue(piece);
      },
    });
    const response = await upload(h.url, admin.token, 'big.txt', body).catch(() => null);
    // The server answers 413 and closes; a client may see the answer or the closed connection.
    if (response) expect(response.status).toBe(413);
    // Give the refusal's clean-up a moment, then no chunk of it is left.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await chunkCount(h)).toBe(before);
  });

  it('X1: chunks of an upload that never finished are purged after an hour, finished ones never', async () => {
    const h = use();
    const store = databaseAttachmentStore(h.db);
    const now = h.clock.now();
    const abandoned = crypto.randomUUID();
    await store.writeChunk(
      abandoned,
      0,
      Buffer.from('half'),
      new Date(now.getTime() - 2 * 3_600_000),
    );
    const fresh = crypto.randomUUID();
    await store.writeChunk(fresh, 0, Buffer.from('in progress'), now);
    const before = await chunkCount(h);
    expect(await store.purgeAbandoned(now)).toBeGreaterThanOrEqual(1);
    const left = async (id: string) => {
      let n = 0;
      for await (const chunk of store.read(id)) n += chunk.length;
      return n;
    };
    expect(await left(abandoned)).toBe(0);
    expect(await left(fresh)).toBe('in progress'.length);
    expect(await chunkCount(h)).toBeLessThan(before);
    // Finished uploads (those with an attachment row) stay, however old.
    const kept = await h.db.manager.find(AttachmentEntity, { take: 1 });
    for (const a of kept) expect(await left(a.id)).toBe(a.size);
  });
});
