import { expect, it } from 'vitest';
import { errorCode, expectRefusal, gql } from '../../test-support/client.js';
import { PAGED_FIELDS } from '../../shared/graphql-limits.js';
import { createCustomer, createPartner, createUser } from '../../test-support/factories.js';
import { describeEachEngine } from '../../test-support/harness.js';
import { CustomerEntity } from './customer.entity.js';

const SEARCH = /* GraphQL */ `
  query Search($search: String, $first: Int, $after: String) {
    customers(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        matchedOrderId
        node {
          id
          name
          domain
          tenantId
          market
          currency
          pricesIncludeTax
        }
      }
    }
  }
`;
type Page = {
  customers: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { matchedOrderId: string | null; node: { id: string; name: string } }[];
  };
};

describeEachEngine('customers', (use) => {
  async function partnerWithCustomers() {
    const { db } = use();
    const partner = await createPartner(db);
    const user = await createUser(db, partner.id, ['HELPDESK_AGENT']);
    const names = ['Contoso Korea', 'Fabrikam GmbH', 'Tailspin 100%_Toys', 'Adatum', 'Northwind'];
    const customers = [];
    for (const name of names)
      customers.push(
        await createCustomer(db, partner.id, {
          name,
          domain: `${name.split(' ')[0]!.toLowerCase()}.example`,
        }),
      );
    return { partner, user, customers };
  }

  it('B1/R7: lists the partner’s customers by name, and any role may read them', async () => {
    const { url } = use();
    const { user } = await partnerWithCustomers();
    const page = await gql<Page>(url, SEARCH, {}, { token: user.token });
    expect(page.data!.customers.edges.map((e) => e.node.name)).toEqual([
      'Adatum',
      'Contoso Korea',
      'Fabrikam GmbH',
      'Northwind',
      'Tailspin 100%_Toys',
    ]);
    expect(page.data!.customers.totalCount).toBe(5);
  });

  it('B1: pages with cursors and never repeats or skips a customer', async () => {
    const { url } = use();
    const { user } = await partnerWithCustomers();
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const page: Page = (await gql<Page>(url, SEARCH, { first: 2, after }, { token: user.token }))
        .data!;
      seen.push(...page.customers.edges.map((e) => e.node.name));
      after = page.customers.pageInfo.endCursor;
      if (!page.customers.pageInfo.hasNextPage) break;
    }
    expect(seen).toEqual([
      'Adatum',
      'Contoso Korea',
      'Fabrikam GmbH',
      'Northwind',
      'Tailspin 100%_Toys',
    ]);
    expect(errorCode(await gql(url, SEARCH, { after: 'garbage' }, { token: user.token }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorCode(await gql(url, SEARCH, { first: 1000 }, { token: user.token }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('B1, E1, E2: a refused cursor or page size is a reason code with its limit, worded in the language of Accept-Language', async () => {
    const { url } = use();
    const { user } = await partnerWithCustomers();
    const max = PAGED_FIELDS['Query.customers']!.max;
    const korean = { token: user.token, language: 'ko-KR,ko;q=0.9' };
    expectRefusal(
      await gql(url, SEARCH, { first: max + 1 }, korean),
      `입력 값이 올바르지 않습니다: first는 1에서 ${max} 사이여야 합니다.`,
      { field: 'first', reasonCode: 'FIRST_OUT_OF_RANGE', max },
    );
    const cursor = { field: 'after', reasonCode: 'CURSOR_INVALID' };
    expectRefusal(
      await gql(url, SEARCH, { after: 'garbage' }, korean),
      '입력 값이 올바르지 않습니다: 이 API가 발급한 커서가 아닙니다.',
      cursor,
    );
    expectRefusal(
      await gql(url, SEARCH, { after: 'garbage' }, { token: user.token }),
      'Some of the input is not valid: The cursor is not one this API gave out.',
      cursor,
    );
    expectRefusal(
      await gql(url, SEARCH, { search: 'x'.repeat(201) }, { token: user.token }),
      'Some of the input is not valid: Search for at most 200 characters.',
      { field: 'search', reasonCode: 'SEARCH_TOO_LONG', max: 200 },
    );
  });

  it('B1: searches by name, domain and tenant GUID; % and _ are literal', async () => {
    const { url } = use();
    const { user, customers } = await partnerWithCustomers();
    const names = async (search: string) =>
      (await gql<Page>(url, SEARCH, { search }, { token: user.token })).data!.customers.edges.map(
        (e) => e.node.name,
      );
    expect(await names('fabri')).toEqual(['Fabrikam GmbH']);
    expect(await names('northwind.example')).toEqual(['Northwind']);
    expect(await names(customers[0]!.tenantId.toUpperCase())).toEqual(['Contoso Korea']);
    expect(await names('100%_')).toEqual(['Tailspin 100%_Toys']);
    expect(await names('%')).toEqual(['Tailspin 100%_Toys']);
    expect(await names('nothing like this')).toEqual([]);
  });

  it('B1: finds any part of Korean and Japanese names, full-width letters as typed, and long searches whole', async () => {
    const { db, url } = use();
    const partner = await createPartner(db);
    const user = await createUser(db, partner.id, ['HELPDESK_AGENT']);
    const long = 'Contoso International Holdings Asia Pacific Trading Company';
    for (const name of [
      '삼성전자 주식회사',
      'トヨタ自動車株式会社',
      'ＡＢＣ Trading',
      long,
      'Contoso International Holdings Europe',
    ])
      await createCustomer(db, partner.id, { name, domain: 'example.test' });
    const names = async (search: string) =>
      (await gql<Page>(url, SEARCH, { search }, { token: user.token })).data!.customers.edges.map(
        (e) => e.node.name,
      );
    expect(await names('전자')).toEqual(['삼성전자 주식회사']);
    expect(await names('주식')).toEqual(['삼성전자 주식회사']);
    expect(await names('自動車')).toEqual(['トヨタ自動車株式会社']);
    expect(await names('abc')).toEqual(['ＡＢＣ Trading']);
    expect(await names('ａｂｃ tr')).toEqual(['ＡＢＣ Trading']);
    // Longer than an indexed term (32 characters): the candidates are checked against the whole.
    expect(await names('International Holdings Asia Pacific')).toEqual([long]);
    expect(await names('International Holdings Europe')).toEqual([
      'Contoso International Holdings Europe',
    ]);
    expect(await names('International Holdings Asia Pacific Trading Company Ltd')).toEqual([]);
  });

  it('B1: a renamed customer is found by its new name only (the index follows writes)', async () => {
    const { db, url } = use();
    const partner = await createPartner(db);
    const user = await createUser(db, partner.id, ['HELPDESK_AGENT']);
    const customer = await createCustomer(db, partner.id, { name: 'Old Name Ltd' });
    await db.transaction((m) => m.save(CustomerEntity, { ...customer, name: 'Fresh Name Ltd' }));
    const names = async (search: string) =>
      (await gql<Page>(url, SEARCH, { search }, { token: user.token })).data!.customers.edges.map(
        (e) => e.node.name,
      );
    expect(await names('old name')).toEqual([]);
    expect(await names('fresh')).toEqual(['Fresh Name Ltd']);
  });

  it('B1: searching an order ID finds the order and its customer', async () => {
    const { db, url } = use();
    const { partner, customers } = await partnerWithCustomers();
    const admin = await createUser(db, partner.id, ['ADMIN_AGENT']);
    const placed = await gql<{ placeOrder: { id: string } }>(
      url,
      'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }',
      {
        i: {
          customerId: customers[3]!.id,
          idempotencyKey: crypto.randomUUID(),
          lines: [{ skuId: 'sql-server-2022-standard:1y', quantity: 1 }],
        },
      },
      { token: admin.token },
    );
    const orderId = placed.data!.placeOrder.id;
    const page = await gql<Page>(
      url,
      SEARCH,
      { search: orderId.toLowerCase() },
      { token: admin.token },
    );
    expect(page.data!.customers.edges).toEqual([
      expect.objectContaining({
        matchedOrderId: orderId,
        node: expect.objectContaining({ name: 'Adatum' }),
      }),
    ]);
  });

  it('R8: partner B finds nothing of partner A’s by list, search or id; a foreign id answers like a missing one', async () => {
    const { db, url } = use();
    const a = await partnerWithCustomers();
    const bPartner = await createPartner(db);
    const b = await createUser(db, bPartner.id, ['GLOBAL_ADMIN']);
    const list = await gql<Page>(url, SEARCH, {}, { token: b.token });
    expect(list.data!.customers.totalCount).toBe(0);
    for (const search of ['Adatum', a.customers[0]!.tenantId, 'northwind.example']) {
      expect(
        (await gql<Page>(url, SEARCH, { search }, { token: b.token })).data!.customers.edges,
      ).toEqual([]);
    }
    const CUSTOMER = 'query($id: ID!) { customer(id: $id) { id name } }';
    const foreign = await gql(url, CUSTOMER, { id: a.customers[0]!.id }, { token: b.token });
    const missing = await gql(url, CUSTOMER, { id: crypto.randomUUID() }, { token: b.token });
    expect(errorCode(foreign)).toBe('NOT_FOUND');
    expect(foreign.errors).toEqual(missing.errors);
    expect(foreign.data).toBeNull();
  });
});
