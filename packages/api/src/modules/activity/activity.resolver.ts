import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { authorize, type RequestContext } from '../../shared/context.js';
import { OperationTypeEnum } from '../../shared/graphql-types.js';
import { customerLoader } from '../customers/customer.loaders.js';
import { Customer } from '../customers/customer.types.js';
import { getCustomer } from '../customers/customer.service.js';
import { activityPage, validateFilter } from './activity-log.service.js';
import { ActivityConnection, ActivityEdge, ActivityEntry } from './activity.types.js';

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
    description:
      'A1–A4: the partner’s activity log, newest first. `from` is inclusive, `to` exclusive. Global, Account, Referral and Marketing content admins only (R4).',
  })
  async activityLog(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Arg('operationTypes', () => [OperationTypeEnum], { nullable: true })
    operationTypes?: string[] | null,
    @Arg('customerId', () => ID, { nullable: true }) customerId?: string | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<ActivityConnection> {
    const actor = authorize(ctx.actor, 'VIEW_ACTIVITY_LOG');
    const filter = validateFilter({ from, to, operationTypes, customerId });
    // R8: filtering by another partner's customer answers like a missing one.
    if (filter.customerId) await getCustomer(ctx.db, actor, filter.customerId);
    const page = await activityPage(ctx.db, actor, filter, { first, after });
    return Object.assign(new ActivityConnection(), {
      edges: page.rows.map((row) =>
        Object.assign(new ActivityEdge(), {
          cursor: row.cursor,
          node: ActivityEntry.of(row.entry),
        }),
      ),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.rows.at(-1)?.cursor ?? null },
      csvUrl: activityCsvUrl(filter),
    });
  }

  @FieldResolver(() => Customer, { nullable: true })
  async customer(
    @Root() entry: ActivityEntry,
    @Ctx() ctx: RequestContext,
  ): Promise<Customer | null> {
    if (!entry.entity.customerId) return null;
    const customer = await customerLoader(ctx).load(entry.entity.customerId);
    return customer ? Customer.of(customer) : null;
  }
}
