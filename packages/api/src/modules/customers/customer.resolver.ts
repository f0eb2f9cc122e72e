import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { authorize, type RequestContext } from '../../shared/context.js';
import { getCustomer, listCustomers } from './customer.service.js';
import { Customer, CustomerConnection, CustomerEdge } from './customer.types.js';

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => CustomerConnection, {
    description: 'B1: the partner’s customers; search by name, tenant GUID, domain or order ID.',
  })
  async customers(
    @Ctx() ctx: RequestContext,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<CustomerConnection> {
    const actor = authorize(ctx.actor, 'READ_PARTNER_DATA');
    const page = await listCustomers(ctx.db, actor, { search, first, after });
    return Object.assign(new CustomerConnection(), {
      edges: page.rows.map((row) =>
        Object.assign(new CustomerEdge(), {
          cursor: row.cursor,
          node: Customer.of(row.customer),
          matchedOrderId: row.matchedOrderId,
        }),
      ),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.rows.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    });
  }

  @Query(() => Customer, { description: 'A customer of the signed-in user’s partner.' })
  async customer(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Customer> {
    const actor = authorize(ctx.actor, 'READ_PARTNER_DATA');
    return Customer.of(await getCustomer(ctx.db, actor, id));
  }
}
