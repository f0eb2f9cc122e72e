import { badInput } from './errors.js';

/** Opaque keyset cursors: the sort key values of the last row, base64url-encoded JSON. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): (string | number)[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(values) &&
      values.length === length &&
      values.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      return values as (string | number)[];
    }
  } catch {
    // fall through to the clear message below
  }
  return badInput('after', 'The cursor is not one this API gave out.');
}

export function pageSize(first: number | null | undefined, fallback = 20, max = 100): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > max) {
    badInput('first', `first must be between 1 and ${max}.`);
  }
  return size;
}

/** LIKE pattern from user text, for `LIKE :p ESCAPE '!'` (one escape char both engines accept). */
export function likeContains(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
