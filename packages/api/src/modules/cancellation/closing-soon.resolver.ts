import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../shared/context.js';
import { CLOSING_SOON_DEFAULT_DAYS, CLOSING_SOON_MAX_DAYS } from '@csp/domain';
import { firstDescription } from '../../shared/graphql-limits.js';
import { Money, PageInfo } from '../../shared/graphql-types.js';
import { Customer } from '../customers/customer.types.js';
import { ProductRef } from '../orders/order.types.js';
import { closingSoon } from './closing-soon.service.js';
import {
  ClosingSoonConnection,
  ClosingSoonEdge,
  ClosingSoonPurchase,
} from './closing-soon.types.js';

@Resolver()
export class ClosingSoonResolver {
  @Query(() => ClosingSoonConnection, {
    // K1; roles of R5
    description:
      'The partner’s purchases that can still be cancelled and whose window closes within `withinDays`, soonest first. Admin agents only.',
  })
  async cancellationsClosingSoon(
    @Ctx() ctx: RequestContext,
    @Arg('withinDays', () => Int, {
      nullable: true,
      description: `The horizon in days: 1 to ${CLOSING_SOON_MAX_DAYS}, default ${CLOSING_SOON_DEFAULT_DAYS}.`,
    })
    withinDays?: number | null,
    @Arg('first', () => Int, {
      nullable: true,
      description: firstDescription('Query.cancellationsClosingSoon'),
    })
    first?: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The `endCursor` of the previous page.',
    })
    after?: string | null,
  ): Promise<ClosingSoonConnection> {
    const now = ctx.clock.now();
    const page = await closingSoon(ctx.db, ctx.actor, now, { withinDays, first, after });
    return Object.assign(new ClosingSoonConnection(), {
      edges: page.rows.map((row) =>
        Object.assign(new ClosingSoonEdge(), {
          cursor: row.cursor,
          node: Object.assign(new ClosingSoonPurchase(), {
            lineId: row.line.id,
            orderId: row.line.orderId,
            customer: Customer.of(row.customer),
            product: Object.assign(new ProductRef(), {
              id: row.product.id,
              name: row.product.name,
              kind: row.product.kind,
            }),
            skuName: row.skuName,
            skuUnit: row.skuUnit,
            skuUnitSize: row.skuUnitSize,
            quantity: row.line.quantity,
            termYears: row.line.termYears,
            windowDays: row.line.windowDays,
            amount: Money.of(row.amount.amountMinor, row.amount.currency),
            credit: Money.of(row.credit.credit.amountMinor, row.credit.credit.currency),
            creditMethod: row.credit.method,
            purchasedAt: row.line.purchasedAt,
            cancellableUntil: row.line.cancellableUntil,
            daysRemaining: row.remaining.daysRemaining,
            lastDay: row.remaining.lastDay,
            hoursRemaining: row.remaining.hours,
            minutesRemaining: row.remaining.minutes,
          }),
        }),
      ),
      pageInfo: PageInfo.forward(page.rows, page.hasNextPage),
      totalCount: page.totalCount,
      withinDays: page.withinDays,
      serverTime: now,
    });
  }
}
