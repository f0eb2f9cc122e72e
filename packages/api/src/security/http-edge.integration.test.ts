import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, Socket, type Server as NetServer } from 'node:net';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { entities, openDatabase } from '../data-source.js';
import { KeyVault } from '../modules/software/key-vault.js';
import { createApp } from '../server.js';
import { DEFAULT_CHOICE, issueLink, placeOrder } from '../test-support/actions.js';
import { errorCode, gql } from '../test-support/client.js';
import { createTenant } from '../test-support/factories.js';
import {
  describeEachEngine,
  MYSQL_AVAILABLE,
  openTestDatabase,
  TEST_MYSQL_URL,
  TestClock,
  type Harness,
} from '../test-support/harness.js';
import { createLogger } from '../shared/logger.js';

const summary: string[] = [];
afterAll(() => console.log(summary.join('\n')));

/** Row counts of every business table (audit tables record refusals by design). */
async function rowCounts(h: Harness): Promise<string> {
  const counts: string[] = [];
  for (const entity of entities) {
    const table = h.db.dataSource.getMetadata(entity).tableName;
    if (table === 'activity_log' || table === 'sign_in_failures') continue;
    counts.push(`${table}=${await h.db.manager.count(entity)}`);
  }
  return counts.join(' ');
}

const postRaw = (h: Harness, body: string | Buffer, headers: Record<string, string> = {}) =>
  fetch(`${h.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

/** A refusal's code: GraphQL-shaped on /graphql, `{ code }` elsewhere; null when it has none. */
function codeOf(text: string): string | null {
  try {
    const body = JSON.parse(text) as {
      code?: string;
      errors?: { extensions?: { code?: string } }[];
    };
    return body.errors?.[0]?.extensions?.code ?? body.code ?? null;
  } catch {
    return null;
  }
}

const unexpectedLogs = (h: Harness) =>
  h.logLines.filter((l) => /unexpected error|unhandled request error|"stack"/.test(l));

describeEachEngine(
  'The HTTP edge refuses bad input with a 4xx and a code (issue 10, production mode)',
  (use) => {
    it('E2: malformed, non-object and non-UTF-8 bodies on /graphql answer 400 BAD_REQUEST, GraphQL-shaped', async () => {
      const h = use();
      const { admin } = await createTenant(h.db);
      const before = await rowCounts(h);
      const bodies: [string, string | Buffer][] = [
        ['malformed JSON', '{"query": "mutation { signOut }"'],
        ['null', 'null'],
        ['a string', '"str"'],
        ['a number', '123'],
        [
          'invalid UTF-8',
          Buffer.from([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x22, 0x3a, 0xc3, 0x28, 0x7d]),
        ],
        [
          'invalid UTF-8 in a string',
          Buffer.concat([Buffer.from('{"query":"'), Buffer.from([0xe0, 0xa4]), Buffer.from('"}')]),
        ],
        ['empty', ''],
      ];
      for (const [name, body] of bodies) {
        const response = await postRaw(h, body, { authorization: `Bearer ${admin.token}` });
        const json = (await response.json()) as {
          errors?: { message: string; extensions?: { code?: string } }[];
          data?: unknown;
        };
        expect(response.status, name).toBeGreaterThanOrEqual(400);
        expect(response.status, name).toBeLessThan(500);
        expect(json.errors?.[0]?.extensions?.code, name).toMatch(/^[A-Z_]+$/);
        expect(json.errors?.[0]?.message.length, name).toBeGreaterThan(10);
        expect(json.data ?? undefined, name).toBeUndefined();
      }
      const malformed = await postRaw(h, '{ not json');
      expect(codeOf(await malformed.text())).toBe('BAD_REQUEST');
      const latin1 = await postRaw(h, '{}', { 'content-type': 'application/json; charset=latin1' });
      expect(latin1.status).toBe(415);
      expect(await rowCounts(h)).toBe(before);
      expect(unexpectedLogs(h)).toEqual([]);
    });

    it('E2, decision 026: a body with a Content-Length (read by /graphql itself) and the same body chunked (body-parser) get the same answer', async () => {
      const h = use();
      const { admin } = await createTenant(h.db);
      const chunked = (body: Buffer) =>
        new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
          const request = httpRequest(
            `${h.url}/graphql`,
            {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                'transfer-encoding': 'chunked',
                authorization: `Bearer ${admin.token}`,
              },
            },
            (response) => {
              let text = '';
              response.setEncoding('utf8');
              response.on('data', (part: string) => (text += part));
              response.on('end', () =>
                resolve({
                  status: response.statusCode!,
                  type: String(response.headers['content-type']),
                  text,
                }),
              );
            },
          );
          request.on('error', reject);
          request.end(body);
        });
      const bodies: [string, string | Buffer][] = [
        ['a query', '{"query":"{ me { email } }"}'],
        ['a query after a byte order mark', '\uFEFF{"query":"{ me { email } }"}'],
        ['a query after white space', ' \n\t{"query":"{ me { email } }"}'],
        ['a batch', '[{"query":"{ me { email } }"}]'],
        ['an empty object', '{}'],
        ['malformed JSON', '{"query": "mutation { signOut }"'],
        ['null', 'null'],
        ['a string', '"str"'],
        ['a number', '123'],
        ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x22, 0x3a, 0xc3, 0x28])],
        [
          'invalid UTF-8 in a string',
          Buffer.concat([Buffer.from('{"query":"'), Buffer.from([0xe0, 0xa4]), Buffer.from('"}')]),
        ],
      ];
      for (const [name, body] of bodies) {
        const plain = await postRaw(h, body, { authorization: `Bearer ${admin.token}` });
        const viaBodyParser = await chunked(Buffer.from(body));
        expect(viaBodyParser.status, name).toBe(plain.status);
        expect(viaBodyParser.type, name).toBe(plain.headers.get('content-type'));
        expect(viaBodyParser.text, name).toBe(await plain.text());
      }
      expect(unexpectedLogs(h)).toEqual([]);
    });

    it('E1, E2: the edge’s own refusals (body, size, cost, path) are worded in the language of Accept-Language; codes unchanged', async () => {
      const h = use();
      const { admin } = await createTenant(h.db);
      const ko = { 'accept-language': 'ko-KR,ko;q=0.9', authorization: `Bearer ${admin.token}` };
      const messageOf = async (response: Response) =>
        ((await response.json()) as { errors: { message: string; extensions: { code: string } }[] })
          .errors[0]!;

      const notJson = await messageOf(await postRaw(h, '{ not json', ko));
      expect(notJson.extensions.code).toBe('BAD_REQUEST');
      expect(notJson.message).toBe(
        '요청 본문은 UTF-8 JSON 객체여야 합니다. 예: {"query": "{ me { email } }"}',
      );
      const large = await messageOf(
        await postRaw(h, JSON.stringify({ query: `{ __typename } #${'x'.repeat(120_000)}` }), ko),
      );
      expect(large).toMatchObject({
        message: '요청 본문이 너무 큽니다(최대 100kB).',
        extensions: { code: 'PAYLOAD_TOO_LARGE' },
      });
      const costly = await messageOf(
        await postRaw(
          h,
          JSON.stringify({
            query: `{ ${Array.from({ length: 12 }, (_, i) => `c${i}: customers(first: 100) { edges { node { orders { id lines { id } } } } }`).join(' ')} }`,
          }),
          ko,
        ),
      );
      expect(costly.extensions.code).toBe('QUERY_TOO_COMPLEX');
      expect(costly.message).toMatch(/^쿼리 비용이 너무 큽니다\([\d,]+, 최대 [\d,]+\)/);
      const english = await messageOf(await postRaw(h, '{ not json'));
      expect(english.message).toMatch(/^The request body must be a JSON object in UTF-8/);

      const escape = await fetch(`${h.url}/invoices/%E0%A4%A`, { headers: ko });
      expect(await escape.json()).toEqual({
        code: 'BAD_REQUEST',
        message: '주소가 올바르지 않습니다: 잘못된 %-이스케이프가 있습니다.',
      });
    });

    it('E2: broken %-escapes in paths answer 4xx; a download shows the unknown-link page', async () => {
      const h = use();
      const { admin } = await createTenant(h.db);
      const unknown = await fetch(`${h.url}/downloads/${'a'.repeat(43)}`);
      const unknownPage = await unknown.text();
      expect(unknown.status).toBe(404);
      for (const bad of ['/downloads/%E0%A4%A', '/downloads/%zz']) {
        const response = await fetch(`${h.url}${bad}`);
        expect(response.status, bad).toBe(404);
        expect(response.headers.get('content-type'), bad).toMatch(/text\/html/);
        expect(await response.text(), bad).toBe(unknownPage);
      }
      for (const bad of ['/invoices/%E0%A4%A.csv', '/files/%E0%A4%A', '/files/%zz']) {
        const response = await fetch(`${h.url}${bad}`, {
          headers: { authorization: `Bearer ${admin.token}` },
        });
        expect(response.status, bad).toBe(400);
        expect(await response.json(), bad).toEqual({
          code: 'BAD_REQUEST',
          message: expect.stringMatching(/%-escape/),
        });
      }
      // A session cookie that is not valid percent-encoding is no session, not a crash.
      const cookie = await gql(h.url, '{ me { email } }', {}, { cookie: 'csp_session=%zz' });
      expect(errorCode(cookie)).toBe('UNAUTHENTICATED');
      const cookieCsv = await fetch(`${h.url}/activity-log.csv`, {
        headers: { cookie: 'csp_session=%E0%A4%A' },
      });
      expect(cookieCsv.status).toBe(401);
      expect(unexpectedLogs(h)).toEqual([]);
    });

    it('E2: a persisted-query hash mismatch is a 400 PERSISTED_QUERY_HASH_MISMATCH, not a logged error', async () => {
      const h = use();
      const response = await postRaw(
        h,
        JSON.stringify({
          query: '{ __typename }',
          extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } },
        }),
      );
      expect(response.status).toBe(400);
      expect(codeOf(await response.text())).toBe('PERSISTED_QUERY_HASH_MISMATCH');
      // The right hash is accepted (automatic persisted queries keep working).
      const sha256Hash = createHash('sha256').update('{ __typename }').digest('hex');
      const right = await postRaw(
        h,
        JSON.stringify({
          query: '{ __typename }',
          extensions: { persistedQuery: { version: 1, sha256Hash } },
        }),
      );
      expect(right.status).toBe(200);
      expect(unexpectedLogs(h)).toEqual([]);
    });

    it('E2: no "Did you mean" in production: not from validation, variable coercion or enums', async () => {
      const h = use();
      const { admin } = await createTenant(h.db);
      const auth = { token: admin.token };
      const answers = await Promise.all([
        gql(h.url, '{ custmers { totalCount } }', {}, auth),
        gql(h.url, 'mutation($i: SignInInput!) { signIn(input: $i) { token } }', {
          i: { emial: 'a@b.c', password: 'x' },
        }),
        gql(
          h.url,
          'query($t: [OperationType!]) { activityLog(from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z", operationTypes: $t) { csvUrl } }',
          { t: ['create_ordr'] },
          auth,
        ),
        gql(
          h.url,
          '{ activityLog(from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z", operationTypes: [create_ordr]) { csvUrl } }',
          {},
          auth,
        ),
        gql(h.url, '{ customers(frist: 1) { totalCount } }', {}, auth),
      ]);
      for (const answer of answers) {
        expect(answer.status).toBe(400);
        expect(errorCode(answer)).toMatch(/^(GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT)$/);
        expect(JSON.stringify(answer.errors)).not.toMatch(/Did you mean/i);
      }
    });

    it('E3: the explorer’s schema is served to signed-in users only', async () => {
      const h = use();
      const { admin } = await createTenant(h.db);
      const anonymous = await fetch(`${h.url}/schema.graphql`);
      expect(anonymous.status).toBe(401);
      expect(((await anonymous.json()) as { code: string }).code).toBe('UNAUTHENTICATED');
      const signedIn = await fetch(`${h.url}/schema.graphql`, {
        headers: { authorization: `Bearer ${admin.token}` },
      });
      expect(signedIn.status).toBe(200);
      expect(await signedIn.text()).toMatch(/type Query \{/);
    });

    it('D3: download links use the configured public address, never the Host or X-Forwarded-* headers', async () => {
      const h = use();
      const { admin, customer } = await createTenant(h.db);
      const order = await placeOrder(h.url, admin.token, customer.id);
      const port = new URL(h.url).port;
      const body = JSON.stringify({
        query:
          'mutation($i: GetKeysAndDownloadsInput!) { getKeysAndDownloads(input: $i) { link { url } } }',
        variables: { i: { lineId: order.lines[0]!.id, ...DEFAULT_CHOICE } },
      });
      // fetch() will not send a forged Host; node:http will.
      const url = await new Promise<string>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            path: '/graphql',
            method: 'POST',
            headers: {
              host: 'evil.example',
              'x-forwarded-host': 'evil.example',
              'x-forwarded-proto': 'https',
              'content-type': 'application/json',
              authorization: `Bearer ${admin.token}`,
            },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () => {
              const parsed = JSON.parse(text) as {
                data?: { getKeysAndDownloads: { link: { url: string } } };
              };
              resolve(parsed.data?.getKeysAndDownloads.link.url ?? text);
            });
          },
        );
        req.on('error', reject);
        req.end(body);
      });
      expect(url).toMatch(new RegExp(`^http://localhost:${port}/downloads/[\\w-]{43}$`));
      // The link works at that address (localhost is this server).
      const link = await issueLink(h.url, admin.token, order.lines[0]!.id);
      expect(link.url.startsWith(`http://localhost:${port}/downloads/`)).toBe(true);
    });
  },
  { production: true },
);

