import DataLoader from 'dataloader';
import { loader, requireActor, type RequestContext } from './context.js';

/** Rows grouped under each key, in the keys' order (a DataLoader's answer for one-to-many). */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K, keys: readonly K[]): T[][] {
  const groups = new Map<K, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(key(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}

/** The row of each id, in the ids' order, null where there is none. */
export function byId<T extends { id: string }>(
  rows: readonly T[],
  ids: readonly string[],
): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

/** One DataLoader per request and name: one statement per kind of thing, whatever the page size. */
export function requestLoader<V>(
  ctx: RequestContext,
  name: string,
  batch: (keys: readonly string[]) => Promise<V[]>,
): DataLoader<string, V> {
  return loader(ctx, name, () => new DataLoader<string, V>((keys) => batch(keys)));
}

/**
 * A request loader of one partner's rows: `batch` gets the signed-in caller's partner id, so a
 * module's loader cannot forget the scope (R8).
 */
export function partnerLoader<V>(
  ctx: RequestContext,
  name: string,
  batch: (keys: readonly string[], partnerId: string) => Promise<V[]>,
): DataLoader<string, V> {
  return requestLoader(ctx, name, (keys) => batch(keys, requireActor(ctx.actor).partnerId));
}
