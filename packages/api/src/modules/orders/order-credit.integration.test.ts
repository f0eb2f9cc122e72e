import { request as httpRequest, type IncomingMessage } from 'node:http';
import { expect, it } from 'vitest';
import { placeOrder } from '../../test-support/actions.js';
import { gql } from '../../test-support/client.js';
import { createTenant } from '../../test-support/factories.js';
import { describeEachEngine } from '../../test-support/harness.js';

const ORDERS = /* GraphQL */ `
  query Orders($id: ID!) {
    customer(id: $id) {
      orders {
        id
        status
        lines {
          id
          status
          cancelledAt
          credit {
            amountMinor
            currency
          }
        }
      }
    }
  }
`;

const CANCEL = /* GraphQL */ `
  mutation Cancel($input: CancelPurchaseInput!) {
    cancelPurchase(input: $input) {
      cancelledAt
      credit {
        amountMinor
        currency
      }
    }
  }
`;

interface Orders {
  customer: {
    orders: {
      id: string;
      status: string;
      lines: {
        id: string;
        status: string;
        cancelledAt: string | null;
        credit: { amountMinor: number; currency: string } | null;
      }[];
    }[];
  };
}

describeEachEngine('Order history: the credit of a cancelled line (C9, issue 14)', (use) => {
  it('C9: a cancelled line carries its cancellation date and the credit given; an active one none', async () => {
    const h = use();
    const { admin, customer } = await createTenant(h.db);
    const kept = await placeOrder(h.url, admin.token, customer.id);
    const cancelled = await placeOrder(h.url, admin.token, customer.id);
    h.clock.advance(3 * 24 * 60 * 60 * 1000);
    const cancellation = await gql<{
      cancelPurchase: { cancelledAt: string; credit: { amountMinor: number; currency: string } };
    }>(
      h.url,
      CANCEL,
      {
        input: {
          customerId: customer.id,
          orderId: cancelled.id,
          productId: 'windows-server-2022-datacenter',
          acknowledged: true,
        },
      },
      { token: admin.token },
    );
    expect(cancellation.errors).toBeUndefined();
    const { cancelledAt, credit } = cancellation.data!.cancelPurchase;
    // By hand: Windows Server 2022 Datacenter 1 year, US$12,200.00 = 1,220,000 cents for 365 days;
    // 3 days used, 362 unused: 1,220,000 × 362 / 365 = 441,640,000 / 365 = 1,209,972.60… → 1,209,973.
    expect(credit).toEqual({ amountMinor: 1_209_973, currency: 'USD' });

    const answer = await gql<Orders>(h.url, ORDERS, { id: customer.id }, { token: admin.token });
    expect(answer.errors).toBeUndefined();
    const orders = answer.data!.customer.orders;
    const cancelledLine = orders.find((o) => o.id === cancelled.id)!.lines[0]!;
    expect(cancelledLine).toMatchObject({ status: 'CANCELLED', cancelledAt, credit });
    const keptLine = orders.find((o) => o.id === kept.id)!.lines[0]!;
    expect(keptLine).toMatchObject({ status: 'ACTIVE', cancelledAt: null, credit: null });
  });

  it('issue 14: a GraphQL answer over 1 kB is compressed for a client that accepts it, a small one is not', async () => {
    const h = use();
    const { admin, customer } = await createTenant(h.db);
    for (let i = 0; i < 8; i += 1) await placeOrder(h.url, admin.token, customer.id);
    const ask = (query: string, acceptEncoding: string) =>
      fetch(`${h.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${admin.token}`,
          'accept-encoding': acceptEncoding,
        },
        body: JSON.stringify({ query, variables: { id: customer.id } }),
      });
    const big = await ask(ORDERS, 'gzip, br');
    expect(big.status).toBe(200);
    expect(big.headers.get('content-encoding')).toMatch(/^(br|gzip)$/);
    expect(big.headers.get('vary')).toMatch(/Accept-Encoding/i);
    const body = (await big.json()) as { data: Orders };
    expect(body.data.customer.orders).toHaveLength(8);

    const identity = await ask(ORDERS, 'identity');
    expect(identity.headers.get('content-encoding')).toBeNull();
    const small = await ask('query { __typename }', 'gzip, br');
    expect(small.headers.get('content-encoding')).toBeNull();

    // A script that sends no Accept-Encoding at all (fetch always sends one): plain, with Vary.
    const bare = await new Promise<IncomingMessage>((resolve, reject) => {
      const body = JSON.stringify({ query: ORDERS, variables: { id: customer.id } });
      const req = httpRequest(`${h.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
      });
      req.on('response', resolve).on('error', reject);
      req.end(body);
    });
    bare.resume();
    expect(bare.statusCode).toBe(200);
    expect(bare.headers['content-encoding']).toBeUndefined();
    expect(bare.headers['vary']).toMatch(/Accept-Encoding/i);
  });
});
