/**
 * `pnpm bench` (root: build, then this): the portal under load, over HTTP, against the scale data
 * in csp_bench, next to a hand-written baseline server answering the same read operations.
 *
 * For each operation, at 16 and 64 connections, autocannon (programmatic) runs BENCH_DURATION
 * seconds (default 5), BENCH_REPEATS times (default 3), the two servers alternating; the tables
 * give medians over the repeats, and each ratio is the median of the ratios of the same repeat.
 * Figures are printed, never asserted. The markdown tables also go to bench/data/last-run.md.
 *
 * Env: BENCH_DATABASE_URL (default mysql://root@127.0.0.1:3306/csp_bench), BENCH_DURATION,
 * BENCH_REPEATS, BENCH_WARMUP (seconds per operation and server before measuring, default 2),
 * BENCH_ONLY (comma-separated operation keys, to run a subset), BENCH_CLOSING_DAYS (the Closing
 * soon horizon; default the first of 7, 14, 30, 60 days with more than one page of rows),
 * BENCH_VERSUS=graphql-js (with BENCH_ONLY of GraphQL reads: an A/B of the portal itself, the
 * "baseline" column being a second portal process with GRAPHQL_EXECUTOR=graphql-js while the
 * first runs the compiled executor; decision 024), BENCH_PROFILE_DIR (both servers write a V8 CPU
 * profile there when they stop; common.ts), BENCH_ACCEPT_ENCODING (sent with every request, e.g.
 * `gzip, br`: run once with and once without to see what compressing the answers costs; the
 * baseline never compresses).
 */
import autocannon from 'autocannon';
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RowDataPacket } from 'mysql2/promise';
import {
  API_DIR,
  BENCH_DIR,
  connect,
  DATA_DIR,
  databaseName,
  DEMO_PASSWORD,
  MEDIA_DIR,
  readMeta,
  startProcess,
  startRealServer,
  writePool,
  type BenchMeta,
  type RunningServer,
} from './common.js';
import { mintPoolLinks, usablePool } from './link-pool.js';

const DURATION = Number(process.env['BENCH_DURATION'] ?? 5);
const REPEATS = Number(process.env['BENCH_REPEATS'] ?? 3);
const WARMUP = Number(process.env['BENCH_WARMUP'] ?? 2);
const ONLY = process.env['BENCH_ONLY']?.split(',').map((s) => s.trim());
const CONNECTIONS = [16, 64];
const VERSUS_INTERPRETED = process.env['BENCH_VERSUS'] === 'graphql-js';
const ACCEPT_ENCODING = process.env['BENCH_ACCEPT_ENCODING'];

type Target = 'ours' | 'baseline';

interface Operation {
  key: string;
  label: string;
  /** Which servers answer it; the baseline's figure is the reference for ours. */
  targets: Target[];
  method: 'GET' | 'POST';
  /** A fresh request per call: body (GraphQL) or path (downloads). */
  next(target: Target): { path: string; body?: string };
  token?: string;
  graphql: boolean;
  /** Changes data: timed, never compared for the same answer. */
  write?: boolean;
  note?: string;
}

interface Figures {
  rps: number;
  /** CPU time of the measured server process per response (user + system), ms. */
  cpu: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  requests: number;
}

// ---------------------------------------------------------------------------------------------
// GraphQL operations (the shapes the web app asks for)

const CUSTOMERS = `query Customers($search: String, $first: Int, $after: String) {
  customers(search: $search, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor matchedOrderId node { id name domain market currency tenantId } }
  }
}`;

const SOFTWARE = `query Software($id: ID!) {
  customer(id: $id) {
    id
    software {
      id status
      product { name }
      downloadOptions { versions languages fileTypes }
      links { id downloadsUsed downloadsLeft expiresAt issuedBy { email } }
    }
  }
}`;

const CANCELLATION = `query CancellationOptions($customerId: ID!, $productId: ID!) {
  cancellationOptions(customerId: $customerId, productId: $productId) {
    serverTime
    product { id name kind }
    orders {
      order { id purchasedAt status taxIncluded total { amountMinor currency decimal } }
      lines { id quantity purchasedQuantity status cancellableUntil amount { amountMinor currency decimal } }
      state cancellableUntil windowDays daysRemaining lastDay hoursRemaining minutesRemaining
      credit { amountMinor currency decimal }
      creditMethod
      charged { amountMinor currency decimal }
    }
  }
}`;

