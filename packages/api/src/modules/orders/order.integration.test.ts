import { expect, it } from 'vitest';
import { ActivityEntryEntity } from '../activity/activity-entry.entity.js';
import { InvoiceLineEntity } from '../invoices/invoice-line.entity.js';
import { errorCode, gql } from '../../test-support/client.js';
import { createCustomer, createTenant, createUser } from '../../test-support/factories.js';
import { describeEachEngine } from '../../test-support/harness.js';
import { OrderEntity } from './order.entity.js';

const PLACE_ORDER = /* GraphQL */ `
  mutation Place($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      id
      status
      purchasedAt
      taxIncluded
      total {
        amountMinor
        currency
        decimal
      }
      lines {
        quantity
        unitPrice {
          amountMinor
          currency
        }
        amount {
          amountMinor
          currency
        }
        cancellationPolicy
        cancellableUntil
        product {
          id
          kind
        }
      }
    }
  }
`;

type Placed = {
  placeOrder: {
    id: string;
    total: { amountMinor: number; currency: string; decimal: string };
    taxIncluded: boolean;
    lines: {
      quantity: number;
      amount: { amountMinor: number };
      cancellationPolicy: string;
      cancellableUntil: string | null;
    }[];
  };
};

const key = () => `key-${crypto.randomUUID()}`;

const place = (url: string, token: string, input: Record<string, unknown>) =>
  gql<Placed>(url, PLACE_ORDER, { input }, { token });

