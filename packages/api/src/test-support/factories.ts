import type { Role } from '@csp/domain';
import { randomUUID } from 'node:crypto';
import type { Database } from '../data-source.js';
import { PartnerEntity } from '../modules/auth/partner.entity.js';
import { hashPassword } from '../modules/auth/password.js';
import { SessionEntity } from '../modules/auth/session.entity.js';
import { UserEntity } from '../modules/auth/user.entity.js';
import { CustomerEntity } from '../modules/customers/customer.entity.js';
import { newSecretToken, sha256Hex } from '../shared/ids.js';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(++counter).toString(36)}`;

/** Factories, not shared fixtures: each test makes the data it needs. */
export async function createPartner(db: Database, name = `Partner ${unique()}`) {
  const partner: PartnerEntity = {
    id: randomUUID(),
    name,
    createdAt: new Date('2026-01-01T00:00:00Z'),
  };
  await db.transaction((m) => m.insert(PartnerEntity, partner));
  return partner;
}

export interface TestUser {
  user: UserEntity;
  /** A live session token for `Authorization: Bearer`. */
  token: string;
  password: string;
}

const PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

export async function createUser(
  db: Database,
  partnerId: string,
  roles: Role[],
  email?: string,
): Promise<TestUser> {
  passwordHash ??= hashPassword(PASSWORD);
  const user: UserEntity = {
    id: randomUUID(),
    partnerId,
    email: email ?? `user-${unique()}@example.test`,
    displayName: `${roles.join('+')} ${unique()}`,
    passwordHash: await passwordHash,
    roles,
    createdAt: new Date('2026-01-01T00:00:00Z'),
  };
  const token = newSecretToken();
  await db.transaction(async (m) => {
    await m.insert(UserEntity, user);
    await m.insert(SessionEntity, {
      tokenHash: sha256Hex(token),
      userId: user.id,
      createdAt: new Date('2026-01-01T00:00:00Z'),
      expiresAt: new Date('2099-01-01T00:00:00Z'),
    });
  });
  return { user, token, password: PASSWORD };
}

export async function createCustomer(
  db: Database,
  partnerId: string,
  fields: Partial<Pick<CustomerEntity, 'name' | 'market' | 'domain' | 'tenantId'>> = {},
) {
  const id = unique();
  const customer: CustomerEntity = {
    id: randomUUID(),
    partnerId,
    name: fields.name ?? `Customer ${id}`,
    market: fields.market ?? 'US',
    domain: fields.domain ?? `customer-${id}.example`,
    tenantId: fields.tenantId ?? randomUUID(),
    createdAt: new Date('2026-01-01T00:00:00Z'),
  };
  await db.transaction((m) => m.insert(CustomerEntity, customer));
  return customer;
}

/** A partner with one user per listed role and one customer. */
export async function createTenant(db: Database, market = 'US') {
  const partner = await createPartner(db);
  const admin = await createUser(db, partner.id, ['ADMIN_AGENT']);
  const customer = await createCustomer(db, partner.id, { market });
  return { partner, admin, customer };
}
