import type { SkuUnit, TermYears } from '@csp/domain';
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

  /** What one unit is (B3), as a code the UI words; null for a SKU from before units. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  unit: SkuUnit | null;

  /** How many or which: "16" (cores), "1" (device), "D2s v5", "1–2" (vCPUs). */
  @Column({ name: 'unit_size', type: 'varchar', length: 32, nullable: true })
  unitSize: string | null;
}
