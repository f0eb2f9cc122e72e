import { MAX_ATTACHMENTS, MAX_ORDER_LINES } from '@csp/domain';
import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  getNullableType,
  GraphQLError,
  isListType,
  Kind,
  type ASTVisitor,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { languageOf, serverText } from './i18n/server-text.js';

export const MAX_DEPTH = 12;
export const MAX_ALIASES = 30;
export const MAX_DIRECTIVES = 10;
/** Lexical tokens per document (graphql-js parse option): the explorer's introspection needs ~330. */
export const MAX_TOKENS = 2_000;
/**
 * The cost of an operation is about the number of fields it can make the server resolve, with
 * every list counted at its largest size (see LIST_SIZES). The heaviest screen of the web (order
 * history, 200 orders × 20 lines) costs about 65,000; resolving 100,000 fields takes the server
 * about a second and answers about 2 MB. See docs/security.md.
 */
export const MAX_COMPLEXITY = 100_000;
/** Depth counting every field, introspection included (GraphiQL's own query needs about 14). */
export const MAX_TOTAL_DEPTH = 20;
export const MAX_FIELDS = 500;
/** The same field asked for more than this many times in one selection set is refused. */
export const MAX_REPEATS = 5;

/** A paged list: how many items it returns without `first`, and the largest `first` it accepts. */
export interface PageLimits {
  fallback: number;
  max: number;
}

/**
 * Fields that take `first`. Their resolvers call `pageSize(first, fallback, max)` with these same
 * numbers, so the estimate is the real largest page.
 */
export const PAGED_FIELDS: Record<string, PageLimits> = {
  'Query.customers': { fallback: 20, max: 100 },
  'Query.activityLog': { fallback: 50, max: 200 },
  'Customer.orders': { fallback: 200, max: 200 },
  'Customer.software': { fallback: 200, max: 200 },
  'Invoice.lines': { fallback: 2_000, max: 2_000 },
  'Query.cancellationsClosingSoon': { fallback: 50, max: 100 },
  'Query.webhookDeliveries': { fallback: 20, max: 100 },
  'Query.invoices': { fallback: 24, max: 100 },
  'Query.supportRequests': { fallback: 20, max: 100 },
};

/** The schema's description of a paged field's `first`, from the same numbers. */
export function firstDescription(key: string): string {
  const page = PAGED_FIELDS[key];
  if (!page) throw new Error(`${key} is not in PAGED_FIELDS`);
  return page.fallback === page.max
    ? `Page size: 1 to ${page.max} (the default).`
    : `Page size: 1 to ${page.max}, default ${page.fallback}.`;
}

/**
 * The largest number of items each unpaged list can hold. Where the domain bounds a list the bound
 * is exact (20 lines per order, 5 attachments, 6 actions); where it does not, the number is
 * what a partner of the largest size we plan for has (invoices: 8 years of months; live links per
 * line). A list missing here counts as DEFAULT_LIST_SIZE.
 */
export const LIST_SIZES: Record<string, number> = {
  // Edges of a connection: the connection field already multiplied by its page size.
  'CustomerConnection.edges': 1,
  'ActivityConnection.edges': 1,
  'ClosingSoonConnection.edges': 1,
  'WebhookDeliveryConnection.edges': 1,
  'InvoiceConnection.edges': 1,
  'SupportRequestConnection.edges': 1,
  'Query.webhookEndpoints': 10, // MAX_WEBHOOK_ENDPOINTS
  'WebhookEndpoint.events': 5, // WEBHOOK_EVENTS
  'Order.lines': MAX_ORDER_LINES,
  'CancellationOption.lines': 20,
  'CancelPurchasePayload.cancelledLines': 20,
  'CancellationOptions.orders': 200,
  'OrderLine.links': 10,
  'SupportRequest.attachments': MAX_ATTACHMENTS,
  'Query.catalog': 100,
  'CatalogProduct.skus': 10,
  'Me.permissions': 6,
};
export const DEFAULT_LIST_SIZE = 100;

/**
 * Cost of a field: 1, plus its children's cost times how many items it can return: its `first`
 * (or the page it returns without one), else the list's largest size. So a list nested in a list
 * multiplies, which is what the work does (issue 10: six nested `orders` of a customer).
 */
