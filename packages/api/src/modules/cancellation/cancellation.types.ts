import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CancellationStateEnum, Money } from '../../shared/graphql-types.js';
import { Invoice } from '../invoices/invoice.types.js';
import { Order, OrderLine, ProductRef } from '../orders/order.types.js';

@ObjectType({ description: 'C2–C9: one order of the product, as the Cancel dialog shows it.' })
export class CancellationOption {
  @Field(() => Order)
  order: Order;

  @Field(() => [OrderLine], { description: 'The order’s lines of this product.' })
  lines: OrderLine[];

  @Field(() => CancellationStateEnum)
  state: string;

  @Field(() => Date, { nullable: true, description: 'C1, C2: fixed at purchase.' })
  cancellableUntil: Date | null;

  @Field(() => Int, { nullable: true })
  windowDays: number | null;

  @Field(() => Int, { description: 'C2: ⌈(cancellableUntil − now) / 24 h⌉ while open, else 0.' })
  daysRemaining: number;

  @Field(() => Boolean, { description: 'C2: less than 24 hours left.' })
  lastDay: boolean;

  @Field(() => Int)
  hoursRemaining: number;

  @Field(() => Int)
  minutesRemaining: number;

  @Field(() => Money, {
    nullable: true,
    description: 'C9: the credit a cancellation now would give.',
  })
  credit: Money | null;

  @Field(() => String, { nullable: true, description: 'FULL (100 %) or PRORATED.' })
  creditMethod: string | null;

  @Field(() => Money, { description: 'What was charged for these lines.' })
  charged: Money;
}

@ObjectType()
export class CancellationOptions {
  @Field(() => Date, { description: 'The server’s clock, so a client can correct its own.' })
  serverTime: Date;

  @Field(() => ProductRef)
  product: ProductRef;

  @Field(() => [CancellationOption], {
    description: 'This customer’s orders of the product, newest first.',
  })
  orders: CancellationOption[];
}

@InputType()
export class CancelPurchaseInput {
  @Field(() => ID)
  customerId: string;

  @Field(() => ID, { description: 'The order ID (one order per submission).' })
  orderId: string;

  @Field(() => ID)
  productId: string;

  @Field(() => Boolean, { description: 'C7: true when the user has read the Important notice.' })
  acknowledged: boolean;
}

@ObjectType()
export class CancelPurchasePayload {
  @Field(() => Order)
  order: Order;

  @Field(() => [OrderLine])
  cancelledLines: OrderLine[];

  @Field(() => Money, { description: 'C9: the credit, on the invoice below.' })
  credit: Money;

  @Field(() => String)
  creditMethod: string;

  @Field(() => Invoice, { description: 'I1: the open invoice that carries the credit.' })
  creditInvoice: Invoice;

  @Field(() => Date)
  cancelledAt: Date;
}
