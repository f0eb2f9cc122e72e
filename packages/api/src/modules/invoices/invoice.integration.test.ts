import { expect, it } from 'vitest';
import { errorCode, gql } from '../../test-support/client.js';
import { createTenant } from '../../test-support/factories.js';
import { describeEachEngine } from '../../test-support/harness.js';

const PLACE =
  'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id total { amountMinor } } }';
const INVOICES =
  '{ invoices { edges { node { id period currency status csvUrl charges { decimal } credits { decimal } net { decimal amountMinor } lines(first: 20) { kind orderId productName amount { amountMinor } customer { name } } } } } }';
type Invoices = {
  invoices: {
    edges: {
      node: {
        id: string;
        period: string;
        currency: string;
        status: string;
        csvUrl: string;
        net: { decimal: string; amountMinor: number };
        lines: { kind: string; orderId: string; customer: { name: string } }[];
      };
    }[];
  };
};
async function listInvoices(url: string, token: string) {
  const response = await gql<Invoices>(url, INVOICES, {}, { token });
  expect(response.errors).toBeUndefined();
  return response.data!.invoices.edges.map((e) => e.node);
}

describeEachEngine('invoices', (use) => {
  /** A Japanese customer's Office order of `quantity`, bought on 20 November 2026: its invoice. */
  async function jpyInvoiceWithOffice(quantity: number) {
    const { db, url, clock } = use();
    clock.set('2026-11-20T12:00:00.000Z');
    const { admin, customer } = await createTenant(db, 'JP');
    await gql(
      url,
      PLACE,
      {
        i: {
          customerId: customer.id,
          idempotencyKey: crypto.randomUUID(),
          lines: [{ skuId: 'office-ltsc-professional-plus-2024:perpetual', quantity }],
        },
      },
      { token: admin.token },
    );
    const invoice = (await listInvoices(url, admin.token)).find((i) => i.currency === 'JPY')!;
    return { db, url, admin, invoice };
  }

  it('I1: charges land on the invoice of their UTC month; a past month is issued, the current one open', async () => {
    const { db, url, clock } = use();
    const { admin, customer } = await createTenant(db, 'DE');
    const buy = async (at: string) => {
      clock.set(at);
      return (
        await gql<{ placeOrder: { id: string; total: { amountMinor: number } } }>(
          url,
          PLACE,
          {
            i: {
              customerId: customer.id,
              idempotencyKey: crypto.randomUUID(),
              lines: [{ skuId: 'sql-server-2022-standard:1y', quantity: 1 }],
            },
          },
          { token: admin.token },
        )
      ).data!.placeOrder;
    };
    const october = await buy('2026-10-31T23:59:59.999Z');
    const november = await buy('2026-11-01T00:00:00.000Z');
    clock.set('2026-11-15T00:00:00.000Z');
    const invoices = await listInvoices(url, admin.token);
    const eur = invoices.filter((i) => i.currency === 'EUR');
    expect(eur.map((i) => [i.period, i.status])).toEqual([
      ['2026-11', 'OPEN'],
      ['2026-10', 'ISSUED'],
    ]);
    expect(eur[1]!.lines.map((l) => l.orderId)).toEqual([october.id]);
    expect(eur[0]!.lines.map((l) => l.orderId)).toEqual([november.id]);
    expect(eur[0]!.net.amountMinor).toBe(november.total.amountMinor);
    expect(eur[0]!.lines[0]!.customer.name).toBe(customer.name);

    // I1: paged like the other lists, newest month first, with the total on every page.
    const PAGE =
      'query($after: String) { invoices(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { period } } } }';
    type Page = {
      invoices: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: { period: string } }[];
      };
    };
    const periods: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = (await gql<Page>(url, PAGE, { after }, { token: admin.token })).data!;
      expect(page.invoices.totalCount).toBe(2);
      periods.push(...page.invoices.edges.map((e) => e.node.period));
      if (!page.invoices.pageInfo.hasNextPage) break;
      after = page.invoices.pageInfo.endCursor;
    }
    expect(periods).toEqual(['2026-11', '2026-10']);
  });

  it('I2: downloads an invoice as CSV with exact amounts; another partner gets 404', async () => {
    const { db, url, admin, invoice } = await jpyInvoiceWithOffice(3);
    const response = await fetch(`${url}${invoice.csvUrl}`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="invoice-2026-11-JPY.csv"',
    );
    const csv = (await response.text()).replace(/^\uFEFF/, '');
    const rows = csv.trim().split('\r\n');
    expect(rows[0]).toBe(
      'invoice_period,kind,customer,order_id,product,sku,quantity,amount,currency,tax_included,created_at',
    );
    // 58,900 US cents × 150 → 88,400 ¥ (rounded to hundreds) × 3
    expect(rows[1]).toContain(
      ',Office LTSC Professional Plus 2024,"Perpetual, 1 device",3,265200,JPY,false,2026-11-20T12:00:00.000Z',
    );
    expect(rows.at(-1)).toBe('2026-11,NET,,,,,,265200,JPY,,');

    // E1: the portal's Korean link (?lang=ko) or a Korean browser gets Korean headers.
    for (const [query, acceptLanguage] of [
      ['?lang=ko', 'en-US'],
      ['', 'ko-KR,ko;q=0.9'],
    ] as const) {
      const korean = await fetch(`${url}${invoice.csvUrl}${query}`, {
        headers: { authorization: `Bearer ${admin.token}`, 'accept-language': acceptLanguage },
      });
      const header = (await korean.text()).replace(/^\uFEFF/, '').split('\r\n')[0];
      expect(header).toBe(
        '청구 기간,유형,고객,주문 ID,제품,SKU,수량,금액,통화,세금 포함,생성 시각',
      );
    }

    const other = await createTenant(db);
    expect(
      (
        await fetch(`${url}${invoice.csvUrl}`, {
          headers: { authorization: `Bearer ${other.admin.token}` },
        })
      ).status,
    ).toBe(404);
    expect((await fetch(`${url}${invoice.csvUrl}`)).status).toBe(401);
    const foreign = await gql(
      url,
      'query($id: ID!) { invoice(id: $id) { id } }',
      { id: invoice.id },
      { token: other.admin.token },
    );
    expect(errorCode(foreign)).toBe('NOT_FOUND');
    const list = await listInvoices(url, other.admin.token);
    expect(list).toEqual([]);
  });

  it('issue 14: an invoice CSV under 1 kB goes out uncompressed, even to a client that accepts gzip', async () => {
    const { url, admin, invoice } = await jpyInvoiceWithOffice(1);
    const response = await fetch(`${url}${invoice.csvUrl}`, {
      headers: { authorization: `Bearer ${admin.token}`, 'accept-encoding': 'gzip, br' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(Number(response.headers.get('content-length'))).toBeLessThan(1024);
    expect(await response.text()).toContain(',Office LTSC Professional Plus 2024,');
  });
});
