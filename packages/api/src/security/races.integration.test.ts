import { afterAll, expect, it } from 'vitest';
import { ActivityEntryEntity } from '../modules/activity/activity-entry.entity.js';
import { InvoiceLineEntity } from '../modules/invoices/invoice-line.entity.js';
import { OrderEntity } from '../modules/orders/order.entity.js';
import { gql } from '../test-support/client.js';
import { createTenant } from '../test-support/factories.js';
import { describeEachEngine } from '../test-support/harness.js';

const summary: string[] = [];
afterAll(() => console.log(summary.join('\n')));

const GET =
  'mutation($i: GetKeysAndDownloadsInput!) { getKeysAndDownloads(input: $i) { link { url } } }';
const CHOICE = { version: '2022', language: 'English', fileType: 'ISO (x64)' };

describeEachEngine('races', (use) => {
  it('B5: 100 concurrent identical placeOrder calls make 1 order and 1 charge', async () => {
    const h = use();
    const { admin, customer } = await createTenant(h.db, 'KR');
    const input = {
      customerId: customer.id,
      idempotencyKey: crypto.randomUUID(),
      lines: [{ skuId: 'sql-server-2022-standard:1y', quantity: 3 }],
    };
    const responses = await Promise.all(
      Array.from({ length: 100 }, () =>
        gql<{ placeOrder: { id: string } }>(
          h.url,
          'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }',
          { i: input },
          { token: admin.token },
        ),
      ),
    );
    const ids = new Set(responses.map((r) => r.data?.placeOrder.id));
    const orders = await h.db.manager.countBy(OrderEntity, { customerId: customer.id });
    const charges = await h.db.manager.countBy(InvoiceLineEntity, {
      customerId: customer.id,
      kind: 'CHARGE',
    });
    summary.push(
      `races [${h.engine}]: 100 concurrent placeOrder → ${orders} order, ${charges} charge, ${responses.filter((r) => r.errors).length} errors`,
    );
    expect(responses.every((r) => !r.errors)).toBe(true);
    expect(ids.size).toBe(1);
    expect(orders).toBe(1);
    expect(charges).toBe(1);
  });

  it('D8/C8: 100 concurrent link issues and downloads interleaved with a cancellation: afterwards, 0 successful downloads', async () => {
    const h = use();
    const { admin, customer } = await createTenant(h.db);
    const placed = await gql<{ placeOrder: { id: string; lines: { id: string }[] } }>(
      h.url,
      'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id lines { id } } }',
      {
        i: {
          customerId: customer.id,
          idempotencyKey: crypto.randomUUID(),
          lines: [{ skuId: 'windows-server-2022-datacenter:1y', quantity: 1 }],
        },
      },
      { token: admin.token },
    );
    const order = placed.data!.placeOrder;
    const lineId = order.lines[0]!.id;
    const issue = async () =>
      (
        await gql<{ getKeysAndDownloads: { link: { url: string } } }>(
          h.url,
          GET,
          { i: { lineId, ...CHOICE } },
          { token: admin.token },
        )
      ).data?.getKeysAndDownloads.link.url;
    const first = (await issue())!;
    const urls = new Set<string>([first]);
    const download = async (url: string) => {
      const response = await fetch(`${h.url}/downloads/${url.split('/downloads/')[1]}`);
      await response.arrayBuffer();
      return response.status;
    };
    const work = Array.from({ length: 50 }, (_, i) =>
      i % 2 === 0
        ? issue().then((url) => {
            if (url) urls.add(url);
          })
        : download(first),
    );
    // The cancellation goes out in the middle of the 100 requests, all in flight together.
    const cancellation = gql(
      h.url,
      'mutation($i: CancelPurchaseInput!) { cancelPurchase(input: $i) { order { id } } }',
      {
        i: {
          customerId: customer.id,
          orderId: order.id,
          productId: 'windows-server-2022-datacenter',
          acknowledged: true,
        },
      },
      { token: admin.token },
    );
    const rest = Array.from({ length: 50 }, (_, i) =>
      i % 2 === 0 ? issue().then((url) => void (url && urls.add(url))) : download(first),
    );
    const [cancelled] = await Promise.all([cancellation, ...work, ...rest]);
    expect((cancelled as { errors?: unknown }).errors).toBeUndefined();
    // After the cancellation: every link ever issued, including those issued during it, is dead.
    const statuses = await Promise.all([...urls].map(download));
    const succeeded = statuses.filter((s) => s === 200).length;
    const loggedAfter = await h.db.manager.countBy(ActivityEntryEntity, {
      operation: 'download_software',
      outcome: 'SUCCEEDED',
      customerId: customer.id,
    });
    summary.push(
      `races [${h.engine}]: ${urls.size} links issued around a cancellation → ${succeeded} successful downloads after it (${loggedAfter} while it ran)`,
    );
    expect(succeeded).toBe(0);
    expect(await issue()).toBeUndefined();
  });
});
