/**
 * Values of plain rows (`forPartner(...).rows`), the same on both engines: mysql2 hands DATETIME
 * back as a Date (the connection's time zone is UTC) and BIGINT as a number; better-sqlite3 hands
 * TypeORM's UTC text ('YYYY-MM-DD HH:MM:SS.SSS') and integers.
 */
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
