import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signInFailureDelayMs } from '@csp/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server.js';
import { KeyVault } from '../modules/software/key-vault.js';
import { gql } from '../test-support/client.js';
import { createPartner, createUser } from '../test-support/factories.js';
import { openTestDatabase, TestClock } from '../test-support/harness.js';
import type { Database } from '../data-source.js';
import { silentLogger } from '../shared/logger.js';

const summary: string[] = [];

/** The web surface with the SPA served, as `pnpm start` serves it. */
describe('web hardening [embedded]', () => {
  let db: Database;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    db = await openTestDatabase('embedded');
    const webDist = mkdtempSync(path.join(tmpdir(), 'csp-web-'));
    writeFileSync(
      path.join(webDist, 'index.html'),
      '<!doctype html><title>CSP Software Portal</title><div id="root"></div>',
    );
    const { app } = await createApp({
      db,
      clock: new TestClock(),
      logger: silentLogger,
      vault: KeyVault.random(),
      mediaDir: webDist,
      production: true,
      webDist,
    });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    console.log(summary.join('\n'));
    await new Promise((resolve) => server.close(resolve));
    await db.close();
  });

  it('security headers on every page: CSP with frame-ancestors none, nosniff', async () => {
    const paths = [
      '/',
      '/customers',
      '/customers/x/software',
      '/explorer',
      '/billing',
      '/graphql',
      '/healthz',
      '/downloads/nope',
      '/files/nope',
    ];
    let checked = 0;
    for (const p of paths) {
      const response = await fetch(`${url}${p}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, p).toContain("frame-ancestors 'none'");
      expect(csp, p).toContain("script-src 'self'");
      expect(csp, p).not.toContain("'unsafe-eval'");
      expect(response.headers.get('x-content-type-options'), p).toBe('nosniff');
      checked++;
    }
    summary.push(`hardening: security headers on ${checked} paths`);
  });

  it('the session cookie is HttpOnly and SameSite, and Secure behind HTTPS', async () => {
    const partner = await createPartner(db);
    const user = await createUser(db, partner.id, ['ADMIN_AGENT']);
    const signIn = (headers: Record<string, string>) =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({
          query: 'mutation($i: SignInInput!) { signIn(input: $i) { me { email } } }',
          variables: { i: { email: user.user.email, password: user.password } },
        }),
      });
    const plain = (await signIn({})).headers.get('set-cookie')!;
    expect(plain).toMatch(/HttpOnly/i);
    expect(plain).toMatch(/SameSite=Lax/i);
    expect(plain).not.toMatch(/Secure/i);
    const https = (await signIn({ 'x-forwarded-proto': 'https' })).headers.get('set-cookie')!;
    expect(https).toMatch(/; Secure/i);
  });

  it('sign-in answers the same for a wrong e-mail and a wrong password, and slows down after repeated failures', async () => {
    const partner = await createPartner(db);
    const user = await createUser(db, partner.id, ['ADMIN_AGENT']);
    const attempt = async (email: string) => {
      const started = performance.now();
      const response = await gql(
        url,
        'mutation($i: SignInInput!) { signIn(input: $i) { me { email } } }',
        { i: { email, password: 'wrong' } },
      );
      return { body: JSON.stringify(response.errors), ms: performance.now() - started };
    };
    const wrongPassword = await attempt(user.user.email);
    const wrongEmail = await attempt('nobody-at-all@example.test');
    expect(wrongPassword.body).toBe(wrongEmail.body);
    const times: number[] = [wrongPassword.ms];
    for (let i = 0; i < 3; i++) times.push((await attempt(user.user.email)).ms);
    // The domain's waits (0, 0, 250, 500 ms) are each a floor under that answer's time, whatever
    // the machine's load does to the rest (a slow first answer made a difference of times flaky);
    // 5 ms for timer granularity.
    for (const [index, ms] of times.entries()) {
      expect(ms, `failure ${index + 1}`).toBeGreaterThanOrEqual(
        signInFailureDelayMs(index + 1) - 5,
      );
    }
    expect(signInFailureDelayMs(4)).toBeGreaterThan(0);
    expect(times[3]!).toBeGreaterThan(times[0]!);
    summary.push(
      `hardening: sign-in failures answered in ${times.map((t) => Math.round(t)).join(', ')} ms`,
    );
  });
});
