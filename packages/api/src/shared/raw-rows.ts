/**
 * Values of plain rows (`forPartner(...).rows`), the same on both engines: mysql2 hands DATETIME
 * back as a Date (the connection's time zone is UTC) and BIGINT as a number; better-sqlite3 hands
 * TypeORM's UTC text ('YYYY-MM-DD HH:MM:SS.SSS') and integers.
 */
import type { EntityManager, Logger, QueryRunner } from 'typeorm';
import { DATABASE_WAIT_MS } from '@csp/domain';

/** A datetime as TypeORM stores it on SQLite ('YYYY-MM-DD HH:MM:SS.SSS', UTC). */
const sqliteInstant = (at: Date) => at.toISOString().replace('T', ' ').replace('Z', '');

/**
 * Hand-written SQL with positional `?` values on either engine: a Date binds as mysql2 writes it
 * (the connection is UTC) or as TypeORM's SQLite text. For rows that are not one partner's (the
 * session, the catalog); a partner's rows go through `forPartner(...).rows` (R8).
 */
export async function plainQuery<T = Record<string, unknown>>(
  manager: EntityManager,
  sql: string,
  values: readonly unknown[],
): Promise<T[]> {
  const sqlite = manager.connection.options.type !== 'mysql';
  const bound = sqlite ? values.map((v) => (v instanceof Date ? sqliteInstant(v) : v)) : values;
  if (!sqlite) {
    const connection = transactionConnection(manager);
    if (connection) return connectionQuery<T[]>(connection, manager.connection.logger, sql, bound);
  }
  const pool = sqlite || manager.queryRunner ? undefined : poolOf(manager);
  if (pool) return poolQuery<T>(pool, manager.connection.logger, sql, bound);
  return (await manager.query(sql, bound as unknown[])) as T[];
}

/** A mysql2 connection (callback API). */
interface MysqlConnection {
  query(
    options: { sql: string; values: readonly unknown[]; timeout: number },
    done: (error: unknown, result?: unknown) => void,
  ): void;
}

/** mysql2's pool as TypeORM's MySQL driver holds it (callback API). */
interface MysqlPool {
  getConnection(
    callback: (error: unknown, connection?: MysqlConnection & { release(): void }) => void,
  ): void;
}

const poolOf = (manager: EntityManager) =>
  (manager.connection.driver as unknown as { pool?: MysqlPool } | undefined)?.pool;

/**
 * A read outside a transaction straight on mysql2's pool: TypeORM's query runner around one
 * statement costs more CPU than the statement's own client work (issue 13, decision 023). The
 * same pool, so the same bounded connection wait, the same 2 s statement timeout (E5) and the
 * same error objects the error mapping knows.
 */
function poolQuery<T>(pool: MysqlPool, logger: Logger, sql: string, values: readonly unknown[]) {
  return new Promise<T[]>((resolve, reject) => {
    pool.getConnection((error, connection) => {
      if (error || !connection) return reject(error);
      connectionQuery<T[]>(connection, logger, sql, values).then(
        (rows) => {
          connection.release();
          resolve(rows);
        },
        (queryError: unknown) => {
          connection.release();
          reject(queryError);
        },
      );
    });
  });
}

/**
 * The mysql2 connection of the MySQL transaction `manager` belongs to. A statement there goes
 * straight to it: TypeORM's query runner wraps each one in a promise connection, a stack capture,
 * events and a copy of the rows, more CPU than the statement's own client work (issue 13).
 */
function transactionConnection(manager: EntityManager): MysqlConnection | undefined {
  const runner = manager.queryRunner as
    (QueryRunner & { databaseConnection?: MysqlConnection }) | undefined;
  return runner?.isTransactionActive && !runner.isReleased ? runner.databaseConnection : undefined;
}

/**
 * One statement on a mysql2 connection with the 2 s statement timeout TypeORM's runner also sets
 * (E5); errors are mysql2's own, which the error mapping and the conflict retry know. The statement
 * goes to TypeORM's query logger as the query runner would send it (silent in production; the tests
 * read it to count statements and to check that no secret is logged).
 */
function connectionQuery<T>(
  connection: MysqlConnection,
  logger: Logger,
  sql: string,
  values: readonly unknown[],
): Promise<T> {
  logger.logQuery(sql, values as unknown[]);
  return new Promise<T>((resolve, reject) => {
    connection.query({ sql, values, timeout: DATABASE_WAIT_MS }, (error, result) => {
      if (error) {
        logger.logQueryError(error as Error, sql, values as unknown[]);
        reject(error);
      } else resolve(result as T);
    });
  });
}

/**
 * A hand-written UPDATE or DELETE on either engine (values bound as `plainQuery` binds them);
 * returns how many rows it changed. Inside a transaction pass its manager, so it runs there.
 */
export async function plainChange(
  manager: EntityManager,
  sql: string,
  values: readonly unknown[],
): Promise<number> {
  const sqlite = manager.connection.options.type !== 'mysql';
  const bound = sqlite ? values.map((v) => (v instanceof Date ? sqliteInstant(v) : v)) : values;
  if (!sqlite) {
    const connection = transactionConnection(manager);
    if (connection) {
      const header = await connectionQuery<{ affectedRows: number }>(
        connection,
        manager.connection.logger,
        sql,
        bound,
      );
      return header.affectedRows;
    }
  }
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const result = await runner.query(sql, bound as unknown[], true);
    return result.affected ?? 0;
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}

export function instant(value: unknown): Date {
  if (value instanceof Date) return value;
  const text = String(value);
  // TypeORM writes SQLite datetimes as UTC text without a zone.
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

export function instantOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : instant(value);
}

export function int(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

export function intOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : int(value);
}
