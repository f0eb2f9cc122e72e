import { CLOSING_SOON_MAX_DAYS, DAY_MS } from '@csp/domain';
import { expect, it } from 'vitest';
import { placeOrder } from '../../test-support/actions.js';
import { expectRefusal, gql } from '../../test-support/client.js';
import { createCustomer, createTenant, createUser } from '../../test-support/factories.js';
import { describeEachEngine } from '../../test-support/harness.js';

const CLOSING = /* GraphQL */ `
  query ($within: Int, $first: Int, $after: String) {
    cancellationsClosingSoon(withinDays: $within, first: $first, after: $after) {
      totalCount
      withinDays
      serverTime
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          lineId
          orderId
          customer {
            id
            name
          }
          product {
            id
          }
          amount {
            amountMinor
            currency
          }
          credit {
            amountMinor
          }
          creditMethod
          cancellableUntil
          daysRemaining
          lastDay
          hoursRemaining
          minutesRemaining
        }
      }
    }
  }
`;

interface Row {
  lineId: string;
  orderId: string;
  customer: { id: string; name: string };
  amount: { amountMinor: number; currency: string };
  credit: { amountMinor: number };
  creditMethod: string;
  cancellableUntil: string;
  daysRemaining: number;
  lastDay: boolean;
  hoursRemaining: number;
  minutesRemaining: number;
}
interface Page {
  totalCount: number;
  withinDays: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: Row }[];
}

describeEachEngine('closing soon (K1)', (use) => {
  const closing = async (token: string, variables: Record<string, unknown> = {}) => {
    const response = await gql<{ cancellationsClosingSoon: Page }>(use().url, CLOSING, variables, {
      token,
    });
    return response;
  };

  it('K1: a window is listed from exactly 7 days before it closes until the last millisecond, with the Cancel dialog’s credit', async () => {
    const h = use();
    const { admin, customer } = await createTenant(h.db, 'US');
    const start = new Date('2026-11-10T10:00:00.000Z');
    h.clock.set(start);
    const order = await placeOrder(h.url, admin.token, customer.id);
    const closesAt = start.getTime() + 60 * DAY_MS;
    const at = async (ms: number) => {
      h.clock.set(new Date(ms));
      return (await closing(admin.token)).data!.cancellationsClosingSoon;
    };
    expect((await at(closesAt - 7 * DAY_MS - 1)).edges).toEqual([]);
    const first = await at(closesAt - 7 * DAY_MS);
    expect(first.withinDays).toBe(7);
    expect(first.totalCount).toBe(1);
    expect(first.edges[0]!.node).toMatchObject({
      lineId: order.lines[0]!.id,
      orderId: order.id,
      customer: { id: customer.id },
      daysRemaining: 7,
      lastDay: false,
      cancellableUntil: new Date(closesAt).toISOString(),
    });
    const last = await at(closesAt - 1);
    const node = last.edges[0]!.node;
    expect(node).toMatchObject({
      daysRemaining: 1,
      lastDay: true,
      hoursRemaining: 0,
      minutesRemaining: 0,
    });
    // C9, worked by hand: one Windows Server 2022 Datacenter 1-year pack at US$12,200.00 =
    // 1,220,000 cents. The year from 2026-11-10 has 365 days; 1 ms before the 60-day deadline the
    // 60th day has begun, so 60 are used and 305 unused: 1,220,000 × 305 / 365
    // = 372,100,000 / 365 = 1,019,452.05… → 1,019,452 cents (half up).
    expect(node.amount.amountMinor).toBe(1_220_000);
    expect(node.credit.amountMinor).toBe(1_019_452);
    expect(node.creditMethod).toBe('PRORATED');
    expect((await at(closesAt)).edges).toEqual([]); // C2: closed at the instant
    h.clock.set(start);
  });

  it('K1: across customers, soonest first, paged by cursor; a cancelled purchase and another partner’s are not listed', async () => {
    const h = use();
    const start = new Date('2027-02-01T00:00:00.000Z');
    h.clock.set(start);
    const { partner, admin, customer } = await createTenant(h.db, 'US');
    const second = await createCustomer(h.db, partner.id, { market: 'DE' });
    const other = await createTenant(h.db, 'US');
    const placed: string[] = [];
    for (const [i, c] of [customer.id, second.id, customer.id].entries()) {
      h.clock.set(new Date(start.getTime() + i * 3_600_000));
      placed.push((await placeOrder(h.url, admin.token, c)).id);
    }
    await placeOrder(h.url, other.admin.token, other.customer.id);
    h.clock.set(new Date(start.getTime() + 55 * DAY_MS));
    const cancelled = await gql(
      h.url,
      'mutation($i: CancelPurchaseInput!) { cancelPurchase(input: $i) { order { id } } }',
      {
        i: {
          customerId: customer.id,
          orderId: placed[2],
          productId: 'windows-server-2022-datacenter',
          acknowledged: true,
        },
      },
      { token: admin.token },
    );
    expect(cancelled.errors).toBeUndefined();
    const one = (await closing(admin.token, { first: 1 })).data!.cancellationsClosingSoon;
    expect(one.totalCount).toBe(2);
    expect(one.edges.map((e) => e.node.orderId)).toEqual([placed[0]]);
    expect(one.pageInfo.hasNextPage).toBe(true);
    const two = (await closing(admin.token, { first: 1, after: one.pageInfo.endCursor })).data!
      .cancellationsClosingSoon;
    expect(two.edges.map((e) => [e.node.orderId, e.node.customer.id])).toEqual([
      [placed[1], second.id],
    ]);
    expect(two.edges[0]!.node.amount.currency).toBe('EUR');
    expect(two.pageInfo.hasNextPage).toBe(false);
    // A shorter horizon lists fewer: 5 days from day 55 reaches only windows closing by day 60.
    const short = (await closing(admin.token, { within: 1 })).data!.cancellationsClosingSoon;
    expect(short.edges).toEqual([]);
    h.clock.set(new Date('2026-11-10T10:00:00.000Z'));
  });

  it('K1, E2: roles as for cancelling (R5); a bad horizon or cursor is refused with a reason code', async () => {
    const h = use();
    const { partner, admin } = await createTenant(h.db, 'US');
    const globalAdmin = await createUser(h.db, partner.id, ['GLOBAL_ADMIN']);
    const refused = await closing(globalAdmin.token);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN_ROLE',
      missingRoles: ['Admin agent'],
    });
    for (const within of [0, CLOSING_SOON_MAX_DAYS + 1]) {
      expectRefusal(
        await closing(admin.token, { within }),
        `Some of the input is not valid: withinDays must be a whole number of days from 1 to ${CLOSING_SOON_MAX_DAYS}.`,
        { field: 'withinDays', reasonCode: 'WITHIN_DAYS_OUT_OF_RANGE', max: CLOSING_SOON_MAX_DAYS },
      );
    }
    expectRefusal(
      await closing(admin.token, { after: 'nonsense' }),
      'Some of the input is not valid: The cursor is not one this API gave out.',
      { field: 'after', reasonCode: 'CURSOR_INVALID' },
    );
  });
});
