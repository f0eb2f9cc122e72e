import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import {
  CancellationStateEnum,
  CreditMethodEnum,
  Money,
  type CreditMethod,
} from '../../shared/graphql-types.js';
import { Invoice } from '../invoices/invoice.types.js';
import { Order, OrderLine, ProductRef } from '../orders/order.types.js';

// C2–C9
@ObjectType({ description: 'One order of the product, as the Cancel dialog shows it.' })
export class CancellationOption {
  @Field(() => Order, { description: 'The order.' })
  order: Order;

  @Field(() => [OrderLine], { description: 'The order’s lines of this product.' })
  lines: OrderLine[];

  @Field(() => CancellationStateEnum, { description: 'Whether it can be cancelled now.' })
  state: string;

  // C1, C2
  @Field(() => Date, {
    nullable: true,
    description: 'When the cancellation window closes, fixed at purchase; null without a window.',
  })
  cancellableUntil: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The window’s length in days, fixed at purchase; null without a window.',
  })
  windowDays: number | null;

  // C2
  @Field(() => Int, {
    description:
      'Whole days left, rounded up: ⌈(cancellableUntil − now) / 24 h⌉ while open, else 0.',
  })
  daysRemaining: number;

  @Field(() => Boolean, { description: 'Less than 24 hours left.' })
  lastDay: boolean;

  @Field(() => Int, {
    description: 'Whole hours left in total; shown on the last day, 0 once closed.',
  })
  hoursRemaining: number;

  @Field(() => Int, {
    description: 'Whole minutes (0–59) left after `hoursRemaining`; 0 once closed.',
  })
  minutesRemaining: number;

  // C9
  @Field(() => Money, {
    nullable: true,
    description: 'The credit a cancellation now would give; null when it cannot be cancelled.',
  })
  credit: Money | null;

  @Field(() => CreditMethodEnum, {
    nullable: true,
    description: 'How the credit would be worked out; null when it cannot be cancelled.',
  })
  creditMethod: CreditMethod | null;

  @Field(() => Money, { description: 'What was charged for these lines.' })
  charged: Money;
}

@ObjectType({ description: 'What the Cancel dialog needs for one customer and product.' })
export class CancellationOptions {
  @Field(() => Date, { description: 'The server’s clock, so a client can correct its own.' })
  serverTime: Date;

  @Field(() => ProductRef, { description: 'The product.' })
  product: ProductRef;

  @Field(() => [CancellationOption], {
    description: 'This customer’s orders of the product, newest first.',
  })
  orders: CancellationOption[];
}

@InputType({ description: 'Which purchase to cancel.' })
export class CancelPurchaseInput {
  @Field(() => ID, { description: 'The customer who bought it.' })
  customerId: string;

  @Field(() => ID, { description: 'The order ID (one order per submission).' })
  orderId: string;

  @Field(() => ID, { description: 'The product whose lines in the order are cancelled.' })
  productId: string;

  // C7
  @Field(() => Boolean, {
    description: 'True when the user has read the Important notice; false is refused.',
  })
  acknowledged: boolean;
}

@ObjectType({ description: 'The result of a cancellation.' })
export class CancelPurchasePayload {
  @Field(() => Order, { description: 'The order, after the cancellation.' })
  order: Order;

  @Field(() => [OrderLine], { description: 'The lines cancelled (quantity now 0).' })
  cancelledLines: OrderLine[];

  // C9, I1
  @Field(() => Money, { description: 'The credit given, on `creditInvoice`.' })
  credit: Money;

  @Field(() => CreditMethodEnum, { description: 'How the credit was worked out.' })
  creditMethod: CreditMethod;

  @Field(() => Invoice, { description: 'The open invoice that carries the credit.' })
  creditInvoice: Invoice;

  @Field(() => Date, { description: 'When the purchase was cancelled.' })
  cancelledAt: Date;
}
