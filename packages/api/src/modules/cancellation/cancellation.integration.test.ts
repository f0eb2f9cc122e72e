import { DAY_MS } from '@csp/domain';
import { expect, it } from 'vitest';
import { download, issueLink, placeOrder } from '../../test-support/actions.js';
import { errorCode, gql } from '../../test-support/client.js';
import { createTenant, createUser } from '../../test-support/factories.js';
import { describeEachEngine, type Harness } from '../../test-support/harness.js';
import { ActivityEntryEntity } from '../activity/activity-entry.entity.js';
import { InvoiceLineEntity } from '../invoices/invoice-line.entity.js';
import { OrderLineEntity } from '../orders/order-line.entity.js';
import { OrderEntity } from '../orders/order.entity.js';

const CANCEL = /* GraphQL */ `
  mutation Cancel($input: CancelPurchaseInput!) {
    cancelPurchase(input: $input) {
      order {
        id
        status
      }
      cancelledLines {
        id
        status
        quantity
        cancelledAt
      }
      credit {
        amountMinor
        currency
      }
      creditMethod
      creditInvoice {
        id
        period
      }
      cancelledAt
    }
  }
`;
const OPTIONS = /* GraphQL */ `
  query Options($customerId: ID!, $productId: ID!) {
    cancellationOptions(customerId: $customerId, productId: $productId) {
      serverTime
      product {
        id
        kind
      }
      orders {
        order {
          id
        }
        state
        cancellableUntil
        windowDays
        daysRemaining
        lastDay
        hoursRemaining
        minutesRemaining
        credit {
          amountMinor
          currency
        }
        creditMethod
        charged {
          amountMinor
        }
      }
    }
  }
`;
type Cancelled = {
  cancelPurchase: {
    order: { id: string; status: string };
    cancelledLines: { status: string; quantity: number }[];
    credit: { amountMinor: number; currency: string };
    creditMethod: string;
    creditInvoice: { period: string };
  };
};
type Options = {
  cancellationOptions: {
    serverTime: string;
    orders: {
      order: { id: string };
      state: string;
      daysRemaining: number;
      lastDay: boolean;
      hoursRemaining: number;
      credit: { amountMinor: number } | null;
      creditMethod: string | null;
      charged: { amountMinor: number };
    }[];
  };
};

const PURCHASED_AT = '2026-03-10T08:30:00.000Z';
const DEADLINE = new Date(new Date(PURCHASED_AT).getTime() + 60 * DAY_MS);
const at = (delta: number) => new Date(DEADLINE.getTime() + delta);

async function purchase(
  h: Harness,
  market: string,
  skuId: string,
  quantity = 1,
  when = PURCHASED_AT,
) {
  const tenant = await createTenant(h.db, market);
  h.clock.set(when);
  const order = await placeOrder(h.url, tenant.admin.token, tenant.customer.id, [
    { skuId, quantity },
  ]);
  const productId = skuId.split(':')[0]!;
  const cancel = (token = tenant.admin.token, acknowledged = true) =>
    gql<Cancelled>(
      h.url,
      CANCEL,
      { input: { customerId: tenant.customer.id, orderId: order.id, productId, acknowledged } },
      { token },
    );
  return { ...tenant, order, productId, charged: order.lines[0]!.amount.amountMinor, cancel };
}

