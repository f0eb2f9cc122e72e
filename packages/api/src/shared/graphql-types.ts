import {
  ACTIONS,
  CANCELLATION_STATES,
  money,
  OPERATION_TYPES,
  PRODUCT_KINDS,
  ROLES,
  toDecimalString,
  type CurrencyCode,
} from '@csp/domain';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const RoleEnum = asEnum(ROLES);
registerEnumType(RoleEnum, { name: 'Role', description: 'R1: the roles a partner user can hold.' });

export const ActionEnum = asEnum(ACTIONS);
registerEnumType(ActionEnum, { name: 'Action', description: 'What a role may do (R2–R7).' });

export const ProductKindEnum = asEnum(PRODUCT_KINDS);
registerEnumType(ProductKindEnum, { name: 'ProductKind', description: 'B3: kinds of software.' });

export const CancellationPolicyEnum = asEnum(['WINDOW', 'SUPPORT_REQUEST', 'NEVER'] as const);
registerEnumType(CancellationPolicyEnum, {
  name: 'CancellationPolicy',
  description: 'C1: how a purchase may be cancelled, fixed at purchase.',
});

export const CancellationStateEnum = asEnum(CANCELLATION_STATES);
registerEnumType(CancellationStateEnum, { name: 'CancellationState' });

export const OperationTypeEnum = asEnum(OPERATION_TYPES);
registerEnumType(OperationTypeEnum, {
  name: 'OperationType',
  description: 'A1: logged operations.',
});

@ObjectType({ description: 'M4: an exact amount: integer minor units plus the ISO 4217 currency.' })
export class Money {
  @Field(() => GraphQLSafeInt, { description: 'Whole minor units (cents; won and yen have none).' })
  amountMinor: number;

  @Field(() => String)
  currency: string;

  @Field(() => String, { description: 'The exact amount in major units, e.g. "1234.50".' })
  decimal: string;

  static of(amountMinor: number, currency: CurrencyCode): Money {
    const result = new Money();
    result.amountMinor = amountMinor;
    result.currency = currency;
    result.decimal = toDecimalString(money(amountMinor, currency));
    return result;
  }
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}
