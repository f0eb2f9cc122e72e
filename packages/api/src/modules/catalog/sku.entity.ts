import type { TermYears } from '@csp/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('skus')
export class SkuEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ name: 'product_id', type: 'varchar', length: 64 })
  productId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** 1 or 3 for subscriptions and reservations; null when the SKU has no term (B3). */
  @Column({ name: 'term_years', type: 'int', nullable: true })
  termYears: TermYears;
}
