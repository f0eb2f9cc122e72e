import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../data-source.js';
import { KeyVault } from '../modules/software/key-vault.js';
import { seedCatalog } from '../seed/catalog-data.js';
import { createApp } from '../server.js';
import { createTenant, createUser } from '../test-support/factories.js';
import { openTestDatabase, TestClock } from '../test-support/harness.js';
import { createLogger } from './logger.js';
import type { ExecutorKind } from './compiled-executor.js';

/**
 * Decision 024: the compiled executor answers exactly as graphql-js does, data and errors alike,
 * with the same HTTP status. Two apps on one database, one per executor, asked the same requests.
 */
describe('compiled executor ≡ graphql-js (decision 024)', () => {
  let db: Database;
  const servers: Server[] = [];
  const base = {} as Record<ExecutorKind, string>;

  beforeAll(async () => {
    db = await openTestDatabase('embedded');
    await db.transaction((m) => seedCatalog(m));
    const clock = new TestClock();
    const vault = KeyVault.random();
    const mediaDir = mkdtempSync(path.join(tmpdir(), 'csp-media-'));
    for (const executor of ['compiled', 'graphql-js'] as const) {
      const { app } = await createApp({
        db,
        clock,
        logger: createLogger(() => undefined),
        vault,
        mediaDir,
        production: true,
        webDist: null,
        executor,
      });
      const server = await new Promise<Server>((resolve) => {
        const s = app.listen(0, '127.0.0.1', () => resolve(s));
      });
      servers.push(server);
      base[executor] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    }
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
    await db.close();
  });

  const ask = async (executor: ExecutorKind, body: unknown, token?: string, language = 'en') => {
    const response = await fetch(`${base[executor]}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': language,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  it('E1/E2/R9: data, refusals, bad variables, sign-in defaults: the same answers', async () => {
    const { partner, admin, customer } = await createTenant(db);
    const viewer = await createUser(db, partner.id, ['SALES_AGENT']);
    const requests: [unknown, string | undefined, string?][] = [
      [
        { query: '{ me { email roles permissions { action allowed missingRoles } } }' },
        admin.token,
      ],
      [
        {
          query:
            'query($id: ID!) { customer(id: $id) { id name market currency software { id } } }',
          variables: { id: customer.id },
        },
        admin.token,
      ],
      [
        {
          query: 'query($id: ID!) { customer(id: $id) { id } }',
          variables: { id: 'no-such-customer' },
        },
        admin.token,
        'ko',
      ],
      [
        {
          query: `{ activityLog(from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z") { edges { cursor } } }`,
        },
        viewer.token,
        'ko',
      ],
      [{ query: '{ me { email } }' }, undefined],
      [
        {
          query: 'query($first: Int) { customers(first: $first) { totalCount } }',
          variables: { first: 'x' },
        },
        admin.token,
      ],
      [{ query: '{ customers(first: 1000) { totalCount } }' }, admin.token],
      [{ query: '{ nope }' }, admin.token],
      [
        {
          query: 'mutation($i: SignInInput!) { signIn(input: $i) { me { email } token } }',
          variables: { i: { email: admin.user.email, password: admin.password } },
        },
        undefined,
      ],
    ];
    for (const [body, token, language] of requests) {
      const compiled = await ask('compiled', body, token, language);
      const interpreted = await ask('graphql-js', body, token, language);
      expect(compiled, JSON.stringify(body)).toEqual(interpreted);
    }
  });
});