describeEachEngine('placing orders', (use) => {
  it('B4/M4: a KRW order sums exactly in whole won and lands on the month’s invoice (I1)', async () => {
    const { db, url, clock } = use();
    clock.set('2026-11-30T23:59:59.000Z');
    const { admin, customer } = await createTenant(db, 'KR');
    const response = await place(url, admin.token, {
      customerId: customer.id,
      idempotencyKey: key(),
      lines: [
        { skuId: 'office-ltsc-professional-plus-2024:perpetual', quantity: 3 },
        { skuId: 'windows-server-2022-standard:1y', quantity: 7 },
      ],
    });
    expect(response.errors).toBeUndefined();
    const order = response.data!.placeOrder;
    // List prices in KRW: 58,900 ¢ × 1390 → 818,700 ₩; 209,900 ¢ × 1390 → 2,917,600 ₩
    expect(order.lines.map((l) => l.amount.amountMinor)).toEqual([3 * 818_700, 7 * 2_917_600]);
    expect(order.total).toEqual({
      amountMinor: 3 * 818_700 + 7 * 2_917_600,
      currency: 'KRW',
      decimal: '22879300',
    });
    expect(order.taxIncluded).toBe(false);

    const invoices = await gql<{
      invoices: {
        edges: {
          node: {
            period: string;
            currency: string;
            charges: { amountMinor: number };
            lines: { orderId: string; kind: string }[];
          };
        }[];
      };
    }>(
      url,
      '{ invoices { edges { node { period currency charges { amountMinor } lines(first: 50) { orderId kind } } } } }',
      {},
      { token: admin.token },
    );
    const november = invoices
      .data!.invoices.edges.map((e) => e.node)
      .find((i) => i.period === '2026-11' && i.currency === 'KRW');
    expect(november?.charges.amountMinor).toBe(order.total.amountMinor);
    expect(november?.lines.every((l) => l.orderId === order.id && l.kind === 'CHARGE')).toBe(true);
  });

  it('C1: each line stores its cancellation terms at purchase', async () => {
    const { db, url, clock } = use();
    clock.set('2026-11-10T10:00:00.000Z');
    const { admin, customer } = await createTenant(db, 'US');
    const response = await place(url, admin.token, {
      customerId: customer.id,
      idempotencyKey: key(),
      lines: [
        { skuId: 'sql-server-2022-standard:3y', quantity: 1 },
        { skuId: 'windows-7-esu-2020:perpetual', quantity: 2 },
        { skuId: 'suse-linux-enterprise-server-plan:1y', quantity: 1 },
      ],
    });
    const lines = response.data!.placeOrder.lines;
    expect(lines.map((l) => [l.cancellationPolicy, l.cancellableUntil])).toEqual([
      ['WINDOW', '2027-01-09T10:00:00.000Z'],
      ['SUPPORT_REQUEST', null],
      ['NEVER', null],
    ]);
  });

  it('M3: an Australian order says tax included, on the order and the invoice', async () => {
    const { db, url } = use();
    const { admin, customer } = await createTenant(db, 'AU');
    const placed = await place(url, admin.token, {
      customerId: customer.id,
      idempotencyKey: key(),
      lines: [{ skuId: 'sql-server-2022-standard:1y', quantity: 1 }],
    });
    expect(placed.data!.placeOrder.taxIncluded).toBe(true);
    const lines = await db.manager.findBy(InvoiceLineEntity, {
      orderId: placed.data!.placeOrder.id,
    });
    expect(lines.map((l) => l.taxIncluded)).toEqual([true]);
  });

  it('M2: an Azure reservation for a customer in CN is refused with MARKET_UNAVAILABLE and nothing changes', async () => {
    const { db, url } = use();
    const { admin, customer } = await createTenant(db, 'CN');
    const before = await db.manager.count(InvoiceLineEntity);
    const response = await place(url, admin.token, {
      customerId: customer.id,
      idempotencyKey: key(),
      lines: [{ skuId: 'azure-reserved-vm-d2s-v5:1y', quantity: 1 }],
    });
    expect(errorCode(response)).toBe('MARKET_UNAVAILABLE');
    expect(response.errors![0]!.extensions!['market']).toBe('CN');
    expect(await db.manager.countBy(OrderEntity, { customerId: customer.id })).toBe(0);
    expect(await db.manager.count(InvoiceLineEntity)).toBe(before);
    // A1: the refused attempt is logged as failed.
    const failed = await db.manager.findBy(ActivityEntryEntity, {
      customerId: customer.id,
      operation: 'create_order',
    });
    expect(failed.map((e) => [e.outcome, e.failureCode])).toEqual([
      ['FAILED', 'MARKET_UNAVAILABLE'],
    ]);
  });

  it('R2/R9: a Sales agent cannot buy, and the error names the roles that can', async () => {
    const { db, url } = use();
    const { partner, customer } = await createTenant(db);
    const sales = await createUser(db, partner.id, ['SALES_AGENT']);
    const response = await place(url, sales.token, {
      customerId: customer.id,
      idempotencyKey: key(),
      lines: [{ skuId: 'sql-server-2022-standard:1y', quantity: 1 }],
    });
    expect(errorCode(response)).toBe('FORBIDDEN_ROLE');
    expect(response.errors![0]!.extensions!['missingRoles']).toEqual([
      'Admin agent',
      'Global admin',
    ]);
    expect(response.errors![0]!.message).toContain('Admin agent, Global admin');
    expect(await db.manager.countBy(OrderEntity, { customerId: customer.id })).toBe(0);
  });

  it('R2: a Global admin can buy', async () => {
    const { db, url } = use();
    const { partner, customer } = await createTenant(db);
    const globalAdmin = await createUser(db, partner.id, ['GLOBAL_ADMIN']);
    const response = await place(url, globalAdmin.token, {
      customerId: customer.id,
      idempotencyKey: key(),
      lines: [{ skuId: 'sql-server-2022-standard:1y', quantity: 1 }],
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.placeOrder.id).toMatch(/^[0-9A-Z]{12}$/);
  });

  it('B5: 20 concurrent placeOrder calls with one idempotency key make one order and one charge', async () => {
    const { db, url } = use();
    const { admin, customer } = await createTenant(db, 'JP');
    const input = {
      customerId: customer.id,
      idempotencyKey: key(),
      lines: [{ skuId: 'windows-server-2022-datacenter:3y', quantity: 2 }],
    };
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => place(url, admin.token, input)),
    );
    for (const r of responses) expect(r.errors).toBeUndefined();
    const ids = new Set(responses.map((r) => r.data!.placeOrder.id));
    expect(ids.size).toBe(1);
    expect(await db.manager.countBy(OrderEntity, { customerId: customer.id })).toBe(1);
    expect(
      await db.manager.countBy(InvoiceLineEntity, { customerId: customer.id, kind: 'CHARGE' }),
    ).toBe(1);
    expect(
      await db.manager.countBy(ActivityEntryEntity, {
        customerId: customer.id,
        operation: 'create_order',
        outcome: 'SUCCEEDED',
      }),
    ).toBe(1);
  });

  it('B5: reusing a key for a different order is refused with IDEMPOTENCY_CONFLICT', async () => {
    const { db, url } = use();
    const { admin, customer } = await createTenant(db);
    const idempotencyKey = key();
    const first = await place(url, admin.token, {
      customerId: customer.id,
      idempotencyKey,
      lines: [{ skuId: 'sql-server-2022-standard:1y', quantity: 1 }],
    });
    expect(first.errors).toBeUndefined();
    const second = await place(url, admin.token, {
      customerId: customer.id,
      idempotencyKey,
      lines: [{ skuId: 'sql-server-2022-standard:1y', quantity: 2 }],
    });
    expect(errorCode(second)).toBe('IDEMPOTENCY_CONFLICT');
  });

  it('E2: bad input gets a clear message and changes nothing', async () => {
    const { db, url } = use();
    const { admin, customer } = await createTenant(db);
    const cases: [Record<string, unknown>, string][] = [
      [
        {
          customerId: customer.id,
          idempotencyKey: 'short',
          lines: [{ skuId: 'sql-server-2022-standard:1y', quantity: 1 }],
        },
        'idempotencyKey',
      ],
      [{ customerId: customer.id, idempotencyKey: key(), lines: [] }, 'lines'],
      [
        {
          customerId: customer.id,
          idempotencyKey: key(),
          lines: [{ skuId: 'sql-server-2022-standard:1y', quantity: 0 }],
        },
        'lines.0.quantity',
      ],
      [
        {
          customerId: customer.id,
          idempotencyKey: key(),
          lines: [{ skuId: 'sql-server-2022-standard:1y', quantity: 10_001 }],
        },
        'lines.0.quantity',
      ],
    ];
    for (const [input, field] of cases) {
      const response = await place(url, admin.token, input);
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors![0]!.extensions!['field']).toBe(field);
    }
    // Every field at once, as data: the key's limits and the quantity's range as params; the
    // same SKU on two lines too.
    const several = await place(url, admin.token, {
      customerId: customer.id,
      idempotencyKey: 'short',
      lines: [
        { skuId: 'sql-server-2022-standard:1y', quantity: 0 },
        { skuId: 'sql-server-2022-standard:1y', quantity: 2 },
      ],
    });
    expect(errorCode(several)).toBe('BAD_USER_INPUT');
    expect(several.errors![0]!.extensions!['fieldErrors']).toEqual([
      { field: 'idempotencyKey', code: 'INVALID_KEY', params: { min: 8, max: 100 } },
      { field: 'lines.0.quantity', code: 'OUT_OF_RANGE', params: { min: 1, max: 10_000 } },
      { field: 'lines', code: 'DUPLICATE', params: {} },
    ]);
    const unknownSku = await place(url, admin.token, {
      customerId: customer.id,
      idempotencyKey: key(),
      lines: [{ skuId: 'nope', quantity: 1 }],
    });
    expect(errorCode(unknownSku)).toBe('NOT_FOUND');
    expect(await db.manager.countBy(OrderEntity, { customerId: customer.id })).toBe(0);
  });

  it('B6: the customer’s order history lists its orders with items, amounts and status', async () => {
    const { db, url, clock } = use();
    const { admin, customer } = await createTenant(db);
    clock.set('2026-10-01T09:00:00.000Z');
    const older = await place(url, admin.token, {
      customerId: customer.id,
      idempotencyKey: key(),
      lines: [{ skuId: 'sql-server-2022-standard:1y', quantity: 1 }],
    });
    clock.set('2026-11-05T09:00:00.000Z');
    const newer = await place(url, admin.token, {
      customerId: customer.id,
      idempotencyKey: key(),
      lines: [{ skuId: 'office-ltsc-professional-plus-2024:perpetual', quantity: 4 }],
    });
    const history = await gql<{
      customer: {
        orders: {
          id: string;
          status: string;
          purchasedAt: string;
          placedBy: { email: string };
          lines: { product: { id: string }; quantity: number }[];
        }[];
      };
    }>(
      url,
      'query($id: ID!) { customer(id: $id) { orders { id status purchasedAt placedBy { email } lines { product { id } quantity } } } }',
      { id: customer.id },
      { token: admin.token },
    );
    const orders = history.data!.customer.orders;
    expect(orders.map((o) => o.id)).toEqual([newer.data!.placeOrder.id, older.data!.placeOrder.id]);
    expect(orders[0]).toMatchObject({
      status: 'COMPLETED',
      purchasedAt: '2026-11-05T09:00:00.000Z',
      placedBy: { email: admin.user.email },
      lines: [{ product: { id: 'office-ltsc-professional-plus-2024' }, quantity: 4 }],
    });
    const one = await gql<{ order: { id: string } }>(
      url,
      'query($id: ID!) { order(id: $id) { id } }',
      { id: newer.data!.placeOrder.id.toLowerCase() },
      { token: admin.token },
    );
    expect(one.data!.order.id).toBe(newer.data!.placeOrder.id);
  });

  it('R8: partner B cannot read or buy for partner A’s customer; a foreign id answers like a missing one', async () => {
    const { db, url } = use();
    const a = await createTenant(db);
    const b = await createTenant(db);
    const placed = await place(url, a.admin.token, {
      customerId: a.customer.id,
      idempotencyKey: key(),
      lines: [{ skuId: 'sql-server-2022-standard:1y', quantity: 1 }],
    });
    const orderId = placed.data!.placeOrder.id;

    const foreignOrder = await gql(
      url,
      'query($id: ID!) { order(id: $id) { id } }',
      { id: orderId },
      { token: b.admin.token },
    );
    const missingOrder = await gql(
      url,
      'query($id: ID!) { order(id: $id) { id } }',
      { id: 'ZZZZZZZZZZZZ' },
      { token: b.admin.token },
    );
    expect(foreignOrder.errors![0]).toEqual({
      ...missingOrder.errors![0],
      locations: foreignOrder.errors![0]!['locations' as never],
    });
    expect(errorCode(foreignOrder)).toBe('NOT_FOUND');

    const buy = await place(url, b.admin.token, {
      customerId: a.customer.id,
      idempotencyKey: key(),
      lines: [{ skuId: 'sql-server-2022-standard:1y', quantity: 1 }],
    });
    expect(errorCode(buy)).toBe('NOT_FOUND');
    expect(await db.manager.countBy(OrderEntity, { customerId: a.customer.id })).toBe(1);

    // Reusing A's idempotency key from B makes B's own order, never returns A's.
    const invoices = await gql<{ invoices: unknown }>(
      url,
      '{ invoices { edges { node { lines(first: 100) { orderId } } } } }',
      {},
      { token: b.admin.token },
    );
    expect(JSON.stringify(invoices.data)).not.toContain(orderId);
    const other = await createCustomer(db, b.partner.id);
    expect(other.partnerId).toBe(b.partner.id);
  });
});
