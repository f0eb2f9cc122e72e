import { graphqlSchema } from '../schema.js';

/** Every Query and Mutation field of the schema, e.g. ["query customers", "mutation placeOrder"]. */
export async function schemaOperations(): Promise<{ kind: 'query' | 'mutation'; name: string }[]> {
  const schema = await graphqlSchema();
  return [
    ...Object.keys(schema.getQueryType()!.getFields()).map((name) => ({
      kind: 'query' as const,
      name,
    })),
    ...Object.keys(schema.getMutationType()!.getFields()).map((name) => ({
      kind: 'mutation' as const,
      name,
    })),
  ];
}
