import { Field, ID, Int, ObjectType } from 'type-graphql';
import {
  CreditMethodEnum,
  Money,
  PageInfo,
  SkuUnitEnum,
  type CreditMethod,
} from '../../shared/graphql-types.js';
import { Customer } from '../customers/customer.types.js';
import { ProductRef } from '../orders/order.types.js';

// K1
@ObjectType({ description: 'A purchase whose cancellation window closes soon.' })
export class ClosingSoonPurchase {
  @Field(() => ID, { description: 'The order line’s id.' })
  lineId: string;

  @Field(() => String, { description: 'The order number (opens the Cancel dialog for it).' })
  orderId: string;

  @Field(() => Customer, { description: 'The customer who bought it.' })
  customer: Customer;

  @Field(() => ProductRef, { description: 'The product bought.' })
  product: ProductRef;

  @Field(() => String, { description: 'The SKU bought.' })
  skuName: string;

  @Field(() => SkuUnitEnum, {
    nullable: true,
    description: 'What one unit of the SKU is; null for a SKU known only by its name.',
  })
  skuUnit: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'How many or which units: "16" cores, "1" device, "D2s v5", "1–2" vCPUs.',
  })
  skuUnitSize: string | null;

  @Field(() => Int, { description: 'How many were bought.' })
  quantity: number;

  // C9
  @Field(() => Int, {
    nullable: true,
    description: 'The subscription term in years (1 or 3); null for no term.',
  })
  termYears: number | null;

  // C1
  @Field(() => Int, { description: 'The window’s length in days, fixed at purchase.' })
  windowDays: number;

  @Field(() => Money, { description: 'What was charged for the line.' })
  amount: Money;

  @Field(() => Money, { description: 'The credit a cancellation now would give.' })
  credit: Money;

  @Field(() => CreditMethodEnum, { description: 'How the credit would be worked out.' })
  creditMethod: CreditMethod;

  @Field(() => Date, { description: 'When it was bought.' })
  purchasedAt: Date;

  // C2
  @Field(() => Date, { description: 'The window closes at this instant.' })
  cancellableUntil: Date;

  @Field(() => Int, {
    description: 'Whole days left, rounded up: ⌈(cancellableUntil − now) / 24 h⌉.',
  })
  daysRemaining: number;

  @Field(() => Boolean, { description: 'Less than 24 hours left.' })
  lastDay: boolean;

  @Field(() => Int, { description: 'Whole hours left in total.' })
  hoursRemaining: number;

  @Field(() => Int, { description: 'Whole minutes (0–59) left after `hoursRemaining`.' })
  minutesRemaining: number;
}

@ObjectType({ description: 'A purchase closing soon and its cursor.' })
export class ClosingSoonEdge {
  @Field(() => String, { description: 'Pass as `after` to get the purchases after this one.' })
  cursor: string;

  @Field(() => ClosingSoonPurchase, { description: 'The purchase.' })
  node: ClosingSoonPurchase;
}

@ObjectType({ description: 'A page of purchases whose cancellation window closes soon.' })
export class ClosingSoonConnection {
  @Field(() => [ClosingSoonEdge], { description: 'The purchases on this page, soonest first.' })
  edges: ClosingSoonEdge[];

  @Field(() => PageInfo, { description: 'Whether more follow, and the cursor to get them.' })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many purchases close within the horizon (all pages).' })
  totalCount: number;

  @Field(() => Int, { description: 'The horizon used, in days.' })
  withinDays: number;

  @Field(() => Date, { description: 'The server’s clock, so a client can correct its own.' })
  serverTime: Date;
}
