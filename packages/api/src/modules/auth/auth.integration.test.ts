import { expect, it } from 'vitest';
import { errorCode, expectRefusal, gql } from '../../test-support/client.js';
import { createPartner, createUser } from '../../test-support/factories.js';
import { describeEachEngine } from '../../test-support/harness.js';
import { SessionEntity } from './session.entity.js';

const SIGN_IN = /* GraphQL */ `
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      token
      expiresAt
      me {
        email
        roles
        partner {
          name
        }
        permissions {
          action
          allowed
          missingRoles
        }
      }
    }
  }
`;
const ME = '{ me { email displayName roles partner { id name } } }';

describeEachEngine('sign-in and sessions', (use) => {
  it('R1: signs in with e-mail and password; the browser gets an httpOnly SameSite cookie', async () => {
    const { db, url } = use();
    const partner = await createPartner(db);
    const user = await createUser(db, partner.id, ['ADMIN_AGENT', 'GLOBAL_ADMIN']);
    const response = await gql<{ signIn: { token: string | null; me: { roles: string[] } } }>(
      url,
      SIGN_IN,
      {
        input: { email: user.user.email.toUpperCase(), password: user.password },
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.signIn.token).toBeNull(); // the browser does not see its session token
    expect(response.data!.signIn.me.roles).toEqual(['ADMIN_AGENT', 'GLOBAL_ADMIN']);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^csp_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const me = await gql<{ me: { email: string } }>(url, ME, {}, { cookie: cookie.split(';')[0] });
    expect(me.data!.me.email).toBe(user.user.email);
  });

  it('E3: scripts get a Bearer token; sign-out ends the session in the database', async () => {
    const { db, url } = use();
    const partner = await createPartner(db);
    const user = await createUser(db, partner.id, ['SALES_AGENT']);
    const response = await gql<{
      signIn: {
        token: string;
        me: { permissions: { action: string; allowed: boolean; missingRoles: string[] }[] };
      };
    }>(url, SIGN_IN, {
      input: { email: user.user.email, password: user.password, issueToken: true },
    });
    const token = response.data!.signIn.token;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // R9: the permissions tell what the user cannot do and which roles would allow it.
    expect(response.data!.signIn.me.permissions.find((p) => p.action === 'BUY_SOFTWARE')).toEqual({
      action: 'BUY_SOFTWARE',
      allowed: false,
      missingRoles: ['ADMIN_AGENT', 'GLOBAL_ADMIN'],
    });
    expect((await gql(url, ME, {}, { token })).errors).toBeUndefined();
    const sessions = await db.manager.countBy(SessionEntity, { userId: user.user.id });
    expect((await gql(url, 'mutation { signOut }', {}, { token })).data).toEqual({ signOut: true });
    expect(await db.manager.countBy(SessionEntity, { userId: user.user.id })).toBe(sessions - 1);
    expect(errorCode(await gql(url, ME, {}, { token }))).toBe('UNAUTHENTICATED');
  });

  it('E2: a wrong password and an unknown e-mail answer exactly the same', async () => {
    const { db, url } = use();
    const partner = await createPartner(db);
    const user = await createUser(db, partner.id, ['ADMIN_AGENT']);
    const wrongPassword = await gql(url, SIGN_IN, {
      input: { email: user.user.email, password: 'not it' },
    });
    const unknownEmail = await gql(url, SIGN_IN, {
      input: { email: 'nobody@nowhere.test', password: 'not it' },
    });
    expect(errorCode(wrongPassword)).toBe('INVALID_CREDENTIALS');
    expect(wrongPassword.errors).toEqual(unknownEmail.errors);
    expect(wrongPassword.headers.get('set-cookie')).toBeNull();
  });

  it('E1, E2: an empty password or an overlong e-mail is refused on its field as a reason code, worded per Accept-Language', async () => {
    const { url } = use();
    expectRefusal(
      await gql(
        url,
        SIGN_IN,
        { input: { email: 'someone@contoso.example', password: '' } },
        { language: 'ko' },
      ),
      '입력 값이 올바르지 않습니다: 암호를 입력하세요.',
      { field: 'password', reasonCode: 'PASSWORD_REQUIRED' },
    );
    expectRefusal(
      await gql(url, SIGN_IN, {
        input: { email: `${'x'.repeat(250)}@a.test`, password: 'secret' },
      }),
      'Some of the input is not valid: Enter your e-mail address.',
      { field: 'email', reasonCode: 'EMAIL_REQUIRED' },
    );
  });

  it('E6: failed sign-ins are rate-limited per e-mail and address, even with the right password', async () => {
    const { db, url } = use();
    const partner = await createPartner(db);
    const user = await createUser(db, partner.id, ['ADMIN_AGENT']);
    for (let i = 0; i < 5; i++) {
      expect(
        errorCode(
          await gql(url, SIGN_IN, { input: { email: user.user.email, password: `wrong ${i}` } }),
        ),
      ).toBe('INVALID_CREDENTIALS');
    }
    const limited = await gql(url, SIGN_IN, {
      input: { email: user.user.email, password: user.password },
    });
    expect(errorCode(limited)).toBe('TOO_MANY_ATTEMPTS');
    expect(limited.errors![0]!.extensions!['retryAfterSeconds']).toBeGreaterThan(0);
    use().clock.advance(16 * 60 * 1000);
    expect(
      (await gql(url, SIGN_IN, { input: { email: user.user.email, password: user.password } }))
        .errors,
    ).toBeUndefined();
  });

  it('E2: an unknown or missing session is UNAUTHENTICATED, with no data', async () => {
    const { url } = use();
    expect(errorCode(await gql(url, ME))).toBe('UNAUTHENTICATED');
    expect(
      errorCode(await gql(url, '{ customers { totalCount } }', {}, { token: 'made-up-token' })),
    ).toBe('UNAUTHENTICATED');
  });
});
