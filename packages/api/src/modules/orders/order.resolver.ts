import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { authorize, type RequestContext } from '../../shared/context.js';
import { pageAfterId } from '../../shared/cursor.js';
import { notFound } from '../../shared/errors.js';
import { Money } from '../../shared/graphql-types.js';
import { PAGED_FIELDS } from '../../shared/graphql-limits.js';
import { loaders } from '../../shared/loaders.js';
import { Customer } from '../customers/customer.types.js';
import { getOrder, placeOrder } from './order.service.js';
import { Order, OrderLine, PlaceOrderInput, ProductRef, UserRef } from './order.types.js';

@Resolver(() => Order)
export class OrderResolver {
  @Query(() => Order, { description: 'B6: an order of the signed-in user’s partner, by order ID.' })
  async order(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Order> {
    const actor = authorize(ctx.actor, 'READ_PARTNER_DATA');
    return Order.of(await getOrder(ctx.db, actor, id));
  }

  @Mutation(() => Order, {
    description:
      'B2, B4, B5: buys software for a customer (Admin agent or Global admin). Idempotent by key.',
  })
  async placeOrder(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => PlaceOrderInput) input: PlaceOrderInput,
  ): Promise<Order> {
    return Order.of(await placeOrder(ctx.db, ctx.actor, input, ctx.clock.now()));
  }

  @FieldResolver(() => Customer)
  async customer(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<Customer> {
    const customer = await loaders(ctx).customer.load(order.entity.customerId);
    return Customer.of(customer ?? notFound('customer'));
  }

  @FieldResolver(() => UserRef, { nullable: true, description: 'Who placed the order.' })
  async placedBy(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<UserRef | null> {
    const user = await loaders(ctx).user.load(order.entity.placedByUserId);
    return user
      ? Object.assign(new UserRef(), { displayName: user.displayName, email: user.email })
      : null;
  }

  @FieldResolver(() => [OrderLine])
  async lines(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<OrderLine[]> {
    return (await loaders(ctx).linesOfOrder.load(order.id)).map(OrderLine.of);
  }
}

@Resolver(() => OrderLine)
export class OrderLineResolver {
  @FieldResolver(() => ProductRef)
  async product(@Root() line: OrderLine, @Ctx() ctx: RequestContext): Promise<ProductRef> {
    const product = (await loaders(ctx).product.load(line.entity.productId)) ?? notFound('product');
    return Object.assign(new ProductRef(), {
      id: product.id,
      name: product.name,
      kind: product.kind,
    });
  }

  @FieldResolver(() => String)
  async skuName(@Root() line: OrderLine, @Ctx() ctx: RequestContext): Promise<string> {
    return (await loaders(ctx).sku.load(line.entity.skuId))?.name ?? '';
  }

  @FieldResolver(() => Money, {
    nullable: true,
    description:
      'C9: the credit given when the line was cancelled (a positive amount, on the invoice of the cancellation’s month); null while the line is active.',
  })
  async credit(@Root() line: OrderLine, @Ctx() ctx: RequestContext): Promise<Money | null> {
    if (line.status !== 'CANCELLED') return null;
    const credits = await loaders(ctx).creditsOfOrderLine.load(line.id);
    if (credits.length === 0) return null;
    const minor = credits.reduce((total, c) => total - c.amountMinor, 0);
    return Money.of(minor, line.entity.currency);
  }

  @FieldResolver(() => String, { description: 'The order ID this line belongs to.' })
  orderId(@Root() line: OrderLine): string {
    return line.entity.orderId;
  }
}

@Resolver(() => Customer)
export class CustomerOrdersResolver {
  @FieldResolver(() => [Order], {
    description:
      'B6: the customer’s order history, newest first. At most 200 orders per page: pass the last order’s id as `after` for the next.',
  })
  async orders(
    @Root() customer: Customer,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => ID, { nullable: true }) after?: string | null,
  ): Promise<Order[]> {
    const all = await loaders(ctx).ordersOfCustomer.load(customer.id);
    return pageAfterId(all, { first, after }, PAGED_FIELDS['Customer.orders']!).map(Order.of);
  }
}
