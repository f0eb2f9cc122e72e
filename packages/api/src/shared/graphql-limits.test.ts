import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  typeFromAST,
  validate,
  type DocumentNode,
  type GraphQLInputType,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { MAX_COMPLEXITY, operationCost } from './graphql-limits.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const schema = buildSchema(readFileSync(path.join(here, '../../schema.graphql'), 'utf8'));
const webSrc = path.join(here, '../../../web/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'gql' ? [] : sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

/** Every operation and fragment the web sends, from its `graphql(`…`)` documents. */
const webDocuments = sourceFiles(webSrc).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/graphql\(\s*`([^`]*)`/g)].map((m) => m[1]!),
);
const fragments = webDocuments.filter((d) => /^\s*fragment\b/.test(d)).join('\n');

/** A value of every variable, with Int at 1,000 so that any `first` counts at its largest page. */
function sampleValue(type: GraphQLInputType, depth = 0): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType, depth);
  if (isListType(type)) return [sampleValue(type.ofType, depth + 1)];
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]!.value;
  if (isInputObjectType(named)) {
    return Object.fromEntries(
      Object.values(named.getFields()).map((f) => [f.name, sampleValue(f.type, depth + 1)]),
    );
  }
  if (named.name === 'Int') return 1_000;
  if (named.name === 'Boolean') return true;
  if (named.name === 'DateTimeISO') return '2026-01-01T00:00:00.000Z';
  return 'x';
}

function sampleVariables(document: DocumentNode): Record<string, unknown> {
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
  )!;
  return Object.fromEntries(
    (operation.variableDefinitions ?? []).map((v) => [
      v.variable.name.value,
      sampleValue(typeFromAST(schema, v.type as never) as GraphQLInputType),
    ]),
  );
}

describe('query cost (issue 10)', () => {
  it('E6: every operation of the web fits under the cost limit', () => {
    const operations = webDocuments.filter((d) => /^\s*(query|mutation)\b/.test(d));
    expect(operations.length).toBeGreaterThan(10);
    const costs: string[] = [];
    for (const operation of operations) {
      const document = parse(`${operation}\n${fragments}`);
      expect(
        validate(schema, document).filter((e) => !/Fragment .* never used/.test(e.message)),
      ).toEqual([]);
      const cost = operationCost(schema, document, sampleVariables(document));
      expect(cost, operation.slice(0, 60)).toBeLessThanOrEqual(MAX_COMPLEXITY);
      costs.push(`${/(?:query|mutation)\s+(\w+)/.exec(operation)?.[1]} ${cost}`);
    }
    console.log(`web operation costs (limit ${MAX_COMPLEXITY}): ${costs.join(', ')}`);
  });

  it('E6: a list under a list multiplies; a page size counts as asked', () => {
    const cost = (q: string) => operationCost(schema, parse(q));
    expect(cost('{ customer(id: "c") { orders(first: 10) { id } } }')).toBe(1 + 1 + 10);
    expect(cost('{ customer(id: "c") { orders(first: 10) { lines { id } } } }')).toBe(
      1 + 1 + 10 * (1 + 20),
    );
    // Without `first`, the page the resolver returns (200); above the largest page, the largest.
    expect(cost('{ customer(id: "c") { orders { id } } }')).toBe(202);
    expect(cost('{ customer(id: "c") { orders(first: 5000) { id } } }')).toBe(202);
    // Apollo Client adds __typename to every object it asks for; answering it runs no resolver.
    expect(cost('{ customer(id: "c") { __typename orders { __typename id } } }')).toBe(202);
    expect(
      cost(
        '{ customer(id: "c") { orders { customer { orders { customer { orders { id } } } } } } }',
      ),
    ).toBeGreaterThan(MAX_COMPLEXITY);
  });
});
