import {
  isRole,
  SIGN_IN_MAX_CHECKS,
  SIGN_IN_WINDOW_MS,
  signInFailureDelayMs,
  throttleAddress,
  type Role,
} from '@csp/domain';
import { LessThan } from 'typeorm';
import type { Database } from '../../data-source.js';
import type { Actor } from '../../shared/context.js';
import { badInput, fail } from '../../shared/errors.js';
import { newSecretToken, sha256Hex } from '../../shared/ids.js';
import { plainQuery } from '../../shared/raw-rows.js';
import { PartnerEntity } from './partner.entity.js';
import { DUMMY_HASH, verifyPassword } from './password.js';
import { SessionEntity } from './session.entity.js';
import { UserEntity } from './user.entity.js';

export const SESSION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const SLOTS = 'sign_in_slots';
const SLOT_NUMBERS = Array.from({ length: SIGN_IN_MAX_CHECKS }, (_, i) => i);

type Throttle =
  { allowed: true; checkNumber: number } | { allowed: false; retryAfterSeconds: number };

/**
 * E6: takes one of the SIGN_IN_MAX_CHECKS slots of (e-mail, address) for a password check, or
 * says how long to wait. A slot is free when its last use is older than the window; taking it is
 * one conditional UPDATE, so under any concurrency and across processes at most
 * SIGN_IN_MAX_CHECKS checks start in any window (a sliding window, not a fixed one).
 */
async function takeSignInSlot(
  db: Database,
  emailHash: string,
  addressHash: string,
  now: Date,
): Promise<Throttle> {
  const key = { emailHash, addressHash };
  const windowStart = now.getTime() - SIGN_IN_WINDOW_MS;
  const read = async () =>
    (
      await db.manager
        .createQueryBuilder()
        .select('s.slot', 'slot')
        .addSelect('s.used_at_ms', 'usedAt')
        .from(SLOTS, 's')
        .where('s.email_hash = :emailHash AND s.address_hash = :addressHash', key)
        .getRawMany<{ slot: number | string; usedAt: number | string }>()
    ).map((r) => ({ slot: Number(r.slot), usedAt: Number(r.usedAt) }));
  let slots = await read();
  if (slots.length < SIGN_IN_MAX_CHECKS) {
    // First check for this pair (or after a purge): its slots, all free. Racing inserts agree.
    await db.transaction((m) =>
      m
        .createQueryBuilder()
        .insert()
        .into(SLOTS, ['email_hash', 'address_hash', 'slot', 'used_at_ms'])
        .values(
          SLOT_NUMBERS.map((slot) => ({
            email_hash: emailHash,
            address_hash: addressHash,
            slot,
            used_at_ms: 0,
          })),
        )
        .orIgnore()
        .execute(),
    );
    slots = await read();
  }
  const busy = slots.filter((s) => s.usedAt > windowStart);
  for (const { slot } of slots.filter((s) => s.usedAt <= windowStart)) {
    const taken = await db.transaction((m) =>
      m
        .createQueryBuilder()
        .update(SLOTS)
        .set({ used_at_ms: now.getTime() })
        .where('email_hash = :emailHash AND address_hash = :addressHash', key)
        .andWhere('slot = :slot AND used_at_ms <= :windowStart', { slot, windowStart })
        .execute(),
    );
    // Another request may have taken this slot since the read: try the next one.
    if (taken.affected === 1) return { allowed: true, checkNumber: busy.length + 1 };
  }
  const again = await read();
  const oldest = Math.min(...again.map((s) => s.usedAt).filter((at) => at > windowStart));
  const retryAfterMs = Number.isFinite(oldest) ? oldest + SIGN_IN_WINDOW_MS - now.getTime() : 1000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}

/** A successful sign-in frees the pair's slots: the real user starts afresh. */
async function releaseSignInSlots(db: Database, emailHash: string, addressHash: string) {
  await db.transaction((m) =>
    m
      .createQueryBuilder()
      .update(SLOTS)
      .set({ used_at_ms: 0 })
      .where('email_hash = :emailHash AND address_hash = :addressHash', { emailHash, addressHash })
      .execute(),
  );
}

export interface SignInResult {
  token: string;
  user: UserEntity;
  partner: PartnerEntity;
  expiresAt: Date;
}

export async function signIn(
  db: Database,
  email: string,
  password: string,
  now: Date,
  /** The caller's address (the request's, behind trusted proxies). */
  sourceAddress: string | null,
): Promise<SignInResult> {
  const normalized = email.trim().toLowerCase();
  if (!normalized || normalized.length > 254) badInput('email', 'EMAIL_REQUIRED');
  if (!password || password.length > 1024) badInput('password', 'PASSWORD_REQUIRED');
  const emailHash = sha256Hex(normalized);
  // E6: throttled per e-mail AND source address (IPv6 by its /64), decided before any check.
  const addressHash = sha256Hex(throttleAddress(sourceAddress));
  const throttle = await takeSignInSlot(db, emailHash, addressHash, now);
  if (!throttle.allowed)
    fail('TOO_MANY_ATTEMPTS', { retryAfterSeconds: throttle.retryAfterSeconds });

  const user = await db.manager.findOneBy(UserEntity, { email: normalized });
  // The same work and the same answer for an unknown e-mail and a wrong password.
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid) {
    // Each failure after the second answers a little later: guessing gets slow before it is stopped.
    await sleep(signInFailureDelayMs(throttle.checkNumber));
    fail('INVALID_CREDENTIALS');
  }

  const token = newSecretToken();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await db.transaction((m) =>
    m.insert(SessionEntity, {
      tokenHash: sha256Hex(token),
      userId: user.id,
      createdAt: now,
      expiresAt,
    }),
  );
  await releaseSignInSlots(db, emailHash, addressHash);
  const partner = await db.manager.findOneByOrFail(PartnerEntity, { id: user.partnerId });
  return { token, user, partner, expiresAt };
}

export async function signOut(db: Database, actor: Actor): Promise<void> {
  await db.transaction((m) => m.delete(SessionEntity, { tokenHash: actor.sessionTokenHash }));
}

/** The actor behind a session token (cookie or Bearer), or null when it is unknown or expired. */
export async function actorForToken(db: Database, token: string, now: Date): Promise<Actor | null> {
  if (!token || token.length > 200) return null;
  const tokenHash = sha256Hex(token);
  // One statement per request: the live session joined to its user, as a plain row (issue 13).
  const [user] = await plainQuery<{
    id: string;
    partner_id: string;
    email: string;
    display_name: string;
    roles: string;
  }>(
    db.manager,
    `SELECT u.id, u.partner_id, u.email, u.display_name, u.roles FROM sessions s
     JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?`,
    [tokenHash, now],
  );
  if (!user) return null;
  return {
    userId: user.id,
    partnerId: user.partner_id,
    email: user.email,
    displayName: user.display_name,
    roles: rolesOf(user.roles),
    sessionTokenHash: tokenHash,
  };
}

/** The `roles` column (TypeORM's simple-array: comma-separated), known roles only. */
export const rolesOf = (text: string): Role[] =>
  (text ? text.split(',') : []).filter(isRole) as Role[];

/** Housekeeping: expired sessions and sign-in slots unused for a whole window go. */
export async function purgeExpired(db: Database, now: Date): Promise<void> {
  await db.transaction(async (m) => {
    await m.delete(SessionEntity, { expiresAt: LessThan(now) });
    await m
      .createQueryBuilder()
      .delete()
      .from(SLOTS)
      .where('used_at_ms <= :before', { before: now.getTime() - SIGN_IN_WINDOW_MS })
      .execute();
  });
}
