import { expect, it } from 'vitest';
import { issueLink, placeOrder } from './test-support/actions.js';
import { gql } from './test-support/client.js';
import { createCustomer, createTenant, createUser } from './test-support/factories.js';
import { describeEachEngine, type Harness } from './test-support/harness.js';

/**
 * DataLoader discipline: the number of SQL statements a list request makes does not grow with the
 * number of rows. Counted from the ORM's query log, at a small and a ten-times-larger size.
 */
async function statementsFor(h: Harness, run: () => Promise<unknown>): Promise<number> {
  const before = h.logLines.length;
  await run();
  return h.logLines.slice(before).filter((line) => line.startsWith('query: ')).length;
}

async function buyMany(h: Harness, token: string, customerId: string, orders: number) {
  const windowsServerLines: string[] = [];
  for (let i = 0; i < orders; i++) {
    const order = await placeOrder(h.url, token, customerId, [
      { skuId: 'windows-server-2022-datacenter:1y', quantity: 1 },
      { skuId: 'office-ltsc-professional-plus-2024:perpetual', quantity: 2 },
    ]);
    windowsServerLines.push(order.lines[0]!.id);
  }
  // Live links on half the Windows Server lines, so the list has links to load too.
  for (const lineId of windowsServerLines.slice(0, Math.max(1, orders / 2)))
    await issueLink(h.url, token, lineId);
}

const SOFTWARE_TAB = /* GraphQL */ `
  query ($id: ID!) {
    customer(id: $id) {
      id
      name
      software {
        id
        status
        quantity
        cancellableUntil
        purchasedAt
        orderId
        skuName
        hasActivationKeys
        product {
          id
          name
          kind
        }
        downloadOptions {
          versions
          languages
          fileTypes
        }
        links {
          id
          downloadsUsed
          downloadsLeft
          expiresAt
          state
          issuedBy {
            email
          }
        }
      }
      orders {
        id
        status
        total {
          decimal
        }
        placedBy {
          email
        }
        lines {
          id
          product {
            name
          }
          skuName
          amount {
            decimal
          }
        }
      }
    }
  }
`;

describeEachEngine('SQL statements per request do not grow with the list', (use) => {
  it('the Software tab and Order history: 20 lines and 200 lines cost the same statements', async () => {
    const h = use();
    const { partner, admin } = await createTenant(h.db);
    const small = await createCustomer(h.db, partner.id);
    const large = await createCustomer(h.db, partner.id);
    await buyMany(h, admin.token, small.id, 10); // 20 lines
    await buyMany(h, admin.token, large.id, 100); // 200 lines
    const count = (id: string) =>
      statementsFor(h, () => gql(h.url, SOFTWARE_TAB, { id }, { token: admin.token }));
    const [a, b] = [await count(small.id), await count(large.id)];
    expect(a).toBeLessThan(15);
    expect(b).toBe(a);
  });

  it('customers, invoices, the activity log, cancellation options and support requests', async () => {
    const h = use();
    const { partner, admin, customer } = await createTenant(h.db);
    const viewer = await createUser(h.db, partner.id, ['GLOBAL_ADMIN']);
    for (let i = 0; i < 30; i++) await createCustomer(h.db, partner.id);
    await buyMany(h, admin.token, customer.id, 30);
    const customers = (first: number) =>
      statementsFor(h, () =>
        gql(
          h.url,
          'query($first: Int) { customers(first: $first) { totalCount edges { node { id name orders(first: 10) { id lines { id product { name } } } } } } }',
          { first },
          { token: admin.token },
        ),
      );
    expect(await customers(30)).toBe(await customers(3));

    const invoices = () =>
      statementsFor(h, () =>
        gql(
          h.url,
          '{ invoices { edges { node { id charges { decimal } net { decimal } lines(first: 50) { id amount { decimal } customer { name } } } } } }',
          {},
          { token: admin.token },
        ),
      );
    const before = await invoices();
    await buyMany(h, admin.token, customer.id, 10);
    expect(await invoices()).toBe(before);

    const log = (first: number) =>
      statementsFor(h, () =>
        gql(
          h.url,
          'query($first: Int) { activityLog(from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z", first: $first) { edges { node { id operation customer { name } } } } }',
          { first },
          { token: viewer.token },
        ),
      );
    expect(await log(100)).toBe(await log(5));

    const options = (customerId: string) =>
      statementsFor(h, () =>
        gql(
          h.url,
          'query($c: ID!) { cancellationOptions(customerId: $c, productId: "office-ltsc-professional-plus-2024") { orders { state credit { decimal } order { id total { decimal } } lines { id product { name } } } } }',
          { c: customerId },
          { token: admin.token },
        ),
      );
    const few = await createCustomer(h.db, partner.id);
    await buyMany(h, admin.token, few.id, 2);
    expect(await options(customer.id)).toBe(await options(few.id));
  });
});
