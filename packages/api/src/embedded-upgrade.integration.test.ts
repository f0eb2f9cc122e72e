import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './data-source.js';
import { verifyPassword } from './modules/auth/password.js';
import { UserEntity } from './modules/auth/user.entity.js';
import { OrderEntity } from './modules/orders/order.entity.js';
import { OrderLineEntity } from './modules/orders/order-line.entity.js';
import { seedDemoData } from './seed/demo-data.js';

/**
 * A database file written by the previous release (sql.js, rollback journal): demo data loaded at
 * start, then one order of 3 × Office LTSC placed through the API (order RKMMMDGWX765).
 */
const FIXTURE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'test-support/fixtures/sqljs-release-2026-11.sqlite.gz',
);

describe('the embedded database: a file written by the sql.js release', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'csp-upgrade-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens on better-sqlite3 with every row kept, migrates, switches to WAL and takes writes', async () => {
    const file = path.join(dir, 'portal.sqlite');
    writeFileSync(file, gunzipSync(readFileSync(FIXTURE)));
    const db = await openDatabase({ type: 'embedded', file });
    try {
      expect(await db.manager.count(OrderEntity)).toBe(15);
      const order = await db.manager.findOneByOrFail(OrderEntity, { id: 'RKMMMDGWX765' });
      const [line] = await db.manager.findBy(OrderLineEntity, { orderId: order.id });
      expect(line).toMatchObject({ productId: 'office-ltsc-professional-plus-2024', quantity: 3 });
      // The demo data is there, so it is not loaded a second time; the old password hashes work.
      expect(await seedDemoData(db, new Date())).toBe(false);
      const admin = await db.manager.findOneByOrFail(UserEntity, {
        email: 'admin.agent@contoso.example',
      });
      expect(await verifyPassword('demo-password-2026', admin.passwordHash)).toBe(true);
      const journal = (await db.manager.query('PRAGMA journal_mode')) as { journal_mode: string }[];
      expect(journal[0]!.journal_mode).toBe('wal');
      const migrations = (await db.manager.query('SELECT name FROM migrations')) as unknown[];
      expect(migrations.length).toBeGreaterThan(3);
      await db.transaction((m) =>
        m.update(OrderLineEntity, { id: line!.id }, { status: 'CANCELLED', quantity: 0 }),
      );
    } finally {
      await db.close();
    }
    const reopened = await openDatabase({ type: 'embedded', file });
    try {
      const [line] = await reopened.manager.findBy(OrderLineEntity, { orderId: 'RKMMMDGWX765' });
      expect(line!.status).toBe('CANCELLED');
    } finally {
      await reopened.close();
    }
  });
});

describe('the embedded database file', () => {
  it('a new embedded database file is readable by its owner only (0600, in a 0700 folder)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'csp-mode-'));
    try {
      const file = path.join(dir, 'data', 'portal.sqlite');
      const db = await openDatabase({ type: 'embedded', file });
      await db.close();
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
