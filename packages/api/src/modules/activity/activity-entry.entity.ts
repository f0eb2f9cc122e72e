import type { OperationOutcome, OperationType } from '@csp/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A1: an append-only record of who did what. No code path updates or deletes a row. */
@Entity('activity_log')
export class ActivityEntryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'partner_id', type: 'varchar', length: 36 })
  partnerId: string;

  @Column({ name: 'customer_id', type: 'varchar', length: 36, nullable: true })
  customerId: string | null;

  @Column({ name: 'user_id', type: 'varchar', length: 36, nullable: true })
  userId: string | null;

  /** The e-mail of the user, or null when a link holder acted. Kept so the log reads alone. */
  @Column({ name: 'user_email', type: 'varchar', length: 254, nullable: true })
  userEmail: string | null;

  /** The link holder's address (D7), when no user acted. */
  @Column({ name: 'remote_address', type: 'varchar', length: 64, nullable: true })
  remoteAddress: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 300, nullable: true })
  userAgent: string | null;

  @Column({ type: 'varchar', length: 40 })
  operation: OperationType;

  /** What was acted on, e.g. "order:7KQ2…" or "order-line:…". */
  @Column({ type: 'varchar', length: 120 })
  resource: string;

  @Column({ name: 'product_name', type: 'varchar', length: 200, nullable: true })
  productName: string | null;

  @Column({ type: 'varchar', length: 10 })
  outcome: OperationOutcome;

  /** The refusal code for a failed attempt. */
  @Column({ name: 'failure_code', type: 'varchar', length: 40, nullable: true })
  failureCode: string | null;

  /** Extra facts, e.g. the link's issuer and the version, language and file type (D7). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  detail: string | null;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
