import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  Caller,
  halfDone,
  linkToken,
  sleep,
  unexpectedErrors,
  unrevokedOfCancelled,
} from '../test-support/cluster.js';
import { clusterPrerequisitesMissing, PortalCluster } from './portal-cluster.js';

/**
 * X1 on a real multi-primary cluster: three MariaDB Galera nodes on loopback, one API process on
 * each, HAProxy round-robin in front (the same PortalCluster as `pnpm cluster`). One cluster for
 * the whole file: starting it takes ~25 s. Decision record 013 says why the tests look like this.
 */
const IN_CI = process.env['CI'] === 'true';
const MISSING = clusterPrerequisitesMissing();
if (MISSING.length) {
  if (IN_CI)
    throw new Error(`The Galera cluster suite needs, under CI=true: ${MISSING.join('; ')}`);
  console.warn(`\nSKIPPED: the Galera cluster suite (missing ${MISSING.join('; ')}).\n`);
}

const summary: string[] = [];

describe.skipIf(MISSING.length > 0)('X1: three API processes on a 3-node Galera cluster', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'csp-galera-'));
  const cluster = new PortalCluster({ dir, ports: 'free' });
  let token = '';
  let customerId = '';
  const query = <T>(sql: string, params: unknown[] = []) => cluster.nodes[0]!.query<T>(sql, params);
  const logs = () => cluster.apis.map((_, i) => path.join(dir, `api${i + 1}`, 'api.log'));

  /** A caller through HAProxy that has signed in. */
  const caller = (allowed5xx: string[] = []) => new Caller(cluster.url, token, allowed5xx);

  const newOrder = async (c: Caller) => {
    const answer = await c.placeOrder(customerId);
    if (!answer.data) throw new Error(`placeOrder: ${answer.code} ${answer.message}`);
    return { id: answer.data.placeOrder.id, lineId: answer.data.placeOrder.lines[0]!.id };
  };

  /** Every answer of a test, and the errors the processes logged, when something went wrong. */
  const explain = (c: Caller) =>
    `${c.summary()}\nfailures: ${c.failures.slice(0, 10).join(' | ')}\nlogged: ${unexpectedErrors(logs()).join(' | ')}`;

  beforeAll(async () => {
    const started = Date.now();
    await cluster.start();
    const signIn = new Caller(cluster.url);
    await signIn.signIn();
    token = signIn.token;
    customerId = await signIn.customerId('Fourth Coffee');
    summary.push(
      `galera: cluster of 3 nodes + 3 APIs + HAProxy (checks ${cluster.checkPath}) up in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }, 180_000);

  afterEach(async () => {
    // After every storm: nothing created for a cancelled line is left usable (D8), on any node.
    for (const node of cluster.nodes) {
      if (!node.alive) continue;
      expect(await unrevokedOfCancelled((sql) => node.query(sql))).toEqual({ keys: 0, links: 0 });
    }
  });

  afterAll(async () => {
    console.log(summary.join('\n'));
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('X1: every table has a primary key (Galera certifies and applies rows by key)', async () => {
    const withoutKey = await query<{ name: string }[]>(
      `SELECT t.table_name AS name FROM information_schema.tables t
       LEFT JOIN information_schema.table_constraints c ON c.table_schema = t.table_schema
         AND c.table_name = t.table_name AND c.constraint_type = 'PRIMARY KEY'
       WHERE t.table_schema = DATABASE() AND c.constraint_name IS NULL`,
    );
    expect(withoutKey).toEqual([]);
  });

  it('D3/X1: 200 concurrent GETs of one link over three processes: exactly 50 × 200 and 150 × 410', async () => {
    const c = caller();
    const order = await newOrder(c);
    const issued = await c.keysAndLink(order.lineId);
    const link = issued.data!.getKeysAndDownloads.link;
    // Links point at the load balancer, whichever process issued them (PUBLIC_URL).
    expect(link.url.startsWith(`${cluster.url}/downloads/`)).toBe(true);
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => c.download(linkToken(link.url))),
    );
    const statuses = answers.map((a) => a.status);
    summary.push(`galera: 200 GETs of one link → ${c.summary()}`);
    expect(
      statuses.filter((s) => s === 200),
      explain(c),
    ).toHaveLength(50);
    expect(
      statuses.filter((s) => s === 410),
      explain(c),
    ).toHaveLength(150);
    expect(c.servedBy.size, 'requests reached all three processes').toBe(3);
    for (const node of cluster.nodes) {
      const [row] = await node.query<{ used: number }[]>(
        'SELECT downloads_used AS used FROM download_links WHERE id = ?',
        [link.id],
      );
      expect(row!.used).toBe(50);
      const [logged] = await node.query<{ n: number }[]>(
        `SELECT COUNT(*) AS n FROM activity_log
         WHERE resource = ? AND operation = 'download_software' AND outcome = 'SUCCEEDED'`,
        [`download-link:${link.id}`],
      );
      expect(Number(logged!.n)).toBe(50);
    }
  });

  it('C10/X1: 50 concurrent cancelPurchase of one order over three processes: one success, one credit', async () => {
    const c = caller();
    const order = await newOrder(c);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => c.cancel(customerId, order.id)),
    );
    summary.push(`galera: 50 cancels of one order → ${c.summary()}`);
    expect(answers.filter((a) => a.data).length, explain(c)).toBe(1);
    expect(
      answers.filter((a) => !a.data).every((a) => a.code === 'ALREADY_CANCELLED'),
      explain(c),
    ).toBe(true);
    expect(c.servedBy.size).toBe(3);
    const [credits] = await query<{ n: number }[]>(
      "SELECT COUNT(*) AS n FROM invoice_lines WHERE order_line_id = ? AND kind = 'CREDIT'",
      [order.lineId],
    );
    expect(Number(credits!.n)).toBe(1);
  });

  it('B5/X1: 30 concurrent placeOrder with one idempotency key over three processes: one order, one charge', async () => {
    const c = caller();
    const key = crypto.randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => c.placeOrder(customerId, key)),
    );
    summary.push(`galera: 30 placeOrder, one key → ${c.summary()}`);
    expect(c.failures, explain(c)).toEqual([]);
    const ids = new Set(answers.filter((a) => a.data).map((a) => a.data!.placeOrder.id));
    expect(ids.size, explain(c)).toBe(1);
    expect(
      answers.every((a) => a.data),
      explain(c),
    ).toBe(true);
    const orders = await query<{ id: string }[]>(
      'SELECT id FROM orders WHERE idempotency_key = ?',
      [key],
    );
    expect(orders).toHaveLength(1);
    const [charges] = await query<{ n: number }[]>(
      "SELECT COUNT(*) AS n FROM invoice_lines WHERE order_id = ? AND kind = 'CHARGE'",
      [orders[0]!.id],
    );
    expect(Number(charges!.n)).toBe(1);
  });

  /**
   * Workers that place orders, reveal keys and issue links, download and cancel, at random, until
   * `stop()`. What was acknowledged is kept, to check afterwards that it is all there.
   */
  function storm(c: Caller, workers: number) {
    const orders: { id: string; lineId: string }[] = [];
    const cancelled = new Set<string>();
    const tokens: string[] = [];
    let running = true;
    const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];
    const work = async () => {
      while (running) {
        const roll = Math.random();
        if (roll < 0.3 || orders.length < 3) {
          const answer = await c.placeOrder(customerId);
          if (answer.data)
            orders.push({
              id: answer.data.placeOrder.id,
              lineId: answer.data.placeOrder.lines[0]!.id,
            });
        } else if (roll < 0.55) {
          const answer = await c.keysAndLink(pick(orders)!.lineId);
          if (answer.data) tokens.push(linkToken(answer.data.getKeysAndDownloads.link.url));
        } else if (roll < 0.85 && tokens.length) {
          await c.download(pick(tokens)!);
        } else {
          const order = pick(orders)!;
          const answer = await c.cancel(customerId, order.id);
          if (answer.data) cancelled.add(order.id);
        }
      }
    };
    const done = Promise.all(Array.from({ length: workers }, work));
    return {
      orders,
      cancelled,
      stop: async () => {
        running = false;
        await done;
      },
    };
  }

  it('X1: a bounded mixed storm (orders, keys and links, downloads, cancellations) over three processes: 0 INTERNAL, 0 5xx', async () => {
    const c = caller();
    const load = storm(c, 12);
    await sleep(8_000);
    await load.stop();
    const requests = [...c.statuses.values()].reduce((a, b) => a + b, 0);
    summary.push(`galera: mixed storm, ${requests} requests in 8 s → ${c.summary()}`);
    expect(c.failures, explain(c)).toEqual([]);
    expect(c.codes.get('INTERNAL') ?? 0).toBe(0);
    expect(c.servedBy.size).toBe(3);
    expect(load.cancelled.size).toBeGreaterThan(0);
    expect(await halfDone(query)).toEqual({
      ordersWithoutLines: 0,
      linesWithoutCharge: 0,
      cancelledWithoutOneCredit: 0,
      creditOnActiveLine: 0,
      orderStatusDisagrees: 0,
      linkCountDisagreesWithLog: 0,
    });
  });

  it('E5/X1: a node killed mid-storm: the others keep serving, its API answers DATABASE_UNAVAILABLE fast and recovers when the node rejoins; nothing acknowledged is lost; the nodes agree', async () => {
    const c = caller(['DATABASE_UNAVAILABLE']);
    const direct = new Caller('', token);
    const [node1, victim, node3] = cluster.nodes as [
      (typeof cluster.nodes)[0],
      (typeof cluster.nodes)[0],
      (typeof cluster.nodes)[0],
    ];
    const victimApi = cluster.apis[1]!;
    const load = storm(c, 8);
    await sleep(2_000);
    await victim.kill('SIGKILL');
    const killedAt = performance.now();

    // Its API: a quick, clear answer, not a hang and not INTERNAL.
    const down = [];
    for (let i = 0; i < 5; i++)
      down.push(
        await direct.graphql('customers', '{ customers { totalCount } }', {}, victimApi.url),
      );

    // The survivors: once the group has dropped the dead member, every request succeeds.
    let evictedAfterMs = -1;
    for (let i = 0; i < 100; i++) {
      const state = await node1.wsrepState().catch(() => null);
      if (state?.clusterSize === 2 && state.ready) {
        evictedAfterMs = performance.now() - killedAt;
        break;
      }
      await sleep(100);
    }
    const survivors = [];
    for (const api of [cluster.apis[0]!, cluster.apis[2]!])
      for (let i = 0; i < 3; i++)
        survivors.push(await direct.placeOrder(customerId, undefined, api.url));

    // The node comes back (incremental state transfer); its API recovers without a restart.
    const rejoinStarted = performance.now();
    await victim.start();
    const rejoinedMs = performance.now() - rejoinStarted;
    let recoveredAfterMs = -1;
    for (let i = 0; i < 80; i++) {
      const answer = await direct.graphql<{ customers: { totalCount: number } }>(
        'customers',
        '{ customers { totalCount } }',
        {},
        victimApi.url,
      );
      if (answer.data?.customers) {
        recoveredAfterMs = performance.now() - rejoinStarted;
        break;
      }
      await sleep(250);
    }
    await sleep(1_500); // HAProxy sends to it again, under load
    await load.stop();

    summary.push(
      `galera: node killed mid-storm → its API: ${down.map((d) => `${d.code} ${Math.round(d.ms)} ms`).join(', ')}; ` +
        `dead member dropped after ${Math.round(evictedAfterMs)} ms; survivors: ${survivors.filter((s) => s.data).length}/6 orders placed; ` +
        `node rejoined in ${(rejoinedMs / 1000).toFixed(1)} s, its API answering ${Math.round(recoveredAfterMs)} ms after the restart; ` +
        `storm: ${c.summary()}; ${load.orders.length} orders and ${load.cancelled.size} cancellations acknowledged`,
    );
    expect(victimApi.alive).toBe(true);
    expect(
      down.every((d) => d.code === 'DATABASE_UNAVAILABLE' && d.ms < 2_500),
      down.map((d) => `${d.code} ${d.message} ${Math.round(d.ms)} ms`).join(' | '),
    ).toBe(true);
    expect(evictedAfterMs).toBeGreaterThanOrEqual(0);
    expect(
      survivors.every((s) => s.data),
      survivors.map((s) => `${s.code} ${s.message}`).join(' | '),
    ).toBe(true);
    expect(recoveredAfterMs).toBeGreaterThanOrEqual(0);
    expect(c.failures, explain(c)).toEqual([]);
    expect((c.codes.get('OK') ?? 0) > 0).toBe(true);

    // Nothing acknowledged is lost, on any node; nothing is half done; the nodes agree.
    const acknowledged = load.orders.map((o) => o.id);
    const cancelled = [...load.cancelled];
    for (const node of [node1, victim, node3]) {
      const rows = await node.query<{ id: string; status: string }[]>(
        `SELECT id, status FROM orders WHERE id IN (${acknowledged.map(() => '?').join(',')})`,
        acknowledged,
      );
      expect(rows.length, node.name).toBe(acknowledged.length);
      const status = new Map(rows.map((r) => [r.id, r.status]));
      expect(
        cancelled.filter((id) => status.get(id) !== 'CANCELLED'),
        node.name,
      ).toEqual([]);
      expect(await halfDone((sql) => node.query(sql)), node.name).toEqual({
        ordersWithoutLines: 0,
        linesWithoutCharge: 0,
        cancelledWithoutOneCredit: 0,
        creditOnActiveLine: 0,
        orderStatusDisagrees: 0,
        linkCountDisagreesWithLog: 0,
      });
    }
    const tables = (
      await query<{ name: string }[]>(
        'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY 1',
      )
    ).map((t) => `\`${t.name}\``);
    let checksums: string[] = [];
    for (let i = 0; i < 40; i++) {
      // The appliers may still be catching up: the sums must meet, and stay met.
      checksums = await Promise.all(
        cluster.nodes.map(async (node) =>
          JSON.stringify(
            (await node.query<{ Checksum: number }[]>(`CHECKSUM TABLE ${tables.join(', ')}`)).map(
              (r) => r.Checksum,
            ),
          ),
        ),
      );
      if (new Set(checksums).size === 1) break;
      await sleep(250);
    }
    expect(new Set(checksums).size, checksums.join('\n')).toBe(1);
  });
});
