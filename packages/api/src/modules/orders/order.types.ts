import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CancellationPolicyEnum, Money, ProductKindEnum } from '../../shared/graphql-types.js';
import type { ProductEntity } from '../catalog/product.entity.js';
import type { OrderLineEntity, OrderLineStatus } from './order-line.entity.js';
import type { OrderEntity, OrderStatus } from './order.entity.js';

export const OrderLineStatusEnum = {
  ACTIVE: 'ACTIVE',
  CANCELLED: 'CANCELLED',
} as const satisfies Record<OrderLineStatus, OrderLineStatus>;
registerEnumType(OrderLineStatusEnum, {
  name: 'OrderLineStatus',
  description: 'Whether a purchased line is still in force.',
  valuesConfig: {
    ACTIVE: { description: 'In force: its keys and links work.' },
    CANCELLED: { description: 'Cancelled: credited, its keys and links revoked.' },
  },
});

export const OrderStatusEnum = {
  COMPLETED: 'COMPLETED',
  CANCELLED: 'CANCELLED',
} as const satisfies Record<OrderStatus, OrderStatus>;
registerEnumType(OrderStatusEnum, {
  name: 'OrderStatus',
  description: 'Whether an order still has lines in force.',
  valuesConfig: {
    COMPLETED: { description: 'Placed, with at least one line in force.' },
    CANCELLED: { description: 'Every line of the order has been cancelled.' },
  },
});

@ObjectType({ description: 'A product, by name and kind.' })
export class ProductRef {
  @Field(() => ID, { description: 'The product’s id.' })
  id: string;

  @Field(() => String, { description: 'The product’s name.' })
  name: string;

  @Field(() => ProductKindEnum, { description: 'The kind of software.' })
  kind: string;
}

@ObjectType({ description: 'A user of the partner, by name.' })
export class UserRef {
  @Field(() => String, { description: 'The user’s name.' })
  displayName: string;

  @Field(() => String, { description: 'The user’s e-mail address.' })
  email: string;
}

@ObjectType({
  description: 'One SKU bought in an order; the software lines of a customer are these.',
})
export class OrderLine {
  entity: OrderLineEntity;

  /**
   * The line's product (null: not in the catalog), when the parent read it for a whole page: the
   * fields that need it then answer without a promise per line (issue 13).
   */
  productEntity?: ProductEntity | null;

  @Field(() => ID, { description: 'The line’s id.' })
  id: string;

  @Field(() => String, { description: 'The SKU bought.' })
  skuId: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The subscription term in years (1 or 3); null for no term.',
  })
  termYears: number | null;

  // C8
  @Field(() => Int, { description: 'The quantity held now; 0 once cancelled.' })
  quantity: number;

  @Field(() => Int, { description: 'The quantity bought.' })
  purchasedQuantity: number;

  @Field(() => Money, { description: 'The price of one, as charged.' })
  unitPrice: Money;

  @Field(() => Money, { description: 'The amount charged: unit price × purchased quantity.' })
  amount: Money;

  @Field(() => OrderLineStatusEnum, { description: 'Whether the line is in force or cancelled.' })
  status: OrderLineStatus;

  // C1, C2
  @Field(() => CancellationPolicyEnum, {
    description: 'How the line may be cancelled, fixed at purchase.',
  })
  cancellationPolicy: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The cancellation window in days, fixed at purchase; null without a window.',
  })
  windowDays: number | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the cancellation window closes; null without a window.',
  })
  cancellableUntil: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the line was cancelled, if it was.' })
  cancelledAt: Date | null;

  static of(entity: OrderLineEntity): OrderLine {
    return Object.assign(new OrderLine(), {
      entity,
      id: entity.id,
      skuId: entity.skuId,
      termYears: entity.termYears,
      quantity: entity.quantity,
      purchasedQuantity: entity.purchasedQuantity,
      unitPrice: Money.of(entity.unitPriceMinor, entity.currency),
      amount: Money.of(entity.amountMinor, entity.currency),
      status: entity.status,
      cancellationPolicy: entity.cancellationPolicy,
      windowDays: entity.windowDays,
      cancellableUntil: entity.cancellableUntil,
      cancelledAt: entity.cancelledAt,
    });
  }
}

@ObjectType({ description: 'An order placed for a customer.' })
export class Order {
  entity: OrderEntity;

  // B4
  @Field(() => ID, { description: 'The order ID, as Partner Center shows it.' })
  id: string;

  @Field(() => Date, { description: 'When the order was placed.' })
  purchasedAt: Date;

  @Field(() => OrderStatusEnum, { description: 'COMPLETED, or CANCELLED when all its lines are.' })
  status: OrderStatus;

  @Field(() => Money, { description: 'The sum charged for the order’s lines.' })
  total: Money;

  // M3
  @Field(() => Boolean, { description: 'Whether the amounts include tax.' })
  taxIncluded: boolean;

  static of(entity: OrderEntity): Order {
    return Object.assign(new Order(), {
      entity,
      id: entity.id,
      purchasedAt: entity.purchasedAt,
      status: entity.status,
      total: Money.of(entity.totalMinor, entity.currency),
      taxIncluded: entity.taxIncluded,
    });
  }
}

@InputType({ description: 'One SKU to buy.' })
export class OrderLineInput {
  @Field(() => ID, { description: 'The SKU, from the catalog.' })
  skuId: string;

  @Field(() => Int, { description: 'How many to buy.' })
  quantity: number;
}

@InputType({ description: 'An order to place.' })
export class PlaceOrderInput {
  @Field(() => ID, { description: 'The customer to buy for.' })
  customerId: string;

  // B5
  @Field(() => String, {
    description:
      'A key you choose per order (e.g. a UUID). A retry with the same key returns the first order.',
  })
  idempotencyKey: string;

  @Field(() => [OrderLineInput], { description: 'The SKUs and quantities to buy.' })
  lines: OrderLineInput[];
}
