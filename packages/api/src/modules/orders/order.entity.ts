import type { CurrencyCode } from '@csp/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber, booleanNumber } from '../../shared/transformers.js';

export type OrderStatus = 'COMPLETED' | 'CANCELLED';

@Entity('orders')
export class OrderEntity {
  /** The order ID shown to users (B4). */
  @PrimaryColumn({ type: 'varchar', length: 16 })
  id: string;

  @Column({ name: 'partner_id', type: 'varchar', length: 36 })
  partnerId: string;

  @Column({ name: 'customer_id', type: 'varchar', length: 36 })
  customerId: string;

  @Column({ name: 'placed_by_user_id', type: 'varchar', length: 36 })
  placedByUserId: string;

  @Column({ name: 'purchased_at', type: 'datetime', precision: 3 })
  purchasedAt: Date;

  @Column({ type: 'varchar', length: 3 })
  currency: CurrencyCode;

  @Column({ name: 'total_minor', type: 'bigint', transformer: bigintNumber })
  totalMinor: number;

  @Column({ name: 'tax_included', type: 'boolean', transformer: booleanNumber })
  taxIncluded: boolean;

  @Column({ type: 'varchar', length: 16 })
  status: OrderStatus;

  /** B5: unique per partner, so concurrent retries make one order. */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 100 })
  idempotencyKey: string;

  /** SHA-256 of the request, to refuse a reused key with a different order. */
  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;
}
