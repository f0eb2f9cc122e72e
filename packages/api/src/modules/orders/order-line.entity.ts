import type { CancellationPolicy, CurrencyCode, ProductKind, TermYears } from '@csp/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../shared/transformers.js';

export type OrderLineStatus = 'ACTIVE' | 'CANCELLED';

@Entity('order_lines')
export class OrderLineEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'order_id', type: 'varchar', length: 16 })
  orderId: string;

  @Column({ name: 'partner_id', type: 'varchar', length: 36 })
  partnerId: string;

  @Column({ name: 'customer_id', type: 'varchar', length: 36 })
  customerId: string;

  @Column({ name: 'product_id', type: 'varchar', length: 64 })
  productId: string;

  @Column({ name: 'sku_id', type: 'varchar', length: 64 })
  skuId: string;

  /** Position in the order, from 1. */
  @Column({ name: 'line_number', type: 'int' })
  lineNumber: number;

  @Column({ name: 'product_kind', type: 'varchar', length: 32 })
  productKind: ProductKind;

  @Column({ name: 'term_years', type: 'int', nullable: true })
  termYears: TermYears;

  /** Current quantity: set to 0 when the line is cancelled (C8). */
  @Column({ type: 'int' })
  quantity: number;

  @Column({ name: 'purchased_quantity', type: 'int' })
  purchasedQuantity: number;

  @Column({ name: 'unit_price_minor', type: 'bigint', transformer: bigintNumber })
  unitPriceMinor: number;

  /** What was charged: unit price × purchased quantity (B4). */
  @Column({ name: 'amount_minor', type: 'bigint', transformer: bigintNumber })
  amountMinor: number;

  @Column({ type: 'varchar', length: 3 })
  currency: CurrencyCode;

  @Column({ name: 'purchased_at', type: 'datetime', precision: 3 })
  purchasedAt: Date;

  /** C1: the cancellation terms fixed at purchase. */
  @Column({ name: 'cancellation_policy', type: 'varchar', length: 16 })
  cancellationPolicy: CancellationPolicy['type'];

  @Column({ name: 'window_days', type: 'int', nullable: true })
  windowDays: number | null;

  @Column({ name: 'cancellable_until', type: 'datetime', precision: 3, nullable: true })
  cancellableUntil: Date | null;

  @Column({ type: 'varchar', length: 16 })
  status: OrderLineStatus;

  @Column({ name: 'cancelled_at', type: 'datetime', precision: 3, nullable: true })
  cancelledAt: Date | null;

  /** Keys and links handed out: written with each one so a racing cancellation conflicts (X1, D8). */
  @Column({ type: 'int', default: 0, select: false })
  deliveries?: number;
}
