import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { API_MAIN, ApiProcess } from '../../security/processes.js';
import { gql } from '../../test-support/client.js';
import { ENGINES, openTestDatabase, TEST_MYSQL_URL } from '../../test-support/harness.js';
import { WebhookReceiver } from '../../test-support/webhook-receiver.js';

const IN_CI = process.env['CI'] === 'true';
const AVAILABLE = existsSync(API_MAIN);
if (!AVAILABLE) {
  if (IN_CI)
    throw new Error(`The webhook process suite needs a built API (${API_MAIN}) under CI=true`);
  console.warn(`\nSKIPPED: the webhook process suite (needs a built API).\n`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => boolean, ms = 30_000) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe.skipIf(!AVAILABLE).each(ENGINES)(
  'webhooks across real API processes (W2, X1) [%s]',
  (engine) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'csp-webhook-processes-'));
    const env = (extra: Record<string, string> = {}) => ({
      ...(engine === 'mysql' ? { DATABASE_URL: TEST_MYSQL_URL } : {}),
      DATA_DIR: path.join(dir, 'data'),
      SEED_DEMO_DATA: 'true',
      WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOK_POLL_MS: '200',
      WEBHOOK_LEASE_MS: '2000',
      ...extra,
    });
    const apis: ApiProcess[] = [];
    const receiver = new WebhookReceiver();

    afterAll(async () => {
      for (const api of apis) await api.kill('SIGKILL');
      await receiver.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    const start = async (extra: Record<string, string> = {}) => {
      const api = new ApiProcess(env(extra));
      apis.push(api);
      await api.start();
      return api;
    };
    const signIn = async (api: ApiProcess, email: string) =>
      (
        await gql<{ signIn: { token: string } }>(
          api.url,
          'mutation($e: String!) { signIn(input: {email: $e, password: "demo-password-2026", issueToken: true}) { token } }',
          { e: email },
        )
      ).data!.signIn.token;
    const order = async (api: ApiProcess, token: string, customerId: string) => {
      const response = await gql<{ placeOrder: { id: string } }>(
        api.url,
        'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }',
        {
          i: {
            customerId,
            idempotencyKey: crypto.randomUUID(),
            lines: [{ skuId: 'office-ltsc-professional-plus-2024:perpetual', quantity: 1 }],
          },
        },
        { token },
      );
      return response.data!.placeOrder.id;
    };

    it('W2: an event whose send was cut by a SIGKILL, and one committed by a process killed before sending, are delivered by the next process; duplicates carry the same id', async () => {
      if (engine === 'mysql') await (await openTestDatabase('mysql')).close(); // a fresh database
      await receiver.start();
      receiver.mode = 'hang'; // accepts the request and never answers
      const first = await start();
      const admin = await signIn(first, 'global.admin@contoso.example');
      const registered = await gql<{ createWebhookEndpoint: { secret: string } }>(
        first.url,
        'mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret } }',
        { i: { url: receiver.url, events: ['order.placed'] } },
        { token: admin },
      );
      receiver.secret = registered.data!.createWebhookEndpoint.secret;
      const agent = await signIn(first, 'admin.agent@contoso.example');
      const customers = await gql<{ customers: { edges: { node: { id: string } }[] } }>(
        first.url,
        '{ customers(search: "Fourth Coffee") { edges { node { id } } } }',
        {},
        { token: agent },
      );
      const customerId = customers.data!.customers.edges[0]!.node.id;

      // 1. Killed while sending: the receiver has the request but never answered.
      const one = await order(first, agent, customerId);
      await until('the first attempt', () => receiver.requests.length === 1);
      await first.kill('SIGKILL');
      receiver.mode = 'ok';
      const second = await start();
      await until('the retry after the lease ran out', () => receiver.processed.length === 1);
      expect(receiver.processed[0]!.data['orderId']).toBe(one);
      expect(receiver.requests[0]!.eventId).toBe(receiver.processed[0]!.eventId);
      expect(receiver.requests.every((r) => r.signatureValid)).toBe(true);
      await second.kill('SIGKILL');

      // 2. Killed between commit and send: a process that sends nothing commits an order.
      const quiet = await start({ WEBHOOK_WORKER: 'false' });
      const two = await order(quiet, agent, customerId);
      await sleep(1_000);
      expect(receiver.processed).toHaveLength(1);
      await quiet.kill('SIGKILL');
      await start();
      await until('the committed event', () => receiver.processed.length === 2);
      expect(receiver.processed.map((r) => r.data['orderId'])).toEqual([one, two]);
      // At least once, and every duplicate had an id seen before.
      expect(new Set(receiver.requests.map((r) => r.eventId)).size).toBe(2);
    }, 240_000);
  },
);
