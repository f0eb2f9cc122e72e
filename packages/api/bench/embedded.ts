/**
 * The embedded database under growth (issue 11): the real server (dist/main.js) on a fresh
 * better-sqlite3 file, then on the same file grown to 150,000 activity rows. Prints p50 / p95 of
 * writing requests (a failed sign-in, a counted download) and of a reading request (`me`) at 1 and
 * 10 concurrent clients. Prints figures; asserts nothing.
 *
 *   pnpm --filter @csp/api build && pnpm --filter @csp/api bench:embedded
 *   BENCH_EMBEDDED_ROWS=150000 BENCH_EMBEDDED_REQUESTS=400 (per kind, per concurrency)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { DEMO_PASSWORD, SERVER_MAIN } from './common.js';

const ROWS = Number(process.env['BENCH_EMBEDDED_ROWS'] ?? 150_000);
const REQUESTS = Number(process.env['BENCH_EMBEDDED_REQUESTS'] ?? 400);
const CONCURRENCIES = [1, 10];

const dir = mkdtempSync(path.join(tmpdir(), 'csp-bench-embedded-'));
const file = path.join(dir, 'portal.sqlite');

async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [SERVER_MAIN], {
    env: { ...process.env, PORT: '0', DATA_DIR: dir, DATABASE_URL: '', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/localhost:\d+)/.exec(output);
      if (match) resolve(match[1]!.replace('localhost', '127.0.0.1'));
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return { url, child };
}

async function stop(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function gql<T>(url: string, query: string, variables = {}, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: { message: string }[] };
}

interface Session {
  token: string;
  lineId: string;
}

async function prepare(url: string): Promise<Session> {
  const signIn = await gql<{ signIn: { token: string } }>(
    url,
    `mutation { signIn(input: {email: "admin.agent@contoso.example", password: "${DEMO_PASSWORD}", issueToken: true}) { token } }`,
  );
  const token = signIn.data!.signIn.token;
  const customers = await gql<{ customers: { edges: { node: { id: string } }[] } }>(
    url,
    '{ customers(search: "Fourth Coffee") { edges { node { id } } } }',
    {},
    token,
  );
  const customerId = customers.data!.customers.edges[0]!.node.id;
  const placed = await gql<{ placeOrder: { lines: { id: string }[] } }>(
    url,
    'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { lines { id } } }',
    {
      i: {
        customerId,
        idempotencyKey: randomUUID(),
        lines: [{ skuId: 'office-ltsc-professional-plus-2024:perpetual', quantity: 1 }],
      },
    },
    token,
  );
  return { token, lineId: placed.data!.placeOrder.lines[0]!.id };
}

/** Download links enough for `count` counted downloads (50 each, D3). */
async function links(url: string, session: Session, count: number): Promise<string[]> {
  const urls: string[] = [];
  for (let i = 0; i < Math.ceil(count / 50); i++) {
    const issued = await gql<{ getKeysAndDownloads: { link: { url: string } } }>(
      url,
      'mutation($i: GetKeysAndDownloadsInput!) { getKeysAndDownloads(input: $i) { link { url } } }',
      {
        i: {
          lineId: session.lineId,
          version: '2024',
          language: 'English',
          fileType: 'ISO (x64)',
        },
      },
      session.token,
    );
    const link = issued.data!.getKeysAndDownloads.link.url.replace(/^https?:\/\/[^/]+/, '');
    for (let n = 0; n < 50; n++) urls.push(`${url}${link}`);
  }
  return urls.slice(0, count);
}

async function measure(concurrency: number, count: number, request: (i: number) => Promise<void>) {
  const times: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const started = performance.now();
      await request(i);
      times.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

type Row = { stage: string; kind: string; concurrency: number; p50: number; p95: number };

async function measureAll(stage: string, url: string, session: Session): Promise<Row[]> {
  const rows: Row[] = [];
  for (const concurrency of CONCURRENCIES) {
    const downloads = await links(url, session, REQUESTS);
    const kinds: [string, (i: number) => Promise<void>][] = [
      [
        'read: me',
        async () => {
          const r = await gql(url, '{ me { id } }', {}, session.token);
          if (r.errors) throw new Error(r.errors[0]!.message);
        },
      ],
      [
        'write: failed sign-in',
        async () => {
          // A new e-mail each time: every request checks a password and writes its failure.
          await gql(
            url,
            `mutation { signIn(input: {email: "nobody-${randomUUID()}@bench.example", password: "wrong"}) { user { id } } }`,
          );
        },
      ],
      [
        'write: counted download',
        async (i) => {
          const response = await fetch(downloads[i]!);
          await response.arrayBuffer();
          if (response.status !== 200) throw new Error(`download answered ${response.status}`);
        },
      ],
    ];
    for (const [kind, request] of kinds) {
      const { p50, p95 } = await measure(concurrency, REQUESTS, request);
      rows.push({ stage, kind, concurrency, p50, p95 });
    }
  }
  return rows;
}

/** Adds `ROWS` activity entries, copies of a real one at spread-out instants, in one transaction. */
function grow() {
  const db = new BetterSqlite3(file);
  const template = db.prepare('SELECT * FROM activity_log LIMIT 1').get() as Record<
    string,
    unknown
  >;
  const columns = Object.keys(template);
  const insert = db.prepare(
    `INSERT INTO activity_log (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  );
  const start = Date.now() - 90 * 24 * 3_600_000;
  db.transaction(() => {
    for (let i = 0; i < ROWS; i++) {
      const at = new Date(start + i * 50_000).toISOString().replace('T', ' ').replace('Z', '');
      insert.run({ ...template, id: randomUUID(), at });
    }
  })();
  const count = db.prepare('SELECT COUNT(*) AS n FROM activity_log').get() as { n: number };
  db.close();
  return count.n;
}

const ms = (value: number) => value.toFixed(1).padStart(7);

async function main() {
  let server = await startServer();
  const session = await prepare(server.url);
  const fresh = await measureAll('fresh', server.url, session);
  await stop(server.child);
  const rows = grow();
  server = await startServer();
  const grown = await measureAll(`${rows.toLocaleString('en')} activity rows`, server.url, session);
  await stop(server.child);
  rmSync(dir, { recursive: true, force: true });

  console.log(
    `\nEmbedded database (better-sqlite3, WAL, synchronous=FULL), ${REQUESTS} requests per row`,
  );
  console.log('| database | request | clients | p50 ms | p95 ms |');
  console.log('|---|---|---|---|---|');
  for (const r of [...fresh, ...grown]) {
    console.log(`| ${r.stage} | ${r.kind} | ${r.concurrency} | ${ms(r.p50)} | ${ms(r.p95)} |`);
  }
  console.log('\nRatios at the grown size (targets: write ≤ 3 × read; write ≤ 1.5 × fresh write):');
  for (const concurrency of CONCURRENCIES) {
    const read = grown.find((r) => r.kind === 'read: me' && r.concurrency === concurrency)!;
    for (const kind of ['write: failed sign-in', 'write: counted download']) {
      const write = grown.find((r) => r.kind === kind && r.concurrency === concurrency)!;
      const before = fresh.find((r) => r.kind === kind && r.concurrency === concurrency)!;
      console.log(
        `  ${kind}, ${concurrency} client(s): p50 ${(write.p50 / read.p50).toFixed(2)} × read, ` +
          `${(write.p50 / before.p50).toFixed(2)} × fresh (p95 ${(write.p95 / read.p95).toFixed(2)} × read, ${(write.p95 / before.p95).toFixed(2)} × fresh)`,
      );
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
});
