import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Retired: migration 1764300000000 drops this table for the sign-in slots of the E6 throttle
 * (auth.service.ts, docs/decisions/011). Still listed among the entities in data-source.ts, which
 * this branch does not edit; nothing reads or writes it. Remove both together.
 */
@Entity('sign_in_failures')
export class SignInFailureEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** SHA-256 of the lower-cased e-mail: the address itself is not kept. */
  @Column({ name: 'email_hash', type: 'varchar', length: 64 })
  emailHash: string;

  @Column({ name: 'at', type: 'datetime', precision: 3 })
  at: Date;
}
