import { expect, it } from 'vitest';
import { placeOrder } from '../../test-support/actions.js';
import { errorCode, gql } from '../../test-support/client.js';
import { createTenant, createUser } from '../../test-support/factories.js';
import { describeEachEngine, type Harness } from '../../test-support/harness.js';
import { ActivityEntryEntity } from './activity-entry.entity.js';

const GET_KEY = /* GraphQL */ `
  mutation ($i: GetKeysAndDownloadsInput!) {
    getKeysAndDownloads(input: $i) {
      activationKey
    }
  }
`;
const CANCEL = /* GraphQL */ `
  mutation ($i: CancelPurchaseInput!) {
    cancelPurchase(input: $i) {
      order {
        id
      }
    }
  }
`;
const SKU = 'windows-server-2022-datacenter:1y';
const PRODUCT = 'windows-server-2022-datacenter';

/** A partner with an order, and a Sales agent of it (who may read but not reveal or cancel). */
async function partnerWithOrder(h: Harness) {
  const tenant = await createTenant(h.db);
  const order = await placeOrder(h.url, tenant.admin.token, tenant.customer.id, [
    { skuId: SKU, quantity: 1 },
  ]);
  const sales = await createUser(h.db, tenant.partner.id, ['SALES_AGENT']);
  return { ...tenant, order, lineId: order.lines[0]!.id, sales };
}

const failuresOf = (h: Harness, partnerId: string) =>
  h.db.manager.find(ActivityEntryEntity, {
    where: { partnerId, outcome: 'FAILED' },
    order: { at: 'ASC', id: 'ASC' },
  });

describeEachEngine('refusals in the activity log', (use) => {
  it('A1: a Sales agent’s refused key reveal and cancellation are logged whole: operation, customer, product, resource', async () => {
    const h = use();
    const a = await partnerWithOrder(h);
    const reveal = await gql(h.url, GET_KEY, { i: { lineId: a.lineId } }, { token: a.sales.token });
    expect(errorCode(reveal)).toBe('FORBIDDEN_ROLE');
    const cancel = await gql(
      h.url,
      CANCEL,
      {
        i: {
          customerId: a.customer.id,
          orderId: a.order.id,
          productId: PRODUCT,
          acknowledged: true,
        },
      },
      { token: a.sales.token },
    );
    expect(errorCode(cancel)).toBe('FORBIDDEN_ROLE');

    const failures = await failuresOf(h, a.partner.id);
    expect(failures).toHaveLength(2);
    const [cancellation, key] = failures.sort((x, y) => x.operation.localeCompare(y.operation));
    expect(cancellation).toMatchObject({
      operation: 'cancel_order',
      resource: `order:${a.order.id}`,
      customerId: a.customer.id,
      productName: 'Windows Server 2022 Datacenter',
      userId: a.sales.user.id,
      failureCode: 'FORBIDDEN_ROLE',
    });
    expect(key).toMatchObject({
      operation: 'get_software_key',
      resource: `order-line:${a.lineId}`,
      customerId: a.customer.id,
      productName: 'Windows Server 2022 Datacenter',
      userId: a.sales.user.id,
      failureCode: 'FORBIDDEN_ROLE',
    });
  });

  it('A1, R8: a refusal on another partner’s line or order records nothing of that partner', async () => {
    const h = use();
    const a = await partnerWithOrder(h);
    const b = await partnerWithOrder(h);
    // B's Admin agent (every role it needs) and B's Sales agent try A's line and order.
    for (const token of [b.admin.token, b.sales.token]) {
      expect(errorCode(await gql(h.url, GET_KEY, { i: { lineId: a.lineId } }, { token }))).toMatch(
        /NOT_FOUND|FORBIDDEN_ROLE/,
      );
      expect(
        errorCode(
          await gql(
            h.url,
            CANCEL,
            {
              i: {
                customerId: a.customer.id,
                orderId: a.order.id,
                productId: PRODUCT,
                acknowledged: true,
              },
            },
            { token },
          ),
        ),
      ).toMatch(/NOT_FOUND|FORBIDDEN_ROLE/);
    }
    const failures = await failuresOf(h, b.partner.id);
    expect(failures).toHaveLength(4);
    for (const entry of failures) {
      expect(entry.customerId).toBeNull();
      expect(entry.resource).toMatch(/^(order-line|order):unknown$/);
      const text = JSON.stringify(entry);
      for (const secret of [a.customer.id, a.order.id, a.lineId, a.partner.id])
        expect(text).not.toContain(secret);
    }
    // Nothing was written to A's log by B's attempts.
    expect(await failuresOf(h, a.partner.id)).toHaveLength(0);
  });
});
