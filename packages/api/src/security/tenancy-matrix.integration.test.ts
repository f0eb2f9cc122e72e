import { ROLES } from '@csp/domain';
import { getNamedType, isObjectType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { afterAll, expect, it } from 'vitest';
import { graphqlSchema } from '../schema.js';
import { gql } from '../test-support/client.js';
import { describeEachEngine } from '../test-support/harness.js';
import { argumentsFor, idsOf } from './argument-builder.js';
import { partnerObjects, type PartnerObjects } from './fixtures.js';

const summary: string[] = [];
afterAll(() => console.log(summary.join('\n')));

/** A selection of every scalar field two levels down, so a leak anywhere in the answer shows. */
function selection(type: GraphQLObjectType, depth = 0): string {
  const fields = Object.values(type.getFields()) as GraphQLField<unknown, unknown>[];
  const parts = fields
    .filter(
      (f) =>
        f.args.every((a) => !('ofType' in a.type) || a.defaultValue !== undefined) ||
        f.args.length === 0,
    )
    .map((f) => {
      const named = getNamedType(f.type);
      if (isObjectType(named))
        return depth < 2 ? `${f.name} { ${selection(named, depth + 1)} }` : '';
      return f.name;
    })
    .filter(Boolean);
  return parts.length ? parts.join(' ') : '__typename';
}

function secretsOf(a: PartnerObjects): string[] {
  return [
    a.customerId,
    a.customerName,
    a.orderId,
    a.spareOrderId,
    a.lineId,
    a.invoiceId,
    a.supportRequestId,
    a.attachmentId,
    a.linkToken,
    a.activationKey,
    a.webhookEndpointId,
    a.webhookDeliveryId,
  ];
}

/** Swap partner A's ids in a value for fresh ids of the same shape: "a missing one". */
function withMissingIds(value: unknown, a: PartnerObjects): unknown {
  const fresh: Record<string, string> = {
    [a.customerId]: crypto.randomUUID(),
    [a.lineId]: crypto.randomUUID(),
    [a.invoiceId]: crypto.randomUUID(),
    [a.attachmentId]: crypto.randomUUID(),
    [a.webhookEndpointId]: crypto.randomUUID(),
    [a.spareWebhookEndpointId]: crypto.randomUUID(),
    [a.webhookDeliveryId]: crypto.randomUUID(),
    [a.orderId]: 'ZZZZZZZZZZZZ',
    [a.spareOrderId]: 'ZZZZZZZZZZZY',
    [a.supportRequestId]: 'SR-ZZZZZZZZZZ',
  };
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
    typeof v === 'string' && fresh[v] ? fresh[v] : v,
  );
}

describeEachEngine('tenancy matrix (R8)', (use) => {
  it('R8: partner B reaches nothing of partner A’s through any operation; a foreign id answers like a missing one', async () => {
    const h = use();
    const schema = await graphqlSchema();
    const a = await partnerObjects(h, 'KR');
    const b = await partnerObjects(h, 'US');
    const bAllRoles = await b.newUser([...ROLES]); // no role ever stops B: only tenancy can
    const leaks: string[] = [];
    let checked = 0;
    const roots: [string, GraphQLObjectType][] = [
      ['query', schema.getQueryType()!],
      ['mutation', schema.getMutationType()!],
    ];
    for (const [kind, root] of roots) {
      for (const field of Object.values(root.getFields()) as GraphQLField<unknown, unknown>[]) {
        if (field.name === 'signOut') continue; // would end B's session; it takes nothing of anyone's
        const named = getNamedType(field.type);
        const select = isObjectType(named) ? `{ ${selection(named)} }` : '';
        const varDefs = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
        const argUse = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
        const query = `${kind}${varDefs ? `(${varDefs})` : ''} { ${field.name}${argUse ? `(${argUse})` : ''} ${select} }`;
        const variables = argumentsFor(field.args, field.name, idsOf(a));
        const foreign = await gql(h.url, query, variables, { token: bAllRoles });
        checked++;
        const body = JSON.stringify({ data: foreign.data, errors: foreign.errors });
        for (const secret of secretsOf(a)) {
          if (body.includes(secret))
            leaks.push(`${field.name} answered partner A’s ${secret.slice(0, 8)}…`);
        }
        const takesIds = JSON.stringify(variables) !== JSON.stringify(withMissingIds(variables, a));
        if (takesIds) {
          const missing = await gql(
            h.url,
            query,
            withMissingIds(variables, a) as Record<string, unknown>,
            { token: bAllRoles },
          );
          const strip = (r: typeof foreign) =>
            JSON.stringify(
              r.errors?.map((e) => ({ message: e.message, code: e.extensions?.['code'] })),
            );
          if (foreign.errors?.[0]?.extensions?.['code'] !== 'NOT_FOUND')
            leaks.push(`${field.name}: a foreign id did not answer NOT_FOUND (${strip(foreign)})`);
          if (strip(foreign) !== strip(missing))
            leaks.push(`${field.name}: a foreign id answers unlike a missing one`);
        }
      }
    }
    // REST routes that take an id or a token.
    const rest = [`/invoices/${a.invoiceId}.csv`, `/files/${a.attachmentId}`];
    for (const path of rest) {
      const foreign = await fetch(`${h.url}${path}`, {
        headers: { authorization: `Bearer ${bAllRoles}` },
      });
      checked++;
      if (foreign.status !== 404) leaks.push(`${path}: ${foreign.status}`);
    }
    const csv = await fetch(
      `${h.url}/activity-log.csv?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&customerId=${a.customerId}`,
      {
        headers: { authorization: `Bearer ${bAllRoles}` },
      },
    );
    checked++;
    const csvText = await csv.text();
    for (const secret of secretsOf(a))
      if (csvText.includes(secret)) leaks.push(`activity-log.csv answered partner A’s data`);
    // Guessed download tokens find nothing.
    for (let i = 0; i < 20; i++) {
      const guess = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
      if ((await fetch(`${h.url}/downloads/${guess}`)).status !== 404)
        leaks.push('a guessed token found a link');
    }
    summary.push(
      `tenancy [${h.engine}]: ${checked} operations and routes aimed at another partner, ${leaks.length} leaks`,
    );
    expect(leaks).toEqual([]);
  });
});