describe('Production static files (issue 10)', () => {
  it('E2: no source maps, a 404 for a missing asset, immutable hashed assets and a no-cache page', async () => {
    const webDist = mkdtempSync(path.join(tmpdir(), 'csp-web-'));
    mkdirSync(path.join(webDist, 'assets'));
    writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(path.join(webDist, 'assets', 'app-3f2a1b.js'), 'console.log(1)');
    writeFileSync(path.join(webDist, 'assets', 'app-3f2a1b.js.map'), '{"sources":["secret.ts"]}');
    writeFileSync(path.join(webDist, 'favicon.svg'), '<svg/>');
    const db = await openTestDatabase('embedded');
    const { app } = await createApp({
      db,
      clock: new TestClock(),
      logger: createLogger(() => undefined),
      vault: KeyVault.random(),
      mediaDir: webDist,
      production: true,
      webDist,
    });
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const asset = await fetch(`${base}/assets/app-3f2a1b.js`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const map = await fetch(`${base}/assets/app-3f2a1b.js.map`);
      expect(map.status).toBe(404);
      expect(await map.text()).not.toMatch(/secret\.ts/);
      for (const missing of ['/assets/x.js', '/assets/deep/x.css']) {
        const response = await fetch(`${base}${missing}`);
        expect(response.status, missing).toBe(404);
        expect(await response.text(), missing).not.toMatch(/<title>app/);
      }
      const page = await fetch(`${base}/customers/123`);
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      const favicon = await fetch(`${base}/favicon.svg`);
      expect(favicon.headers.get('cache-control')).toBe('no-cache');
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await db.close();
    }
  });
});

