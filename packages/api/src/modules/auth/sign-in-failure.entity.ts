import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Failed sign-ins, kept in the database so rate limiting holds across server instances. */
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
