import type { EntityManager, QueryResult } from 'typeorm';

/**
 * The webhook tables are read and written with plain SQL (the same `?` placeholders on MySQL and
 * SQLite) rather than entities: the entity list belongs to data-source.ts. Instants are bound as
 * UTC `YYYY-MM-DD HH:MM:SS.mmm`, the form TypeORM stores on SQLite and MySQL reads as UTC ('Z').
 */
export function toDb(instant: Date): string {
  return instant.toISOString().replace('T', ' ').replace('Z', '');
}

/** MySQL answers Date objects, SQLite the stored string. */
export function fromDb(value: unknown): Date {
  if (value instanceof Date) return value;
  return new Date(`${String(value).replace(' ', 'T')}Z`);
}

export function fromDbOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : fromDb(value);
}

/** Rows of a SELECT: both drivers answer an array of plain objects. */
export async function select<T>(m: EntityManager, sql: string, params: unknown[] = []) {
  return (await m.query(sql, params)) as T[];
}

/**
 * Runs a write inside a transaction (`m` from db.transaction) and answers how many rows it
 * matched, for conditional updates.
 */
export async function write(m: EntityManager, sql: string, params: unknown[] = []) {
  if (!m.queryRunner) throw new Error('webhook writes run inside db.transaction');
  const result = (await m.queryRunner.query(sql, params, true)) as QueryResult;
  return result.affected ?? 0;
}
