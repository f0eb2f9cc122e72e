import { expect, it } from 'vitest';
import { errorCode, gql } from '../../test-support/client.js';
import { createCustomer, createTenant } from '../../test-support/factories.js';
import { describeEachEngine } from '../../test-support/harness.js';

const CATALOG = /* GraphQL */ `
  query Catalog($id: ID!) {
    catalog(customerId: $id) {
      id
      kind
      hasActivationKeys
      azureHybridBenefitNote
      availability {
        available
        reasonCode
        reason
      }
      cancellationTerms {
        policy
        windowDays
      }
      downloadOptions {
        versions
        languages
        fileTypes
      }
      skus {
        id
        termYears
        taxIncluded
        unitPrice {
          amountMinor
          currency
          decimal
        }
      }
    }
  }
`;
type Catalog = {
  catalog: {
    id: string;
    kind: string;
    azureHybridBenefitNote: string | null;
    availability: { available: boolean; reasonCode: string | null; reason: string | null };
    cancellationTerms: { policy: string; windowDays: number | null };
    skus: {
      id: string;
      termYears: number | null;
      taxIncluded: boolean;
      unitPrice: { amountMinor: number; currency: string };
    }[];
  }[];
};

describeEachEngine('catalog', (use) => {
  it('M2: in CN and YE Azure reservations show as unavailable, with the reason', async () => {
    const { db, url } = use();
    const { admin, partner } = await createTenant(db);
    for (const market of ['CN', 'YE']) {
      const customer = await createCustomer(db, partner.id, { market });
      const response = await gql<Catalog>(
        url,
        CATALOG,
        { id: customer.id },
        { token: admin.token },
      );
      const reservation = response.data!.catalog.find((p) => p.kind === 'AZURE_RESERVATION')!;
      expect(reservation.availability).toMatchObject({
        available: false,
        reasonCode: 'MARKET_UNAVAILABLE',
      });
      expect(reservation.availability.reason).toMatch(
        /not available in the customer’s market \((China|Yemen)\)/,
      );
      expect(
        response
          .data!.catalog.filter((p) => p.kind !== 'AZURE_RESERVATION')
          .every((p) => p.availability.available),
      ).toBe(true);
    }
  });

  it('M3: Australian prices say tax included; US prices say excluded', async () => {
    const { db, url } = use();
    const { admin, partner, customer: us } = await createTenant(db, 'US');
    const au = await createCustomer(db, partner.id, { market: 'AU' });
    const skusOf = async (id: string) =>
      (await gql<Catalog>(url, CATALOG, { id }, { token: admin.token })).data!.catalog.flatMap(
        (p) => p.skus,
      );
    expect(
      (await skusOf(au.id)).every((s) => s.taxIncluded && s.unitPrice.currency === 'AUD'),
    ).toBe(true);
    expect(
      (await skusOf(us.id)).every((s) => !s.taxIncluded && s.unitPrice.currency === 'USD'),
    ).toBe(true);
  });

  it('B3/M1/C1/B7: every product kind with its SKUs, terms, prices in the market currency and policy', async () => {
    const { db, url } = use();
    const { admin, customer } = await createTenant(db, 'KR');
    const catalog = (await gql<Catalog>(url, CATALOG, { id: customer.id }, { token: admin.token }))
      .data!.catalog;
    expect(new Set(catalog.map((p) => p.kind))).toEqual(
      new Set([
        'AZURE_RESERVATION',
        'SERVER_SUBSCRIPTION',
        'PERPETUAL_SOFTWARE',
        'WINDOWS_7_ESU',
        'LINUX_SOFTWARE_PLAN',
      ]),
    );
    for (const product of catalog) {
      for (const sku of product.skus) expect(sku.unitPrice.currency).toBe('KRW');
      if (
        ['AZURE_RESERVATION', 'SERVER_SUBSCRIPTION', 'LINUX_SOFTWARE_PLAN'].includes(product.kind)
      ) {
        expect(product.skus.map((s) => s.termYears).sort()).toEqual([1, 3]);
      }
    }
    const policies = Object.fromEntries(catalog.map((p) => [p.kind, p.cancellationTerms]));
    expect(policies['PERPETUAL_SOFTWARE']).toEqual({ policy: 'WINDOW', windowDays: 60 });
    expect(policies['WINDOWS_7_ESU']).toEqual({ policy: 'SUPPORT_REQUEST', windowDays: null });
    expect(policies['LINUX_SOFTWARE_PLAN']).toEqual({ policy: 'NEVER', windowDays: null });
    const windowsServer = catalog.find((p) => p.id === 'windows-server-2022-datacenter')!;
    expect(windowsServer.azureHybridBenefitNote).toMatch(/up to 40 percent/);
    expect(
      catalog.find((p) => p.id === 'sql-server-2022-standard')!.azureHybridBenefitNote,
    ).toBeNull();
  });

  it('E1, E2: with Accept-Language: ko the texts and error messages are Korean, codes unchanged', async () => {
    const { db, url } = use();
    const { admin, partner } = await createTenant(db);
    const customer = await createCustomer(db, partner.id, { market: 'YE' });
    const korean = { token: admin.token, language: 'ko-KR,ko;q=0.9,en;q=0.5' };
    const response = await gql<Catalog>(url, CATALOG, { id: customer.id }, korean);
    const reservation = response.data!.catalog.find((p) => p.kind === 'AZURE_RESERVATION')!;
    expect(reservation.availability).toEqual({
      available: false,
      reasonCode: 'MARKET_UNAVAILABLE',
      reason: '이 제품은 고객의 시장(예멘)에서 제공되지 않습니다.',
    });
    const windowsServer = response.data!.catalog.find(
      (p) => p.id === 'windows-server-2022-datacenter',
    )!;
    expect(windowsServer.azureHybridBenefitNote).toMatch(/^Azure 하이브리드 혜택/);
    const other = await createTenant(db);
    const refused = await gql(
      url,
      CATALOG,
      { id: customer.id },
      { ...korean, token: other.admin.token },
    );
    expect(errorCode(refused)).toBe('NOT_FOUND');
    expect(refused.errors?.[0]?.message).toBe('해당 고객을(를) 찾을 수 없습니다.');
  });

  it('R8: the catalog of another partner’s customer answers NOT_FOUND', async () => {
    const { db, url } = use();
    const a = await createTenant(db);
    const b = await createTenant(db);
    expect(
      errorCode(await gql(url, CATALOG, { id: a.customer.id }, { token: b.admin.token })),
    ).toBe('NOT_FOUND');
  });
});
