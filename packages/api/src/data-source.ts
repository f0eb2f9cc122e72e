import 'reflect-metadata';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource, type EntityManager, type Logger as TypeOrmLogger } from 'typeorm';
import type { DatabaseConfig } from './config.js';
import { migrations } from './migrations/index.js';
import { CustomerSearchSubscriber } from './modules/customers/customer-search.subscriber.js';
import { ActivityEntryEntity } from './modules/activity/activity-entry.entity.js';
import { PartnerEntity } from './modules/auth/partner.entity.js';
import { SessionEntity } from './modules/auth/session.entity.js';
import { UserEntity } from './modules/auth/user.entity.js';
import { PriceEntity } from './modules/catalog/price.entity.js';
import { ProductEntity } from './modules/catalog/product.entity.js';
import { SkuEntity } from './modules/catalog/sku.entity.js';
import { CustomerEntity } from './modules/customers/customer.entity.js';
import { InvoiceLineEntity } from './modules/invoices/invoice-line.entity.js';
import { InvoiceEntity } from './modules/invoices/invoice.entity.js';
import { OrderLineEntity } from './modules/orders/order-line.entity.js';
import { OrderEntity } from './modules/orders/order.entity.js';
import { ActivationKeyEntity } from './modules/software/activation-key.entity.js';
import { DownloadLinkEntity } from './modules/software/download-link.entity.js';
import { AttachmentEntity } from './modules/support/attachment.entity.js';
import { SupportRequestEntity } from './modules/support/support-request.entity.js';
import { Mutex } from './shared/mutex.js';
import { SilentQueryLogger } from './shared/query-logger.js';
import {
  DATABASE_WAIT_MS,
  DatabaseUnavailableError,
  withConflictRetries,
} from './shared/transaction-retry.js';

export const entities = [
  PartnerEntity,
  UserEntity,
  SessionEntity,
  CustomerEntity,
  ProductEntity,
  SkuEntity,
  PriceEntity,
  OrderEntity,
  OrderLineEntity,
  InvoiceEntity,
  InvoiceLineEntity,
  ActivityEntryEntity,
  ActivationKeyEntity,
  DownloadLinkEntity,
  SupportRequestEntity,
  AttachmentEntity,
];

/** Database config for tests: the embedded engine on a throw-away file in the temp folder. */
export type DatabaseTarget = DatabaseConfig | { type: 'embedded-memory' };

export interface TransactionOptions {
  /**
   * False for work that cannot run twice (it consumes a stream, say): a conflict then fails the
   * call instead of repeating it. Everything else is repeated whole on a conflict (X1).
   */
  readonly repeatable?: boolean;
}

/**
 * The database the services use. Reads go through `manager` (autocommitted statements that see
 * only committed rows); `transaction` is the only way to write: the one transaction helper.
 *
 * - MySQL / MariaDB / Galera: a pool; a transaction that loses a conflict (deadlock, lock wait,
 *   certification failure) is rolled back by the server and run again whole (X1).
 * - Embedded SQLite (better-sqlite3, WAL): one connection for reads, one for writes. Writers take
 *   SQLite's write lock with BEGIN IMMEDIATE, so several processes on one file serialize in SQLite
 *   itself (busy timeout 2 s). Inside one process the writer connection is lent to one transaction
 *   at a time: better-sqlite3 is synchronous, so a second BEGIN on the same thread would block the
 *   event loop that the first transaction needs to finish (decision 001).
 */
const BOUNDED = Symbol('bounded');

export class Database {
  private readonly writerQueue = new Mutex();

  constructor(
    private readonly reads: DataSource,
    private readonly writes: DataSource,
    readonly engine: 'mysql' | 'embedded',
    private readonly cleanup: () => void = () => undefined,
  ) {}

  /** Reads: committed rows only. */
  get manager(): EntityManager {
    return this.reads.manager;
  }

  /** For metadata (table names) and migrations. */
  get dataSource(): DataSource {
    return this.writes;
  }

  /**
   * Runs `work` in one transaction and commits it. `work` may run more than once: it must touch
   * nothing but the database through `m`; side effects (responses, files) belong after the commit.
   */
  transaction<T>(
    work: (manager: EntityManager) => Promise<T>,
    options: TransactionOptions = {},
  ): Promise<T> {
    const once = () =>
      this.engine === 'mysql'
        ? this.writes.transaction(work)
        : this.writerQueue.run(() => this.immediateTransaction(work));
    return options.repeatable === false ? once() : withConflictRetries(once);
  }

