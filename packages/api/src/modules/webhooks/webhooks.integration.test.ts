import { DAY_MS, HOUR_MS, MAX_WEBHOOK_URL_LENGTH } from '@csp/domain';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { issueLink, placeOrder } from '../../test-support/actions.js';
import { expectRefusal, gql } from '../../test-support/client.js';
import { createTenant, createUser } from '../../test-support/factories.js';
import { describeEachEngine, type Harness } from '../../test-support/harness.js';
import { WebhookReceiver } from '../../test-support/webhook-receiver.js';
import { select, write } from './sql.js';
import { WebhookWorker } from './worker.js';

const REGISTER = /* GraphQL */ `
  mutation ($i: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $i) {
      secret
      endpoint {
        id
        url
        events
      }
    }
  }
`;
const DELIVERIES = /* GraphQL */ `
  query ($e: ID!) {
    webhookDeliveries(endpointId: $e, first: 50) {
      edges {
        node {
          id
          eventId
          eventType
          status
          attempts
          responseStatus
          lastErrorCode
          lastError
        }
      }
    }
  }
`;
const ALL_EVENTS = [
  'order.placed',
  'purchase.cancelled',
  'download_link.exhausted',
  'cancellation_window.closing',
  'support_request.created',
];

interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  responseStatus: number | null;
  lastErrorCode: string | null;
  lastError: string | null;
}

async function setup(h: Harness, receiver: WebhookReceiver, events = ALL_EVENTS) {
  const { partner, admin, customer } = await createTenant(h.db, 'US');
  const globalAdmin = await createUser(h.db, partner.id, ['GLOBAL_ADMIN']);
  const registered = await gql<{
    createWebhookEndpoint: { secret: string; endpoint: { id: string; events: string[] } };
  }>(h.url, REGISTER, { i: { url: receiver.url, events } }, { token: globalAdmin.token });
  const created = registered.data!.createWebhookEndpoint;
  receiver.secret = created.secret;
  const deliveries = async () =>
    (
      await gql<{ webhookDeliveries: { edges: { node: Delivery }[] } }>(
        h.url,
        DELIVERIES,
        { e: created.endpoint.id },
        { token: globalAdmin.token },
      )
    ).data!.webhookDeliveries.edges.map((e) => e.node);
  return {
    partner,
    admin,
    customer,
    globalAdmin,
    endpointId: created.endpoint.id,
    created,
    deliveries,
  };
}

const cancel = (h: Harness, token: string, customerId: string, orderId: string) =>
  gql<{ cancelPurchase: { credit: { amountMinor: number; currency: string } } }>(
    h.url,
    'mutation($i: CancelPurchaseInput!) { cancelPurchase(input: $i) { credit { amountMinor currency } } }',
    {
      i: { customerId, orderId, productId: 'windows-server-2022-datacenter', acknowledged: true },
    },
    { token },
  );

