import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { authorize, type RequestContext } from '../../shared/context.js';
import { pageAfterId } from '../../shared/cursor.js';
import { notFound } from '../../shared/errors.js';
import { firstDescription, PAGED_FIELDS } from '../../shared/graphql-limits.js';
import { userLoader } from '../auth/user.loaders.js';
import { productLoader, skuLoader } from '../catalog/catalog.loaders.js';
import type { ProductEntity } from '../catalog/product.entity.js';
import { customerLoader } from '../customers/customer.loaders.js';
import { linesOfOrderLoader, ordersOfCustomerLoader } from './order.loaders.js';
import { Money, SkuUnitEnum } from '../../shared/graphql-types.js';
import { creditsOfOrderLineLoader } from '../invoices/invoice.loaders.js';
import { Customer } from '../customers/customer.types.js';
import { getOrder, placeOrder } from './order.service.js';
import { Order, OrderLine, PlaceOrderInput, ProductRef, UserRef } from './order.types.js';

@Resolver(() => Order)
export class OrderResolver {
  // B6
  @Query(() => Order, { description: 'An order of the signed-in user’s partner, by order ID.' })
  async order(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The order ID.' }) id: string,
  ): Promise<Order> {
    const actor = authorize(ctx.actor, 'READ_PARTNER_DATA');
    return Order.of(await getOrder(ctx.db, actor, id));
  }

  @Mutation(() => Order, {
    // B2, B4, B5
    description:
      'Buys software for a customer (Admin agent or Global admin). A retry with the same idempotency key returns the first order.',
  })
  async placeOrder(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => PlaceOrderInput, { description: 'The customer, SKUs and idempotency key.' })
    input: PlaceOrderInput,
  ): Promise<Order> {
    return Order.of(await placeOrder(ctx.db, ctx.actor, input, ctx.clock.now()));
  }

  @FieldResolver(() => Customer, { description: 'The customer the order is for.' })
  async customer(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<Customer> {
    const customer = await customerLoader(ctx).load(order.entity.customerId);
    return Customer.of(customer ?? notFound('customer'));
  }

  @FieldResolver(() => UserRef, { nullable: true, description: 'Who placed the order.' })
  async placedBy(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<UserRef | null> {
    const user = await userLoader(ctx).load(order.entity.placedByUserId);
    return user
      ? Object.assign(new UserRef(), { displayName: user.displayName, email: user.email })
      : null;
  }

  @FieldResolver(() => [OrderLine], { description: 'The SKUs bought in the order.' })
  async lines(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<OrderLine[]> {
    return (await linesOfOrderLoader(ctx).load(order.id)).map(OrderLine.of);
  }
}

@Resolver(() => OrderLine)
export class OrderLineResolver {
  @FieldResolver(() => ProductRef, { description: 'The product of the SKU.' })
  product(@Root() line: OrderLine, @Ctx() ctx: RequestContext): ProductRef | Promise<ProductRef> {
    const ref = (product: ProductEntity | null) => {
      if (!product) notFound('product');
      return Object.assign(new ProductRef(), {
        id: product.id,
        name: product.name,
        kind: product.kind,
      });
    };
    // Prefetched for the whole page by the parent: no promise per line.
    if (line.productEntity !== undefined) return ref(line.productEntity);
    return productLoader(ctx).load(line.entity.productId).then(ref);
  }

  @FieldResolver(() => String, { description: 'The SKU’s name.' })
  async skuName(@Root() line: OrderLine, @Ctx() ctx: RequestContext): Promise<string> {
    return (await skuLoader(ctx).load(line.entity.skuId))?.name ?? '';
  }

  @FieldResolver(() => SkuUnitEnum, {
    nullable: true,
    description: 'What one unit of the SKU is; null for a SKU known only by its name.',
  })
  async skuUnit(@Root() line: OrderLine, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await skuLoader(ctx).load(line.entity.skuId))?.unit ?? null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'How many or which units: "16" cores, "1" device, "D2s v5", "1–2" vCPUs.',
  })
  async skuUnitSize(@Root() line: OrderLine, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await skuLoader(ctx).load(line.entity.skuId))?.unitSize ?? null;
  }

  @FieldResolver(() => Money, {
    nullable: true,
    description:
      'The credit given when the line was cancelled (a positive amount, on the invoice of the month of the cancellation); null while the line is active.',
  })
  async credit(@Root() line: OrderLine, @Ctx() ctx: RequestContext): Promise<Money | null> {
    if (line.status !== 'CANCELLED') return null;
    const credits = await creditsOfOrderLineLoader(ctx).load(line.id);
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
    // B6
    description:
      'The customer’s order history, newest first, a page at a time: pass the last order’s id as `after` for the next.',
  })
  async orders(
    @Root() customer: Customer,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: firstDescription('Customer.orders') })
    first?: number | null,
    @Arg('after', () => ID, {
      nullable: true,
      description: 'The last order’s id of the previous page.',
    })
    after?: string | null,
  ): Promise<Order[]> {
    const all = await ordersOfCustomerLoader(ctx).load(customer.id);
    return pageAfterId(all, { first, after }, PAGED_FIELDS['Customer.orders']!).map(Order.of);
  }
}
