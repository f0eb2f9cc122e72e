import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

export const MAX_DEPTH = 12;
export const MAX_ALIASES = 30;
export const MAX_COMPLEXITY = 5_000;
/** Depth counting every field, introspection included (GraphiQL's own query needs about 14). */
export const MAX_TOTAL_DEPTH = 20;
export const MAX_FIELDS = 500;
/** The same field asked for more than this many times in one selection set is refused. */
export const MAX_REPEATS = 5;

/**
 * Refuses circular introspection, field duplication and oversized selections: walks each
 * operation with its fragments (a cycle stops at the depth limit) and counts what it asks for.
 */
export function selectionLimits(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(operation) {
      let fields = 0;
      let deepest = 0;
      let repeated: string | null = null;
      const walk = (set: SelectionSetNode, depth: number): void => {
        if (depth > MAX_TOTAL_DEPTH || fields > MAX_FIELDS) {
          deepest = Math.max(deepest, depth);
          return;
        }
        const seen = new Map<string, number>();
        for (const selection of set.selections) {
          if (selection.kind === Kind.FIELD) {
            fields++;
            deepest = Math.max(deepest, depth);
            const key = selection.alias?.value ?? selection.name.value;
            const count = (seen.get(key) ?? 0) + 1;
            seen.set(key, count);
            if (count > MAX_REPEATS) repeated ??= key;
            if (selection.selectionSet) walk(selection.selectionSet, depth + 1);
          } else if (selection.kind === Kind.INLINE_FRAGMENT) {
            walk(selection.selectionSet, depth);
          } else {
            const fragment = context.getFragment(selection.name.value);
            if (fragment) walk(fragment.selectionSet, depth);
          }
        }
      };
      walk(operation.selectionSet, 1);
      if (deepest > MAX_TOTAL_DEPTH) {
        context.reportError(
          new GraphQLError(
            `The operation is nested too deeply (at most ${MAX_TOTAL_DEPTH} levels).`,
            { nodes: [operation] },
          ),
        );
      } else if (fields > MAX_FIELDS) {
        context.reportError(
          new GraphQLError(`The operation asks for too many fields (at most ${MAX_FIELDS}).`, {
            nodes: [operation],
          }),
        );
      } else if (repeated) {
        context.reportError(
          new GraphQLError(`The field "${repeated}" is repeated more than ${MAX_REPEATS} times.`, {
            nodes: [operation],
          }),
        );
      }
    },
  };
}

/** Refuses operations with more aliases than any screen needs (alias-based amplification). */
export function aliasLimit(max = MAX_ALIASES) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias && ++aliases === max + 1) {
          context.reportError(
            new GraphQLError(`Too many aliases: at most ${max} per operation.`, { nodes: [node] }),
          );
        }
      },
    };
  };
}

/** Query complexity as a plugin (as a validation rule it breaks on operations with variables). */
export function complexityLimit(schema: GraphQLSchema, max = MAX_COMPLEXITY): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              operationName: request.operationName ?? undefined,
              query: document,
              variables: request.variables ?? {},
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (error) {
            // Bad variables surface here first (before execution coerces them): the caller's input.
            throw new GraphQLError(error instanceof Error ? error.message : 'Invalid variables.', {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
          if (complexity > max) {
            throw new GraphQLError(`The query is too complex (${complexity}; at most ${max}).`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
