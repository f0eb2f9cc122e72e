import { isRole, type Role } from '@csp/domain';
import { LessThan, MoreThan } from 'typeorm';
import type { Database } from '../../data-source.js';
import type { Actor } from '../../shared/context.js';
import { badInput, fail } from '../../shared/errors.js';
import { newId, newSecretToken, sha256Hex } from '../../shared/ids.js';
import { PartnerEntity } from './partner.entity.js';
import { DUMMY_HASH, verifyPassword } from './password.js';
import { SessionEntity } from './session.entity.js';
import { SignInFailureEntity } from './sign-in-failure.entity.js';
import { UserEntity } from './user.entity.js';

export const SESSION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** After this many failed sign-ins for one e-mail within the window, sign-in is refused a while. */
export const MAX_FAILED_SIGN_INS = 5;
export const FAILED_SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

/** 0, 0, 250, 500, 750 ms … for the 1st, 2nd, 3rd, 4th, 5th failure in the window. */
export function failureDelayMs(failureNumber: number): number {
  return Math.min(2_000, Math.max(0, failureNumber - 2) * 250);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
): Promise<SignInResult> {
  const normalized = email.trim().toLowerCase();
  if (!normalized || normalized.length > 254) badInput('email', 'Enter your e-mail address.');
  if (!password || password.length > 1024) badInput('password', 'Enter your password.');
  const emailHash = sha256Hex(normalized);

  const since = new Date(now.getTime() - FAILED_SIGN_IN_WINDOW_MS);
  const failures = await db.manager.find(SignInFailureEntity, {
    where: { emailHash, at: MoreThan(since) },
    order: { at: 'ASC' },
    take: MAX_FAILED_SIGN_INS,
  });
  if (failures.length >= MAX_FAILED_SIGN_INS) {
    const oldest = failures[0]!.at.getTime();
    const retryAfterSeconds = Math.max(
      1,
      Math.ceil((oldest + FAILED_SIGN_IN_WINDOW_MS - now.getTime()) / 1000),
    );
    fail('TOO_MANY_ATTEMPTS', { retryAfterSeconds });
  }

  const user = await db.manager.findOneBy(UserEntity, { email: normalized });
  // The same work and the same answer for an unknown e-mail and a wrong password.
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid) {
    await db.transaction((m) => m.insert(SignInFailureEntity, { id: newId(), emailHash, at: now }));
    // Each failure after the second answers a little later: guessing gets slow before it is stopped.
    await sleep(failureDelayMs(failures.length + 1));
    fail('INVALID_CREDENTIALS');
  }

  const token = newSecretToken();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await db.transaction(async (m) => {
    await m.insert(SessionEntity, {
      tokenHash: sha256Hex(token),
      userId: user.id,
      createdAt: now,
      expiresAt,
    });
    await m.delete(SignInFailureEntity, { emailHash });
  });
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
  // One statement per request: the live session joined to its user.
  const user = await db.manager
    .createQueryBuilder(UserEntity, 'u')
    .innerJoin(SessionEntity, 's', 's.user_id = u.id')
    .where('s.token_hash = :tokenHash', { tokenHash })
    .andWhere('s.expires_at > :now', { now })
    .getOne();
  if (!user) return null;
  return {
    userId: user.id,
    partnerId: user.partnerId,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles.filter(isRole) as Role[],
    sessionTokenHash: tokenHash,
  };
}

/** Housekeeping: expired sessions and old sign-in failures go. */
export async function purgeExpired(db: Database, now: Date): Promise<void> {
  await db.transaction(async (m) => {
    await m.delete(SessionEntity, { expiresAt: LessThan(now) });
    await m.delete(SignInFailureEntity, {
      at: LessThan(new Date(now.getTime() - FAILED_SIGN_IN_WINDOW_MS)),
    });
  });
}