const ACTIVITY = `query ActivityLog($from: DateTimeISO!, $to: DateTimeISO!, $operationTypes: [OperationType!], $first: Int) {
  activityLog(from: $from, to: $to, operationTypes: $operationTypes, first: $first) {
    csvUrl
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id at operation outcome failureCode userEmail remoteAddress userAgent resource productName detail
        customer { id name }
      }
    }
  }
}`;

// The web app's Closing soon page (packages/web/src/features/closing-soon/useClosingSoon.ts).
const CLOSING_SOON = `query ClosingSoon($withinDays: Int, $first: Int, $after: String) {
  cancellationsClosingSoon(withinDays: $withinDays, first: $first, after: $after) {
    serverTime
    withinDays
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        lineId orderId
        customer { id name }
        product { id name }
        skuName quantity termYears windowDays purchasedAt cancellableUntil
        amount { amountMinor currency decimal }
        credit { amountMinor currency }
      }
    }
  }
}`;

const PLACE_ORDER = `mutation PlaceOrder($input: PlaceOrderInput!) {
  placeOrder(input: $input) { id purchasedAt status total { amountMinor currency } }
}`;

const gql = (query: string, variables: Record<string, unknown>) =>
  JSON.stringify({ query, variables });

// ---------------------------------------------------------------------------------------------
// Helpers

async function post(base: string, body: string, token?: string) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body,
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function signIn(base: string, email: string): Promise<string> {
  const { json } = await post(
    base,
    gql('mutation SignIn($input: SignInInput!) { signIn(input: $input) { token } }', {
      input: { email, password: DEMO_PASSWORD, issueToken: true },
    }),
  );
  const token = (json['data'] as { signIn?: { token?: string } } | null)?.signIn?.token;
  if (!token) throw new Error(`Sign-in failed for ${email}: ${JSON.stringify(json)}`);
  return token;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

const median = (values: number[]) => {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
};

/** One autocannon run; latencies and errors counted from every response. */
/** utime + stime of a process, in ms (Linux /proc; NaN elsewhere). */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    clockTicks ||= Number(sh('getconf', ['CLK_TCK'])) || 100;
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
  } catch {
    return NaN;
  }
}
let clockTicks = 0;

async function measure(
  base: string,
  pid: number | undefined,
  op: Operation,
  target: Target,
  connections: number,
  duration: number,
): Promise<Figures> {
  const latencies: number[] = [];
  let graphqlErrors = 0;
  let non2xx = 0;
  const first = op.next(target);
  const instance = autocannon({
    url: base,
    connections,
    duration,
    timeout: 30,
    headers: {
      ...(op.graphql ? { 'content-type': 'application/json' } : {}),
      ...(op.token ? { authorization: `Bearer ${op.token}` } : {}),
      ...(ACCEPT_ENCODING ? { 'accept-encoding': ACCEPT_ENCODING } : {}),
    },
    requests: [
      {
        method: op.method,
        path: first.path,
        body: first.body,
        setupRequest: (request: Record<string, unknown>) => {
          const next = op.next(target);
          return { ...request, path: next.path, ...(next.body ? { body: next.body } : {}) };
        },
        ...(op.graphql
          ? {
              onResponse: (status: number, body: string) => {
                // A GraphQL refusal answers 200 with "errors": count it as an error too (not seen
                // in a compressed answer, BENCH_ACCEPT_ENCODING).
                if (status < 300 && body.includes('"errors"')) graphqlErrors++;
              },
            }
          : {}),
      },
    ],
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, time: number) => {
    latencies.push(time);
    if (statusCode < 200 || statusCode >= 300) non2xx++;
  });
  const cpuBefore = cpuMs(pid);
  const result = await instance;
  const cpu = (cpuMs(pid) - cpuBefore) / Math.max(1, latencies.length);
  const sorted = Float64Array.from(latencies).sort();
  return {
    rps: latencies.length / result.duration,
    cpu,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors: non2xx + graphqlErrors + result.errors + result.timeouts,
    requests: latencies.length,
  };
}