describeEachEngine('webhooks (W1, W2)', (use) => {
  let receiver: WebhookReceiver;
  let worker: WebhookWorker;
  beforeAll(async () => {
    const h = use();
    receiver = await new WebhookReceiver(() => h.clock.now()).start();
    worker = new WebhookWorker({
      db: h.db,
      clock: h.clock,
      vault: h.vault,
      logger: h.logger,
      policy: { production: false, allowPrivate: true },
    });
  });
  afterAll(async () => {
    await worker.stop();
    await receiver.stop();
  });
  // Each test starts with a quiet receiver: what earlier tests left pending is set aside.
  const reset = async () => {
    await use().db.transaction((m) =>
      write(m, "UPDATE webhook_deliveries SET status = 'FAILED' WHERE status = 'PENDING'"),
    );
    receiver.requests.length = 0;
    receiver.processed.length = 0;
    receiver.mode = 'ok';
  };

  it('W1: a Global admin registers an endpoint; the secret is answered once and stored encrypted; other roles are refused', async () => {
    const h = use();
    await reset();
    const { globalAdmin, admin, created, endpointId } = await setup(h, receiver, ['order.placed']);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(created.endpoint.events).toEqual(['order.placed']);
    const list = await gql<{ webhookEndpoints: { id: string }[] }>(
      h.url,
      '{ webhookEndpoints { id url events createdAt } }',
      {},
      { token: globalAdmin.token },
    );
    expect(list.data!.webhookEndpoints.map((e) => e.id)).toEqual([endpointId]);
    expect(JSON.stringify(list)).not.toContain(created.secret);
    const [row] = await select<Record<string, unknown>>(
      h.db.manager,
      'SELECT * FROM webhook_endpoints WHERE id = ?',
      [endpointId],
    );
    expect(JSON.stringify(row)).not.toContain(created.secret.slice(6));
    expect(h.logLines.join('\n')).not.toContain(created.secret.slice(6));
    // R9: an Admin agent is told a Global admin is needed.
    const refused = await gql(
      h.url,
      REGISTER,
      { i: { url: receiver.url, events: ['order.placed'] } },
      { token: admin.token },
    );
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN_ROLE');
    expect(refused.errors?.[0]?.extensions?.['missingRoles']).toEqual(['Global admin']);
  });

  it.each([
    ['ftp://example.com/hooks', ['order.placed'], 'url'],
    ['https://user:pw@example.com/hooks', ['order.placed'], 'url'],
    ['not a url', ['order.placed'], 'url'],
    ['https://example.com/hooks', ['order.shipped'], 'events'],
    ['https://example.com/hooks', [], 'events'],
  ])('W1: %s with %j is refused on %s and writes nothing', async (url, events, field) => {
    const h = use();
    const { partner } = await createTenant(h.db, 'US');
    const globalAdmin = await createUser(h.db, partner.id, ['GLOBAL_ADMIN']);
    const response = await gql(
      h.url,
      REGISTER,
      { i: { url, events } },
      { token: globalAdmin.token },
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const rows = await select(
      h.db.manager,
      'SELECT id FROM webhook_endpoints WHERE partner_id = ?',
      [partner.id],
    );
    expect(rows).toEqual([]);
  });

  it('W2, E1, E2: with Accept-Language: ko a refused address is said in Korean; code, field and reason code stay', async () => {
    const h = use();
    const { partner } = await createTenant(h.db, 'US');
    const globalAdmin = await createUser(h.db, partner.id, ['GLOBAL_ADMIN']);
    const register = (url: string, language?: string) =>
      gql(
        h.url,
        REGISTER,
        { i: { url, events: ['order.placed'] } },
        { token: globalAdmin.token, language },
      );
    const scheme = { field: 'url', reasonCode: 'URL_SCHEME' };
    expectRefusal(
      await register('ftp://example.com/hooks', 'ko-KR,ko;q=0.9,en;q=0.5'),
      '입력 값이 올바르지 않습니다: 주소는 https://로 시작해야 합니다.',
      scheme,
    );
    expectRefusal(
      await register('ftp://example.com/hooks'),
      'Some of the input is not valid: The address must start with https://.',
      scheme,
    );
    // The limit comes from the domain, as a param.
    expectRefusal(
      await register(`https://example.com/${'a'.repeat(MAX_WEBHOOK_URL_LENGTH)}`, 'ko'),
      `입력 값이 올바르지 않습니다: 엔드포인트 주소를 입력하세요(최대 ${MAX_WEBHOOK_URL_LENGTH}자).`,
      { field: 'url', reasonCode: 'URL_LENGTH', max: MAX_WEBHOOK_URL_LENGTH },
    );
  });

  it('W2: order.placed and purchase.cancelled (with its credit) arrive signed, in order, with their event ids', async () => {
    const h = use();
    await reset();
    const { admin, customer, deliveries } = await setup(h, receiver);
    const first = await placeOrder(h.url, admin.token, customer.id);
    const second = await placeOrder(h.url, admin.token, customer.id);
    h.clock.advance(HOUR_MS);
    const cancelled = await cancel(h, admin.token, customer.id, first.id);
    // Nothing is sent inside the request: the outbox holds the events until the worker runs.
    expect(receiver.requests).toEqual([]);
    await worker.tick();
    expect(receiver.requests.map((r) => [r.type, r.data['orderId']])).toEqual([
      ['order.placed', first.id],
      ['order.placed', second.id],
      ['purchase.cancelled', first.id],
    ]);
    expect(receiver.requests.every((r) => r.signatureValid)).toBe(true);
    expect(receiver.requests[2]!.data['credit']).toEqual(cancelled.data!.cancelPurchase.credit);
    expect(new Set(receiver.requests.map((r) => r.eventId)).size).toBe(3);
    const log = await deliveries();
    expect(log.map((d) => [d.eventType, d.status, d.attempts, d.responseStatus])).toEqual([
      ['purchase.cancelled', 'DELIVERED', 1, 200],
      ['order.placed', 'DELIVERED', 1, 200],
      ['order.placed', 'DELIVERED', 1, 200],
    ]);
    // Delivered once: another round sends nothing again.
    await worker.tick();
    expect(receiver.requests).toHaveLength(3);
  });

  it('W2: a signature made with another secret, or over another body, does not verify', async () => {
    const h = use();
    await reset();
    const { admin, customer } = await setup(h, receiver, ['order.placed']);
    receiver.secret = 'whsec_not-the-secret';
    await placeOrder(h.url, admin.token, customer.id);
    await worker.tick();
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]!.signatureValid).toBe(false);
  });

  it('W2: after a 500 the event is retried with backoff, the duplicate is dropped by its id', async () => {
    const h = use();
    await reset();
    const { admin, customer, deliveries } = await setup(h, receiver, ['order.placed']);
    receiver.mode = 'fail';
    await placeOrder(h.url, admin.token, customer.id);
    await worker.tick();
    expect((await deliveries())[0]).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      responseStatus: 500,
    });
    await worker.tick(); // not due yet: the first retry waits 10 s
    expect(receiver.requests).toHaveLength(1);
    h.clock.advance(10_000);
    receiver.mode = 'ok';
    await worker.tick();
    expect(receiver.requests.map((r) => r.attempt)).toEqual([1, 2]);
    expect(receiver.requests[0]!.eventId).toBe(receiver.requests[1]!.eventId);
    expect(receiver.processed).toHaveLength(1);
    expect((await deliveries())[0]).toMatchObject({
      status: 'DELIVERED',
      attempts: 2,
      responseStatus: 200,
    });
  });

  it('W2: a receiver that is down is retried for 24 hours, then the delivery is failed; Redeliver sends the same event again', async () => {
    const h = use();
    await reset();
    const { admin, customer, deliveries, globalAdmin } = await setup(h, receiver, ['order.placed']);
    const port = receiver.port;
    await receiver.stop();
    await placeOrder(h.url, admin.token, customer.id);
    let rounds = 0;
    for (; rounds < 100; rounds++) {
      await worker.tick();
      const [d] = await deliveries();
      if (d!.status !== 'PENDING') break;
      h.clock.advance(HOUR_MS);
    }
    const [failed] = await deliveries();
    expect(failed).toMatchObject({
      status: 'FAILED',
      responseStatus: null,
      lastErrorCode: 'CONNECTION_REFUSED',
      lastError: 'The endpoint refused the connection.',
    });
    // 10 s, 20 s, … then hourly: about 24 + a few attempts, and never past 24 h.
    expect(failed!.attempts).toBeGreaterThan(20);
    expect(failed!.attempts).toBeLessThan(40);
    await receiver.start(port);
    const again = await gql<{ redeliverWebhook: Delivery }>(
      h.url,
      'mutation($d: ID!) { redeliverWebhook(deliveryId: $d) { id eventId status attempts } }',
      { d: failed!.id },
      { token: globalAdmin.token },
    );
    expect(again.data!.redeliverWebhook).toMatchObject({
      eventId: failed!.eventId,
      status: 'PENDING',
      attempts: 0,
    });
    await worker.tick();
    expect(receiver.processed.map((r) => r.eventId)).toEqual([failed!.eventId]);
    const log = await deliveries();
    expect(log.map((d) => d.status)).toEqual(['DELIVERED', 'FAILED']);
  }, 120_000);

  it('W2: two workers (two processes) send each event once at a time', async () => {
    const h = use();
    await reset();
    const { admin, customer } = await setup(h, receiver, ['order.placed']);
    const other = new WebhookWorker({
      db: h.db,
      clock: h.clock,
      vault: h.vault,
      logger: h.logger,
      policy: { production: false, allowPrivate: true },
    });
    const orders = [];
    for (let i = 0; i < 6; i++) orders.push((await placeOrder(h.url, admin.token, customer.id)).id);
    await Promise.all([worker.tick(), other.tick()]);
    expect(receiver.requests.map((r) => r.data['orderId'])).toEqual(orders);
  });

  it('W1: download_link.exhausted is sent with the 50th download, and support_request.created with the request', async () => {
    const h = use();
    await reset();
    const { admin, customer, partner } = await setup(h, receiver, [
      'download_link.exhausted',
      'support_request.created',
    ]);
    const order = await placeOrder(h.url, admin.token, customer.id);
    const link = await issueLink(h.url, admin.token, order.lines[0]!.id);
    for (let i = 1; i <= 50; i++) {
      const response = await fetch(link.url.replace(/^https?:\/\/[^/]+/, h.url));
      await response.arrayBuffer();
      expect(response.status).toBe(200);
      if (i === 49) {
        await worker.tick();
        expect(receiver.requests).toEqual([]); // not before the last one
      }
    }
    const sr = await gql<{ createSupportRequest: { id: string } }>(
      h.url,
      'mutation($i: CreateSupportRequestInput!) { createSupportRequest(input: $i) { id } }',
      {
        i: {
          problemType: 'BILLING',
          impact: 'LOW',
          title: 'Question about an invoice',
          details: 'The October invoice total looks wrong to us.',
          contactName: 'Test Person',
          contactEmail: 'test@example.test',
          contactPhone: '+1 425 555 0100',
        },
      },
      { token: admin.token },
    );
    await worker.tick();
    expect(receiver.processed.map((r) => r.type)).toEqual([
      'download_link.exhausted',
      'support_request.created',
    ]);
    expect(receiver.processed[0]!.data).toMatchObject({ linkId: link.id, downloadsUsed: 50 });
    expect(receiver.processed[1]!.data).toMatchObject({
      supportRequestId: sr.data!.createSupportRequest.id,
    });
    expect(JSON.stringify(receiver.requests)).not.toContain(link.token);
    void partner;
  }, 120_000);

  it('W1: cancellation_window.closing goes out 24 hours before the window closes, once per line', async () => {
    const h = use();
    await reset();
    const { admin, customer } = await setup(h, receiver, ['cancellation_window.closing']);
    const placedAt = h.clock.now();
    const order = await placeOrder(h.url, admin.token, customer.id);
    const closesAt = placedAt.getTime() + 60 * DAY_MS;
    h.clock.set(new Date(closesAt - DAY_MS - 1));
    expect(await worker.scanClosingWindows()).toBe(0);
    h.clock.set(new Date(closesAt - DAY_MS));
    expect(await worker.scanClosingWindows()).toBe(1);
    expect(await worker.scanClosingWindows()).toBe(0); // once per line
    await worker.tick();
    expect(receiver.processed.map((r) => r.data['orderLineId'])).toEqual([order.lines[0]!.id]);
    expect(receiver.processed[0]!.data['cancellableUntil']).toBe(new Date(closesAt).toISOString());
    expect(receiver.processed[0]!.data['creditIfCancelledNow']).toMatchObject({ currency: 'USD' });
    h.clock.set(placedAt);
  });

  it('W2: Send test event delivers a signed webhook.test to that endpoint only', async () => {
    const h = use();
    await reset();
    const { endpointId, globalAdmin } = await setup(h, receiver, ['order.placed']);
    const sent = await gql<{ sendTestWebhookEvent: Delivery }>(
      h.url,
      'mutation($e: ID!) { sendTestWebhookEvent(endpointId: $e) { id eventType status } }',
      { e: endpointId },
      { token: globalAdmin.token },
    );
    expect(sent.data!.sendTestWebhookEvent).toMatchObject({
      eventType: 'webhook.test',
      status: 'PENDING',
    });
    await worker.tick();
    expect(receiver.processed.map((r) => [r.type, r.signatureValid])).toEqual([
      ['webhook.test', true],
    ]);
  });

  it('W2: without WEBHOOK_ALLOW_PRIVATE a loopback endpoint is refused at registration and at sending', async () => {
    const h = use();
    await reset();
    const { admin, customer } = await setup(h, receiver, ['order.placed']);
    const strict = new WebhookWorker({
      db: h.db,
      clock: h.clock,
      vault: h.vault,
      logger: h.logger,
      policy: { production: true, allowPrivate: false },
    });
    await placeOrder(h.url, admin.token, customer.id);
    await strict.tick();
    expect(receiver.requests).toEqual([]);
    const [row] = await select<{ last_error: string }>(
      h.db.manager,
      "SELECT last_error FROM webhook_deliveries WHERE status = 'PENDING' ORDER BY seq DESC",
    );
    expect(row!.last_error).toBe('ADDRESS_REFUSED');
  });

  it('W2, E1: the delivery log says why as a code, worded per Accept-Language; rows stored before the codes read the same', async () => {
    const h = use();
    await reset();
    const { admin, customer, endpointId, globalAdmin } = await setup(h, receiver, ['order.placed']);
    await placeOrder(h.url, admin.token, customer.id);
    await placeOrder(h.url, admin.token, customer.id);
    // The older row as the worker stored it before codes (its English words), the newer as now.
    const rows = await select<{ seq: number }>(
      h.db.manager,
      'SELECT seq FROM webhook_deliveries WHERE endpoint_id = ? ORDER BY seq',
      [endpointId],
    );
    await h.db.transaction(async (m) => {
      for (const [row, stored] of [
        [rows[0]!, 'timed out'],
        [rows[1]!, 'ADDRESS_REFUSED'],
      ] as const) {
        await write(m, 'UPDATE webhook_deliveries SET attempts = 1, last_error = ? WHERE seq = ?', [
          stored,
          row.seq,
        ]);
      }
    });
    const korean = await gql<{ webhookDeliveries: { edges: { node: Delivery }[] } }>(
      h.url,
      DELIVERIES,
      { e: endpointId },
      { token: globalAdmin.token, language: 'ko' },
    );
    expect(
      korean.data!.webhookDeliveries.edges.map(({ node }) => [node.lastErrorCode, node.lastError]),
    ).toEqual([
      ['ADDRESS_REFUSED', '주소가 거부되었습니다. 사설 또는 로컬 네트워크의 주소입니다.'],
      ['TIMED_OUT', '엔드포인트가 제시간에 응답하지 않았습니다.'],
    ]);
  });
});
