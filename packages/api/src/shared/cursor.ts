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
  return badInput('after', 'CURSOR_INVALID');
}

export function pageSize(first: number | null | undefined, fallback = 20, max = 100): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > max) {
    badInput('first', 'FIRST_OUT_OF_RANGE', { max });
  }
  return size;
}

/** LIKE pattern from user text, for `LIKE :p ESCAPE '!'` (one escape char both engines accept). */
export function likeContains(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/**
 * One page of a list already in its order: `first` items after the item whose id is `after`.
 * For lists a DataLoader reads whole (one statement for every parent), paged so that what a
 * request resolves stays within its cost (issue 10).
 */
export function pageAfterId<T extends { id: string }>(
  items: readonly T[],
  args: { first?: number | null; after?: string | null },
  limits: { fallback: number; max: number },
): T[] {
  const size = pageSize(args.first, limits.fallback, limits.max);
  let start = 0;
  if (args.after != null) {
    const index = items.findIndex((item) => item.id === args.after);
    if (index < 0) badInput('after', 'AFTER_NOT_IN_LIST');
    start = index + 1;
  }
  return items.slice(start, start + size);
}
