import { afterAll, expect, it } from 'vitest';
import { placeOrder } from '../test-support/actions.js';
import { errorCode, gql } from '../test-support/client.js';
import { createCustomer, createTenant, createUser } from '../test-support/factories.js';
import { describeEachEngine } from '../test-support/harness.js';

const summary: string[] = [];
afterAll(() => console.log(summary.join('\n')));

/** Issue 10's query: a customer's orders, each order's customer, its orders, … six levels. */
function cyclicQuery(customerId: string, levels = 6): string {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = `orders { customer { ${inner} } }`;
  return `{ customer(id: "${customerId}") { ${inner} } }`;
}

/** Statements the server ran against order tables (the harness logs every SQL statement). */
const orderStatements = (lines: string[]) =>
  lines.filter((l) => /\b(orders|order_lines)\b/i.test(l) && /select/i.test(l)).length;

describeEachEngine('Query cost counts list sizes (issue 10)', (use) => {
  it('E6: the cyclic orders→customer→orders query is refused with QUERY_TOO_COMPLEX before anything runs', async () => {
    const h = use();
    const { partner, admin, customer } = await createTenant(h.db);
    const sales = await createUser(h.db, partner.id, ['SALES_AGENT']);
    for (let i = 0; i < 10; i++) await placeOrder(h.url, admin.token, customer.id);

    // Five levels: the deepest this cycle goes inside the depth limit (12); six exceed it.
    const before = orderStatements(h.logLines);
    const started = performance.now();
    const response = await gql(h.url, cyclicQuery(customer.id, 5), {}, { token: sales.token });
    const ms = performance.now() - started;

    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('QUERY_TOO_COMPLEX');
    expect(response.data).toBeUndefined();
    // Refused before execution: not one statement read an order.
    expect(orderStatements(h.logLines)).toBe(before);
    expect(ms).toBeLessThan(500);
    const six = await gql(h.url, cyclicQuery(customer.id, 6), {}, { token: sales.token });
    expect(six.status).toBe(400);
    expect(six.errors?.[0]?.message).toMatch(/depth/i);
    expect(orderStatements(h.logLines)).toBe(before);
    // Even two levels of lists under a list are refused; one level (the web's screens) is not.
    const two = await gql(
      h.url,
      `{ customers(first: 100) { edges { node { orders { lines { links { id } } } } } } }`,
      {},
      { token: sales.token },
    );
    expect(errorCode(two)).toBe('QUERY_TOO_COMPLEX');
    const one = await gql(h.url, cyclicQuery(customer.id, 1), {}, { token: sales.token });
    expect(one.errors).toBeUndefined();
    summary.push(`query cost [${h.engine}]: cyclic query refused in ${ms.toFixed(0)} ms`);
  });

  it('E3: a customer with 2,000 lines is answered in full through paging', async () => {
    const h = use();
    const { partner, admin } = await createTenant(h.db);
    const customer = await createCustomer(h.db, partner.id, { market: 'US' });
    const catalog = await gql<{
      catalog: { availability: { available: boolean }; skus: { id: string }[] }[];
    }>(
      h.url,
      'query($c: ID!) { catalog(customerId: $c) { availability { available } skus { id } } }',
      { c: customer.id },
      { token: admin.token },
    );
    const skus = catalog
      .data!.catalog.filter((p) => p.availability.available)
      .flatMap((p) => p.skus.map((s) => s.id))
      .slice(0, 20);
    const orderCount = Math.ceil(2_000 / skus.length);
    const lines = Array.from({ length: orderCount }, (_, i) =>
      (i === orderCount - 1 ? skus.slice(0, 2_000 - skus.length * i) : skus).map((skuId) => ({
        skuId,
        quantity: 1,
      })),
    );
    for (let i = 0; i < lines.length; i += 4) {
      await Promise.all(
        lines.slice(i, i + 4).map((l) => placeOrder(h.url, admin.token, customer.id, l)),
      );
    }

    // Every software line, page by page (the Software tab's fields, links included).
    const seen = new Set<string>();
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: Awaited<ReturnType<typeof gql<{ customer: { software: { id: string }[] } }>>> =
        await gql(
          h.url,
          `query($id: ID!, $after: ID) { customer(id: $id) { software(first: 200, after: $after) {
            id orderId status quantity skuName product { id name kind }
            downloadOptions { versions languages fileTypes }
            links { id state downloadsLeft issuedBy { email } } } } }`,
          { id: customer.id, after },
          { token: admin.token },
        );
      expect(page.errors).toBeUndefined();
      const items = page.data!.customer.software;
      pages++;
      for (const item of items) seen.add(item.id);
      if (items.length < 200) break;
      after = items[items.length - 1]!.id;
    }
    expect(seen.size).toBe(2_000);
    expect(pages).toBe(11);

    // The order history with every line, 100 orders per page.
    const lineIds = new Set<string>();
    let afterOrder: string | null = null;
    for (;;) {
      const page: Awaited<
        ReturnType<typeof gql<{ customer: { orders: { id: string; lines: { id: string }[] }[] } }>>
      > = await gql(
        h.url,
        `query($id: ID!, $after: ID) { customer(id: $id) { orders(first: 100, after: $after) {
          id total { decimal } lines { id amount { decimal } product { name } } } } }`,
        { id: customer.id, after: afterOrder },
        { token: admin.token },
      );
      expect(page.errors).toBeUndefined();
      const items = page.data!.customer.orders;
      for (const line of items.flatMap((o) => o.lines)) lineIds.add(line.id);
      if (items.length < 100) break;
      afterOrder = items[items.length - 1]!.id;
    }
    expect(lineIds).toEqual(seen);

    // A cursor that is not an id of the list is refused on its field.
    const bad = await gql(
      h.url,
      'query($id: ID!) { customer(id: $id) { software(after: "nope") { id } } }',
      { id: customer.id },
      { token: admin.token },
    );
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    summary.push(`query cost [${h.engine}]: 2,000 lines in ${pages} pages`);
  }, 120_000);
});
