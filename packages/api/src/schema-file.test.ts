import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printSchemaFile, SCHEMA_FILE } from './schema-file.js';

describe('schema.graphql', () => {
  it('E3: the committed schema is the one the resolvers build (run `pnpm --filter @csp/api schema`)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await printSchemaFile());
  });
});
