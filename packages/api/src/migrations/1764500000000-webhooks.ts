import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * K1: the index **Closing soon** reads (a partner's active lines by window end, soonest first).
 * W1, W2: webhook endpoints, the outbox of events (written in the transaction of their change)
 * and one delivery per event and endpoint; a worker leases an endpoint to send (decision 016).
 */
export class Webhooks1764500000000 implements MigrationInterface {
  name = 'Webhooks1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex(
      'order_lines',
      new TableIndex({
        name: 'ix_order_lines_closing',
        columnNames: ['partner_id', 'status', 'cancellable_until'],
      }),
    );
    await q.createTable(
      new Table({
        name: 'webhook_endpoints',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'partner_id', type: 'varchar', length: '36' },
          { name: 'url', type: 'varchar', length: '500' },
          { name: 'events', type: 'varchar', length: '300' },
          // AES-256-GCM, bound to the endpoint id: the secret must be kept to sign with it.
          { name: 'secret_ciphertext', type: 'varchar', length: '300' },
          { name: 'created_by_user_id', type: 'varchar', length: '36' },
          { name: 'created_at', type: 'datetime', precision: 3 },
          // One worker at a time sends to an endpoint, in order (decision 016).
          { name: 'leased_until', type: 'datetime', precision: 3, isNullable: true },
          { name: 'lease_owner', type: 'varchar', length: '64', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'ix_webhook_endpoints_partner', columnNames: ['partner_id'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'webhook_events',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'partner_id', type: 'varchar', length: '36' },
          { name: 'type', type: 'varchar', length: '40' },
          // What the event is about, for events sent once per thing (closing windows: the line id).
          { name: 'subject_key', type: 'varchar', length: '64', isNullable: true },
          { name: 'body', type: 'text' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          new TableIndex({
            name: 'uq_webhook_events_subject',
            columnNames: ['type', 'subject_key'],
            isUnique: true,
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'webhook_deliveries',
        columns: [
          // The order deliveries were written in: each endpoint receives its events in this order.
          {
            name: 'seq',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'id', type: 'varchar', length: '36' },
          { name: 'event_id', type: 'varchar', length: '36' },
          { name: 'endpoint_id', type: 'varchar', length: '36' },
          { name: 'partner_id', type: 'varchar', length: '36' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'attempts', type: 'int', default: 0 },
          { name: 'next_attempt_at', type: 'datetime', precision: 3 },
          { name: 'last_attempt_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'response_status', type: 'int', isNullable: true },
          { name: 'last_error', type: 'varchar', length: '300', isNullable: true },
          { name: 'delivered_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          new TableIndex({ name: 'uq_webhook_deliveries_id', columnNames: ['id'], isUnique: true }),
          new TableIndex({
            name: 'ix_webhook_deliveries_due',
            columnNames: ['status', 'next_attempt_at'],
          }),
          new TableIndex({
            name: 'ix_webhook_deliveries_endpoint',
            columnNames: ['endpoint_id', 'seq'],
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('webhook_deliveries');
    await q.dropTable('webhook_events');
    await q.dropTable('webhook_endpoints');
    await q.dropIndex('order_lines', 'ix_order_lines_closing');
  }
}
