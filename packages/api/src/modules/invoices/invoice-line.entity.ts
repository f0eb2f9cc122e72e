import type { CurrencyCode } from '@csp/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber, booleanNumber } from '../../shared/transformers.js';

export type InvoiceLineKind = 'CHARGE' | 'CREDIT';

/**
 * A charge or a credit on an invoice. (order_line_id, kind) is unique: a line is charged once and
 * credited at most once, whatever races (C10).
 */
@Entity('invoice_lines')
export class InvoiceLineEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'invoice_id', type: 'varchar', length: 36 })
  invoiceId: string;

  @Column({ name: 'partner_id', type: 'varchar', length: 36 })
  partnerId: string;

  @Column({ name: 'customer_id', type: 'varchar', length: 36 })
  customerId: string;

  @Column({ name: 'order_id', type: 'varchar', length: 16 })
  orderId: string;

  @Column({ name: 'order_line_id', type: 'varchar', length: 36 })
  orderLineId: string;

  @Column({ name: 'product_name', type: 'varchar', length: 200 })
  productName: string;

  @Column({ name: 'sku_name', type: 'varchar', length: 200 })
  skuName: string;

  @Column({ type: 'int' })
  quantity: number;

  @Column({ type: 'varchar', length: 8 })
  kind: InvoiceLineKind;

  /** Positive for a charge, negative for a credit. */
  @Column({ name: 'amount_minor', type: 'bigint', transformer: bigintNumber })
  amountMinor: number;

  @Column({ type: 'varchar', length: 3 })
  currency: CurrencyCode;

  @Column({ name: 'tax_included', type: 'boolean', transformer: booleanNumber })
  taxIncluded: boolean;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
