import { DAY_MS, ROLES, type Role } from '@csp/domain';
import { serverText } from '../shared/i18n/server-text.js';
import type { Database } from '../data-source.js';
import { PartnerEntity } from '../modules/auth/partner.entity.js';
import { hashPassword } from '../modules/auth/password.js';
import { UserEntity } from '../modules/auth/user.entity.js';
import { CustomerEntity } from '../modules/customers/customer.entity.js';
import { placeOrder } from '../modules/orders/order.service.js';
import type { Actor } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import { seedCatalog, skuId } from './catalog-data.js';

export const DEMO_PASSWORD = 'demo-password-2026';

const ROLE_SLUGS: Record<Role, string> = {
  ADMIN_AGENT: 'admin.agent',
  GLOBAL_ADMIN: 'global.admin',
  ACCOUNT_ADMIN: 'account.admin',
  REFERRAL_ADMIN: 'referral.admin',
  MARKETING_CONTENT_ADMIN: 'marketing.admin',
  SALES_AGENT: 'sales.agent',
  HELPDESK_AGENT: 'helpdesk.agent',
};

interface CustomerSeed {
  name: string;
  domain: string;
  market: string;
  tenantId: string;
}

const PARTNERS: { name: string; domain: string; customers: CustomerSeed[] }[] = [
  {
    name: 'Contoso Cloud Partners',
    domain: 'contoso.example',
    customers: [
      {
        name: 'Adatum Pty Ltd',
        domain: 'adatum.com.au',
        market: 'AU',
        tenantId: '3f2a9c4e-1b7d-4e8a-9c21-5d6e7f8a9b01',
      },
      {
        name: 'Alpine Ski House',
        domain: 'alpineskihouse.fr',
        market: 'FR',
        tenantId: '8b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c02',
      },
      {
        name: 'Fourth Coffee',
        domain: 'fourthcoffee.com',
        market: 'US',
        tenantId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c03',
      },
      {
        name: 'Hanbit Soft',
        domain: 'hanbitsoft.co.kr',
        market: 'KR',
        tenantId: '5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e04',
      },
      {
        name: 'Litware Ltd',
        domain: 'litware.co.uk',
        market: 'GB',
        tenantId: '9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f05',
      },
      {
        name: 'Lotus Manufacturing',
        domain: 'lotusmfg.cn',
        market: 'CN',
        tenantId: '2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a06',
      },
      {
        name: 'Northwind Traders',
        domain: 'northwindtraders.de',
        market: 'DE',
        tenantId: '6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b07',
      },
      {
        name: 'Proseware Korea',
        domain: 'proseware.kr',
        market: 'KR',
        tenantId: '0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c08',
      },
      {
        name: 'Sakura Trading',
        domain: 'sakuratrading.jp',
        market: 'JP',
        tenantId: '4b5c6d7e-8f9a-4b0c-8d1e-2f3a4b5c6d09',
      },
      {
        name: 'Saba Logistics',
        domain: 'sabalogistics.ye',
        market: 'YE',
        tenantId: '7c8d9e0f-1a2b-4c3d-9e4f-5a6b7c8d9e10',
      },
      {
        name: 'Tailspin Brasil',
        domain: 'tailspin.com.br',
        market: 'BR',
        tenantId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e11',
      },
      {
        name: 'Wide World Importers',
        domain: 'wideworldimporters.com',
        market: 'US',
        tenantId: 'd2e3f4a5-b6c7-4d8e-9f0a-1b2c3d4e5f12',
      },
    ],
  },
  {
    name: 'Fabrikam Reseller',
    domain: 'fabrikam.example',
    customers: [
      {
        name: 'Blue Yonder Airlines',
        domain: 'blueyonderairlines.com',
        market: 'US',
        tenantId: 'e3f4a5b6-c7d8-4e9f-8a0b-1c2d3e4f5a13',
      },
      {
        name: 'Coho Winery Korea',
        domain: 'cohowinery.kr',
        market: 'KR',
        tenantId: 'f4a5b6c7-d8e9-4f0a-9b1c-2d3e4f5a6b14',
      },
      {
        name: 'Trey Research',
        domain: 'treyresearch.de',
        market: 'DE',
        tenantId: 'a5b6c7d8-e9f0-4a1b-8c2d-3e4f5a6b7c15',
      },
    ],
  },
];

