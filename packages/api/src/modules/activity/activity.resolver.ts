import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { selectedFields } from '../../shared/selection.js';
import { authorize, type RequestContext } from '../../shared/context.js';
import { PageInfo } from '../../shared/graphql-types.js';
import { customerLoader } from '../customers/customer.loaders.js';
import { Customer } from '../customers/customer.types.js';
import { getCustomer } from '../customers/customer.service.js';
import { activityPage, countActivity, validateFilter } from './activity-log.service.js';
import {
  ActivityConnection,
  ActivityEdge,
  ActivityEntry,
  ActivityLogArgs,
} from './activity.types.js';

export function activityCsvUrl(filter: {
  from: Date;
  to: Date;
  operationTypes: readonly string[];
  customerId: string | null;
}) {
  const params = new URLSearchParams({
    from: filter.from.toISOString(),
    to: filter.to.toISOString(),
  });
  for (const operation of filter.operationTypes) params.append('operationTypes', operation);
  if (filter.customerId) params.set('customerId', filter.customerId);
  return `/activity-log.csv?${params.toString()}`;
}

@Resolver(() => ActivityEntry)
export class ActivityResolver {
  @Query(() => ActivityConnection, {
    // A1–A4; roles of R4.
    description:
      'The partner’s activity log, newest first. Global, Account, Referral and Marketing content admins only.',
  })
  async activityLog(
    @Ctx() ctx: RequestContext,
    @Args(() => ActivityLogArgs) args: ActivityLogArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ActivityConnection> {
    const actor = authorize(ctx.actor, 'VIEW_ACTIVITY_LOG');
    const { from, to, operationTypes, customerId, first, after } = args;
    const filter = validateFilter({ from, to, operationTypes, customerId });
    // R8: filtering by another partner's customer answers like a missing one.
    if (filter.customerId) await getCustomer(ctx.db, actor, filter.customerId);
    const page = await activityPage(ctx.db, actor, filter, { first, after });
    const nodes = page.rows.map((row) => ActivityEntry.of(row.entry, ctx.language));
    await prefetchCustomers(ctx, nodes, info);
    return Object.assign(new ActivityConnection(), {
      edges: page.rows.map((row, i) =>
        Object.assign(new ActivityEdge(), { cursor: row.cursor, node: nodes[i] }),
      ),
      pageInfo: PageInfo.forward(page.rows, page.hasNextPage),
      csvUrl: activityCsvUrl(filter),
      filter,
    });
  }

  @FieldResolver(() => Customer, {
    nullable: true,
    description: 'The customer the operation concerned, if any.',
  })
  customer(
    @Root() entry: ActivityEntry,
    @Ctx() ctx: RequestContext,
  ): Customer | null | Promise<Customer | null> {
    if (!entry.entity.customerId) return null;
    if (entry.customerRef !== undefined) return entry.customerRef;
    return customerLoader(ctx)
      .load(entry.entity.customerId)
      .then((customer) => (customer ? Customer.of(customer) : null));
  }
}

/**
 * Issue 13: when the page asks for its entries' customers, they are read here for the whole page
 * (the same loader, the same one statement), so each entry's `customer` answers without a promise.
 */
async function prefetchCustomers(
  ctx: RequestContext,
  entries: ActivityEntry[],
  info: GraphQLResolveInfo,
): Promise<void> {
  if (!selectedFields(info, ['edges', 'node']).has('customer')) return;
  const ids = [...new Set(entries.flatMap((e) => e.entity.customerId ?? []))];
  if (ids.length === 0) return;
  const found = await customerLoader(ctx).loadMany(ids);
  const byId = new Map<string, Customer | null>();
  ids.forEach((id, i) => {
    const customer = found[i];
    if (customer instanceof Error) throw customer;
    byId.set(id, customer ? Customer.of(customer) : null);
  });
  for (const entry of entries) {
    if (entry.entity.customerId) entry.customerRef = byId.get(entry.entity.customerId) ?? null;
  }
}

@Resolver(() => ActivityConnection)
export class ActivityConnectionResolver {
  @FieldResolver(() => Int, {
    description:
      'How many entries the filter matches in all, for “Page 1 of N”. Counted only when asked for.',
  })
  async totalCount(
    @Root() connection: ActivityConnection,
    @Ctx() ctx: RequestContext,
  ): Promise<number> {
    const actor = authorize(ctx.actor, 'VIEW_ACTIVITY_LOG');
    return countActivity(ctx.db, actor, connection.filter);
  }
}
