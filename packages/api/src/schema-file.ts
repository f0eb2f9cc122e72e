import { lexicographicSortSchema, printSchema } from 'graphql';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { graphqlSchema } from './schema.js';

export const SCHEMA_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../schema.graphql',
);

export async function printSchemaFile(): Promise<string> {
  const header =
    '# Generated from the resolvers by `pnpm --filter @csp/api schema`. Do not edit.\n\n';
  return header + printSchema(lexicographicSortSchema(await graphqlSchema())) + '\n';
}