describeEachEngine('cancellation', (use) => {
  it('C2/C3: one millisecond before the 60-day deadline a cancellation succeeds, with no fee', async () => {
    const h = use();
    const p = await purchase(h, 'US', 'office-ltsc-professional-plus-2024:perpetual', 2);
    h.clock.set(at(-1));
    const response = await p.cancel();
    expect(response.errors).toBeUndefined();
    expect(response.data!.cancelPurchase).toMatchObject({
      order: { id: p.order.id, status: 'CANCELLED' },
      cancelledLines: [{ status: 'CANCELLED', quantity: 0 }],
      // C9: perpetual, 100 %: 2 × US$589.00 = US$1,178.00.
      credit: { amountMinor: 117_800, currency: 'USD' },
      creditMethod: 'FULL',
    });
  });

  it('C2/C4: exactly at the deadline it is refused with CANCELLATION_WINDOW_CLOSED and the dates, and nothing changes', async () => {
    const h = use();
    const p = await purchase(h, 'US', 'windows-server-2022-standard:1y');
    for (const instant of [at(0), at(1)]) {
      h.clock.set(instant);
      const response = await p.cancel();
      expect(errorCode(response)).toBe('CANCELLATION_WINDOW_CLOSED');
      expect(response.errors![0]!.extensions).toMatchObject({
        windowDays: 60,
        cancellableUntil: DEADLINE.toISOString(),
        purchasedAt: PURCHASED_AT,
      });
      expect(response.errors![0]!.message).toContain(
        'You have passed your 60-day cancellation window',
      );
    }
    expect(
      await h.db.manager.countBy(OrderLineEntity, { orderId: p.order.id, status: 'ACTIVE' }),
    ).toBe(1);
    expect(
      await h.db.manager.countBy(InvoiceLineEntity, { orderId: p.order.id, kind: 'CREDIT' }),
    ).toBe(0);
    const failures = await h.db.manager.findBy(ActivityEntryEntity, {
      resource: `order:${p.order.id}`,
      operation: 'cancel_order',
    });
    expect(failures.map((f) => f.failureCode)).toEqual([
      'CANCELLATION_WINDOW_CLOSED',
      'CANCELLATION_WINDOW_CLOSED',
    ]);
  });

  it('C5: Windows 7 ESU is refused with SUPPORT_REQUEST_REQUIRED', async () => {
    const h = use();
    const p = await purchase(h, 'US', 'windows-7-esu-2020:perpetual', 10);
    h.clock.set(new Date(new Date(PURCHASED_AT).getTime() + DAY_MS));
    expect(errorCode(await p.cancel())).toBe('SUPPORT_REQUEST_REQUIRED');
  });

  it('C6: a SUSE plan is refused with NOT_CANCELLABLE', async () => {
    const h = use();
    const p = await purchase(h, 'BR', 'suse-linux-enterprise-server-plan:1y');
    expect(errorCode(await p.cancel())).toBe('NOT_CANCELLABLE');
  });

  it('C7: without the acknowledgement nothing is cancelled', async () => {
    const h = use();
    const p = await purchase(h, 'US', 'sql-server-2022-standard:1y');
    const response = await p.cancel(undefined, false);
    expect(errorCode(response)).toBe('ACKNOWLEDGEMENT_REQUIRED');
    expect(
      await h.db.manager.countBy(OrderLineEntity, { orderId: p.order.id, status: 'ACTIVE' }),
    ).toBe(1);
  });

  it('R5/R9: a Global admin cannot cancel and is told an Admin agent is needed', async () => {
    const h = use();
    const p = await purchase(h, 'US', 'sql-server-2022-standard:1y');
    const globalAdmin = await createUser(h.db, p.partner.id, ['GLOBAL_ADMIN']);
    const response = await p.cancel(globalAdmin.token);
    expect(errorCode(response)).toBe('FORBIDDEN_ROLE');
    expect(response.errors![0]!.extensions!['missingRoles']).toEqual(['Admin agent']);
  });

  it('C9: subscriptions get a prorated credit on 1- and 3-year terms, half-up in minor units, KRW exact', async () => {
    const h = use();
    // 1 year from 2026-03-10 = 365 days; cancelled 10 days + 1 ms in → 11 days used, 354 unused
    const oneYear = await purchase(h, 'KR', 'windows-server-2022-standard:1y', 3);
    h.clock.set(new Date(new Date(PURCHASED_AT).getTime() + 10 * DAY_MS + 1));
    const one = (await oneYear.cancel()).data!.cancelPurchase;
    // Worked by hand, not with the code's formula. Seed price: US$2,099.00 × 1,390 KRW/USD
    // = 2,917,610 KRW, to whole hundreds = 2,917,600 KRW; × 3 = 8,752,800 KRW charged.
    // Credit: 8,752,800 × 354 / 365 = 3,098,491,200 / 365 = 8,489,016.986… → 8,489,017 KRW.
    expect(oneYear.charged).toBe(8_752_800);
    expect(one.credit).toEqual({ amountMinor: 8_489_017, currency: 'KRW' });
    expect(one.creditMethod).toBe('PRORATED');

    // 3 years from 2026-03-10 spans 29 Feb 2028 = 1096 days; 30 days in → 1066 unused
    const threeYears = await purchase(h, 'US', 'sql-server-2022-standard:3y', 1);
    h.clock.set(new Date(new Date(PURCHASED_AT).getTime() + 30 * DAY_MS));
    const three = (await threeYears.cancel()).data!.cancelPurchase;
    // Seed price US$5,127.00 = 512,700 cents charged. Credit: 512,700 × 1066 / 1096
    // = 546,538,200 / 1096 = 498,666.24… → 498,666 cents (rounded down: .24 < .5).
    expect(threeYears.charged).toBe(512_700);
    expect(three.credit).toEqual({ amountMinor: 498_666, currency: 'USD' });
  });

  it('C9/I1: the credit lands on the invoice open when cancelling and names the cancelled order', async () => {
    const h = use();
    const p = await purchase(
      h,
      'DE',
      'office-ltsc-professional-plus-2024:perpetual',
      1,
      '2026-03-25T12:00:00.000Z',
    );
    h.clock.set('2026-04-02T09:00:00.000Z');
    const result = (await p.cancel()).data!.cancelPurchase;
    expect(result.creditInvoice.period).toBe('2026-04');
    const invoices = await gql<{
      invoices: {
        edges: {
          node: {
            period: string;
            credits: { amountMinor: number };
            charges: { amountMinor: number };
            lines: { kind: string; orderId: string; amount: { amountMinor: number } }[];
          };
        }[];
      };
    }>(
      h.url,
      '{ invoices { edges { node { period credits { amountMinor } charges { amountMinor } lines(first: 20) { kind orderId amount { amountMinor } } } } } }',
      {},
      { token: p.admin.token },
    );
    const list = invoices.data!.invoices.edges.map((e) => e.node);
    const march = list.find((i) => i.period === '2026-03')!;
    const april = list.find((i) => i.period === '2026-04')!;
    // The DE price: US$589.00 × 0.92 EUR/USD = €541.88 = 54,188 cents, all of it credited.
    expect(march.charges.amountMinor).toBe(54_188);
    expect(april.lines).toEqual([
      { kind: 'CREDIT', orderId: p.order.id, amount: { amountMinor: -54_188 } },
    ]);
    expect(april.credits.amountMinor).toBe(-54_188);
  });

  it('C8/D8: cancelling revokes every link (410 "revoked") and the key; the line stays listed as cancelled', async () => {
    const h = use();
    const p = await purchase(h, 'US', 'windows-server-2022-datacenter:1y');
    const lineId = p.order.lines[0]!.id;
    const link = await issueLink(h.url, p.admin.token, lineId);
    expect(await download(h.url, link.token)).toBe(200);
    h.clock.advance(DAY_MS);
    expect((await p.cancel()).errors).toBeUndefined();
    const revoked = await fetch(`${h.url}/downloads/${link.token}`);
    expect(revoked.status).toBe(410);
    expect(await revoked.text()).toContain('revoked because the purchase was cancelled');
    const again = await gql(
      h.url,
      'mutation($i: GetKeysAndDownloadsInput!) { getKeysAndDownloads(input: $i) { activationKey } }',
      { i: { lineId } },
      { token: p.admin.token },
    );
    expect(errorCode(again)).toBe('ALREADY_CANCELLED');
    const software = await gql<{
      customer: { software: { id: string; status: string; quantity: number; links: unknown[] }[] };
    }>(
      h.url,
      'query($id: ID!) { customer(id: $id) { software { id status quantity links { id } } } }',
      { id: p.customer.id },
      { token: p.admin.token },
    );
    expect(software.data!.customer.software).toEqual([
      { id: lineId, status: 'CANCELLED', quantity: 0, links: [] },
    ]);
    const logged = await h.db.manager.findOneByOrFail(ActivityEntryEntity, {
      resource: `order:${p.order.id}`,
      operation: 'cancel_order',
    });
    expect(logged).toMatchObject({ outcome: 'SUCCEEDED', userId: p.admin.user.id });
  });

  it('C10: cancelling twice is refused with ALREADY_CANCELLED and credits once', async () => {
    const h = use();
    const p = await purchase(h, 'JP', 'office-ltsc-professional-plus-2024:perpetual');
    expect((await p.cancel()).errors).toBeUndefined();
    const second = await p.cancel();
    expect(errorCode(second)).toBe('ALREADY_CANCELLED');
    expect(second.errors![0]!.extensions!['cancelledAt']).toBe(h.clock.now().toISOString());
    expect(
      await h.db.manager.countBy(InvoiceLineEntity, { orderId: p.order.id, kind: 'CREDIT' }),
    ).toBe(1);
  });

  it('C10: 50 concurrent identical cancellations give one cancellation and one credit', async () => {
    const h = use();
    const p = await purchase(h, 'KR', 'sql-server-2022-standard:1y', 2);
    h.clock.advance(3 * DAY_MS);
    const responses = await Promise.all(Array.from({ length: 50 }, () => p.cancel()));
    const succeeded = responses.filter((r) => !r.errors);
    expect(succeeded).toHaveLength(1);
    expect(responses.filter((r) => errorCode(r) === 'ALREADY_CANCELLED')).toHaveLength(49);
    expect(
      await h.db.manager.countBy(InvoiceLineEntity, { orderId: p.order.id, kind: 'CREDIT' }),
    ).toBe(1);
    expect(
      await h.db.manager.countBy(ActivityEntryEntity, {
        resource: `order:${p.order.id}`,
        operation: 'cancel_order',
        outcome: 'SUCCEEDED',
      }),
    ).toBe(1);
    expect((await h.db.manager.findOneByOrFail(OrderEntity, { id: p.order.id })).status).toBe(
      'CANCELLED',
    );
  });

  it('C2/C9: cancellationOptions gives each order’s state, days remaining, and the credit a cancellation now would give', async () => {
    const h = use();
    const p = await purchase(h, 'US', 'windows-server-2022-standard:1y');
    h.clock.set(at(-(5 * 3_600_000)));
    const options = (
      await gql<Options>(
        h.url,
        OPTIONS,
        { customerId: p.customer.id, productId: p.productId },
        { token: p.admin.token },
      )
    ).data!.cancellationOptions;
    expect(options.serverTime).toBe(h.clock.now().toISOString());
    expect(options.orders).toHaveLength(1);
    expect(options.orders[0]).toMatchObject({
      state: 'OPEN',
      daysRemaining: 1,
      lastDay: true,
      hoursRemaining: 5,
      creditMethod: 'PRORATED',
    });
    // By hand: US$2,099.00 = 209,900 cents for a 365-day year; 5 h before the 60-day deadline the
    // 60th day has begun: 305 days unused. 209,900 × 305 / 365 = 64,019,500 / 365
    // = 175,395.89… → 175,396 cents. The cancellation then gives what the preview said.
    expect(options.orders[0]!.credit!.amountMinor).toBe(175_396);
    const cancelled = (await p.cancel()).data!.cancelPurchase;
    expect(cancelled.credit.amountMinor).toBe(175_396);
    const after = (
      await gql<Options>(
        h.url,
        OPTIONS,
        { customerId: p.customer.id, productId: p.productId },
        { token: p.admin.token },
      )
    ).data!.cancellationOptions;
    expect(after.orders[0]).toMatchObject({
      state: 'ALREADY_CANCELLED',
      daysRemaining: 0,
      credit: null,
    });
  });

  it('C4/C5/C6: cancellationOptions shows closed windows, support-request and never-cancellable orders', async () => {
    const h = use();
    const closed = await purchase(h, 'US', 'windows-server-2022-standard:1y');
    h.clock.set(at(1));
    const o1 = (
      await gql<Options>(
        h.url,
        OPTIONS,
        { customerId: closed.customer.id, productId: closed.productId },
        { token: closed.admin.token },
      )
    ).data!.cancellationOptions.orders[0]!;
    expect(o1).toMatchObject({ state: 'WINDOW_CLOSED', daysRemaining: 0, credit: null });
    const esu = await purchase(h, 'US', 'windows-7-esu-2020:perpetual');
    const o2 = (
      await gql<Options>(
        h.url,
        OPTIONS,
        { customerId: esu.customer.id, productId: esu.productId },
        { token: esu.admin.token },
      )
    ).data!.cancellationOptions.orders[0]!;
    expect(o2.state).toBe('SUPPORT_REQUEST_REQUIRED');
    const suse = await purchase(h, 'US', 'suse-linux-enterprise-server-plan:3y');
    const o3 = (
      await gql<Options>(
        h.url,
        OPTIONS,
        { customerId: suse.customer.id, productId: suse.productId },
        { token: suse.admin.token },
      )
    ).data!.cancellationOptions.orders[0]!;
    expect(o3.state).toBe('NOT_CANCELLABLE');
  });

  it('R8: partner B cannot see or cancel partner A’s orders; a foreign order answers like a missing one', async () => {
    const h = use();
    const a = await purchase(h, 'US', 'office-ltsc-professional-plus-2024:perpetual');
    const b = await createTenant(h.db);
    const foreign = await gql(
      h.url,
      CANCEL,
      {
        input: {
          customerId: a.customer.id,
          orderId: a.order.id,
          productId: a.productId,
          acknowledged: true,
        },
      },
      { token: b.admin.token },
    );
    const missing = await gql(
      h.url,
      CANCEL,
      {
        input: {
          customerId: crypto.randomUUID(),
          orderId: 'ZZZZZZZZZZZZ',
          productId: a.productId,
          acknowledged: true,
        },
      },
      { token: b.admin.token },
    );
    expect(errorCode(foreign)).toBe('NOT_FOUND');
    expect(foreign.errors).toEqual(missing.errors);
    expect(
      errorCode(
        await gql(
          h.url,
          OPTIONS,
          { customerId: a.customer.id, productId: a.productId },
          { token: b.admin.token },
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await h.db.manager.countBy(OrderLineEntity, { orderId: a.order.id, status: 'ACTIVE' }),
    ).toBe(1);
  });
});
