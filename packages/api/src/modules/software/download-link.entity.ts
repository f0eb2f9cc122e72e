import { Column, Entity, PrimaryColumn } from 'typeorm';

/** D3–D5: a download link. Only the SHA-256 of its token is stored. */
@Entity('download_links')
export class DownloadLinkEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'partner_id', type: 'varchar', length: 36 })
  partnerId: string;

  @Column({ name: 'customer_id', type: 'varchar', length: 36 })
  customerId: string;

  @Column({ name: 'order_line_id', type: 'varchar', length: 36 })
  orderLineId: string;

  @Column({ name: 'issued_by_user_id', type: 'varchar', length: 36 })
  issuedByUserId: string;

  @Column({ name: 'issued_at', type: 'datetime', precision: 3 })
  issuedAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'max_downloads', type: 'int' })
  maxDownloads: number;

  @Column({ name: 'downloads_used', type: 'int' })
  downloadsUsed: number;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 60 })
  version: string;

  @Column({ type: 'varchar', length: 60 })
  language: string;

  @Column({ name: 'file_type', type: 'varchar', length: 60 })
  fileType: string;
}
