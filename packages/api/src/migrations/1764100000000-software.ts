import {
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

/** D3–D8, A1: activation keys, download links, and a detail column for the activity log. */
export class Software1764100000000 implements MigrationInterface {
  name = 'Software1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'activation_keys',
        columns: [
          { name: 'order_line_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'partner_id', type: 'varchar', length: '36' },
          { name: 'ciphertext', type: 'varchar', length: '200' },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'revoked_at', type: 'datetime', precision: 3, isNullable: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['order_line_id'],
            referencedTableName: 'order_lines',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'download_links',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'token_hash', type: 'varchar', length: '64' },
          { name: 'partner_id', type: 'varchar', length: '36' },
          { name: 'customer_id', type: 'varchar', length: '36' },
          { name: 'order_line_id', type: 'varchar', length: '36' },
          { name: 'issued_by_user_id', type: 'varchar', length: '36' },
          { name: 'issued_at', type: 'datetime', precision: 3 },
          { name: 'expires_at', type: 'datetime', precision: 3 },
          { name: 'max_downloads', type: 'int' },
          { name: 'downloads_used', type: 'int' },
          { name: 'revoked_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'version', type: 'varchar', length: '60' },
          { name: 'language', type: 'varchar', length: '60' },
          { name: 'file_type', type: 'varchar', length: '60' },
        ],
        indices: [
          new TableIndex({
            name: 'uq_download_links_token',
            columnNames: ['token_hash'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'ix_download_links_line',
            columnNames: ['order_line_id', 'expires_at'],
          }),
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['order_line_id'],
            referencedTableName: 'order_lines',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
    await q.addColumn(
      'activity_log',
      new TableColumn({ name: 'detail', type: 'varchar', length: '300', isNullable: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('activity_log', 'detail');
    await q.dropTable('download_links');
    await q.dropTable('activation_keys');
  }
}