/** Orders of varied ages that show every cancellation state (days ago, customer, SKU, quantity). */
const DEMO_ORDERS: {
  partner: number;
  daysAgo: number;
  hours?: number;
  customer: string;
  sku: string;
  quantity: number;
}[] = [
  {
    partner: 0,
    daysAgo: 2,
    customer: 'Wide World Importers',
    sku: skuId('windows-server-2022-datacenter', 1),
    quantity: 2,
  },
  {
    partner: 0,
    daysAgo: 7,
    customer: 'Hanbit Soft',
    sku: skuId('office-ltsc-professional-plus-2024', null),
    quantity: 25,
  },
  {
    partner: 0,
    daysAgo: 7,
    customer: 'Wide World Importers',
    sku: skuId('office-ltsc-professional-plus-2024', null),
    quantity: 10,
  },
  {
    partner: 0,
    daysAgo: 21,
    customer: 'Sakura Trading',
    sku: skuId('sql-server-2022-standard', 3),
    quantity: 4,
  },
  {
    partner: 0,
    daysAgo: 30,
    customer: 'Wide World Importers',
    sku: skuId('windows-server-2022-datacenter', 1),
    quantity: 1,
  },
  {
    partner: 0,
    daysAgo: 59,
    hours: 20,
    customer: 'Northwind Traders',
    sku: skuId('azure-reserved-vm-d2s-v5', 1),
    quantity: 3,
  },
  {
    partner: 0,
    daysAgo: 61,
    customer: 'Adatum Pty Ltd',
    sku: skuId('windows-server-2022-standard', 1),
    quantity: 2,
  },
  {
    partner: 0,
    daysAgo: 45,
    customer: 'Wide World Importers',
    sku: skuId('windows-7-esu-2020', null),
    quantity: 40,
  },
  {
    partner: 0,
    daysAgo: 10,
    customer: 'Tailspin Brasil',
    sku: skuId('suse-linux-enterprise-server-plan', 1),
    quantity: 5,
  },
  {
    partner: 0,
    daysAgo: 12,
    customer: 'Fourth Coffee',
    sku: skuId('red-hat-enterprise-linux-plan', 3),
    quantity: 2,
  },
  {
    partner: 0,
    daysAgo: 3,
    customer: 'Lotus Manufacturing',
    sku: skuId('sql-server-2022-standard', 1),
    quantity: 2,
  },
  {
    partner: 0,
    daysAgo: 90,
    customer: 'Litware Ltd',
    sku: skuId('sql-server-2022-enterprise-perpetual', null),
    quantity: 1,
  },
  {
    partner: 1,
    daysAgo: 5,
    customer: 'Blue Yonder Airlines',
    sku: skuId('windows-server-2022-datacenter', 3),
    quantity: 1,
  },
  {
    partner: 1,
    daysAgo: 20,
    customer: 'Coho Winery Korea',
    sku: skuId('office-ltsc-professional-plus-2024', null),
    quantity: 8,
  },
];

export interface DemoAccount {
  partner: string;
  role: string;
  email: string;
}

export function demoAccounts(): DemoAccount[] {
  return PARTNERS.flatMap((partner) =>
    ROLES.map((role) => ({
      partner: partner.name,
      role: serverText('en', `role.${role}`),
      email: `${ROLE_SLUGS[role]}@${partner.domain}`,
    })),
  );
}

/** Loads the demo data once, into an empty database. Orders go through the real service. */
export async function seedDemoData(db: Database, now: Date): Promise<boolean> {
  if ((await db.manager.count(PartnerEntity)) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const admins: Actor[] = [];
  const customersByName = new Map<string, string>();
  await db.transaction(async (m) => {
    await seedCatalog(m);
    for (const partner of PARTNERS) {
      const partnerId = newId();
      await m.insert(PartnerEntity, { id: partnerId, name: partner.name, createdAt: now });
      for (const role of ROLES) {
        const user: UserEntity = {
          id: newId(),
          partnerId,
          email: `${ROLE_SLUGS[role]}@${partner.domain}`,
          displayName: `${serverText('en', `role.${role}`)} (${partner.name.split(' ')[0]})`,
          passwordHash,
          roles: [role],
          createdAt: now,
        };
        await m.insert(UserEntity, user);
        if (role === 'ADMIN_AGENT') {
          admins.push({ ...user, userId: user.id, sessionTokenHash: '' });
        }
      }
      for (const customer of partner.customers) {
        const id = newId();
        customersByName.set(customer.name, id);
        await m.insert(CustomerEntity, {
          id,
          partnerId,
          ...customer,
          createdAt: new Date(now.getTime() - 400 * DAY_MS),
        });
      }
    }
  });
  let n = 0;
  for (const order of DEMO_ORDERS) {
    const at = new Date(now.getTime() - order.daysAgo * DAY_MS - (order.hours ?? 0) * 3_600_000);
    await placeOrder(
      db,
      admins[order.partner]!,
      {
        customerId: customersByName.get(order.customer)!,
        idempotencyKey: `demo-order-${++n}`,
        lines: [{ skuId: order.sku, quantity: order.quantity }],
      },
      at,
    );
  }
  return true;
}
