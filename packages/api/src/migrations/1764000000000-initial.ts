import {
  Table,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';
import type { TableColumnOptions } from 'typeorm/schema-builder/options/TableColumnOptions.js';

// One set of migrations for MySQL and SQLite: only the QueryRunner Table API, no raw SQL.
const id = (name = 'id', length = 36): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isPrimary: true,
});
const text = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const ref = (name: string, length = 36, nullable = false) => text(name, length, nullable);
const instant = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'datetime',
  precision: 3,
  isNullable: nullable,
});
const int = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'int',
  isNullable: nullable,
});
const bigint = (name: string): TableColumnOptions => ({ name, type: 'bigint' });
const bool = (name: string): TableColumnOptions => ({ name, type: 'boolean' });
const fk = (column: string, table: string, referenced = 'id') =>
  new TableForeignKey({
    columnNames: [column],
    referencedTableName: table,
    referencedColumnNames: [referenced],
  });
const index = (name: string, columns: string[], isUnique = false) =>
  new TableIndex({ name, columnNames: columns, isUnique });

export class Initial1764000000000 implements MigrationInterface {
  name = 'Initial1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({ name: 'partners', columns: [id(), text('name', 200), instant('created_at')] }),
    );
    await q.createTable(
      new Table({
        name: 'users',
        columns: [
          id(),
          ref('partner_id'),
          text('email', 254),
          text('display_name', 200),
          text('password_hash', 255),
          { name: 'roles', type: 'text' },
          instant('created_at'),
        ],
        indices: [index('uq_users_email', ['email'], true)],
        foreignKeys: [fk('partner_id', 'partners')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sessions',
        columns: [
          id('token_hash', 64),
          ref('user_id'),
          instant('created_at'),
          instant('expires_at'),
        ],
        indices: [index('ix_sessions_user', ['user_id'])],
        foreignKeys: [fk('user_id', 'users')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sign_in_failures',
        columns: [id(), text('email_hash', 64), instant('at')],
        indices: [index('ix_sign_in_failures_email_at', ['email_hash', 'at'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'customers',
        columns: [
          id(),
          ref('partner_id'),
          text('name', 200),
          text('tenant_id', 36),
          text('domain', 253),
          text('market', 2),
          instant('created_at'),
        ],
        indices: [
          index('ix_customers_partner_name', ['partner_id', 'name']),
          index('ix_customers_partner_tenant', ['partner_id', 'tenant_id']),
          index('ix_customers_partner_domain', ['partner_id', 'domain']),
        ],
        foreignKeys: [fk('partner_id', 'partners')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'products',
        columns: [
          id('id', 64),
          text('name', 200),
          text('kind', 32),
          text('description', 1000),
          bool('has_activation_keys'),
          bool('azure_hybrid_benefit'),
          { name: 'download_options', type: 'text' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'skus',
        columns: [id('id', 64), ref('product_id', 64), text('name', 200), int('term_years', true)],
        indices: [index('ix_skus_product', ['product_id'])],
        foreignKeys: [fk('product_id', 'products')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'prices',
        columns: [{ ...id('sku_id', 64) }, { ...id('currency', 3) }, bigint('amount_minor')],
        foreignKeys: [fk('sku_id', 'skus')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'orders',
        columns: [
          id('id', 16),
          ref('partner_id'),
          ref('customer_id'),
          ref('placed_by_user_id'),
          instant('purchased_at'),
          text('currency', 3),
          bigint('total_minor'),
          bool('tax_included'),
          text('status', 16),
          text('idempotency_key', 100),
          text('request_hash', 64),
        ],
        indices: [
          index('uq_orders_idempotency', ['partner_id', 'idempotency_key'], true), // B5
          index('ix_orders_customer', ['partner_id', 'customer_id', 'purchased_at']),
        ],
        foreignKeys: [
          fk('partner_id', 'partners'),
          fk('customer_id', 'customers'),
          fk('placed_by_user_id', 'users'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'order_lines',
        columns: [
          id(),
          ref('order_id', 16),
          ref('partner_id'),
          ref('customer_id'),
          ref('product_id', 64),
          ref('sku_id', 64),
          int('line_number'),
          text('product_kind', 32),
          int('term_years', true),
          int('quantity'),
          int('purchased_quantity'),
          bigint('unit_price_minor'),
          bigint('amount_minor'),
          text('currency', 3),
          instant('purchased_at'),
          text('cancellation_policy', 16),
          int('window_days', true),
          instant('cancellable_until', true),
          text('status', 16),
          instant('cancelled_at', true),
        ],
        indices: [
          index('ix_order_lines_order', ['order_id', 'line_number']),
          index('ix_order_lines_customer', ['partner_id', 'customer_id', 'product_id']),
        ],
        foreignKeys: [fk('order_id', 'orders'), fk('product_id', 'products'), fk('sku_id', 'skus')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'invoices',
        columns: [id(), ref('partner_id'), text('period', 7), text('currency', 3)],
        indices: [index('uq_invoices_period', ['partner_id', 'period', 'currency'], true)], // I1
        foreignKeys: [fk('partner_id', 'partners')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'invoice_lines',
        columns: [
          id(),
          ref('invoice_id'),
          ref('partner_id'),
          ref('customer_id'),
          ref('order_id', 16),
          ref('order_line_id'),
          text('product_name', 200),
          text('sku_name', 200),
          int('quantity'),
          text('kind', 8),
          bigint('amount_minor'),
          text('currency', 3),
          bool('tax_included'),
          instant('created_at'),
        ],
        indices: [
          index('uq_invoice_lines_once', ['order_line_id', 'kind'], true), // C10: one charge, one credit
          index('ix_invoice_lines_invoice', ['invoice_id']),
        ],
        foreignKeys: [fk('invoice_id', 'invoices'), fk('order_line_id', 'order_lines')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'activity_log',
        columns: [
          id(),
          ref('partner_id'),
          ref('customer_id', 36, true),
          ref('user_id', 36, true),
          text('user_email', 254, true),
          text('remote_address', 64, true),
          text('user_agent', 300, true),
          text('operation', 40),
          text('resource', 120),
          text('product_name', 200, true),
          text('outcome', 10),
          text('failure_code', 40, true),
          instant('at'),
        ],
        indices: [
          index('ix_activity_partner_at', ['partner_id', 'at', 'id']),
          index('ix_activity_partner_operation_at', ['partner_id', 'operation', 'at', 'id']),
          index('ix_activity_partner_customer_at', ['partner_id', 'customer_id', 'at', 'id']),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'activity_log',
      'invoice_lines',
      'invoices',
      'order_lines',
      'orders',
      'prices',
      'skus',
      'products',
      'customers',
      'sign_in_failures',
      'sessions',
      'users',
      'partners',
    ]) {
      await q.dropTable(table);
    }
  }
}
