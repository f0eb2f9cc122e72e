import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** S1–S3: support requests and their attachments. */
export class Support1764200000000 implements MigrationInterface {
  name = 'Support1764200000000';

  async up(q: QueryRunner): Promise<void> {
    const v = (name: string, length: number, isNullable = false) => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable,
    });
    await q.createTable(
      new Table({
        name: 'support_requests',
        columns: [
          { ...v('id', 16), isPrimary: true },
          v('partner_id', 36),
          v('created_by_user_id', 36),
          v('customer_id', 36, true),
          v('product_id', 64, true),
          v('problem_type', 40),
          v('impact', 16),
          v('title', 120),
          v('tenant_or_domain', 253),
          v('order_or_subscription_id', 64),
          { name: 'refund_reason', type: 'text' },
          { name: 'amount_requested_minor', type: 'bigint', isNullable: true },
          v('amount_currency', 3, true),
          { name: 'details', type: 'text' },
          v('contact_name', 100),
          v('contact_email', 254),
          v('contact_phone', 32),
          v('status', 16),
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          new TableIndex({
            name: 'ix_support_requests_partner',
            columnNames: ['partner_id', 'created_at'],
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'attachments',
        columns: [
          { ...v('id', 36), isPrimary: true },
          v('partner_id', 36),
          v('uploaded_by_user_id', 36),
          v('support_request_id', 16, true),
          v('file_name', 200),
          v('content_type', 100),
          { name: 'size', type: 'int' },
          v('sha256', 64),
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          new TableIndex({ name: 'ix_attachments_request', columnNames: ['support_request_id'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('attachments');
    await q.dropTable('support_requests');
  }
}
