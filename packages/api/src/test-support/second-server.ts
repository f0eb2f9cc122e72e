import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase, type Database } from '../data-source.js';
import { createApp } from '../server.js';
import { TEST_MYSQL_URL, type Harness } from './harness.js';

/**
 * Another API server over the harness's database, as a second process would be (X1): on MySQL
 * with its own connection pool; on the embedded engine (one process by design) over the same one.
 * Nothing of the first server's memory or disk is shared with it.
 */
export async function startSecondServer(
  h: Harness,
): Promise<{ url: string; db: Database; close(): Promise<void> }> {
  const db =
    h.engine === 'mysql'
      ? await openDatabase({ type: 'mysql', url: TEST_MYSQL_URL }, { runMigrations: false })
      : h.db;
  const { app } = await createApp({
    db,
    clock: h.clock,
    logger: h.logger,
    vault: h.vault,
    mediaDir: h.mediaDir,
    production: false,
    webDist: null,
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      if (db !== h.db) await db.close();
    },
  };
}
