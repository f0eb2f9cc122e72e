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
import type { Database } from '../../data-source.js';
import { authorize, type Actor } from '../../shared/context.js';
import { decodeCursor, encodeCursor, pageSize } from '../../shared/cursor.js';
import { badInput } from '../../shared/errors.js';
import { PAGED_FIELDS } from '../../shared/graphql-limits.js';
import { forPartner } from '../../shared/tenancy.js';
import { plainQuery } from '../../shared/raw-rows.js';
import { PRODUCT_COLUMNS, productOfRow } from '../catalog/catalog.loaders.js';
import type { ProductEntity } from '../catalog/product.entity.js';
import type { SkuEntity } from '../catalog/sku.entity.js';
import type { CustomerEntity } from '../customers/customer.entity.js';
import { CUSTOMER_COLUMNS, customerOfRow } from '../customers/customer.service.js';
import { LINE_COLUMNS, lineOfRow } from '../orders/order-rows.js';
import type { OrderLineEntity } from '../orders/order-line.entity.js';
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
  // Plain rows (issue 13): the index (partner_id, status, cancellable_until) serves the page and
  // the count; the page's customers, products and SKUs are read once each, by id.
  const scope = forPartner(db.manager, actor);
  const where = `partner_id = :partnerId AND status = 'ACTIVE'
    AND cancellable_until > :now AND cancellable_until <= :until`;
  const params: Record<string, unknown> = { now, until, limit: size + 1 };
  let pageWhere = where;
  if (args.after != null) {
    const [at, id] = decodeCursor(args.after, 2);
    const after = new Date(String(at));
    if (Number.isNaN(after.getTime()) || typeof id !== 'string')
      badInput('after', 'CURSOR_INVALID');
    pageWhere +=
      ' AND (cancellable_until > :afterAt OR (cancellable_until = :afterAt AND id > :afterId))';
    params['afterAt'] = after;
    params['afterId'] = id;
  }
  const [lines, [count]] = await Promise.all([
    scope
      .rows(
        `SELECT ${LINE_COLUMNS} FROM order_lines WHERE ${pageWhere}
         ORDER BY cancellable_until ASC, id ASC LIMIT :limit`,
        params,
      )
      .then((rows) => rows.map(lineOfRow)),
    scope.rows<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM order_lines WHERE ${where}`,
      params,
    ),
  ]);
  const totalCount = Number(count?.n ?? 0);
  const shown = lines.slice(0, size);
  const ids = <K extends keyof OrderLineEntity>(key: K) => [...new Set(shown.map((l) => l[key]))];
  const [customers, products, skus] = shown.length
    ? await Promise.all([
        scope
          .rows(
            `SELECT ${CUSTOMER_COLUMNS} FROM customers c
             WHERE c.partner_id = :partnerId AND c.id IN (:ids)`,
            { ids: ids('customerId') },
          )
          .then((rows) => rows.map(customerOfRow)),
        plainQuery(
          db.manager,
          `SELECT ${PRODUCT_COLUMNS} FROM products WHERE id IN (${inList(ids('productId'))})`,
          ids('productId'),
        ).then((rows) => rows.map(productOfRow)),
        plainQuery<SkuFacts>(
          db.manager,
          `SELECT id, name, unit, unit_size FROM skus WHERE id IN (${inList(ids('skuId'))})`,
          ids('skuId'),
        ),
      ])
    : [[], [], []];
  const customerById = new Map(customers.map((c) => [c.id, c]));
  const productById = new Map(products.map((p) => [p.id, p]));
  const skuById = new Map(skus.map((k) => [k.id, k]));
  const rows: ClosingSoonRow[] = [];
  for (const line of shown) {
    const credit = creditPreview(cancellableLine(line), now);
    const customer = customerById.get(line.customerId);
    const product = productById.get(line.productId);
    if (!credit || !customer || !product) continue; // cannot happen for an open window line
    rows.push({
      cursor: encodeCursor([line.cancellableUntil!.toISOString(), line.id]),
      line,
      customer,
      product,
      ...skuFacts(skuById.get(line.skuId)),
      amount: money(line.amountMinor, line.currency),
      credit,
      remaining: timeRemaining(line.cancellableUntil, now),
    });
  }
  return { rows, hasNextPage: lines.length > size, totalCount, withinDays: days };
}

interface SkuFacts {
  id: string;
  name: string;
  unit: SkuEntity['unit'];
  unit_size: string | null;
}

const inList = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** The SKU's name and its unit as data (issue 15): the web words the unit in its language. */
function skuFacts(sku: SkuFacts | undefined) {
  return {
    skuName: sku?.name ?? '',
    skuUnit: sku?.unit ?? null,
    skuUnitSize: sku?.unit_size ?? null,
  };
}
