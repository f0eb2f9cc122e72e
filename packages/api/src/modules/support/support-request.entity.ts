import type { CurrencyCode, Impact, ProblemType } from '@csp/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../shared/transformers.js';

export type SupportRequestStatus = 'SUBMITTED' | 'IN_PROGRESS' | 'RESOLVED';

/** S2, S3: a request to Partner Center support, e.g. to refund a Windows 7 ESU purchase. */
@Entity('support_requests')
export class SupportRequestEntity {
  /** The reference shown to users, e.g. "SR-7KQ2M9D4WZ". */
  @PrimaryColumn({ type: 'varchar', length: 16 })
  id: string;

  @Column({ name: 'partner_id', type: 'varchar', length: 36 })
  partnerId: string;

  @Column({ name: 'created_by_user_id', type: 'varchar', length: 36 })
  createdByUserId: string;

  @Column({ name: 'customer_id', type: 'varchar', length: 36, nullable: true })
  customerId: string | null;

  @Column({ name: 'product_id', type: 'varchar', length: 64, nullable: true })
  productId: string | null;

  @Column({ name: 'problem_type', type: 'varchar', length: 40 })
  problemType: ProblemType;

  @Column({ type: 'varchar', length: 16 })
  impact: Impact;

  @Column({ type: 'varchar', length: 120 })
  title: string;

  @Column({ name: 'tenant_or_domain', type: 'varchar', length: 253 })
  tenantOrDomain: string;

  @Column({ name: 'order_or_subscription_id', type: 'varchar', length: 64 })
  orderOrSubscriptionId: string;

  @Column({ name: 'refund_reason', type: 'text' })
  refundReason: string;

  @Column({
    name: 'amount_requested_minor',
    type: 'bigint',
    nullable: true,
    transformer: bigintNumber,
  })
  amountRequestedMinor: number | null;

  @Column({ name: 'amount_currency', type: 'varchar', length: 3, nullable: true })
  amountCurrency: CurrencyCode | null;

  @Column({ type: 'text' })
  details: string;

  @Column({ name: 'contact_name', type: 'varchar', length: 100 })
  contactName: string;

  @Column({ name: 'contact_email', type: 'varchar', length: 254 })
  contactEmail: string;

  @Column({ name: 'contact_phone', type: 'varchar', length: 32 })
  contactPhone: string;

  @Column({ type: 'varchar', length: 16 })
  status: SupportRequestStatus;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
