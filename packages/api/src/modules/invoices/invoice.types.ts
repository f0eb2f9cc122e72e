import type { InvoiceStatus } from '@csp/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money, PageInfo } from '../../shared/graphql-types.js';
import type { InvoiceLineEntity, InvoiceLineKind } from './invoice-line.entity.js';
import type { InvoiceEntity } from './invoice.entity.js';

export const InvoiceLineKindEnum = {
  CHARGE: 'CHARGE',
  CREDIT: 'CREDIT',
} as const satisfies Record<InvoiceLineKind, InvoiceLineKind>;
registerEnumType(InvoiceLineKindEnum, {
  name: 'InvoiceLineKind',
  description: 'Whether an invoice line charges or credits.',
  valuesConfig: {
    CHARGE: { description: 'A purchase, charged at its amount.' },
    CREDIT: { description: 'A cancellation, credited as a negative amount.' },
  },
});

export const InvoiceStatusEnum = {
  OPEN: 'OPEN',
  ISSUED: 'ISSUED',
} as const satisfies Record<InvoiceStatus, InvoiceStatus>;
registerEnumType(InvoiceStatusEnum, {
  name: 'InvoiceStatus',
  description: 'Whether a monthly invoice can still take lines.',
  valuesConfig: {
    OPEN: { description: 'The month is not over: new purchases and credits are added.' },
    ISSUED: { description: 'The month is over: the invoice is final.' },
  },
});
@ObjectType({ description: 'One charge or credit on an invoice.' })
export class InvoiceLine {
  entity: InvoiceLineEntity;

  @Field(() => ID, { description: 'The line’s id.' })
  id: string;

  @Field(() => InvoiceLineKindEnum, {
    description: 'CHARGE for a purchase, CREDIT for a cancellation.',
  })
  kind: InvoiceLineKind;

  @Field(() => String, { description: 'The order ID the line is for.' })
  orderId: string;

  @Field(() => String, { description: 'The product’s name at the time of the line.' })
  productName: string;

  @Field(() => String, { description: 'The SKU’s name at the time of the line.' })
  skuName: string;

  @Field(() => Int, { description: 'How many were bought or cancelled.' })
  quantity: number;

  @Field(() => Money, { description: 'Positive for a charge, negative for a credit.' })
  amount: Money;

  // M3
  @Field(() => Boolean, { description: 'Whether the amount includes tax.' })
  taxIncluded: boolean;

  @Field(() => Date, { description: 'When the charge or credit was made.' })
  createdAt: Date;

  static of(entity: InvoiceLineEntity): InvoiceLine {
    return Object.assign(new InvoiceLine(), {
      entity,
      id: entity.id,
      kind: entity.kind,
      orderId: entity.orderId,
      productName: entity.productName,
      skuName: entity.skuName,
      quantity: entity.quantity,
      amount: Money.of(entity.amountMinor, entity.currency),
      taxIncluded: entity.taxIncluded,
      createdAt: entity.createdAt,
    });
  }
}

// I1
@ObjectType({ description: 'The partner’s invoice for one calendar month (UTC) and currency.' })
export class Invoice {
  entity: InvoiceEntity;

  @Field(() => ID, { description: 'The invoice’s id.' })
  id: string;

  @Field(() => String, { description: 'The month, as YYYY-MM, e.g. "2026-11".' })
  period: string;

  @Field(() => String, { description: 'The ISO 4217 currency of every line.' })
  currency: string;

  @Field(() => InvoiceStatusEnum, { description: 'OPEN until the month ends (UTC), then ISSUED.' })
  status: InvoiceStatus;

  @Field(() => String, { description: 'Where to download the invoice as CSV (same session).' })
  csvUrl: string;

  static of(entity: InvoiceEntity, status: InvoiceStatus): Invoice {
    return Object.assign(new Invoice(), {
      entity,
      id: entity.id,
      period: entity.period,
      currency: entity.currency,
      status,
      csvUrl: `/invoices/${entity.id}.csv`,
    });
  }
}

@ObjectType({ description: 'An invoice with its cursor.' })
export class InvoiceEdge {
  @Field(() => String, { description: 'Pass as `after` to get the invoices after this one.' })
  cursor: string;

  @Field(() => Invoice, { description: 'The invoice.' })
  node: Invoice;
}

@ObjectType({ description: 'A page of the partner’s invoices.' })
export class InvoiceConnection {
  @Field(() => [InvoiceEdge], { description: 'The invoices on this page.' })
  edges: InvoiceEdge[];

  @Field(() => PageInfo, {
    description: 'Whether more invoices follow, and the cursor to get them.',
  })
  pageInfo: PageInfo;
}
