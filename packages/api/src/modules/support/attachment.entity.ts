import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * S2, S3: an uploaded file. Its bytes are in `attachment_chunks` under its id (never its name,
 * decision 011); served only to users of the partner that uploaded it. Written after the last
 * chunk, so an unfinished upload is never visible.
 */
@Entity('attachments')
export class AttachmentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'partner_id', type: 'varchar', length: 36 })
  partnerId: string;

  @Column({ name: 'uploaded_by_user_id', type: 'varchar', length: 36 })
  uploadedByUserId: string;

  /** Null until a submitted request claims it. */
  @Column({ name: 'support_request_id', type: 'varchar', length: 16, nullable: true })
  supportRequestId: string | null;

  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  fileName: string;

  @Column({ name: 'content_type', type: 'varchar', length: 100 })
  contentType: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