/** The same answer from both servers (serverTime aside), or where they first differ. */
function firstDifference(a: unknown, b: unknown, at = ''): string | null {
  if (
    typeof a !== typeof b ||
    Array.isArray(a) !== Array.isArray(b) ||
    (a === null) !== (b === null)
  )
    return `${at || '(root)'}: ${JSON.stringify(a)?.slice(0, 120)} ≠ ${JSON.stringify(b)?.slice(0, 120)}`;
  if (a && typeof a === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b as object)]);
    for (const key of keys) {
      if (key === 'serverTime') continue;
      const d = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${at}.${key}`,
      );
      if (d) return d;
    }
    return null;
  }
  return a === b ? null : `${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
}

const sh = (command: string, args: string[]) => {
  try {
    return execFileSync(command, args, { encoding: 'utf8' }).trim();
  } catch {
    return '(unavailable)';
  }
};

/** Linux PSI: share of time some task waited for a CPU, over 5 minutes. */
function cpuPressure(): string {
  try {
    const match = /some avg10=[\d.]+ avg60=[\d.]+ avg300=([\d.]+)/.exec(
      readFileSync('/proc/pressure/cpu', 'utf8'),
    );
    return match ? `${match[1]} %` : 'n/a';
  } catch {
    return 'n/a';
  }
}

const f1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '—');
const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '—');
const f0 = (v: number) => (Number.isFinite(v) ? Math.round(v).toString() : '—');

// ---------------------------------------------------------------------------------------------

async function ensureSeeded(): Promise<BenchMeta> {
  const meta = readMeta();
  if (meta) {
    const conn = await connect();
    try {
      const [rows] = await conn.query<RowDataPacket[]>('SELECT id FROM partners WHERE id = ?', [
        meta.partners.scale.id,
      ]);
      if (rows.length === 1) return meta;
    } catch {
      // no database yet: seed below
    } finally {
      await conn.end();
    }
  }
  console.log('No scale data in the bench database yet: running bench:seed first.\n');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(BENCH_DIR, 'seed.ts')], {
      cwd: API_DIR,
      stdio: 'inherit',
    });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error('bench:seed failed'))));
  });
  return readMeta()!;
}