/** A TCP relay in front of MariaDB that the test can cut, to make the database "down". */
async function relayTo(target: URL): Promise<{ port: number; cut: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: NetServer = createServer((client) => {
    const upstream = createConnection(target);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop);
    upstream.on('error', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cut: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}

function createConnection(target: URL): Socket {
  return new Socket().connect(Number(target.port || 3306), target.hostname);
}

describe.runIf(MYSQL_AVAILABLE)('The same error has the same shape for every caller (E5)', () => {
  it('E5: with the database gone, /graphql answers a GraphQL DATABASE_UNAVAILABLE signed in or not; REST answers { code }', async () => {
    // Migrate through the real address, then serve through a relay the test can cut.
    const direct = await openTestDatabase('mysql');
    const { admin } = await createTenant(direct);
    await direct.close();
    const target = new URL(TEST_MYSQL_URL);
    const relay = await relayTo(target);
    const relayed = new URL(TEST_MYSQL_URL);
    relayed.port = String(relay.port);
    const db = await openDatabase({ type: 'mysql', url: relayed.href });
    const logLines: string[] = [];
    const { app } = await createApp({
      db,
      clock: new TestClock(),
      logger: createLogger((line) => logLines.push(line)),
      vault: KeyVault.random(),
      mediaDir: tmpdir(),
      production: true,
      webDist: null,
    });
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect((await gql(base, '{ me { email } }', {}, { token: admin.token })).data).toBeTruthy();
      await relay.cut();
      const shapes = [];
      // Signed in, the caller's session is looked up first; anonymous, signing in needs the database.
      const calls: [string, { token?: string }][] = [
        ['{ me { email } customers { totalCount } }', { token: admin.token }],
        [
          `mutation { signIn(input: { email: "${admin.user.email}", password: "x" }) { token } }`,
          {},
        ],
      ];
      for (const [query, auth] of calls) {
        const response = await gql(base, query, {}, auth);
        expect(response.status, JSON.stringify(response.errors)).toBe(503);
        expect(errorCode(response)).toBe('DATABASE_UNAVAILABLE');
        shapes.push({ status: response.status, errors: response.errors!.map((e) => e.extensions) });
      }
      expect(shapes[0]!.errors[0]).toEqual(shapes[1]!.errors[0]);
      const csv = await fetch(`${base}/activity-log.csv`, {
        headers: { authorization: `Bearer ${admin.token}` },
      });
      expect(csv.status).toBe(503);
      expect(await csv.json()).toEqual({
        code: 'DATABASE_UNAVAILABLE',
        message: expect.any(String),
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await db.close().catch(() => undefined);
    }
  }, 60_000);
});

describeEachEngine('Generated hostile requests to every route (issue 10)', (use) => {
  it('E2: fast-check bodies, headers, paths and variables: no 5xx, a code on every JSON refusal, no row changed', async () => {
    const h = use();
    const { admin, customer } = await createTenant(h.db);
    await placeOrder(h.url, admin.token, customer.id);
    const before = await rowCounts(h);
    const badEscape = fc.constantFrom(
      '%',
      '%z',
      '%zz',
      '%E0%A4%A',
      '%C3%28',
      '%FF',
      '%00',
      '%25',
      '%2F',
    );
    const segment = fc.oneof(
      fc.string({ maxLength: 12 }).map(encodeURIComponent),
      badEscape,
      fc
        .tuple(fc.string({ maxLength: 6 }).map(encodeURIComponent), badEscape)
        .map(([a, b]) => a + b),
    );
    const route = fc.tuple(
      fc.constantFrom(
        '/graphql',
        '/downloads/',
        '/invoices/',
        '/files/',
        '/activity-log.csv',
        '/healthz',
        '/schema.graphql',
        '/assets/',
        '/',
      ),
      segment,
      fc.constantFrom('', '.csv', '?from=%zz', '?to=2026-13-45', '?from=2026-01-01T00:00:00Z&to=x'),
    );
    const body = fc.oneof(
      fc.constant(undefined),
      fc.string({ maxLength: 60 }),
      fc.uint8Array({ maxLength: 60 }).map((bytes) => Buffer.from(bytes)),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc
        .record({
          query: fc.constantFrom(
            '{ me { email } }',
            'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }',
            'mutation($i: CancelPurchaseInput!) { cancelPurchase(input: $i) { creditMethod } }',
            'mutation($i: CreateSupportRequestInput!) { createSupportRequest(input: $i) { id } }',
            'query($id: ID!, $a: ID, $f: Int) { customer(id: $id) { software(first: $f, after: $a) { id } } }',
          ),
          variables: fc.dictionary(
            fc.constantFrom('i', 'id', 'a', 'f'),
            fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant({ customerId: customer.id })),
          ),
          operationName: fc.option(fc.string({ maxLength: 8 })),
        })
        .map((v) => JSON.stringify(v)),
    );
    const headers = fc.record(
      {
        'content-type': fc.constantFrom(
          'application/json',
          'application/json; charset=latin1',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data',
          'application/json; charset=utf-16',
        ),
        cookie: fc.oneof(
          fc.constant(`csp_session=${admin.token}`),
          badEscape.map((e) => `csp_session=${e}`),
          fc.string({ maxLength: 20 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
        ),
        authorization: fc.oneof(
          fc.constant(`Bearer ${admin.token}`),
          fc.constant('Bearer'),
          fc.string({ maxLength: 20 }).map((s) => `Bearer ${s.replace(/[^\x21-\x7e]/g, '')}`),
        ),
        'x-file-name': badEscape,
        'x-csp-upload': fc.constantFrom('1', '0'),
        'apollo-require-preflight': fc.constant('1'),
      },
      { requiredKeys: [] },
    );
    const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD');
    let requests = 0;
    const failures: string[] = [];
    await fc
      .assert(
        fc.asyncProperty(
          route,
          method,
          headers,
          body,
          async ([base, seg, tail], verb, hdrs, payload) => {
            const target = `${h.url}${base}${base.endsWith('/') ? seg : ''}${tail}`;
            const response = await fetch(target, {
              method: verb,
              headers: hdrs,
              body: verb === 'GET' || verb === 'HEAD' ? undefined : payload,
            });
            requests++;
            const text = await response.text();
            const where = `${verb} ${target.slice(h.url.length)} ${JSON.stringify(hdrs)} → ${response.status} ${text.slice(0, 120)}`;
            const earlier = failures.length;
            if (response.status >= 500) failures.push(where);
            // HEAD answers carry no body, so there is no code to read.
            const json = verb !== 'HEAD' && /json/.test(response.headers.get('content-type') ?? '');
            if (response.status >= 400 && json && !codeOf(text)) failures.push(`no code: ${where}`);
            return failures.length === earlier;
          },
        ),
        { numRuns: 300, seed: Number(process.env['FC_SEED'] ?? Date.now() % 2_147_483_647) },
      )
      .catch((error: unknown) => {
        throw new Error(`${String(error)}\n${failures.slice(0, 5).join('\n')}`);
      });
    expect(failures).toEqual([]);
    expect(await rowCounts(h)).toBe(before);
    expect(unexpectedLogs(h)).toEqual([]);
    summary.push(
      `http edge [${h.engine}]: ${requests} generated requests, no 5xx, every JSON refusal coded`,
    );
  }, 120_000);
});
