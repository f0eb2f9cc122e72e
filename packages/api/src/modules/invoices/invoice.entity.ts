import type { CurrencyCode } from '@csp/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** I1: one invoice per partner, calendar month (UTC) and currency. */
@Entity('invoices')
export class InvoiceEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'partner_id', type: 'varchar', length: 36 })
  partnerId: string;

  /** "2026-11" */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ type: 'varchar', length: 3 })
  currency: CurrencyCode;
}
