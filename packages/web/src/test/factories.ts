import { ACTIONS, can, type Role } from '@csp/domain';
import type { SignedInUser } from '../features/auth/useSession';

/** Factories for API answers, with __typename as the server sends them. */

export function money(amountMinor: number, currency: string) {
  const exponent = currency === 'KRW' || currency === 'JPY' ? 0 : 2;
  const digits = Math.abs(amountMinor)
    .toString()
    .padStart(exponent + 1, '0');
  const decimal =
    exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  return {
    __typename: 'Money' as const,
    amountMinor,
    currency,
    decimal: (amountMinor < 0 ? '-' : '') + decimal,
  };
}

/** The signed-in user as `me` answers, its permissions from the domain's table (R2–R6). */
export function meOf(roles: Role[], overrides: Partial<SignedInUser> = {}): SignedInUser {
  return {
    __typename: 'Me',
    id: `user-${roles.join('-').toLowerCase()}`,
    email: 'someone@contoso.example',
    displayName: 'Dana Agent',
    roles,
    partner: { __typename: 'Partner', id: 'partner-1', name: 'Contoso Cloud Partners' },
    permissions: ACTIONS.map((action) => {
      const permission = can(roles, action);
      return {
        __typename: 'Permission' as const,
        action,
        allowed: permission.allowed,
        missingRoles: permission.allowed ? [] : [...permission.missingRoles],
      };
    }),
    ...overrides,
  } as SignedInUser;
}

export function customer(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Customer' as const,
    id: 'c-fourth',
    name: 'Fourth Coffee',
    domain: 'fourthcoffee.com',
    market: 'US',
    currency: 'USD',
    tenantId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c03',
    pricesIncludeTax: false,
    ...overrides,
  };
}

export function sku(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'CatalogSku' as const,
    id: 'sku-1',
    name: '1 year',
    termYears: 1,
    // A SKU the API knows only by name (its text is the name); demo SKUs below carry units.
    unit: null as string | null,
    unitSize: null as string | null,
    taxIncluded: false,
    unitPrice: money(100_00, 'USD'),
    ...overrides,
  };
}

export function catalogProduct(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'CatalogProduct' as const,
    id: 'product-1',
    name: 'Product',
    kind: 'PERPETUAL_SOFTWARE',
    description: 'A product.',
    hasActivationKeys: true,
    azureHybridBenefit: false,
    availability: {
      __typename: 'Availability' as const,
      available: true,
      reason: null,
      reasonCode: null,
    },
    cancellationTerms: {
      __typename: 'CancellationTerms' as const,
      policy: 'WINDOW',
      windowDays: 60,
    },
    skus: [sku()],
    ...overrides,
  };
}

export const AHB_NOTE =
  'With the Azure Hybrid Benefit, Windows Server Datacenter and Standard licences covered by ' +
  'Software Assurance can run Windows Server virtual machines in Azure at a lower base rate, ' +
  'saving up to 40 percent.';

/** The demo catalog's shape: a reservation, a server subscription, perpetual, ESU, Linux plan. */
export function demoCatalog(market: string, currency = 'USD', taxIncluded = false) {
  const reservationsUnavailable = market === 'YE';
  return [
    catalogProduct({
      id: 'azure-reserved-vm-d2s-v5',
      name: 'Azure Reserved VM Instance, D2s v5',
      kind: 'AZURE_RESERVATION',
      hasActivationKeys: false,
      availability: reservationsUnavailable
        ? {
            __typename: 'Availability',
            available: false,
            reason: 'This product is not available in the customer’s market (Yemen).',
            reasonCode: 'MARKET_UNAVAILABLE',
          }
        : { __typename: 'Availability', available: true, reason: null, reasonCode: null },
      skus: [
        sku({
          id: 'azure-reserved-vm-d2s-v5:1y',
          name: 'D2s v5, 1 year',
          unit: 'VM_INSTANCE',
          unitSize: 'D2s v5',
          termYears: 1,
          taxIncluded,
          unitPrice: money(738_00, currency),
        }),
      ],
    }),
    catalogProduct({
      id: 'windows-server-2022-datacenter',
      name: 'Windows Server 2022 Datacenter',
      kind: 'SERVER_SUBSCRIPTION',
      azureHybridBenefit: true,
      skus: [
        sku({
          id: 'windows-server-2022-datacenter:1y',
          name: '16-core pack, 1 year',
          unit: 'CORE_PACK',
          unitSize: '16',
          termYears: 1,
          taxIncluded,
          unitPrice: money(12_200_00, currency),
        }),
        sku({
          id: 'windows-server-2022-datacenter:3y',
          name: '16-core pack, 3 years',
          unit: 'CORE_PACK',
          unitSize: '16',
          termYears: 3,
          taxIncluded,
          unitPrice: money(32_940_00, currency),
        }),
      ],
    }),
    catalogProduct({
      id: 'windows-7-esu-2020',
      name: 'Windows 7 Extended Security Updates 2020',
      kind: 'WINDOWS_7_ESU',
      cancellationTerms: {
        __typename: 'CancellationTerms',
        policy: 'SUPPORT_REQUEST',
        windowDays: null,
      },
      skus: [
        sku({
          id: 'windows-7-esu-2020:none',
          name: 'Per device, 2020',
          termYears: null,
          taxIncluded,
          unitPrice: money(61_00, currency),
        }),
      ],
    }),
    catalogProduct({
      id: 'red-hat-enterprise-linux-plan',
      name: 'Red Hat Enterprise Linux software plan in Azure',
      kind: 'LINUX_SOFTWARE_PLAN',
      hasActivationKeys: false,
      cancellationTerms: { __typename: 'CancellationTerms', policy: 'NEVER', windowDays: null },
      skus: [
        sku({
          id: 'red-hat-enterprise-linux-plan:1y',
          name: '1–4 vCPU, 1 year',
          termYears: 1,
          taxIncluded,
          unitPrice: money(525_60, currency),
        }),
      ],
    }),
  ];
}

export function graphQLError(
  code: string,
  extensions: Record<string, unknown> = {},
  message = code,
) {
  return { errors: [{ message, extensions: { code, ...extensions } }], data: null };
}
