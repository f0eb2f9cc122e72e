import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { afterAll, expect, it } from 'vitest';
import { entities } from '../data-source.js';
import { graphqlSchema } from '../schema.js';
import { gql } from '../test-support/client.js';
import { describeEachEngine, type Harness } from '../test-support/harness.js';
import { partnerObjects } from './fixtures.js';
import { ROLES } from '@csp/domain';

const summary: string[] = [];
afterAll(() => console.log(summary.join('\n')));

const nasty = fc.constantFrom(
  '',
  ' ',
  "' OR '1'='1",
  "'); DROP TABLE customers; --",
  '%',
  '_',
  '\\',
  '\u0000',
  '\u202Eevil',
  '𝓤𝓷𝓲𝓬𝓸𝓭𝓮 🚀',
  '<script>alert(1)</script>',
  '00000000-0000-0000-0000-000000000000',
  'not-a-guid',
  '9'.repeat(400),
  'x'.repeat(70_000),
);
const strings = fc.oneof(
  nasty,
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);
const wrongType = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant({}),
  fc.constant([]),
);

/** An arbitrary value for an input type: mostly the right shape, sometimes wrong. */
function arbitraryFor(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return arbitraryFor(type.ofType, depth);
  if (isListType(type))
    return fc.array(arbitraryFor(type.ofType, depth + 1), { maxLength: depth > 1 ? 1 : 4 });
  const named = getNamedType(type);
  let right: fc.Arbitrary<unknown>;
  if (isEnumType(named))
    right = fc.oneof(fc.constantFrom(...named.getValues().map((v) => v.value)), strings);
  else if (isInputObjectType(named)) {
    const fields = Object.values(named.getFields());
    right = fc.record(
      Object.fromEntries(fields.map((f) => [f.name, arbitraryFor(f.type, depth + 1)])),
      { requiredKeys: [] },
    );
  } else if (named.name === 'Int' || named.name === 'SafeInt') {
    right = fc.oneof(
      fc.integer(),
      fc.constantFrom(
        0,
        -1,
        2_147_483_647,
        -2_147_483_648,
        2_147_483_648,
        Number.MAX_SAFE_INTEGER,
        1e308,
      ),
    );
  } else if (named.name === 'Boolean') right = fc.boolean();
  else if (named.name === 'DateTimeISO') {
    right = fc.oneof(
      fc.constantFrom(
        '0001-01-01T00:00:00.000Z',
        '9999-12-31T23:59:59.999Z',
        '2026-02-30T00:00:00Z',
        'yesterday',
        '',
      ),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    );
  } else right = strings;
  return fc.oneof({ arbitrary: right, weight: 4 }, { arbitrary: wrongType, weight: 1 });
}

/** Row counts of every business table; audit tables (activity log, sign-in failures) record refusals by design. */
async function rowCounts(h: Harness): Promise<string> {
  const counts: string[] = [];
  for (const entity of entities) {
    const table = h.db.dataSource.getMetadata(entity).tableName;
    if (table === 'activity_log' || table === 'sign_in_failures') continue;
    counts.push(`${table}=${await h.db.manager.count(entity)}`);
  }
  return counts.join(' ');
}

describeEachEngine('hostile input', (use) => {
  // Every operation × 30 generated calls, each with two row counts: minutes on a busy machine.
  it(
    'E2: generated arguments for every operation: 0 responses 5xx, 0 unhandled rejections, 0 rows changed by a refused call',
    { timeout: 300_000 },
    async () => {
      const h = use();
      const schema = await graphqlSchema();
      const objects = await partnerObjects(h);
      const token = await objects.newUser([...ROLES]);
      let unhandled = 0;
      const onUnhandled = () => unhandled++;
      process.on('unhandledRejection', onUnhandled);
      const problems: string[] = [];
      let calls = 0;
      try {
        const roots = [
          ['query', schema.getQueryType()!],
          ['mutation', schema.getMutationType()!],
        ] as const;
        for (const [kind, root] of roots) {
          for (const field of Object.values(root.getFields()) as GraphQLField<unknown, unknown>[]) {
            if (field.name === 'signOut') continue;
            const varDefs = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
            const argUse = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
            const named = getNamedType(field.type);
            const select = 'getFields' in named ? '{ __typename }' : '';
            const query = `${kind}${varDefs ? `(${varDefs})` : ''} { ${field.name}${argUse ? `(${argUse})` : ''} ${select} }`;
            const args = fc.record(
              Object.fromEntries(field.args.map((a) => [a.name, arbitraryFor(a.type)])),
              { requiredKeys: [] },
            );
            await fc.assert(
              fc.asyncProperty(args, async (variables) => {
                calls++;
                const before = await rowCounts(h);
                const response = await gql(h.url, query, variables as Record<string, unknown>, {
                  token,
                }).catch(
                  (error: unknown) =>
                    ({
                      status: 599,
                      errors: [{ message: String(error), extensions: {} }],
                      data: null,
                    }) as never,
                );
                const code = response.errors?.[0]?.extensions?.['code'];
                if (response.status >= 500 || code === 'INTERNAL') {
                  problems.push(
                    `${field.name} ${JSON.stringify(variables).slice(0, 200)} → ${response.status} ${String(code)}`,
                  );
                }
                if (response.errors?.length && (await rowCounts(h)) !== before) {
                  problems.push(`${field.name}: a refused call changed rows (${String(code)})`);
                }
              }),
              { numRuns: 30 },
            );
          }
        }
      } finally {
        process.off('unhandledRejection', onUnhandled);
      }
      summary.push(
        `hostile input [${h.engine}]: ${calls} generated calls, ${problems.length} 5xx or changed rows, ${unhandled} unhandled rejections`,
      );
      expect(problems).toEqual([]);
      expect(unhandled).toBe(0);
    },
  );
});