async function main() {
  const started = Date.now();
  databaseName();
  const meta = await ensureSeeded();
  const conn = await connect();

  // Download links with known tokens: prune the pool, mint more if it cannot last this run.
  // Both servers count downloads on the pool's links (the baseline by hand, the same UPDATE).
  const expectedDownloads = 2 * 4_000 * (DURATION * CONNECTIONS.length * REPEATS + WARMUP);
  let pool = await usablePool(conn);
  writePool(pool);
  const capacity = pool.reduce((sum, l) => sum + l.left, 0);
  if (capacity < expectedDownloads) {
    const minted = await mintPoolLinks(
      conn,
      meta,
      Math.ceil((expectedDownloads - capacity) / 50) + 200,
    );
    console.log(`Minted ${minted.length} download links into the pool.`);
    pool = await usablePool(conn);
  }
  // Round-robin over the links, each at most its downloads left (D3: 50 a link).
  const downloadPaths: string[] = [];
  for (let round = 0; round < 50; round++) {
    for (const link of pool) if (link.left > round) downloadPaths.push(`/downloads/${link.token}`);
  }
  const [[dbVersion]] = await conn.query<RowDataPacket[]>('SELECT VERSION() AS v');
  await conn.end();

  console.log('Starting the portal server and the baseline server…');
  const servers: RunningServer[] = [];
  const stopAll = async () => {
    await Promise.all(servers.map((s) => s.stop()));
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
  try {
    const ours = await startRealServer({ NODE_ENV: 'production' });
    servers.push(ours);
    const baseline = VERSUS_INTERPRETED
      ? await startRealServer({ NODE_ENV: 'production', GRAPHQL_EXECUTOR: 'graphql-js' })
      : await startProcess(
          'the baseline server',
          ['--import', 'tsx', path.join(BENCH_DIR, 'baseline', 'server.ts')],
          {
            DATABASE_URL:
              process.env['BENCH_DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306/csp_bench',
            PORT: '0',
            SAMPLE_MEDIA_FILE: meta.sampleMediaFile,
            MEDIA_DIR,
          },
          /baseline listening on (\d+)/,
        );
    if (VERSUS_INTERPRETED) {
      console.log(
        'BENCH_VERSUS=graphql-js: "baseline" below is the portal with GRAPHQL_EXECUTOR=graphql-js.',
      );
    }
    servers.push(baseline);
    const base: Record<Target, string> = { ours: ours.url, baseline: baseline.url };
    const pids: Record<Target, number | undefined> = {
      ours: ours.child.pid,
      baseline: baseline.child.pid,
    };
    const loadBefore = os.loadavg();
    const pressureBefore = cpuPressure();

    const scale = meta.partners.scale;
    const readToken = await signIn(ours.url, scale.globalAdminEmail);
    const buyerToken = await signIn(ours.url, scale.adminAgentEmail);
    const growthToken = await signIn(ours.url, meta.partners.growth.globalAdminEmail);

    // A 30-day range (the default view's operations, A2) that ended 60 days ago: the same page
    // on every run, untouched by the entries this bench's own downloads and orders append.
    const to = new Date();
    to.setUTCHours(0, 0, 0, 0);
    to.setTime(to.getTime() - 60 * 24 * 3_600_000);
    const from = new Date(to.getTime() - 30 * 24 * 3_600_000);
    const activityBody = gql(ACTIVITY, {
      from: from.toISOString(),
      to: to.toISOString(),
      operationTypes: ['get_software_key', 'get_software_download_link', 'download_software'],
      first: 50,
    });
    const searchBodies = meta.searchTerms.map((search) =>
      gql(CUSTOMERS, { search, first: 10, after: null }),
    );
    // Closing soon: the web app's default horizon (7 days) if the seeded data has a full page in
    // it; the seed's "now" recedes as csp_bench ages (the servers use the real clock), so widen
    // it, up to the 60-day window, rather than time an empty page.
    const closingSoonBody = (withinDays: number) =>
      gql(CLOSING_SOON, { withinDays, first: 50, after: null });
    let closingDays = Number(process.env['BENCH_CLOSING_DAYS'] ?? 0);
    let closingTotal = 0;
    for (const days of closingDays ? [closingDays] : [7, 14, 30, 60]) {
      const { json } = await post(ours.url, closingSoonBody(days), buyerToken);
      const data = json['data'] as { cancellationsClosingSoon?: { totalCount: number } } | null;
      closingDays = days;
      closingTotal = data?.cancellationsClosingSoon?.totalCount ?? 0;
      if (closingTotal > 50) break;
    }
    // The page after the first, by the portal's cursor: both servers must read it the same way.
    const closingSoonPageTwo = async () => {
      const { json } = await post(ours.url, closingSoonBody(closingDays), buyerToken);
      const data = json['data'] as {
        cancellationsClosingSoon?: { pageInfo: { endCursor: string | null } };
      } | null;
      const after = data?.cancellationsClosingSoon?.pageInfo.endCursor ?? null;
      return gql(CLOSING_SOON, { withinDays: closingDays, first: 50, after });
    };
    const counters = new Map<string, number>();
    const tick = (key: string) => {
      const value = counters.get(key) ?? 0;
      counters.set(key, value + 1);
      return value;
    };
    const fixed = (body: string) => () => ({ path: '/graphql', body });
    const runStamp = Date.now().toString(36);
    let downloadCursor = 0;

    const allOperations: Operation[] = [
      {
        key: 'search',
        label: 'customers search (10k customers)',
        targets: ['ours', 'baseline'],
        method: 'POST',
        graphql: true,
        token: readToken,
        next: (target) => ({
          path: '/graphql',
          body: searchBodies[tick(`search-${target}`) % searchBodies.length],
        }),
      },
      {
        key: 'software200',
        label: `Software tab, ${meta.software200.lines} lines + live links`,
        targets: ['ours', 'baseline'],
        method: 'POST',
        graphql: true,
        token: readToken,
        next: fixed(gql(SOFTWARE, { id: meta.software200.customerId })),
      },
      {
        key: 'software20',
        label: `Software tab, ${meta.software20.lines} lines + live links`,
        targets: ['ours', 'baseline'],
        method: 'POST',
        graphql: true,
        token: readToken,
        next: fixed(gql(SOFTWARE, { id: meta.software20.customerId })),
      },
      {
        key: 'cancellation',
        label: `cancellationOptions (${meta.cancellation.orders} orders)`,
        targets: ['ours', 'baseline'],
        method: 'POST',
        graphql: true,
        token: readToken,
        next: fixed(
          gql(CANCELLATION, {
            customerId: meta.cancellation.customerId,
            productId: meta.cancellation.productId,
          }),
        ),
      },
      {
        key: 'closingSoon',
        label: `cancellationsClosingSoon, ${closingDays} days, first 50 of ${closingTotal.toLocaleString('en')}`,
        targets: ['ours', 'baseline'],
        method: 'POST',
        graphql: true,
        token: buyerToken, // R5: only the Admin agent may cancel, so only it sees what closes
        next: fixed(closingSoonBody(closingDays)),
      },
      {
        key: 'activity2m',
        label: `activity log page, 30 days (${(scale.activity / 1e6).toFixed(1)}M entries)`,
        targets: ['ours', 'baseline'],
        method: 'POST',
        graphql: true,
        token: readToken,
        next: fixed(activityBody),
      },
      {
        key: 'activity200k',
        label: `activity log page, 30 days (${Math.round(meta.partners.growth.activity / 1000)}k entries)`,
        targets: ['ours', 'baseline'],
        method: 'POST',
        graphql: true,
        token: growthToken,
        next: fixed(activityBody),
      },
      {
        key: 'download',
        label: 'download, counted (GET /downloads/:token, 32 KB)',
        targets: ['ours', 'baseline'],
        method: 'GET',
        graphql: false,
        write: true,
        note: 'baseline = the same conditional UPDATE, log INSERT and file, by hand',
        // One cursor for both servers: no link is asked for more downloads than it has left.
        next: () => ({ path: downloadPaths[downloadCursor++ % downloadPaths.length]! }),
      },
      {
        key: 'downloadUncounted',
        label: 'download, uncounted reference (plain fs stream, no database)',
        targets: ['baseline'],
        method: 'GET',
        graphql: false,
        next: () => ({ path: '/uncounted-download' }),
      },
      {
        key: 'placeOrder',
        label: 'placeOrder (1 line, unique idempotency keys)',
        targets: ['ours', 'baseline'],
        method: 'POST',
        graphql: true,
        write: true,
        token: buyerToken,
        next: () => {
          const n = tick('order');
          return {
            path: '/graphql',
            body: gql(PLACE_ORDER, {
              input: {
                customerId: meta.orderTargets[n % meta.orderTargets.length],
                idempotencyKey: `bench-${runStamp}-${n}`,
                lines: [{ skuId: meta.orderSku, quantity: 1 }],
              },
            }),
          };
        },
      },
    ];
    const operations = allOperations.filter((op) => !ONLY || ONLY.includes(op.key));

    // Same answers: every read operation, on both servers, before any timing.
    console.log('\nChecking that both servers give the same answers…');
    const checks: string[] = [];
    for (const op of operations.filter(
      (o) => o.graphql && !o.write && o.targets.includes('baseline'),
    )) {
      const bodies =
        op.key === 'search'
          ? searchBodies
          : op.key === 'closingSoon'
            ? [op.next('ours').body!, await closingSoonPageTwo()]
            : [op.next('ours').body!];
      for (const body of bodies) {
        let difference: string | null = 'not compared';
        for (let attempt = 0; attempt < 2 && difference; attempt++) {
          const [a, b] = await Promise.all([
            post(base.ours, body, op.token),
            post(base.baseline, body, op.token),
          ]);
          if (a.json['errors'] || b.json['errors']) {
            difference = `errors: ours ${JSON.stringify(a.json['errors'] ?? null).slice(0, 300)}; baseline ${JSON.stringify(b.json['errors'] ?? null).slice(0, 300)}`;
          } else {
            difference = firstDifference(a.json['data'], b.json['data']);
          }
        }
        checks.push(`  ${op.key}: ${difference ? `DIFFERENT — ${difference}` : 'same answer'}`);
      }
    }
    console.log(checks.join('\n'));
    const software = (
      await post(base.ours, gql(SOFTWARE, { id: meta.software200.customerId }), readToken)
    ).json['data'] as { customer: { software: { links: unknown[] }[] } };
    const liveLinks = software.customer.software.reduce((n, l) => n + l.links.length, 0);
    console.log(
      `  Software tab customer: ${software.customer.software.length} lines, ${liveLinks} live links shown`,
    );

    // Warm-up (JIT, pools, buffer pool), then the measured runs.
    const totalRuns =
      operations.reduce((n, op) => n + op.targets.length, 0) * CONNECTIONS.length * REPEATS;
    console.log(
      `\nWarm-up ${WARMUP} s per operation and server, then ${totalRuns} runs of ${DURATION} s ` +
        `(${REPEATS} repeats × ${CONNECTIONS.join(' and ')} connections)…`,
    );
    for (const op of operations) {
      for (const target of op.targets) {
        if (WARMUP > 0) await measure(base[target], pids[target], op, target, 16, WARMUP);
      }
    }
    const results = new Map<string, Figures[]>();
    const keyOf = (op: string, target: Target, c: number) => `${op}|${target}|${c}`;
    let done = 0;
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      for (const op of operations) {
        for (const connections of CONNECTIONS) {
          const order = repeat % 2 === 0 ? op.targets : [...op.targets].reverse();
          for (const target of order) {
            const figures = await measure(
              base[target],
              pids[target],
              op,
              target,
              connections,
              DURATION,
            );
            const key = keyOf(op.key, target, connections);
            results.set(key, [...(results.get(key) ?? []), figures]);
            done++;
            process.stdout.write(
              `  [${done}/${totalRuns}] ${op.key} ${target} c=${connections}: ` +
                `${f0(figures.rps)} req/s, p99 ${f1(figures.p99)} ms, ` +
                `server CPU ${f2(figures.cpu)} ms/req, errors ${figures.errors}\n`,
            );
          }
        }
      }
    }

    // Tables ------------------------------------------------------------------------------------
    const med = (op: string, target: Target, c: number, field: keyof Figures) =>
      median((results.get(keyOf(op, target, c)) ?? []).map((f) => f[field]));
    const sumErrors = (op: string, target: Target, c: number) =>
      (results.get(keyOf(op, target, c)) ?? []).reduce((n, f) => n + f.errors, 0);
    const ratio = (
      op: string,
      c: number,
      field: keyof Figures,
      a: Target = 'ours',
      b: Target = 'baseline',
    ) => {
      const x = results.get(keyOf(op, a, c)) ?? [];
      const y = results.get(keyOf(op, b, c)) ?? [];
      return median(x.map((f, i) => (y[i] ? f[field] / y[i]![field] : NaN)));
    };
    const lines: string[] = [];
    const out = (line = '') => lines.push(line);
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    out(`## Figures — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
    out();
    out(
      `Machine: \`nproc\` = ${sh('nproc', [])} (${cpu}); memory ${sh('sh', ['-c', 'free -g | awk \'/Mem:/ {print $2" GiB total, "$7" GiB available"}\''])}; ` +
        `node ${process.version}; ${dbVersion!['v']} (InnoDB buffer pool as configured on the machine).`,
    );
    out(
      `Data: ${scale.name} — ${scale.customers.toLocaleString('en')} customers, ${scale.orders.toLocaleString('en')} orders, ` +
        `${scale.lines.toLocaleString('en')} lines, ${scale.links.toLocaleString('en')} links, ` +
        `${scale.activity.toLocaleString('en')} log entries; growth partner ${meta.partners.growth.activity.toLocaleString('en')} entries (seeded ${meta.seededAt.slice(0, 10)} in ${meta.seedSeconds} s).`,
    );
    out(
      `Runs: autocannon ${DURATION} s each, ${REPEATS} repeats, servers alternating; load generator, both servers and MariaDB share the ${sh('nproc', [])} cores. ` +
        `Medians over repeats; latencies in ms; errors = non-2xx + GraphQL "errors" + socket errors/timeouts, summed over repeats; ` +
        `server CPU = user + system time of the measured server process per response (robust to other load on the machine, unlike req/s).`,
    );
    out(
      `Other load on the machine during the run: load average ${loadBefore.map((l) => l.toFixed(1)).join(' ')} at start, ` +
        `${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')} at end; CPU pressure (some, avg300) ${pressureBefore} → ${cpuPressure()}.`,
    );
    out('');
    out('| operation | conns | server | req/s | p50 | p95 | p99 | errors | server CPU ms/req |');
    out('|---|---:|---|---:|---:|---:|---:|---:|---:|');
    for (const op of operations) {
      for (const c of CONNECTIONS) {
        for (const target of op.targets) {
          const name = target === 'ours' ? 'portal' : 'baseline';
          out(
            `| ${op.label} | ${c} | ${name} | ${f0(med(op.key, target, c, 'rps'))} | ${f1(med(op.key, target, c, 'p50'))} | ` +
              `${f1(med(op.key, target, c, 'p95'))} | ${f1(med(op.key, target, c, 'p99'))} | ${sumErrors(op.key, target, c)} | ${f2(med(op.key, target, c, 'cpu'))} |`,
          );
        }
      }
    }
    out('');
    const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
    const reads = operations.filter((o) => o.graphql && !o.write && o.targets.includes('baseline'));
    if (reads.length) {
      // Issue 13's targets for every read (they replace issue 6's 0.6 and 2.0).
      out(
        'Portal ÷ baseline, reads (targets: server CPU per request ≤ 1.25, throughput ≥ 0.80, p99 ≤ 1.5):',
      );
      out('');
      out('| operation | conns | CPU/req ratio | | throughput ratio | | p99 ratio | |');
      out('|---|---:|---:|---|---:|---|---:|---|');
      for (const op of reads) {
        for (const c of CONNECTIONS) {
          const u = ratio(op.key, c, 'cpu');
          const t = ratio(op.key, c, 'rps');
          const p = ratio(op.key, c, 'p99');
          out(
            `| ${op.label} | ${c} | ${f2(u)} | ${verdict(u <= 1.25)} | ${f2(t)} | ${verdict(t >= 0.8)} | ${f2(p)} | ${verdict(p <= 1.5)} |`,
          );
        }
      }
      out('');
    }
    const writes = operations.filter((o) => o.write && o.targets.includes('baseline'));
    if (writes.length) {
      out(
        'Portal ÷ hand-written baseline, writes (target: throughput ≥ 0.80; the baseline runs the same statements in one transaction):',
      );
      out('');
      out('| operation | conns | throughput ratio | | CPU/req ratio | p99 ratio |');
      out('|---|---:|---:|---|---:|---:|');
      for (const op of writes) {
        for (const c of CONNECTIONS) {
          const t = ratio(op.key, c, 'rps');
          out(
            `| ${op.label} | ${c} | ${f2(t)} | ${verdict(t >= 0.8)} | ${f2(ratio(op.key, c, 'cpu'))} | ${f2(ratio(op.key, c, 'p99'))} |`,
          );
        }
      }
      out('');
    }
    if (
      operations.some((o) => o.key === 'activity2m') &&
      operations.some((o) => o.key === 'activity200k')
    ) {
      out(
        `Growth: activity-log page (30 days ending 60 days ago, default operations) at ${scale.activity.toLocaleString('en')} vs ${meta.partners.growth.activity.toLocaleString('en')} entries, p95 ratio (target ≤ 1.5):`,
      );
      out('');
      out('| conns | server | p95 large | p95 small | ratio | |');
      out('|---:|---|---:|---:|---:|---|');
      for (const c of CONNECTIONS) {
        for (const target of ['ours', 'baseline'] as Target[]) {
          const rr = median(
            (results.get(keyOf('activity2m', target, c)) ?? []).map(
              (f, i) => f.p95 / (results.get(keyOf('activity200k', target, c))?.[i]?.p95 ?? NaN),
            ),
          );
          out(
            `| ${c} | ${target === 'ours' ? 'portal' : 'baseline'} | ${f1(med('activity2m', target, c, 'p95'))} | ${f1(med('activity200k', target, c, 'p95'))} | ${f2(rr)} | ${target === 'ours' ? verdict(rr <= 1.5) : '(reference)'} |`,
          );
        }
      }
      out('');
    }
    out(
      'Browser figure (Cancel dialog in Chromium): printed next, by the web package (bench:cancel-dialog).',
    );
    out('');
    out(
      `Same answers before timing: ${checks.every((c) => c.endsWith('same answer')) ? 'yes, for every read operation' : 'NO — see the check lines above'}.`,
    );
    out(`Bench wall time: ${((Date.now() - started) / 60_000).toFixed(1)} min.`);

    const report = lines.join('\n');
    console.log('\n' + report);
    writeFileSync(path.join(DATA_DIR, 'last-run.md'), report + '\n');
  } finally {
    await stopAll();
  }
}

main().catch((error: unknown) => {
  console.error('bench failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
