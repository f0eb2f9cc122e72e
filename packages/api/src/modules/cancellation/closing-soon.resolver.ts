import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../shared/context.js';
import { Money } from '../../shared/graphql-types.js';
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
    description:
      'K1: the partner’s cancellable purchases whose window closes within `withinDays` (default 7), soonest first (roles of R5).',
  })
  async cancellationsClosingSoon(
    @Ctx() ctx: RequestContext,
    @Arg('withinDays', () => Int, { nullable: true }) withinDays?: number | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
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
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.rows.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
      withinDays: page.withinDays,
      serverTime: now,
    });
  }
}
