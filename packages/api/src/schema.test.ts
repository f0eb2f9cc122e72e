import type { GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { graphqlSchema } from './schema.js';

describe('schema resolvers (issue 13)', () => {
  it('plain fields read the property with no wrapper; field resolvers keep theirs', async () => {
    const schema = await graphqlSchema();
    const line = (schema.getType('OrderLine') as GraphQLObjectType).getFields();
    expect(line['id']!.resolve).toBeUndefined();
    expect(line['quantity']!.resolve).toBeUndefined();
    expect(line['links']!.resolve).toBeTypeOf('function');
    expect(line['product']!.resolve).toBeTypeOf('function');
    const query = (schema.getType('Query') as GraphQLObjectType).getFields();
    expect(query['customers']!.resolve).toBeTypeOf('function');
  });
});
