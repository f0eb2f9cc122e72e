import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createConnection } from 'mysql2/promise';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase, type Database } from '../data-source.js';
import { seedCatalog } from '../seed/catalog-data.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KeyVault } from '../modules/software/key-vault.js';
import { ensureSampleMedia } from '../modules/software/media.js';
import { PRODUCTS } from '../seed/catalog-data.js';
import { createApp } from '../server.js';
import type { Clock } from '../shared/clock.js';
import { createLogger, type Logger } from '../shared/logger.js';
import { QueryLogger } from '../shared/query-logger.js';

export const TEST_MYSQL_URL = process.env['TEST_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/test';
const IN_CI = process.env['CI'] === 'true';

async function mysqlReachable(): Promise<boolean> {
  try {
    const connection = await createConnection({ uri: TEST_MYSQL_URL, connectTimeout: 3_000 });
    await connection.end();
    return true;
  } catch {
    return false;
  }
}

/** Which engines the integration suites run on. Under CI a missing MySQL is a failure, never a skip. */
export const MYSQL_AVAILABLE = await mysqlReachable();
if (!MYSQL_AVAILABLE) {
  if (IN_CI)
    throw new Error(`MySQL is required under CI=true but ${TEST_MYSQL_URL} does not answer`);
  console.warn(`\nSKIPPED: the MySQL integration suites (no server at ${TEST_MYSQL_URL}).\n`);
}

export type Engine = 'embedded' | 'mysql';
export const ENGINES: Engine[] = MYSQL_AVAILABLE ? ['embedded', 'mysql'] : ['embedded'];

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  constructor(public current: Date = new Date('2026-11-10T10:00:00.000Z')) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(instant: Date | string): void {
    this.current = new Date(instant);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** Empties the shared MySQL test database: every table, so migrations run from scratch. */
async function resetMysql(): Promise<void> {
  const connection = await createConnection({ uri: TEST_MYSQL_URL, multipleStatements: true });
  try {
    const [rows] = await connection.query(
      'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()',
    );
    const names = (rows as { name: string }[]).map((r) => `\`${r.name}\``);
    if (names.length) {
      await connection.query(
        `SET FOREIGN_KEY_CHECKS = 0; DROP TABLE ${names.join(', ')}; SET FOREIGN_KEY_CHECKS = 1;`,
      );
    }
  } finally {
    await connection.end();
  }
}

export async function openTestDatabase(
  engine: Engine,
  queryLog?: (line: string) => void,
): Promise<Database> {
  const logger = queryLog ? new QueryLogger(queryLog) : undefined;
  if (engine === 'mysql') {
    await resetMysql();
    return openDatabase({ type: 'mysql', url: TEST_MYSQL_URL }, { logger });
  }
  return openDatabase({ type: 'embedded-memory' }, { logger });
}

export interface Harness {
  engine: Engine;
  db: Database;
  clock: TestClock;
  url: string;
  /** Every line the server logged, for checks that secrets never reach the log. */
  logLines: string[];
  logger: Logger;
  vault: KeyVault;
  mediaDir: string;
}

export async function startHarness(
  engine: Engine,
  options: { production?: boolean } = {},
): Promise<{ harness: Harness; server: Server }> {
  const logLines: string[] = [];
  // Every SQL statement with its parameters goes to the captured log too (secrets tests).
  const db = await openTestDatabase(engine, (line) => logLines.push(line));
  await db.transaction((m) => seedCatalog(m));
  const clock = new TestClock();
  const logger = createLogger((line) => logLines.push(line));
  const vault = KeyVault.random();
  const mediaDir = mkdtempSync(path.join(tmpdir(), 'csp-media-'));
  ensureSampleMedia(mediaDir, PRODUCTS);
  const { app } = await createApp({
    db,
    clock,
    logger,
    vault,
    mediaDir,
    production: options.production ?? false,
    webDist: null,
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    harness: {
      engine,
      db,
      clock,
      url: `http://127.0.0.1:${port}`,
      logLines,
      logger,
      vault,
      mediaDir,
    },
    server,
  };
}

/**
 * Runs a suite once per engine (embedded and MySQL), each against a real HTTP server on a fresh
 * database. `use()` gives the running harness inside tests.
 */
export function describeEachEngine(
  name: string,
  suite: (use: () => Harness) => void,
  options: { production?: boolean } = {},
) {
  describe.each(ENGINES)(`${name} [%s]`, (engine) => {
    let harness: Harness | undefined;
    let server: Server | undefined;
    beforeAll(async () => {
      ({ harness, server } = await startHarness(engine, options));
    });
    afterAll(async () => {
      await new Promise((resolve) => server?.close(resolve));
      await harness?.db.close();
    });
    suite(() => {
      if (!harness) throw new Error('harness not started');
      return harness;
    });
  });
}
