/**
 * `pnpm --filter @csp/api bench:cluster` (build first): throughput of `placeOrder` and of the
 * counted download through HAProxy, in one run, for
 *   - 1 API process on a 1-node Galera cluster,
 *   - 1 API process on node 1 of a 3-node cluster (the cost of synchronous replication alone),
 *   - 3 API processes on 3 nodes, round-robin.
 * Printed, never asserted (docs/scaling.md has a run's figures). Everything runs on this machine:
 * the nodes, the processes, HAProxy and the load generator share its cores.
 *
 * Env: BENCH_DURATION (seconds per measurement, default 5), BENCH_CONNECTIONS (default 16).
 */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clusterPrerequisitesMissing, PortalCluster } from '../src/cluster/portal-cluster.js';
import { freePort, HaProxy } from '../src/security/processes.js';
import { Caller, linkToken, SKU } from '../src/test-support/cluster.js';

const DURATION = Number(process.env['BENCH_DURATION'] ?? 5);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 16);
/** Each link downloads 50 times (D3): enough links that none runs out during a measurement. */
const LINKS = 150;

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  /** Non-2xx answers and GraphQL errors. */
  errors: number;
  requests: number;
}

const PLACE_ORDER = `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`;

async function measure(
  url: string,
  request: { method: 'GET' | 'POST'; next: () => { path: string; body?: string } },
  token: string,
  duration = DURATION,
): Promise<Figures> {
  let errors = 0;
  const first = request.next();
  const instance = autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    timeout: 30,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    requests: [
      {
        method: request.method,
        path: first.path,
        body: first.body,
        setupRequest: (r: Record<string, unknown>) => {
          const next = request.next();
          return { ...r, path: next.path, ...(next.body ? { body: next.body } : {}) };
        },
        onResponse: (status: number, body: string) => {
          if (status >= 300 || (request.method === 'POST' && body.includes('"errors"'))) errors++;
        },
      },
    ],
  });
  const latencies: number[] = [];
  instance.on('response', (_c: unknown, _s: number, _b: number, time: number) =>
    latencies.push(time),
  );
  const result = await instance;
  const sorted = latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  return {
    rps: latencies.length / result.duration,
    p50: at(50),
    p99: at(99),
    errors: errors + result.errors + result.timeouts,
    requests: latencies.length,
  };
}

async function benchThrough(url: string, token: string, customerId: string, lineIds: string[]) {
  const order = () => ({
    path: '/graphql',
    body: JSON.stringify({
      query: PLACE_ORDER,
      variables: {
        i: {
          customerId,
          idempotencyKey: crypto.randomUUID(),
          lines: [{ skuId: SKU, quantity: 1 }],
        },
      },
    }),
  });
  // Fresh links for every measurement, so a download is always a counted one (200).
  const issuer = new Caller(url, token);
  const tokens: string[] = [];
  for (let i = 0; i < LINKS; i += 10)
    await Promise.all(
      lineIds.slice(i, i + 10).map(async (lineId) => {
        const answer = await issuer.keysAndLink(lineId);
        if (answer.data) tokens.push(linkToken(answer.data.getKeysAndDownloads.link.url));
      }),
    );
  let turn = 0;
  const download = () => ({ path: `/downloads/${tokens[turn++ % tokens.length]}` });
  await measure(url, { method: 'POST', next: order }, token, 1); // warm-up
  const placeOrder = await measure(url, { method: 'POST', next: order }, token);
  const downloads = await measure(url, { method: 'GET', next: download }, token);
  return { placeOrder, downloads };
}

async function main() {
  const missing = clusterPrerequisitesMissing();
  if (missing.length) throw new Error(`Cannot bench the cluster, missing: ${missing.join('; ')}`);
  const rows: { label: string; placeOrder: Figures; downloads: Figures }[] = [];
  for (const nodes of [1, 3]) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'csp-bench-cluster-'));
    const cluster = new PortalCluster({
      dir,
      nodes,
      ports: 'free',
      log: (line) => console.log(`  ${line}`),
    });
    try {
      console.log(`\nStarting a ${nodes}-node cluster…`);
      await cluster.start();
      const caller = new Caller(cluster.url);
      await caller.signIn();
      const customerId = await caller.customerId('Fourth Coffee');
      const lineIds: string[] = [];
      for (let i = 0; i < LINKS; i += 10)
        await Promise.all(
          Array.from({ length: 10 }, async () => {
            const answer = await caller.placeOrder(customerId);
            if (answer.data) lineIds.push(answer.data.placeOrder.lines[0]!.id);
          }),
        );
      const targets: { label: string; url: string; haproxy?: HaProxy }[] = [];
      if (nodes === 3) {
        // The same cluster with HAProxy sending everything to one process on node 1.
        const one = new HaProxy(
          path.join(dir, 'haproxy-one'),
          await freePort(),
          [{ name: 'api1', port: cluster.apis[0]!.port }],
          cluster.checkPath,
        );
        await one.start();
        targets.push({ label: '1 process on node 1 of 3', url: one.url, haproxy: one });
        targets.push({ label: '3 processes on 3 nodes', url: cluster.url });
      } else {
        targets.push({ label: '1 process on 1 node', url: cluster.url });
      }
      for (const target of targets) {
        console.log(`  measuring: ${target.label}`);
        rows.push({
          label: target.label,
          ...(await benchThrough(target.url, caller.token, customerId, lineIds)),
        });
        await target.haproxy?.stop();
      }
    } finally {
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const cell = (f: Figures) =>
    `${f.rps.toFixed(0).padStart(6)} /s  p50 ${f.p50.toFixed(0).padStart(4)} ms  p99 ${f.p99.toFixed(0).padStart(5)} ms  errors ${f.errors}/${f.requests}`;
  console.log(
    `\nThroughput through HAProxy, ${CONNECTIONS} connections, ${DURATION} s each, on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? ''})\n`,
  );
  console.log('| setup | placeOrder | counted download (32 KB) |');
  console.log('|---|---|---|');
  for (const row of rows)
    console.log(`| ${row.label} | ${cell(row.placeOrder)} | ${cell(row.downloads)} |`);
}

main().catch((error: unknown) => {
  console.log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
