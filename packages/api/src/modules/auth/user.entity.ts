import type { Role } from '@csp/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'partner_id', type: 'varchar', length: 36 })
  partnerId: string;

  /** Lower-cased; unique across the portal. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName: string;

  /** scrypt hash with its salt and parameters; never leaves the auth service. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  /** Comma-separated roles (R1). */
  @Column({ type: 'simple-array' })
  roles: Role[];

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
