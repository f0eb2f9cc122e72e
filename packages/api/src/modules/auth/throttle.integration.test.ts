import { SIGN_IN_MAX_CHECKS, SIGN_IN_WINDOW_MS, throttleAddress } from '@csp/domain';
import { expect, it } from 'vitest';
import { errorCode, gql } from '../../test-support/client.js';
import { createPartner, createUser } from '../../test-support/factories.js';
import { describeEachEngine, type Harness } from '../../test-support/harness.js';
import { sha256Hex } from '../../shared/ids.js';
import { startSecondServer } from '../../test-support/second-server.js';
import { SessionEntity } from './session.entity.js';
import { purgeExpired, signIn } from './auth.service.js';
import { startHousekeeping } from '../../housekeeping.js';
import { databaseAttachmentStore } from '../support/attachment-store.js';

const SIGN_IN = /* GraphQL */ `
  mutation ($input: SignInInput!) {
    signIn(input: $input) {
      me {
        email
      }
    }
  }
`;

/** How many slot rows the throttle keeps for an address (any e-mail). */
async function slotRows(h: Harness, address: string): Promise<number> {
  const rows = await h.db.manager
    .createQueryBuilder()
    .select('COUNT(*)', 'n')
    .from('sign_in_slots', 's')
    .where('s.address_hash = :hash', { hash: sha256Hex(throttleAddress(address)) })
    .getRawOne<{ n: number | string }>();
  return Number(rows?.n ?? 0);
}

describeEachEngine('sign-in throttle', (use) => {
  it('E6: 30 parallel wrong passwords for one e-mail and address, across two servers: at most 5 are checked; the right password from another address still signs in', async () => {
    const h = use();
    const second = await startSecondServer(h);
    try {
      const partner = await createPartner(h.db);
      const user = await createUser(h.db, partner.id, ['ADMIN_AGENT']);
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          gql(i % 2 ? second.url : h.url, SIGN_IN, {
            input: { email: user.user.email, password: `wrong ${i}` },
          }).then(errorCode),
        ),
      );
      // INVALID_CREDENTIALS is answered only after a password check: count the checks by it.
      const checked = answers.filter((code) => code === 'INVALID_CREDENTIALS').length;
      const refused = answers.filter((code) => code === 'TOO_MANY_ATTEMPTS').length;
      expect(checked).toBe(SIGN_IN_MAX_CHECKS);
      expect(refused).toBe(30 - SIGN_IN_MAX_CHECKS);

      // The same address, even with the right password, waits for the window.
      const limited = await gql(h.url, SIGN_IN, {
        input: { email: user.user.email, password: user.password },
      });
      expect(errorCode(limited)).toBe('TOO_MANY_ATTEMPTS');
      const retryAfter = Number(limited.errors![0]!.extensions!['retryAfterSeconds']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(SIGN_IN_WINDOW_MS / 1000);

      // The real user, from their own address, is not locked out by the attacker's.
      const result = await signIn(
        h.db,
        user.user.email,
        user.password,
        h.clock.now(),
        '198.51.100.7',
      );
      expect(result.user.id).toBe(user.user.id);
    } finally {
      await second.close();
    }
  });

  it('E6: an IPv6 /64 is one address; the window slides: a slot frees 15 minutes after its check', async () => {
    const h = use();
    const partner = await createPartner(h.db);
    const user = await createUser(h.db, partner.id, ['ADMIN_AGENT']);
    const attempt = (address: string) =>
      signIn(h.db, user.user.email, 'wrong', h.clock.now(), address).catch(
        (error: { code: string }) => error.code,
      );
    for (let i = 0; i < 3; i++)
      expect(await attempt(`2001:db8:aa:bb::${i + 1}`)).toBe('INVALID_CREDENTIALS');
    h.clock.advance(10 * 60 * 1000);
    for (let i = 0; i < 2; i++)
      expect(await attempt(`2001:db8:aa:bb:ffff::${i}`)).toBe('INVALID_CREDENTIALS');
    expect(await attempt('2001:db8:aa:bb::99')).toBe('TOO_MANY_ATTEMPTS');
    // 15 minutes after the first three, three slots are free again; the later two are not.
    h.clock.advance(5 * 60 * 1000);
    for (let i = 0; i < 3; i++)
      expect(await attempt('2001:db8:aa:bb::7')).toBe('INVALID_CREDENTIALS');
    expect(await attempt('2001:db8:aa:bb::7')).toBe('TOO_MANY_ATTEMPTS');
  });

  it('E6: purgeExpired removes expired sessions and sign-in slots idle for a whole window, and nothing live', async () => {
    const h = use();
    const partner = await createPartner(h.db);
    const user = await createUser(h.db, partner.id, ['ADMIN_AGENT']);
    const now = h.clock.now();
    await h.db.transaction((m) =>
      m.insert(SessionEntity, [
        {
          tokenHash: 'e'.repeat(64),
          userId: user.user.id,
          createdAt: now,
          expiresAt: new Date(now.getTime() - 1),
        },
        {
          tokenHash: 'l'.repeat(64),
          userId: user.user.id,
          createdAt: now,
          expiresAt: new Date(now.getTime() + 60_000),
        },
      ]),
    );
    // Two pairs' slots: one idle for 16 minutes, one used a minute ago.
    await signIn(
      h.db,
      user.user.email,
      'wrong',
      new Date(now.getTime() - 16 * 60_000),
      '192.0.2.1',
    ).catch(() => null);
    await signIn(
      h.db,
      user.user.email,
      'wrong',
      new Date(now.getTime() - 60_000),
      '192.0.2.2',
    ).catch(() => null);
    expect(await slotRows(h, '192.0.2.1')).toBe(SIGN_IN_MAX_CHECKS);
    expect(await slotRows(h, '192.0.2.2')).toBe(SIGN_IN_MAX_CHECKS);

    await purgeExpired(h.db, now);

    expect(await h.db.manager.countBy(SessionEntity, { tokenHash: 'e'.repeat(64) })).toBe(0);
    expect(await h.db.manager.countBy(SessionEntity, { tokenHash: 'l'.repeat(64) })).toBe(1);
    // The idle pair's slots went; of the recent pair's, the one in use stayed (it still counts).
    expect(await slotRows(h, '192.0.2.1')).toBe(0);
    expect(await slotRows(h, '192.0.2.2')).toBe(1);
    expect(
      await signIn(h.db, user.user.email, user.password, now, '192.0.2.1').then((r) => r.user.id),
    ).toBe(user.user.id);
  });

  it("E6: housekeeping runs on its own on an interval (unref'd timer) and purges", async () => {
    const h = use();
    const partner = await createPartner(h.db);
    const user = await createUser(h.db, partner.id, ['ADMIN_AGENT']);
    const now = h.clock.now();
    const tokenHash = 'x'.repeat(64);
    await h.db.transaction((m) =>
      m.insert(SessionEntity, {
        tokenHash,
        userId: user.user.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() - 1),
      }),
    );
    const stop = startHousekeeping(
      { db: h.db, store: databaseAttachmentStore(h.db), clock: h.clock, logger: h.logger },
      50,
    );
    try {
      await expect
        .poll(() => h.db.manager.countBy(SessionEntity, { tokenHash }), { timeout: 5_000 })
        .toBe(0);
    } finally {
      stop();
    }
  });
});
