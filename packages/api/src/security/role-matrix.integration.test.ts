import { can, PERMISSIONS, ROLES } from '@csp/domain';
import { serverText } from '../shared/i18n/server-text.js';
import { afterAll, expect, it } from 'vitest';
import { gql } from '../test-support/client.js';
import { describeEachEngine } from '../test-support/harness.js';
import { partnerObjects } from './fixtures.js';
import { OPERATIONS } from './operations.js';
import { schemaOperations } from './schema-operations.js';

const summary: string[] = [];
afterAll(() => console.log(summary.join('\n')));

describeEachEngine('role matrix (R2–R7, R9)', (use) => {
  it('R2–R9: every operation × every role answers as the domain’s permission table says', async () => {
    const h = use();
    const operations = await schemaOperations();
    // The list of operations comes from the schema: a new operation must be added to OPERATIONS.
    expect(operations.map((o) => o.name).sort()).toEqual(Object.keys(OPERATIONS).sort());

    const objects = await partnerObjects(h);
    const differences: string[] = [];
    for (const { name } of operations) {
      const operation = OPERATIONS[name]!;
      for (const role of ROLES) {
        const token = await objects.newUser([role]);
        const { query, variables } = operation.call(objects);
        const response = await gql(h.url, query, variables, { token });
        const error = response.errors?.[0];
        const code = error?.extensions?.['code'];
        const allowed =
          operation.guard === 'PUBLIC' ||
          operation.guard === 'SIGNED_IN' ||
          can([role], operation.guard).allowed;
        if (response.status >= 500 || code === 'INTERNAL')
          differences.push(`${name} × ${role}: server error`);
        if (allowed && (code === 'FORBIDDEN_ROLE' || code === 'UNAUTHENTICATED'))
          differences.push(`${name} × ${role}: refused but allowed`);
        if (!allowed) {
          const expected = PERMISSIONS[operation.guard as keyof typeof PERMISSIONS].map((r) =>
            serverText('en', `role.${r}`),
          );
          if (code !== 'FORBIDDEN_ROLE')
            differences.push(`${name} × ${role}: allowed (${String(code)}) but not in the table`);
          else if (
            JSON.stringify(error?.extensions?.['missingRoles']) !== JSON.stringify(expected)
          ) {
            differences.push(`${name} × ${role}: refusal does not name the missing roles (R9)`);
          }
        }
      }
      // Without a session, everything but signIn asks to sign in.
      const anonymous = await gql(
        h.url,
        operation.call(objects).query,
        operation.call(objects).variables,
      );
      const anonymousCode = anonymous.errors?.[0]?.extensions?.['code'];
      if (operation.guard !== 'PUBLIC' && anonymousCode !== 'UNAUTHENTICATED')
        differences.push(`${name} × anonymous: ${String(anonymousCode)}`);
    }
    summary.push(
      `authz [${h.engine}]: ${operations.length} operations × ${ROLES.length} roles, ${differences.length} differences`,
    );
    expect(differences).toEqual([]);
  });
});
