import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Money } from '../../shared/graphql-types.js';
import type { InvoiceLineEntity } from './invoice-line.entity.js';
import type { InvoiceEntity } from './invoice.entity.js';

@ObjectType({ description: 'One charge or credit on an invoice.' })
export class InvoiceLine {
  entity: InvoiceLineEntity;

  @Field(() => ID, { description: 'The line’s id.' })
  id: string;

  @Field(() => String, { description: 'CHARGE for a purchase, CREDIT for a cancellation.' })
  kind: string;

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

  @Field(() => String, { description: 'OPEN until the month ends (UTC), then ISSUED.' })
  status: string;

  @Field(() => String, { description: 'Where to download the invoice as CSV (same session).' })
  csvUrl: string;

  static of(entity: InvoiceEntity, status: string): Invoice {
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
