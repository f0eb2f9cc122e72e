import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Money, PageInfo } from '../../shared/graphql-types.js';
import { Customer } from '../customers/customer.types.js';
import { ProductRef } from '../orders/order.types.js';

@ObjectType({ description: 'K1: a purchase whose cancellation window closes soon.' })
export class ClosingSoonPurchase {
  @Field(() => ID, { description: 'The order line.' })
  lineId: string;

  @Field(() => String, { description: 'The order number (opens the Cancel dialog for it).' })
  orderId: string;

  @Field(() => Customer)
  customer: Customer;

  @Field(() => ProductRef)
  product: ProductRef;

  @Field(() => String)
  skuName: string;

  @Field(() => Int)
  quantity: number;

  @Field(() => Int, {
    nullable: true,
    description: 'C9: 1 or 3 for a subscription, null for no term.',
  })
  termYears: number | null;

  @Field(() => Int, { description: 'C1: the window’s length fixed at purchase.' })
  windowDays: number;

  @Field(() => Money, { description: 'What was charged for the line.' })
  amount: Money;

  @Field(() => Money, { description: 'C9: the credit a cancellation now would give.' })
  credit: Money;

  @Field(() => String, { description: 'FULL (100 %) or PRORATED.' })
  creditMethod: string;

  @Field(() => Date)
  purchasedAt: Date;

  @Field(() => Date, { description: 'C2: the window closes at this instant.' })
  cancellableUntil: Date;

  @Field(() => Int, { description: 'C2: ⌈(cancellableUntil − now) / 24 h⌉.' })
  daysRemaining: number;

  @Field(() => Boolean, { description: 'C2: less than 24 hours left.' })
  lastDay: boolean;

  @Field(() => Int)
  hoursRemaining: number;

  @Field(() => Int)
  minutesRemaining: number;
}

@ObjectType()
export class ClosingSoonEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => ClosingSoonPurchase)
  node: ClosingSoonPurchase;
}

@ObjectType()
export class ClosingSoonConnection {
  @Field(() => [ClosingSoonEdge])
  edges: ClosingSoonEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many purchases close within the horizon (all pages).' })
  totalCount: number;

  @Field(() => Int, { description: 'The horizon used, in days.' })
  withinDays: number;

  @Field(() => Date, { description: 'The server’s clock, so a client can correct its own.' })
  serverTime: Date;
}