  /** SQLite: BEGIN IMMEDIATE takes the write lock up front, so no reader-turned-writer deadlocks. */
  private async immediateTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.writes.createQueryRunner();
    await runner.query('BEGIN IMMEDIATE');
    // TypeORM must know a transaction is open, or its save() would try to open a nested one.
    const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
    state.isTransactionActive = true;
    state.transactionDepth = 1;
    try {
      const result = await work(runner.manager);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  async close(): Promise<void> {
    if (this.reads !== this.writes && this.reads.isInitialized) await this.reads.destroy();
    if (this.writes.isInitialized) await this.writes.destroy();
    this.cleanup();
  }
}

/**
 * MySQL pools hand out connections without a time limit, and a stopped (not crashed) server never
 * answers. A request waiting for a connection fails with DATABASE_UNAVAILABLE once the pool has
 * made no progress (no connection handed out or given back) for 2 s: a hung database is reported
 * in 2 s (E5), while a busy but healthy one keeps serving its queue (a burst of 200 requests is
 * slow, not refused). A statement that timed out (mysql2's query timeout) leaves its command
 * pending on the connection, and the next statement would queue behind it forever: such a
 * connection is destroyed, not reused.
 */
function boundConnectionWaits(dataSource: DataSource) {
  interface PooledConnection {
    release(): void;
    destroy(): void;
    query(sql: string, done: (error: unknown) => void): void;
    _command?: unknown;
    _commands?: { length: number };
    [BOUNDED]?: true;
  }
  type Callback = (error: unknown, connection?: PooledConnection) => void;
  const pool = (dataSource.driver as unknown as { pool?: { getConnection(cb: Callback): void } })
    .pool;
  if (!pool) return;
  let lastProgress = Date.now();
  const getConnection = pool.getConnection.bind(pool);
  pool.getConnection = (callback: Callback) => {
    let settled = false;
    let timer: NodeJS.Timeout;
    const check = () => {
      const idle = Date.now() - lastProgress;
      if (idle < DATABASE_WAIT_MS) {
        timer = setTimeout(check, DATABASE_WAIT_MS - idle);
        return;
      }
      settled = true;
      callback(
        new DatabaseUnavailableError(`no database connection within ${DATABASE_WAIT_MS} ms`),
      );
    };
    timer = setTimeout(check, DATABASE_WAIT_MS);
    const deliver = (error: unknown, connection?: PooledConnection) => {
      if (settled) {
        connection?.release();
        return;
      }
      clearTimeout(timer);
      callback(error, connection);
    };
    getConnection((error, connection) => {
      if (connection) {
        lastProgress = Date.now();
        if (!connection[BOUNDED]) {
          connection[BOUNDED] = true;
          const release = connection.release.bind(connection);
          connection.release = () => {
            if (connection._command || (connection._commands?.length ?? 0) > 0) {
              connection.destroy(); // a statement timed out on it: unusable, and not progress
            } else {
              lastProgress = Date.now();
              release();
            }
          };
          // A row lock held by a busy neighbour ends as a retryable lock-wait error (1205) after
          // 1 s, instead of MariaDB's default 50 s or the 2 s statement timeout (which reads as
          // "database unavailable"): contention is retried, a hung server is reported.
          connection.query('SET SESSION innodb_lock_wait_timeout = 1', (setupError) => {
            if (!setupError) return deliver(null, connection);
            connection.destroy();
            deliver(setupError);
          });
          return;
        }
      }
      deliver(error, connection);
    });
  };
}

export async function openDatabase(
  target: DatabaseTarget,
  options: { logger?: TypeOrmLogger; runMigrations?: boolean } = {},
): Promise<Database> {
  const common = {
    entities,
    subscribers: [CustomerSearchSubscriber],
    migrations,
    synchronize: false,
    migrationsRun: false,
    logging: options.logger ? ('all' as const) : false,
    logger: options.logger ?? new SilentQueryLogger(),
  };
  if (target.type === 'mysql') {
    const dataSource = new DataSource({
      ...common,
      type: 'mysql',
      url: target.url,
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      supportBigNumbers: true,
      bigNumberStrings: false,
      poolSize: 10,
      connectTimeout: DATABASE_WAIT_MS,
      // E5: a statement that gets no answer in 2 s fails (and its connection is dropped).
      enableQueryTimeout: true,
      maxQueryExecutionTime: DATABASE_WAIT_MS,
    });
    await dataSource.initialize();
    boundConnectionWaits(dataSource);
    if (options.runMigrations !== false) await dataSource.runMigrations({ transaction: 'each' });
    return new Database(dataSource, dataSource, 'mysql');
  }

  let file: string;
  let cleanup = () => undefined as void;
  if (target.type === 'embedded') {
    file = target.file;
    // The folder and the file hold secrets (keys at rest, sessions): the owner only.
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  } else {
    const folder = mkdtempSync(path.join(tmpdir(), 'csp-sqlite-'));
    file = path.join(folder, 'portal.sqlite');
    cleanup = () => rmSync(folder, { recursive: true, force: true });
  }
  const connection = (readonly: boolean) =>
    new DataSource({
      ...common,
      type: 'better-sqlite3',
      database: file,
      enableWAL: true,
      // busy_timeout: how long BEGIN IMMEDIATE waits for another process's writer (E5).
      timeout: DATABASE_WAIT_MS,
      prepareDatabase: (raw: { pragma(source: string): unknown }) => {
        // FULL: every commit is on disk before it is acknowledged, power loss included (decision 001).
        raw.pragma('synchronous = FULL');
        if (readonly) raw.pragma('query_only = ON');
      },
    });
  const writes = connection(false);
  await writes.initialize();
  if (options.runMigrations !== false) await writes.runMigrations({ transaction: 'each' });
  const reads = connection(true);
  await reads.initialize();
  return new Database(reads, writes, 'embedded', cleanup);
}
