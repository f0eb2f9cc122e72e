import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { PageInfo } from './shared/graphql-types.js';
import { printSchemaFile, SCHEMA_FILE } from './schema-file.js';
import { graphqlSchema } from './schema.js';

/** Every description the explorer shows, with where it is. */
function descriptions(schema: GraphQLSchema): { at: string; text: string | null | undefined }[] {
  const found: { at: string; text: string | null | undefined }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    found.push({ at: type.name, text: type.description });
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        found.push({ at: `${type.name}.${field.name}`, text: field.description });
        for (const arg of 'args' in field ? field.args : []) {
          found.push({ at: `${type.name}.${field.name}(${arg.name})`, text: arg.description });
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) {
        found.push({ at: `${type.name}.${value.name}`, text: value.description });
      }
    }
  }
  return found;
}

describe('schema.graphql', () => {
  it('E3: the committed schema is the one the resolvers build (run `pnpm --filter @csp/api schema`)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await printSchemaFile());
  });

  it('describes every type, field, argument and enum value for the explorer', async () => {
    const missing = descriptions(await graphqlSchema()).filter(({ text }) => !text?.trim());
    expect(missing.map(({ at }) => at)).toEqual([]);
  });

  it('keeps rule ids (C7, R5, …) in the code and tests, not in the public descriptions', async () => {
    const withIds = descriptions(await graphqlSchema()).filter(({ text }) =>
      /(^|[^\w-])[A-Z]\d{1,2}(?=$|[^\w])/.test(text ?? ''),
    );
    expect(withIds).toEqual([]);
  });
});

describe('PageInfo.forward', () => {
  it('names the first and last cursor of the page; lists page forward only', () => {
    const page = PageInfo.forward([{ cursor: 'a' }, { cursor: 'b' }, { cursor: 'c' }], true);
    expect(page).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: 'a',
      endCursor: 'c',
    });
  });

  it('has no cursors for an empty page', () => {
    expect(PageInfo.forward([], false)).toMatchObject({ startCursor: null, endCursor: null });
  });
});
