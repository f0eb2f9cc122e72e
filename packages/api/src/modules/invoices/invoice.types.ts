import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Money } from '../../shared/graphql-types.js';
import type { InvoiceLineEntity } from './invoice-line.entity.js';
import type { InvoiceEntity } from './invoice.entity.js';

@ObjectType()
export class InvoiceLine {
  entity: InvoiceLineEntity;

  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'CHARGE or CREDIT.' })
  kind: string;

  @Field(() => String)
  orderId: string;

  @Field(() => String)
  productName: string;

  @Field(() => String)
  skuName: string;

  @Field(() => Int)
  quantity: number;

  @Field(() => Money, { description: 'Positive for a charge, negative for a credit.' })
  amount: Money;

  @Field(() => Boolean, { description: 'M3: the amount includes tax.' })
  taxIncluded: boolean;

  @Field(() => Date)
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

@ObjectType({ description: 'I1: one invoice per calendar month (UTC) and currency.' })
export class Invoice {
  entity: InvoiceEntity;

  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'The month, e.g. "2026-11".' })
  period: string;

  @Field(() => String)
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
