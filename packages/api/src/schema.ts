import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import {
  ActivityConnectionResolver,
  ActivityResolver,
} from './modules/activity/activity.resolver.js';
import { AuthResolver } from './modules/auth/auth.resolver.js';
import { CancellationResolver } from './modules/cancellation/cancellation.resolver.js';
import { ClosingSoonResolver } from './modules/cancellation/closing-soon.resolver.js';
import { WebhookResolver } from './modules/webhooks/webhook.resolver.js';
import {
  SupportRequestConnectionResolver,
  SupportResolver,
} from './modules/support/support.resolver.js';
import { CatalogResolver } from './modules/catalog/catalog.resolver.js';
import { CustomerResolver } from './modules/customers/customer.resolver.js';
import {
  InvoiceConnectionResolver,
  InvoiceLineResolver,
  InvoiceResolver,
} from './modules/invoices/invoice.resolver.js';
import {
  CustomerOrdersResolver,
  OrderLineResolver,
  OrderResolver,
} from './modules/orders/order.resolver.js';
import {
  CustomerSoftwareResolver,
  DownloadLinkResolver,
  SoftwareLineResolver,
} from './modules/software/software.resolver.js';

export const resolvers = [
  AuthResolver,
  CustomerResolver,
  CustomerOrdersResolver,
  CatalogResolver,
  OrderResolver,
  OrderLineResolver,
  InvoiceResolver,
  InvoiceLineResolver,
  CustomerSoftwareResolver,
  SoftwareLineResolver,
  DownloadLinkResolver,
  ActivityResolver,
  ActivityConnectionResolver,
  InvoiceConnectionResolver,
  CancellationResolver,
  SupportResolver,
  SupportRequestConnectionResolver,
  ClosingSoonResolver,
  WebhookResolver,
] as const;

let schema: Promise<GraphQLSchema> | undefined;

/** TypeGraphQL has no option for the root types' descriptions, and the explorer shows them first. */
function describeRootTypes(built: GraphQLSchema): GraphQLSchema {
  const query = built.getQueryType();
  if (query)
    query.description = 'Reads. Every answer holds only the signed-in user’s partner’s own data.';
  const mutation = built.getMutationType();
  if (mutation)
    mutation.description =
      'Changes: signing in and out, buying, cancelling, getting keys, support, webhooks.';
  return built;
}

/**
 * Issue 13: a plain field (a property, no field resolver, no middleware, no roles, not renamed)
 * gets graphql-js's default resolver instead of TypeGraphQL's wrapper, which would only read the
 * same property at a cost per field (the `simple` field option, set here once for every such
 * field rather than on each of the object types). A field that gains middleware or roles keeps
 * the wrapper.
 */
function plainFieldsAreSimple(): void {
  for (const field of getMetadataStorage().fields) {
    if (field.simple !== undefined || field.roles?.length || field.middlewares?.length) continue;
    if (field.name === field.schemaName) field.simple = true;
  }
}

/** The schema, built once per process from the resolver classes. */
export function graphqlSchema(): Promise<GraphQLSchema> {
  if (!schema) plainFieldsAreSimple();
  schema ??= buildSchema({ resolvers, validate: false }).then(describeRootTypes);
  return schema;
}
