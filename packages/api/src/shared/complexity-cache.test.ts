import type { GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { graphqlSchema } from '../schema.js';
import { complexityLimit, MAX_COMPLEXITY, operationCost } from './graphql-limits.js';

type Context = GraphQLRequestContextDidResolveOperation<Record<string, never>>;

describe('the cost limit, remembered per document (issue 13)', () => {
  it('E6: one parsed document with different variables gets each one’s own verdict, every time', async () => {
    const schema = await graphqlSchema();
    const listeners = await complexityLimit(schema).requestDidStart!({ request: {} } as never);
    const document = parse(
      'query($n: Int) { customers(first: $n) { edges { node { orders { lines { links { id } } } } } } }',
    );
    const verdict = async (n: number) => {
      try {
        await listeners!.didResolveOperation!({
          request: { variables: { n } },
          document,
        } as unknown as Context);
        return 'allowed';
      } catch (error) {
        return (error as { extensions?: { code?: string } }).extensions?.code;
      }
    };
    const cost = (n: number) => operationCost(schema, document, { n });
    expect(cost(1)).toBeLessThanOrEqual(MAX_COMPLEXITY);
    expect(cost(100)).toBeGreaterThan(MAX_COMPLEXITY);
    for (let round = 0; round < 3; round++) {
      expect(await verdict(1)).toBe('allowed');
      expect(await verdict(100)).toBe('QUERY_TOO_COMPLEX');
    }
  });
});
