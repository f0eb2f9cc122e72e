import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { firstDescription } from '../../shared/graphql-limits.js';
import { PageInfo } from '../../shared/graphql-types.js';
import { authorize, type RequestContext } from '../../shared/context.js';
import { getCustomer, listCustomers } from './customer.service.js';
import { Customer, CustomerConnection, CustomerEdge } from './customer.types.js';

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => CustomerConnection, {
    // B1
    description: 'The partner’s customers; search by name, tenant GUID, domain or order ID.',
  })
  async customers(
    @Ctx() ctx: RequestContext,
    @Arg('search', () => String, {
      nullable: true,
      description:
        'Part of the name or domain, or a whole tenant GUID or order ID; leave out for all customers.',
    })
    search?: string | null,
    @Arg('first', () => Int, { nullable: true, description: firstDescription('Query.customers') })
    first?: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The `endCursor` of the previous page.',
    })
    after?: string | null,
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
      pageInfo: PageInfo.forward(page.rows, page.hasNextPage),
      totalCount: page.totalCount,
    });
  }

  @Query(() => Customer, { description: 'A customer of the signed-in user’s partner.' })
  async customer(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The customer’s id.' }) id: string,
  ): Promise<Customer> {
    const actor = authorize(ctx.actor, 'READ_PARTNER_DATA');
    return Customer.of(await getCustomer(ctx.db, actor, id));
  }
}
