import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { searchTermsOf } from '../modules/customers/customer-search.js';

/**
 * B1 at index speed (issue 13, decision 018): every suffix of each customer's normalized name
 * and domain, so "contains" is a key-range read on both engines. The terms compare in binary
 * (code point) order on MariaDB as on SQLite; tenant GUIDs are stored in lower case so the exact
 * GUID look-up is an index equality on SQLite too. Existing customers are indexed here.
 */
export class CustomerSearch1764600000000 implements MigrationInterface {
  name = 'CustomerSearch1764600000000';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type === 'mysql';
    await q.createTable(
      new Table({
        name: 'customer_search_terms',
        columns: [
          { name: 'partner_id', type: 'varchar', length: '36', isPrimary: true },
          {
            name: 'term',
            type: 'varchar',
            length: '32',
            isPrimary: true,
            // SQLite compares text in binary already.
            ...(mysql ? { charset: 'utf8mb4', collation: 'utf8mb4_bin' } : {}),
          },
          { name: 'customer_id', type: 'varchar', length: '36', isPrimary: true },
        ],
        indices: [
          new TableIndex({
            name: 'ix_customer_search_terms_customer',
            columnNames: ['customer_id'],
          }),
        ],
        foreignKeys: [
          {
            name: 'fk_customer_search_terms_customer',
            columnNames: ['customer_id'],
            referencedTableName: 'customers',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await q.query('UPDATE customers SET tenant_id = LOWER(tenant_id)');

    // Backfill, a few hundred customers at a time.
    let after = '';
    for (;;) {
      const customers = (await q.query(
        'SELECT id, partner_id, name, domain FROM customers WHERE id > ? ORDER BY id LIMIT 300',
        [after],
      )) as { id: string; partner_id: string; name: string; domain: string }[];
      if (customers.length === 0) break;
      const rows = customers.flatMap((c) =>
        searchTermsOf(c.name, c.domain).map((term) => [c.partner_id, term, c.id]),
      );
      for (let i = 0; i < rows.length; i += 500) {
        const batch = rows.slice(i, i + 500);
        await q.query(
          `INSERT INTO customer_search_terms (partner_id, term, customer_id) VALUES ${batch
            .map(() => '(?, ?, ?)')
            .join(', ')}`,
          batch.flat(),
        );
      }
      after = customers.at(-1)!.id;
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('customer_search_terms');
  }
}
