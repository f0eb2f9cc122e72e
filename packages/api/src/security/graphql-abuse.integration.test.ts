import { afterAll, expect, it } from 'vitest';
import { createTenant } from '../test-support/factories.js';
import { describeEachEngine, type Harness } from '../test-support/harness.js';

const summary: string[] = [];
afterAll(() => console.log(summary.join('\n')));

const post = (h: Harness, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${h.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** Did the server execute it? Executed operations answer with `data`. */
async function executed(response: Response): Promise<boolean> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { data?: unknown };
    return response.status < 400 && body.data !== undefined && body.data !== null;
  } catch {
    return false;
  }
}

const circularIntrospection = `{ __schema { types { fields { type { fields { type { fields { type { fields { type { fields { type { fields { type { fields { type { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } } } } } } } } } } } } } } } } } }`;

describeEachEngine(
  'GraphQL abuse, the checks a GraphQL security scanner runs (production mode)',
  (use) => {
    it('E2/E3: 12 scanner checks, 0 findings; body and upload limits hold', async () => {
      const h = use();
      const { admin } = await createTenant(h.db);
      const auth = { authorization: `Bearer ${admin.token}` };
      const findings: string[] = [];
      const check = async (name: string, finding: () => Promise<boolean>) => {
        if (await finding()) findings.push(name);
      };

      await check('101 aliases accepted', async () =>
        executed(
          await post(
            h,
            {
              query: `{ ${Array.from({ length: 101 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
            },
            auth,
          ),
        ),
      );
      await check('10 batched operations accepted', async () =>
        executed(
          await post(
            h,
            Array.from({ length: 10 }, () => ({ query: '{ __typename }' })),
            auth,
          ),
        ),
      );
      await check('500 duplicated fields accepted', async () =>
        executed(await post(h, { query: `{ ${'__typename '.repeat(500)} }` }, auth)),
      );
      await check('repeated directives accepted', async () =>
        executed(
          await post(
            h,
            { query: '{ __typename @skip(if: false) @skip(if: false) @skip(if: false) }' },
            auth,
          ),
        ),
      );
      await check('directive overloading accepted', async () =>
        executed(await post(h, { query: `{ __typename ${'@aa '.repeat(100)} }` }, auth)),
      );
      await check('circular introspection accepted', async () =>
        executed(await post(h, { query: circularIntrospection }, auth)),
      );
      await check('introspection enabled in production', async () =>
        executed(await post(h, { query: '{ __schema { queryType { name } } }' }, auth)),
      );
      await check('field suggestions in production', async () => {
        const text = await (await post(h, { query: '{ custmers { totalCount } }' }, auth)).text();
        return /Did you mean/i.test(text);
      });
      await check('GET query without the CSRF header executed', async () =>
        executed(
          await fetch(`${h.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
            headers: auth,
          }),
        ),
      );
      await check('mutation over GET executed', async () =>
        executed(
          await fetch(`${h.url}/graphql?query=${encodeURIComponent('mutation { signOut }')}`, {
            headers: { ...auth, 'apollo-require-preflight': '1' },
          }),
        ),
      );
      await check('form-encoded POST executed', async () =>
        executed(
          await fetch(`${h.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', ...auth },
            body: `query=${encodeURIComponent('{ __typename }')}`,
          }),
        ),
      );
      await check('GraphQL IDE exposed to anonymous users', async () => {
        const page = await fetch(`${h.url}/graphql`, { headers: { accept: 'text/html' } });
        return /graphiql|apollo sandbox|playground/i.test(await page.text());
      });
      await check('stack traces in errors', async () => {
        const bodies = await Promise.all([
          post(h, '{"query": "{ customers(first: \\"x\\") { totalCount } }"}', auth).then((r) =>
            r.text(),
          ),
          post(h, '{ not json', auth).then((r) => r.text()),
          post(h, { query: '{ customer(id: "nope") { id } }' }, auth).then((r) => r.text()),
        ]);
        return bodies.some((b) => /stacktrace|\bat [\w.<>]+ \(|node_modules|\.ts:\d+/.test(b));
      });

      // Limits beyond the scanner: request body 100 kB, uploads 10 MB.
      const bigBody = await post(
        h,
        { query: '{ __typename }', variables: { pad: 'x'.repeat(150_000) } },
        auth,
      );
      const bigUpload = await fetch(`${h.url}/files`, {
        method: 'POST',
        headers: { ...auth, 'x-csp-upload': '1', 'x-file-name': 'big.txt' },
        body: Buffer.alloc(11 * 1024 * 1024, 'a'),
      });
      if (bigBody.status !== 413) findings.push(`a ${bigBody.status} for a 150 kB body`);
      if (bigUpload.status !== 413) findings.push(`a ${bigUpload.status} for an 11 MB upload`);

      summary.push(
        `graphql abuse [${h.engine}]: 13 scanner checks + 2 size limits, ${findings.length} findings`,
      );
      expect(findings).toEqual([]);
    });

    it('E2: a string argument holding graphql-jit’s code markers stays data (decision 024)', async () => {
      const h = use();
      const { admin } = await createTenant(h.db);
      // graphql-jit 0.8.9 would turn this literal into `new Date(0), x: (globalThis… = 1), …`.
      const probe = '__cspCompiledExecutorProbe';
      const search = `__MAGIC_DATE__33a9e76d_02e0_4128_8e92_3530ad3da74d0), x: (globalThis.${probe} = 1), y: (0`;
      const query = `{ customers(search: ${JSON.stringify(search)}) { totalCount } }`;
      for (let i = 0; i < 2; i++) {
        const response = await post(h, { query }, { authorization: `Bearer ${admin.token}` });
        expect(await response.json()).toEqual({ data: { customers: { totalCount: 0 } } });
      }
      expect((globalThis as Record<string, unknown>)[probe]).toBeUndefined();
    });
  },
  { production: true },
);

describeEachEngine('GraphQL abuse (development mode, introspection on)', (use) => {
  it('E3: the explorer’s introspection works, circular introspection does not', async () => {
    const h = use();
    const { admin } = await createTenant(h.db);
    const auth = { authorization: `Bearer ${admin.token}` };
    const { getIntrospectionQuery } = await import('graphql');
    expect(await executed(await post(h, { query: getIntrospectionQuery() }, auth))).toBe(true);
    expect(await executed(await post(h, { query: circularIntrospection }, auth))).toBe(false);
  });
});