export const listAwareEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const key = `${type.name}.${field.name}`;
  const page = PAGED_FIELDS[key];
  let items = 1;
  if (page) {
    const first = args['first'] as unknown;
    items = typeof first === 'number' && first >= 1 ? Math.min(first, page.max) : page.fallback;
  } else if (isListType(getNullableType(field.type))) {
    items = LIST_SIZES[key] ?? DEFAULT_LIST_SIZE;
  }
  return 1 + items * childComplexity;
};

/**
 * Introspection is off in production and its circular form is refused by selectionLimits.
 * `__typename` costs nothing: graphql-js answers it from the type without running a resolver, and
 * Apollo Client adds it to every object it asks for (a fifth of order history's fields).
 */
const introspectionEstimator: ComplexityEstimator = ({ type, field, childComplexity }) => {
  if (field.name === '__typename') return 0;
  return type.name.startsWith('__') || field.name.startsWith('__')
    ? 1 + childComplexity
    : undefined;
};

/** Costs remembered per document (distinct operation name and variables). */
const COST_CACHE_ENTRIES = 64;

/** Cost of an operation as the plugin computes it (exported for tests and the docs' figures). */
export function operationCost(
  schema: GraphQLSchema,
  query: Parameters<typeof getComplexity>[0]['query'],
  variables: Record<string, unknown> = {},
  operationName?: string,
): number {
  return getComplexity({
    schema,
    query,
    variables,
    operationName,
    estimators: [introspectionEstimator, listAwareEstimator],
  });
}

/** Armor's rules report through the validation context instead of throwing out of `validate`. */
const report = {
  propagateOnRejection: false,
  exposeLimits: true,
  // Armor prefixes its messages with "Syntax Error:", which they are not.
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''))),
  ],
};

/** Depth, aliases and directives: GraphQL Armor's validation rules (decision 009). */
export function armorRules(): ValidationRule[] {
  return [
    maxDepthRule({ n: MAX_DEPTH, ignoreIntrospection: true, ...report }) as ValidationRule,
    // `__typename` aliases count too (Armor allows them by default).
    maxAliasesRule({ n: MAX_ALIASES, allowList: [], ...report }) as ValidationRule,
    maxDirectivesRule({ n: MAX_DIRECTIVES, ...report }) as ValidationRule,
  ];
}

/**
 * Refuses circular introspection, field duplication and oversized selections: walks each
 * operation with its fragments (a cycle stops at the depth limit) and counts what it asks for.
 * Armor has no rule for these; its depth rule skips introspection.
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

/**
 * Query cost as a plugin (as a validation rule it breaks on operations with variables): runs after
 * validation and before any resolver, so a refused operation touches nothing.
 */
export function complexityLimit(schema: GraphQLSchema, max = MAX_COMPLEXITY): ApolloServerPlugin {
  // Issue 13: the cost of a document with the same operation name and variables is the same every
  // time; Apollo hands the same parsed document for the same query text, so remember it there.
  const costs = new WeakMap<object, Map<string, number>>();
  const costOf = (
    document: Parameters<typeof operationCost>[1],
    variables: Record<string, unknown>,
    operationName: string | undefined,
  ) => {
    const key = `${operationName ?? ''}\u0000${JSON.stringify(variables)}`;
    let known = costs.get(document);
    const cached = known?.get(key);
    if (cached !== undefined) return cached;
    const cost = operationCost(schema, document, variables, operationName);
    if (!known) costs.set(document, (known = new Map()));
    if (known.size >= COST_CACHE_ENTRIES) known.clear(); // variables that vary every time
    known.set(key, cost);
    return cost;
  };
  return {
    async requestDidStart({ request: { http } }) {
      const language = languageOf(http?.headers.get('accept-language'));
      return {
        async didResolveOperation({ request, document }) {
          let complexity: number;
          try {
            complexity = costOf(
              document,
              request.variables ?? {},
              request.operationName ?? undefined,
            );
          } catch (error) {
            // Bad variables surface here first (before execution coerces them): the caller's input.
            throw new GraphQLError(error instanceof Error ? error.message : 'Invalid variables.', {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
          if (complexity > max) {
            throw new GraphQLError(
              serverText(language, 'request.QUERY_TOO_COMPLEX', { complexity, max }),
              { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
