import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { authorize, type RequestContext } from '../../shared/context.js';
import { PageInfo } from '../../shared/graphql-types.js';
import { customerLoader } from '../customers/customer.loaders.js';
import { Customer } from '../customers/customer.types.js';
import { getCustomer } from '../customers/customer.service.js';
import { activityPage, validateFilter } from './activity-log.service.js';
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
  ): Promise<ActivityConnection> {
    const actor = authorize(ctx.actor, 'VIEW_ACTIVITY_LOG');
    const { from, to, operationTypes, customerId, first, after } = args;
    const filter = validateFilter({ from, to, operationTypes, customerId });
    // R8: filtering by another partner's customer answers like a missing one.
    if (filter.customerId) await getCustomer(ctx.db, actor, filter.customerId);
    const page = await activityPage(ctx.db, actor, filter, { first, after });
    return Object.assign(new ActivityConnection(), {
      edges: page.rows.map((row) =>
        Object.assign(new ActivityEdge(), {
          cursor: row.cursor,
          node: ActivityEntry.of(row.entry, ctx.language),
        }),
      ),
      pageInfo: PageInfo.forward(page.rows, page.hasNextPage),
      csvUrl: activityCsvUrl(filter),
    });
  }

  @FieldResolver(() => Customer, {
    nullable: true,
    description: 'The customer the operation concerned, if any.',
  })
  async customer(
    @Root() entry: ActivityEntry,
    @Ctx() ctx: RequestContext,
  ): Promise<Customer | null> {
    if (!entry.entity.customerId) return null;
    const customer = await customerLoader(ctx).load(entry.entity.customerId);
    return customer ? Customer.of(customer) : null;
  }
}
