import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CancellationPolicyEnum, Money, ProductKindEnum } from '../../shared/graphql-types.js';
import type { OrderLineEntity } from './order-line.entity.js';
import type { OrderEntity } from './order.entity.js';

@ObjectType()
export class ProductRef {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => ProductKindEnum)
  kind: string;
}

@ObjectType()
export class UserRef {
  @Field(() => String)
  displayName: string;

  @Field(() => String)
  email: string;
}

@ObjectType()
export class OrderLine {
  entity: OrderLineEntity;

  @Field(() => ID)
  id: string;

  @Field(() => String)
  skuId: string;

  @Field(() => Int, { nullable: true })
  termYears: number | null;

  @Field(() => Int, { description: 'Current quantity; 0 once cancelled (C8).' })
  quantity: number;

  @Field(() => Int)
  purchasedQuantity: number;

  @Field(() => Money)
  unitPrice: Money;

  @Field(() => Money, { description: 'The amount charged: unit price × purchased quantity.' })
  amount: Money;

  @Field(() => String, { description: 'ACTIVE or CANCELLED.' })
  status: string;

  @Field(() => CancellationPolicyEnum, { description: 'C1: fixed at purchase.' })
  cancellationPolicy: string;

  @Field(() => Int, { nullable: true })
  windowDays: number | null;

  @Field(() => Date, { nullable: true, description: 'C1, C2: the end of the cancellation window.' })
  cancellableUntil: Date | null;

  @Field(() => Date, { nullable: true })
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

@ObjectType()
export class Order {
  entity: OrderEntity;

  @Field(() => ID, { description: 'The order ID (B4).' })
  id: string;

  @Field(() => Date)
  purchasedAt: Date;

  @Field(() => String, { description: 'COMPLETED, or CANCELLED when all its lines are.' })
  status: string;

  @Field(() => Money)
  total: Money;

  @Field(() => Boolean, { description: 'M3: whether the amounts include tax.' })
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

@InputType()
export class OrderLineInput {
  @Field(() => ID)
  skuId: string;

  @Field(() => Int)
  quantity: number;
}

@InputType()
export class PlaceOrderInput {
  @Field(() => ID)
  customerId: string;

  @Field(() => String, {
    description:
      'B5: a key you choose per order (e.g. a UUID). A retry with the same key returns the first order.',
  })
  idempotencyKey: string;

  @Field(() => [OrderLineInput])
  lines: OrderLineInput[];
}
