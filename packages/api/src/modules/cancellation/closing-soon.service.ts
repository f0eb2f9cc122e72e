import {
  CLOSING_SOON_DEFAULT_DAYS,
  CLOSING_SOON_MAX_DAYS,
  creditPreview,
  DAY_MS,
  isValidClosingSoonHorizon,
  money,
  timeRemaining,
  type CreditBreakdown,
  type Money,
} from '@csp/domain';
import { In } from 'typeorm';
import type { Database } from '../../data-source.js';
import { authorize, type Actor } from '../../shared/context.js';
import { decodeCursor, encodeCursor, pageSize } from '../../shared/cursor.js';
import { badInput } from '../../shared/errors.js';
import { PAGED_FIELDS } from '../../shared/graphql-limits.js';
import { forPartner } from '../../shared/tenancy.js';
import { ProductEntity } from '../catalog/product.entity.js';
import { SkuEntity } from '../catalog/sku.entity.js';
import { CustomerEntity } from '../customers/customer.entity.js';
import { OrderLineEntity } from '../orders/order-line.entity.js';
import { cancellableLine } from './cancellation.service.js';

export interface ClosingSoonRow {
  cursor: string;
  line: OrderLineEntity;
  customer: CustomerEntity;
  product: ProductEntity;
  skuName: string;
  skuUnit: string | null;
  skuUnitSize: string | null;
  amount: Money;
  /** C9 through the same domain functions as the Cancel dialog: what cancelling now would credit. */
  credit: CreditBreakdown;
  remaining: ReturnType<typeof timeRemaining>;
}

/**
 * K1: the partner's purchases whose cancellation window is open and closes within `withinDays`,
 * across customers, soonest first (then by line id), paged by a keyset cursor. Reads the index
 * (partner_id, status, cancellable_until), so a page costs the same at any partner size.
 */
export async function closingSoon(
  db: Database,
  actorOrNull: Actor | null,
  now: Date,
  args: { withinDays?: number | null; first?: number | null; after?: string | null },
) {
  // R5: the roles that may cancel are the roles that see what is about to close.
  const actor = authorize(actorOrNull, 'CANCEL_PURCHASE');
  const days = args.withinDays ?? CLOSING_SOON_DEFAULT_DAYS;
  if (!isValidClosingSoonHorizon(days))
    badInput('withinDays', 'WITHIN_DAYS_OUT_OF_RANGE', { max: CLOSING_SOON_MAX_DAYS });
  const { fallback, max } = PAGED_FIELDS['Query.cancellationsClosingSoon']!;
  const size = pageSize(args.first, fallback, max);
  const until = new Date(now.getTime() + days * DAY_MS);
  const base = () =>
    forPartner(db.manager, actor)
      .query(OrderLineEntity, 'l')
      .andWhere("l.status = 'ACTIVE'")
      // C2: open while now < cancellableUntil; K1: closes within the horizon.
      .andWhere('l.cancellable_until > :now', { now })
      .andWhere('l.cancellable_until <= :until', { until });
  const page = base();
  if (args.after != null) {
    const [at, id] = decodeCursor(args.after, 2);
    const after = new Date(String(at));
    if (Number.isNaN(after.getTime()) || typeof id !== 'string')
      badInput('after', 'CURSOR_INVALID');
    page.andWhere(
      '(l.cancellable_until > :afterAt OR (l.cancellable_until = :afterAt AND l.id > :afterId))',
      { afterAt: after, afterId: id },
    );
  }
  const [lines, totalCount] = await Promise.all([
    page
      .orderBy('l.cancellable_until', 'ASC')
      .addOrderBy('l.id', 'ASC')
      .limit(size + 1)
      .getMany(),
    base().getCount(),
  ]);
  const shown = lines.slice(0, size);
  const ids = <K extends keyof OrderLineEntity>(key: K) => [...new Set(shown.map((l) => l[key]))];
  const [customers, products, skus] = shown.length
    ? await Promise.all([
        forPartner(db.manager, actor).findBy(CustomerEntity, { id: In(ids('customerId')) }),
        db.manager.findBy(ProductEntity, { id: In(ids('productId')) }),
        db.manager.findBy(SkuEntity, { id: In(ids('skuId')) }),
      ])
    : [[], [], []];
  const rows: ClosingSoonRow[] = [];
  for (const line of shown) {
    const credit = creditPreview(cancellableLine(line), now);
    const customer = customers.find((c) => c.id === line.customerId);
    const product = products.find((p) => p.id === line.productId);
    if (!credit || !customer || !product) continue; // cannot happen for an open window line
    rows.push({
      cursor: encodeCursor([line.cancellableUntil!.toISOString(), line.id]),
      line,
      customer,
      product,
      ...skuFacts(skus.find((s) => s.id === line.skuId)),
      amount: money(line.amountMinor, line.currency),
      credit,
      remaining: timeRemaining(line.cancellableUntil, now),
    });
  }
  return { rows, hasNextPage: lines.length > size, totalCount, withinDays: days };
}

/** The SKU's name and its unit as data (issue 15): the web words the unit in its language. */
function skuFacts(sku: SkuEntity | undefined) {
  return {
    skuName: sku?.name ?? '',
    skuUnit: sku?.unit ?? null,
    skuUnitSize: sku?.unitSize ?? null,
  };
}
