import type { OperationOutcome, OperationType } from '@csp/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A1: an append-only record of who did what. No code path deletes a row or changes what it says;
 * the one update is `count` of an hourly refused-download entry (E6, `refusalBucket`).
 */
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

  /** Issue 15: the detail as a code (ACTIVITY_DETAIL_CODES), worded by each reader's language. */
  @Column({ name: 'detail_code', type: 'varchar', length: 40, nullable: true })
  detailCode: string | null;

  /** The detail's facts as a JSON object of strings and numbers. */
  @Column({ name: 'detail_params', type: 'varchar', length: 600, nullable: true })
  detailParams: string | null;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  /** How many attempts this entry stands for: 1, or the refused downloads of one link in one hour. */
  @Column({ type: 'int', default: 1 })
  count: number;

  /** E6: "download-link:<id>:<hour>" for the one entry that counts a link's refusals in that hour. */
  @Column({ name: 'refusal_bucket', type: 'varchar', length: 100, nullable: true })
  refusalBucket: string | null;
}
