import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  BREAK,
  execute,
  GraphQLError,
  visit,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { RequestContext } from './context.js';

type Gateway = ApolloServerOptionsWithGateway<RequestContext>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/** Which executor runs validated operations (GRAPHQL_EXECUTOR, decision 024). */
export type ExecutorKind = 'compiled' | 'graphql-js';

/**
 * graphql-jit writes a field's literal arguments into the code it generates as JSON, then turns
 * its own markers back into code (a string `"__MAGIC_DATE__<uuid><text>"` becomes
 * `new Date(<text>)`, unescaped): a string literal holding such a marker would run as code on the
 * server (checked: it does, in 0.8.9). A document with a string literal containing the markers'
 * common prefix is never compiled; graphql-js runs it. Variables are data, never code.
 */
const JIT_MARKER = '__MAGIC_';

export function safeToCompile(document: DocumentNode): boolean {
  let safe = true;
  visit(document, {
    StringValue(node) {
      if (!node.value.includes(JIT_MARKER)) return undefined;
      safe = false;
      return BREAK;
    },
  });
  return safe;
}

/**
 * graphql-jit's errors are plain objects on GraphQLError's prototype, without graphql-js's
 * constructor (no `extensions` object when the thrown error had none): Apollo reads
 * `error.extensions.code`. Rebuilt as graphql-js errors with the same message, locations, path and
 * original error, they go through Apollo's normalization and our formatError unchanged.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions ?? undefined,
  });
  if (error.locations?.length) {
    (rebuilt as { locations?: GraphQLError['locations'] }).locations = error.locations;
  }
  return rebuilt;
}

/**
 * Issue 13, decision 024: the operations Apollo has parsed, validated and checked (depth, aliases,
 * directives, selection limits, cost: every rule and plugin runs before this, as before) are run
 * by a compiled function per document and operation (graphql-jit) instead of graphql-js's
 * interpreter, which allocates a promise per field. Apollo's own pipeline stays around it (its
 * `gateway` option is the one place it takes another executor): context, plugins, formatError,
 * the HTTP status of errors.
 *
 * Compiled queries are kept per parsed document (Apollo's document store hands the same object
 * for the same query text, so this is a cache per text that follows the store's LRU). An
 * operation Apollo could not resolve, one the compiler refuses, a document that is not
 * `safeToCompile`, or variables graphql-jit's coercion refuses run through graphql-js, so their
 * errors keep graphql-js's wording. Compiling costs about what parsing and validating the same
 * document does (≈ 1 ms for Closing soon's), once per document.
 */
export function compiledExecutorGateway(schema: GraphQLSchema): Gateway {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

  const compiledFor = (document: DocumentNode, operationName: string | null) => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let query = byName.get(key);
    if (query === undefined) {
      const result = safeToCompile(document)
        ? compileQuery(schema, document, operationName ?? undefined)
        : null;
      query = result && isCompiledQuery(result) ? result : null;
      byName.set(key, query);
    }
    return query;
  };

  const executor: Executor = async (requestContext) => {
    const { document, request, context, operation } = requestContext;
    const interpreted = () =>
      execute({
        schema,
        document,
        contextValue: context,
        variableValues: request.variables,
        operationName: request.operationName,
      });
    const query = operation ? compiledFor(document, request.operationName ?? null) : null;
    if (!query) return interpreted();
    const result = (await query.query(undefined, context, request.variables ?? {})) as
      ExecutionResult | undefined;
    // No `data` at all: the compiled code refused the variables before running anything. The
    // cost plugin has already coerced them with graphql-js, so this is where graphql-jit differs
    // from it (it refuses an omitted non-null input field that has a default, such as
    // `SignInInput.issueToken`): graphql-js runs it, with graphql-js's coercion and wording.
    if (!result || !('data' in result)) return interpreted();
    if (!result.errors?.length) return result;
    return { ...result, errors: result.errors.map(asGraphQLError) };
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async load() {
      return { executor };
    },
    async stop() {},
  };
}
