import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * E6, X1: the sign-in throttle's slots, attachments stored in the database, and the hourly
 * bucket of refused downloads in the activity log. Table API only, for MySQL and SQLite.
 */
export class Hardening1764300000000 implements MigrationInterface {
  name = 'Hardening1764300000000';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.driver.options.type === 'mysql';
    const v = (name: string, length: number) => ({ name, type: 'varchar', length: String(length) });

    // E6: SIGN_IN_MAX_CHECKS slots per (e-mail, address); a password check takes a slot whose
    // last use is older than the window, in one conditional UPDATE (docs/security.md).
    await q.createTable(
      new Table({
        name: 'sign_in_slots',
        columns: [
          { ...v('email_hash', 64), isPrimary: true },
          { ...v('address_hash', 64), isPrimary: true },
          { name: 'slot', type: 'int', isPrimary: true },
          // Epoch milliseconds: compared as integers, the same on both engines.
          { name: 'used_at_ms', type: 'bigint' },
        ],
        indices: [new TableIndex({ name: 'ix_sign_in_slots_used', columnNames: ['used_at_ms'] })],
      }),
    );
    // The per-e-mail failure list it replaces never held under concurrency (docs/decisions/011).
    await q.dropTable('sign_in_failures', true);

    // X1: attachment bytes in ≤ 256 KB chunks, readable by every API process (docs/decisions/011).
    await q.createTable(
      new Table({
        name: 'attachment_chunks',
        columns: [
          { ...v('attachment_id', 36), isPrimary: true },
          { name: 'seq', type: 'int', isPrimary: true },
          // MySQL's BLOB stops at 64 KB; MEDIUMBLOB holds 16 MB.
          { name: 'data', type: mysql ? 'mediumblob' : 'blob' },
          { name: 'created_at_ms', type: 'bigint' },
        ],
        indices: [
          new TableIndex({ name: 'ix_attachment_chunks_created', columnNames: ['created_at_ms'] }),
        ],
      }),
    );

    // E6: one FAILED entry per link and hour for refused downloads, with how many there were.
    await q.addColumns('activity_log', [
      new TableColumn({ name: 'count', type: 'int', default: 1 }),
      new TableColumn({ ...v('refusal_bucket', 100), isNullable: true }),
    ]);
    await q.createIndex(
      'activity_log',
      new TableIndex({
        name: 'ux_activity_refusal_bucket',
        columnNames: ['refusal_bucket'],
        isUnique: true,
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('activity_log', 'ux_activity_refusal_bucket');
    await q.dropColumns('activity_log', ['refusal_bucket', 'count']);
    await q.dropTable('attachment_chunks');
    await q.createTable(
      new Table({
        name: 'sign_in_failures',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'email_hash', type: 'varchar', length: '64' },
          { name: 'at', type: 'datetime', precision: 3 },
        ],
        indices: [
          new TableIndex({
            name: 'ix_sign_in_failures_email_at',
            columnNames: ['email_hash', 'at'],
          }),
        ],
      }),
    );
    await q.dropTable('sign_in_slots');
  }
}
