import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { authorize, type RequestContext } from '../../shared/context.js';
import { Money } from '../../shared/graphql-types.js';
import { Invoice } from '../invoices/invoice.types.js';
import { Order, OrderLine, ProductRef } from '../orders/order.types.js';
import { cancellationOptions, cancelPurchase } from './cancellation.service.js';
import {
  CancellationOption,
  CancellationOptions,
  CancelPurchaseInput,
  CancelPurchasePayload,
} from './cancellation.types.js';

@Resolver()
export class CancellationResolver {
  @Query(() => CancellationOptions, {
    // C2–C9
    description:
      'The customer’s orders of a product, each with whether it can be cancelled, the time left and the credit a cancellation now would give.',
  })
  async cancellationOptions(
    @Ctx() ctx: RequestContext,
    @Arg('customerId', () => ID, { description: 'The customer.' }) customerId: string,
    @Arg('productId', () => ID, { description: 'The product.' }) productId: string,
  ): Promise<CancellationOptions> {
    const actor = authorize(ctx.actor, 'READ_PARTNER_DATA');
    const now = ctx.clock.now();
    const { product, options } = await cancellationOptions(
      ctx.db,
      actor,
      customerId,
      productId,
      now,
    );
    return Object.assign(new CancellationOptions(), {
      serverTime: now,
      product: Object.assign(new ProductRef(), {
        id: product.id,
        name: product.name,
        kind: product.kind,
      }),
      orders: options.map((o) =>
        Object.assign(new CancellationOption(), {
          order: Order.of(o.order),
          // Every line is of this product: its fields need no look-up per line.
          lines: o.lines.map((l) => Object.assign(OrderLine.of(l), { productEntity: product })),
          state: o.state,
          cancellableUntil: o.cancellableUntil,
          windowDays: o.windowDays,
          daysRemaining: o.daysRemaining,
          lastDay: o.lastDay,
          hoursRemaining: o.hoursRemaining,
          minutesRemaining: o.minutesRemaining,
          credit: o.credit ? Money.of(o.credit.amountMinor, o.credit.currency) : null,
          creditMethod: o.creditMethod,
          charged: Money.of(o.charged.amountMinor, o.charged.currency),
        }),
      ),
    });
  }

  @Mutation(() => CancelPurchasePayload, {
    // C7–C10; R5
    description:
      'Cancels an order’s lines of a product (Admin agent only): revokes their keys and download links and credits the open invoice.',
  })
  async cancelPurchase(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CancelPurchaseInput, { description: 'Which purchase to cancel.' })
    input: CancelPurchaseInput,
  ): Promise<CancelPurchasePayload> {
    const result = await cancelPurchase(ctx.db, ctx.clock, ctx.actor, input);
    return Object.assign(new CancelPurchasePayload(), {
      order: Order.of(result.order),
      cancelledLines: result.lines.map(OrderLine.of),
      credit: Money.of(result.credit.amountMinor, result.credit.currency),
      creditMethod: result.creditMethod,
      creditInvoice: Invoice.of(result.invoice, 'OPEN'),
      cancelledAt: result.cancelledAt,
    });
  }
}
