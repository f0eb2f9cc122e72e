import { graphqlSchema } from '../schema.js';
import type { Role } from '@csp/domain';
import type { Request, Response } from 'express';
import {
  execute,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type FormattedExecutionResult,
} from 'graphql';
import { openDatabase } from '../data-source.js';
import { actorForToken } from '../modules/auth/auth.service.js';
import { KeyVault } from '../modules/software/key-vault.js';
import { seedCatalog } from '../seed/catalog-data.js';
import type { Clock } from '../shared/clock.js';
import type { RequestContext } from '../shared/context.js';
import { formatError } from '../shared/format-error.js';
import { createLogger } from '../shared/logger.js';
import { createCustomer, createPartner, createUser } from './factories.js';

/**
 * The real API without HTTP, for the web's component tests (issue 16): the real schema, resolvers
 * and services over a fresh in-memory SQLite database with the catalog, answering at `clock`'s time.
 * Errors leave shaped as /graphql shapes them (`extensions.code` and facts).
 */
export interface InProcessApi {
  /** One operation as the holder of `token` (a session from `createTenant`), validated and run. */
  execute(request: {
    document: DocumentNode | string;
    variables?: Record<string, unknown>;
    token: string | null;
  }): Promise<FormattedExecutionResult>;
  /** A partner with a user holding `roles` and one customer in `market` (factories). */
  createTenant(options?: {
    market?: string;
    roles?: Role[];
    customerName?: string;
  }): Promise<{ token: string; customerId: string; tenantId: string }>;
  /** Every line the API logged (refusals, unexpected errors). */
  readonly logLines: readonly string[];
  close(): Promise<void>;
}

export async function startInProcessApi(options: { clock: Clock }): Promise<InProcessApi> {
  const { clock } = options;
  const schema = await graphqlSchema();
  const db = await openDatabase({ type: 'embedded-memory' });
  await db.transaction((m) => seedCatalog(m));
  const logLines: string[] = [];
  const logger = createLogger((line) => logLines.push(line));
  const format = formatError(logger);
  const vault = KeyVault.random();

  return {
    logLines,
    async execute({ document, variables, token }) {
      const parsed = typeof document === 'string' ? parse(document) : document;
      const invalid = validate(schema, parsed);
      if (invalid.length) return { errors: invalid.map((e) => format(e.toJSON(), e)) };
      const context: RequestContext = {
        db,
        clock,
        logger,
        vault,
        actor: token ? await actorForToken(db, token, clock.now()) : null,
        // No HTTP here: the operations the web's dialogs use read neither.
        req: {} as Request,
        res: {} as Response,
        loaders: new Map(),
        publicUrl: 'http://localhost',
        language: 'en',
      };
      const result = await execute({
        schema,
        document: parsed,
        variableValues: variables,
        contextValue: context,
      });
      const errors = result.errors?.map((e: GraphQLError) => format(e.toJSON(), e));
      return errors ? { data: result.data, errors } : { data: result.data };
    },
    async createTenant({ market = 'US', roles = ['ADMIN_AGENT'] as Role[], customerName } = {}) {
      const partner = await createPartner(db);
      const user = await createUser(db, partner.id, roles);
      const customer = await createCustomer(db, partner.id, { market, name: customerName });
      return { token: user.token, customerId: customer.id, tenantId: customer.tenantId };
    },
    close: () => db.close(),
  };
}
