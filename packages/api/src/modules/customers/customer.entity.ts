import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('customers')
export class CustomerEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'partner_id', type: 'varchar', length: 36 })
  partnerId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** The customer's Microsoft Entra tenant GUID (B1). */
  @Column({ name: 'tenant_id', type: 'varchar', length: 36 })
  tenantId: string;

  @Column({ type: 'varchar', length: 253 })
  domain: string;

  /** ISO 3166-1 alpha-2 (M1). */
  @Column({ type: 'varchar', length: 2 })
  market: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
