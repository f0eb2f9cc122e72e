import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * X1 / D8: every key reveal and link issue writes the line's row (`deliveries = deliveries + 1
 * WHERE status = 'ACTIVE'`) in the transaction that creates the key or link. A cancellation writes
 * the same row, so the two serialize on one node (row lock) and conflict on a cluster (Galera
 * certification): whatever commits second sees the other, and nothing of a cancelled line stays live.
 */
export class LineDeliveries1764400000000 implements MigrationInterface {
  name = 'LineDeliveries1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'order_lines',
      new TableColumn({ name: 'deliveries', type: 'int', default: 0, isNullable: false }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('order_lines', 'deliveries');
  }
}
