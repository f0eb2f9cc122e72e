import type { CurrencyCode } from '@csp/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../shared/transformers.js';

/** A SKU's unit price in one currency, in minor units (M4). */
@Entity('prices')
export class PriceEntity {
  @PrimaryColumn({ name: 'sku_id', type: 'varchar', length: 64 })
  skuId: string;

  @PrimaryColumn({ type: 'varchar', length: 3 })
  currency: CurrencyCode;

  @Column({ name: 'amount_minor', type: 'bigint', transformer: bigintNumber })
  amountMinor: number;
}
