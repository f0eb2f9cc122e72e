import {
  ACTIONS,
  CANCELLATION_STATES,
  money,
  OPERATION_TYPES,
  PERMISSIONS,
  PRODUCT_KINDS,
  ROLES,
  SKU_UNITS,
  toDecimalString,
  type Action,
  type CreditBreakdown,
  type CurrencyCode,
} from '@csp/domain';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { serverText } from './i18n/server-text.js';

export const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

/** Enum value descriptions for the schema explorer, from a description per value. */
export const describeValues = <T extends string>(
  values: readonly T[],
  describe: (value: T) => string,
) =>
  Object.fromEntries(values.map((v) => [v, { description: describe(v) }])) as {
    [K in T]: { description: string };
  };

const ACTION_DESCRIPTIONS: Record<Action, string> = {
  READ_PARTNER_DATA: 'See customers, orders, the catalog and invoices',
  BUY_SOFTWARE: 'Buy software for a customer',
  GET_KEYS_AND_DOWNLOADS: 'Reveal activation keys and issue download links',
  VIEW_ACTIVITY_LOG: 'Read the activity log',
  CANCEL_PURCHASE: 'Cancel a purchase',
  SUBMIT_SUPPORT_REQUEST: 'Submit a support request (Report a problem)',
  MANAGE_WEBHOOKS: 'Register webhook endpoints and read their delivery logs',
};

// R1: labels come from the API's catalog (English), keyed by the codes the web's catalogs use.
export const RoleEnum = asEnum(ROLES);
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'The Partner Center roles a partner user can hold.',
  valuesConfig: describeValues(ROLES, (role) => `${serverText('en', `role.${role}`)}.`),
});

// R2–R7: the roles named in each value's description are the domain's permission table.
export const ActionEnum = asEnum(ACTIONS);
registerEnumType(ActionEnum, {
  name: 'Action',
  description: 'Something a user may or may not do, depending on their roles.',
  valuesConfig: describeValues(
    ACTIONS,
    (action) =>
      `${ACTION_DESCRIPTIONS[action]}. Allowed for: ${PERMISSIONS[action]
        .map((role) => serverText('en', `role.${role}`))
        .join(', ')}.`,
  ),
});

// B3
export const ProductKindEnum = asEnum(PRODUCT_KINDS);
registerEnumType(ProductKindEnum, {
  name: 'ProductKind',
  description: 'The kind of software a product is.',
  valuesConfig: describeValues(
    PRODUCT_KINDS,
    (kind) => `${serverText('en', `productKind.${kind}`)}.`,
  ),
});

// B3, issue 15
export const SkuUnitEnum = asEnum(SKU_UNITS);
registerEnumType(SkuUnitEnum, {
  name: 'SkuUnit',
  description: 'What one unit of a SKU is; `unitSize` says how many or which.',
  valuesConfig: {
    CORE_PACK: { description: 'A pack of cores; the size is the number of cores ("16").' },
    DEVICE: { description: 'A device; the size is the number of devices ("1").' },
    VM_INSTANCE: {
      description: 'A reserved virtual machine instance; the size is its series ("D2s v5").',
    },
    VCPU: { description: 'Virtual CPUs of a VM; the size is their range ("1–2").' },
  },
});

// C1
export const CancellationPolicyEnum = asEnum(['WINDOW', 'SUPPORT_REQUEST', 'NEVER'] as const);
registerEnumType(CancellationPolicyEnum, {
  name: 'CancellationPolicy',
  description: 'How a purchase may be cancelled; fixed when it is bought.',
  valuesConfig: {
    WINDOW: { description: 'Self-service cancellation until the window closes.' },
    SUPPORT_REQUEST: { description: 'Only through a support request.' },
    NEVER: { description: 'Cannot be cancelled.' },
  },
});

// C2, C4–C6, C10
export const CancellationStateEnum = asEnum(CANCELLATION_STATES);
registerEnumType(CancellationStateEnum, {
  name: 'CancellationState',
  description: 'Whether an order’s lines of a product can be cancelled now.',
  valuesConfig: {
    OPEN: { description: 'The cancellation window is open: it can be cancelled now.' },
    WINDOW_CLOSED: { description: 'The cancellation window has closed.' },
    SUPPORT_REQUEST_REQUIRED: { description: 'Only a support request can cancel it.' },
    NOT_CANCELLABLE: { description: 'The product cannot be cancelled.' },
    ALREADY_CANCELLED: { description: 'It has been cancelled already.' },
  },
});

// A1: values keep Partner Center's lower-case operation names (see .graphql-schema-linterrc).
export const OperationTypeEnum = asEnum(OPERATION_TYPES);
registerEnumType(OperationTypeEnum, {
  name: 'OperationType',
  description: 'An operation the activity log records, by its Partner Center operation name.',
  valuesConfig: describeValues(OPERATION_TYPES, (op) => `${serverText('en', `operation.${op}`)}.`),
});

// C7–C9
export type CreditMethod = CreditBreakdown['method'];
export const CreditMethodEnum = {
  FULL: 'FULL',
  PRORATED: 'PRORATED',
} as const satisfies Record<CreditMethod, CreditMethod>;
registerEnumType(CreditMethodEnum, {
  name: 'CreditMethod',
  description: 'How the credit for a cancelled purchase is worked out.',
  valuesConfig: {
    FULL: { description: 'The whole amount paid is credited.' },
    PRORATED: { description: 'The amount for the unused part of the term is credited.' },
  },
});

// M4
@ObjectType({ description: 'An exact amount of money: whole minor units plus the currency.' })
export class Money {
  @Field(() => GraphQLSafeInt, { description: 'Whole minor units (cents; won and yen have none).' })
  amountMinor: number;

  @Field(() => String, { description: 'ISO 4217 currency code, e.g. "USD".' })
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

/** Relay's PageInfo. Lists page forward only (`first` / `after`), so there is never a page before. */
@ObjectType({ description: 'Where this page sits in the whole list (Relay cursor connections).' })
export class PageInfo {
  @Field(() => Boolean, {
    description: 'Whether another page follows: pass `endCursor` as `after`.',
  })
  hasNextPage: boolean;

  @Field(() => Boolean, {
    description: 'Always false: lists are paged forward only, with `first` and `after`.',
  })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'The first edge’s cursor; null when empty.' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'The last edge’s cursor; null when empty.' })
  endCursor: string | null;

  static forward(edges: readonly { cursor: string }[], hasNextPage: boolean): PageInfo {
    return Object.assign(new PageInfo(), {
      hasNextPage,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    });
  }
}
