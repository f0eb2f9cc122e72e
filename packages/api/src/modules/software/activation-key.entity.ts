import { Column, Entity, PrimaryColumn } from 'typeorm';

/** D6: one activation key per purchased line, encrypted at rest; no GraphQL type maps this row. */
@Entity('activation_keys')
export class ActivationKeyEntity {
  @PrimaryColumn({ name: 'order_line_id', type: 'varchar', length: 36 })
  orderLineId: string;

  @Column({ name: 'partner_id', type: 'varchar', length: 36 })
  partnerId: string;

  @Column({ type: 'varchar', length: 200 })
  ciphertext: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  /** D8: set when the line is cancelled; the key is never shown again. */
  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;
}
