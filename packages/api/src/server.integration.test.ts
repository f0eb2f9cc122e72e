import { expect, it } from 'vitest';
import { errorCode, gql } from './test-support/client.js';
import { createTenant } from './test-support/factories.js';
import { describeEachEngine } from './test-support/harness.js';

describeEachEngine(
  'GraphQL endpoint in production mode',
  (use) => {
    it('/healthz answers with the database engine', async () => {
      const response = await fetch(`${use().url}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', database: use().engine });
    });

    it('security headers are on every response', async () => {
      const response = await fetch(`${use().url}/healthz`);
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-powered-by')).toBeNull();
    });

    it('refuses introspection and hides field suggestions in production', async () => {
      const { db, url } = use();
      const { admin } = await createTenant(db);
      const introspection = await gql(
        url,
        '{ __schema { types { name } } }',
        {},
        { token: admin.token },
      );
      expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
      const typo = await gql(url, '{ custmers { totalCount } }', {}, { token: admin.token });
      expect(errorCode(typo)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(typo.errors![0]!.message).not.toMatch(/Did you mean/);
    });

    it('refuses batched operations, GET mutations and simple (CSRF-able) requests', async () => {
      const { url } = use();
      const batch = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
      });
      expect(batch.status).toBe(400);
      const getMutation = await fetch(
        `${url}/graphql?query=${encodeURIComponent('mutation { signOut }')}`,
        {
          headers: { 'apollo-require-preflight': 'true' },
        },
      );
      expect(getMutation.status).toBe(405);
      const simpleGet = await fetch(`${url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
      expect(simpleGet.status).toBe(400); // CSRF prevention: no preflight header
      const form = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'query=%7B__typename%7D',
      });
      expect(form.status).toBeGreaterThanOrEqual(400);
    });

    it('limits depth and aliases, and never shows a stack trace', async () => {
      const { db, url } = use();
      const { admin } = await createTenant(db);
      const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(' ');
      const tooManyAliases = await gql(url, `{ ${aliases} }`, {}, { token: admin.token });
      expect(tooManyAliases.errors?.[0]?.message).toMatch(/Aliases limit of 30/);
      const deep = `{ customers { edges { node { ${'orders { customer { '.repeat(6)} id ${'} } '.repeat(6)} } } } }`;
      const tooDeep = await gql(url, deep, {}, { token: admin.token });
      expect(tooDeep.errors?.[0]?.message).toMatch(/depth limit of 12/);
      const body = JSON.stringify(tooDeep);
      expect(body).not.toMatch(/stacktrace|at .*\.js:\d+/);
    });

    it('refuses a request body over 100 kB with a clear message', async () => {
      const response = await fetch(`${use().url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(200_000) } }),
      });
      expect(response.status).toBe(413);
    });
  },
  { production: true },
);
