/**
 * The baseline the bench compares the portal against: what a careful hand-written server does for
 * the same read operations. Plain node:http, graphql-js `execute` over a hand-written schema (the
 * subset of packages/api/schema.graphql the bench asks for) with hand-written resolvers, raw
 * mysql2 queries (a pool of 10, like the portal's), no ORM, no TypeGraphQL. Same tenancy scoping
 * and the same SQL results; the business rules (days remaining, credit) come from @csp/domain, as
 * in the portal.
 *
 * It also serves the media file of one pool link with a plain fs stream and no database work at
 * GET /uncounted-download: the "uncounted" figure the counted download is compared with.
 *
 * Env: DATABASE_URL (mysql://…), PORT (0 for any), SAMPLE_MEDIA_FILE. Prints "listening on PORT".
 */
import {
  add,
  availabilityInMarket,
  can,
  cancellationState,
  CLOSING_SOON_DEFAULT_DAYS,
  creditPreview,
  currencyForMarket,
  DAY_MS,
  isRole,
  isValidClosingSoonHorizon,
  isValidTerm,
  invoicePeriodOf,
  lineAmount,
  LINK_MAX_DOWNLOADS,
  linkState,
  money,
  orderTotal,
  OPERATION_TYPES,
  pricesIncludeTax,
  termsAtPurchase,
  timeRemaining,
  toDecimalString,
  zero,
  type Action,
  type CancellableLine,
  type CurrencyCode,
  type Role,
} from '@csp/domain';
import {
  buildSchema,
  execute,
  GraphQLError,
  GraphQLScalarType,
  parse,
  validate,
  type DocumentNode,
} from 'graphql';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import mysql, { type RowDataPacket } from 'mysql2/promise';
import { searchRange } from '../../src/modules/customers/customer-search.js';
import { downloadFileName, mediaPath } from '../../src/modules/software/media.js';
import { newId, newOrderId } from '../../src/shared/ids.js';

const sdl = /* GraphQL */ `
  scalar DateTimeISO
  scalar SafeInt

  enum ProductKind {
    AZURE_RESERVATION
    LINUX_SOFTWARE_PLAN
    PERPETUAL_SOFTWARE
    SERVER_SUBSCRIPTION
    WINDOWS_7_ESU
  }
  enum CancellationPolicy {
    NEVER
    SUPPORT_REQUEST
    WINDOW
  }
  enum CancellationState {
    ALREADY_CANCELLED
    NOT_CANCELLABLE
    OPEN
    SUPPORT_REQUEST_REQUIRED
    WINDOW_CLOSED
  }
  enum OperationType {
    cancel_order
    create_order
    create_support_request
    download_software
    get_software_download_link
    get_software_key
  }

  type Query {
    customers(after: String, first: Int, search: String): CustomerConnection!
    customer(id: ID!): Customer!
    cancellationOptions(customerId: ID!, productId: ID!): CancellationOptions!
    activityLog(
      after: String
      customerId: ID
      first: Int
      from: DateTimeISO!
      operationTypes: [OperationType!]
      to: DateTimeISO!
    ): ActivityConnection!
    cancellationsClosingSoon(after: String, first: Int, withinDays: Int): ClosingSoonConnection!
  }

  input OrderLineInput {
    skuId: ID!
    quantity: Int!
  }
  input PlaceOrderInput {
    customerId: ID!
    idempotencyKey: String!
    lines: [OrderLineInput!]!
  }
  type Mutation {
    placeOrder(input: PlaceOrderInput!): Order!
  }

  type PageInfo {
    endCursor: String
    hasNextPage: Boolean!
  }
  type Money {
    amountMinor: SafeInt!
    currency: String!
    decimal: String!
  }
  type Customer {
    id: ID!
    name: String!
    tenantId: String!
    domain: String!
    market: String!
    currency: String!
    pricesIncludeTax: Boolean!
    software: [OrderLine!]!
  }
  type CustomerEdge {
    cursor: String!
    matchedOrderId: String
    node: Customer!
  }
  type CustomerConnection {
    edges: [CustomerEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }
  type ProductRef {
    id: ID!
    kind: ProductKind!
    name: String!
  }
  type UserRef {
    displayName: String!
    email: String!
  }
  type DownloadOptions {
    fileTypes: [String!]!
    languages: [String!]!
    versions: [String!]!
  }
  type DownloadLink {
    id: ID!
    version: String!
    language: String!
    fileType: String!
    issuedAt: DateTimeISO!
    expiresAt: DateTimeISO!
    downloadsUsed: Int!
    downloadsLeft: Int!
    maxDownloads: Int!
    state: String!
    issuedBy: UserRef
  }
  type OrderLine {
    id: ID!
    orderId: String!
    skuId: String!
    termYears: Int
    quantity: Int!
    purchasedQuantity: Int!
    unitPrice: Money!
    amount: Money!
    status: String!
    cancellationPolicy: CancellationPolicy!
    windowDays: Int
    cancellableUntil: DateTimeISO
    cancelledAt: DateTimeISO
    purchasedAt: DateTimeISO!
    hasActivationKeys: Boolean!
    product: ProductRef!
    downloadOptions: DownloadOptions!
    links: [DownloadLink!]!
  }
  type Order {
    id: ID!
    purchasedAt: DateTimeISO!
    status: String!
    taxIncluded: Boolean!
    total: Money!
  }
  type CancellationOption {
    order: Order!
    lines: [OrderLine!]!
    state: CancellationState!
    cancellableUntil: DateTimeISO
    windowDays: Int
    daysRemaining: Int!
    lastDay: Boolean!
    hoursRemaining: Int!
    minutesRemaining: Int!
    credit: Money
    creditMethod: String
    charged: Money!
  }
  type CancellationOptions {
    orders: [CancellationOption!]!
    product: ProductRef!
    serverTime: DateTimeISO!
  }
  type ClosingSoonPurchase {
    lineId: ID!
    orderId: String!
    customer: Customer!
    product: ProductRef!
    skuName: String!
    quantity: Int!
    termYears: Int
    windowDays: Int!
    amount: Money!
    credit: Money!
    creditMethod: String!
    purchasedAt: DateTimeISO!
    cancellableUntil: DateTimeISO!
    daysRemaining: Int!
    lastDay: Boolean!
    hoursRemaining: Int!
    minutesRemaining: Int!
  }
  type ClosingSoonEdge {
    cursor: String!
    node: ClosingSoonPurchase!
  }
  type ClosingSoonConnection {
    edges: [ClosingSoonEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
    withinDays: Int!
    serverTime: DateTimeISO!
  }
  type ActivityEntry {
    id: ID!
    at: DateTimeISO!
    operation: OperationType!
    outcome: String!
    failureCode: String
    userEmail: String
    remoteAddress: String
    userAgent: String
    resource: String!
    productName: String
    detail: String
    customer: Customer
  }
  type ActivityEdge {
    cursor: String!
    node: ActivityEntry!
  }
  type ActivityConnection {
    csvUrl: String!
    edges: [ActivityEdge!]!
    pageInfo: PageInfo!
  }
`;

const schema = buildSchema(sdl);
const passThrough = (name: string, serialize: (v: unknown) => unknown) => {
  const type = schema.getType(name) as GraphQLScalarType;
  type.serialize = serialize;
  type.parseValue = (v: unknown) => (name === 'DateTimeISO' ? new Date(String(v)) : v);
};
passThrough('DateTimeISO', (v) => (v instanceof Date ? v.toISOString() : v));
passThrough('SafeInt', (v) => v);

const db = mysql.createPool({
  uri: process.env['DATABASE_URL'],
  connectionLimit: 10,
  timezone: 'Z',
  supportBigNumbers: true,
  bigNumberStrings: false,
});
type Row = RowDataPacket;
const q = async (sql: string, args: unknown[]) => (await db.query<Row[]>(sql, args))[0];

const sha256Hex = (v: string) => createHash('sha256').update(v).digest('hex');
const cursorOf = (values: (string | number)[]) =>
  Buffer.from(JSON.stringify(values)).toString('base64url');
const moneyOf = (amountMinor: number, currency: string) => ({
  amountMinor,
  currency,
  decimal: toDecimalString(money(amountMinor, currency as CurrencyCode)),
});
const fail = (code: string, message: string): never => {
  throw new GraphQLError(message, { extensions: { code } });
};

interface Actor {
  userId: string;
  partnerId: string;
  email: string;
  roles: Role[];
}
interface Ctx {
  actor: Actor | null;
  now: Date;
}

function authorize(ctx: Ctx, action: Action): Actor {
  if (!ctx.actor) return fail('UNAUTHENTICATED', 'Sign in.');
  if (!can(ctx.actor.roles, action).allowed) fail('FORBIDDEN_ROLE', `Not allowed: ${action}`);
  return ctx.actor;
}

/** Like the portal: the session by SHA-256 of the Bearer token, then its user (one join here). */
async function actorOf(req: http.IncomingMessage, now: Date): Promise<Actor | null> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!bearer?.[1] || bearer[1].length > 200) return null;
  const [row] = await q(
    `SELECT u.id, u.partner_id, u.email, u.roles FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = ? AND s.expires_at > ?`,
    [sha256Hex(bearer[1]), now],
  );
  if (!row) return null;
  return {
    userId: row['id'],
    partnerId: row['partner_id'],
    email: row['email'],
    roles: String(row['roles']).split(',').filter(isRole) as Role[],
  };
}

function customerOf(row: Row) {
  return {
    id: row['id'],
    name: row['name'],
    tenantId: row['tenant_id'],
    domain: row['domain'],
    market: row['market'],
    currency: currencyForMarket(row['market']),
    pricesIncludeTax: pricesIncludeTax(row['market']),
  };
}

async function customerRow(actor: Actor, id: string) {
  const [row] = await q(
    'SELECT id, name, tenant_id, domain, market FROM customers WHERE id = ? AND partner_id = ?',
    [id, actor.partnerId],
  );
  return row ?? fail('NOT_FOUND', 'No such customer.');
}

const LINE_COLUMNS = `id, order_id, customer_id, product_id, sku_id, line_number, product_kind,
  term_years, quantity, purchased_quantity, unit_price_minor, amount_minor, currency, purchased_at,
  cancellation_policy, window_days, cancellable_until, status, cancelled_at`;

function lineOf(row: Row) {
  return {
    id: row['id'] as string,
    orderId: row['order_id'] as string,
    skuId: row['sku_id'] as string,
    termYears: row['term_years'] as number | null,
    quantity: row['quantity'] as number,
    purchasedQuantity: row['purchased_quantity'] as number,
    unitPrice: moneyOf(row['unit_price_minor'], row['currency']),
    amount: moneyOf(row['amount_minor'], row['currency']),
    status: row['status'] as string,
    cancellationPolicy: row['cancellation_policy'] as string,
    windowDays: row['window_days'] as number | null,
    cancellableUntil: row['cancellable_until'] as Date | null,
    cancelledAt: row['cancelled_at'] as Date | null,
    purchasedAt: row['purchased_at'] as Date,
  };
}

/** The domain's view of a line (C1–C9), as the portal's `cancellableLine`. */
const cancellable = (l: ReturnType<typeof lineOf>, row: Row): CancellableLine => ({
  terms: {
    policy: l.cancellationPolicy as CancellableLine['terms']['policy'],
    windowDays: l.windowDays,
    cancellableUntil: l.cancellableUntil,
  },
  purchasedAt: l.purchasedAt,
  termYears: l.termYears as 1 | 3 | null,
  charged: money(row['amount_minor'], row['currency']),
  cancelledAt: l.cancelledAt,
});

/** D1, D4: the Software tab — lines, their products, live links and issuers, four statements. */
async function software(actor: Actor, customerId: string, now: Date) {
  const lines = await q(
    `SELECT ${LINE_COLUMNS} FROM order_lines WHERE partner_id = ? AND customer_id = ?
     ORDER BY purchased_at DESC, order_id ASC, line_number ASC`,
    [actor.partnerId, customerId],
  );
  if (lines.length === 0) return [];
  const productIds = [...new Set(lines.map((l) => l['product_id'] as string))];
  const [products, links] = await Promise.all([
    q(
      'SELECT id, name, kind, has_activation_keys, download_options FROM products WHERE id IN (?)',
      [productIds],
    ),
    q(
      `SELECT id, order_line_id, issued_by_user_id, issued_at, expires_at, max_downloads,
              downloads_used, revoked_at, version, language, file_type
       FROM download_links
       WHERE partner_id = ? AND order_line_id IN (?) AND revoked_at IS NULL AND expires_at > ?
       ORDER BY issued_at DESC, id ASC`,
      [actor.partnerId, lines.map((l) => l['id']), now],
    ),
  ]);
  const live = links.filter((l) => l['downloads_used'] < l['max_downloads']);
  const userIds = [...new Set(live.map((l) => l['issued_by_user_id'] as string))];
  const users = userIds.length
    ? await q('SELECT id, email, display_name FROM users WHERE id IN (?) AND partner_id = ?', [
        userIds,
        actor.partnerId,
      ])
    : [];
  const productById = new Map(
    products.map((p) => [
      p['id'],
      {
        ref: { id: p['id'], name: p['name'], kind: p['kind'] },
        hasKeys: Boolean(p['has_activation_keys']),
        options: JSON.parse(p['download_options']),
      },
    ]),
  );
  const userById = new Map(
    users.map((u) => [u['id'], { email: u['email'], displayName: u['display_name'] }]),
  );
  const linksByLine = new Map<string, unknown[]>();
  for (const l of live) {
    const list = linksByLine.get(l['order_line_id']) ?? [];
    list.push({
      id: l['id'],
      version: l['version'],
      language: l['language'],
      fileType: l['file_type'],
      issuedAt: l['issued_at'],
      expiresAt: l['expires_at'],
      downloadsUsed: l['downloads_used'],
      maxDownloads: l['max_downloads'],
      downloadsLeft: Math.max(0, l['max_downloads'] - l['downloads_used']),
      state: 'ACTIVE',
      issuedBy: userById.get(l['issued_by_user_id']) ?? null,
    });
    linksByLine.set(l['order_line_id'], list);
  }
  return lines.map((row) => {
    const product = productById.get(row['product_id'])!;
    return {
      ...lineOf(row),
      product: product.ref,
      hasActivationKeys: product.hasKeys,
      downloadOptions: product.options,
      links: linksByLine.get(row['id']) ?? [],
    };
  });
}

const root = {
  /**
   * B1: the portal's SQL (customer-search.ts): the matching ids as one derived table — a range of
   * `customer_search_terms`, the lower-case tenant GUID, the order ID — joined to the page; page,
   * count and the matched order in parallel.
   */
  async customers(args: { search?: string; first?: number; after?: string }, ctx: Ctx) {
    const actor = authorize(ctx, 'READ_PARTNER_DATA');
    const size = args.first ?? 20;
    if (!Number.isInteger(size) || size < 1 || size > 100) fail('BAD_USER_INPUT', 'first');
    const search = args.search?.trim() ?? '';
    const cols = 'c.id, c.partner_id, c.name, c.tenant_id, c.domain, c.market';
    let rowsFrom = 'customers c';
    let countSql = 'SELECT COUNT(*) AS n FROM customers c WHERE c.partner_id = ?';
    const rowParams: unknown[] = [];
    const countParams: unknown[] = [];
    if (search) {
      const range = searchRange(search);
      const p = actor.partnerId;
      const pattern = `%${search.replace(/[!%_]/g, (c) => `!${c}`)}%`;
      const termIds = range.needsCheck
        ? `SELECT DISTINCT t.customer_id AS id FROM customer_search_terms t JOIN customers y ON y.id = t.customer_id
           WHERE t.partner_id = ? AND t.term >= ? AND t.term < ? AND (y.name LIKE ? ESCAPE '!' OR y.domain LIKE ? ESCAPE '!')`
        : 'SELECT DISTINCT t.customer_id AS id FROM customer_search_terms t WHERE t.partner_id = ? AND t.term >= ? AND t.term < ?';
      const termParams = range.needsCheck
        ? [p, range.from, range.to, pattern, pattern]
        : [p, range.from, range.to];
      const rowBranches = [
        `SELECT ${cols} FROM customers c WHERE c.partner_id = ? AND c.tenant_id = ?`,
        `SELECT ${cols} FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.partner_id = ? AND o.id = ? AND c.partner_id = ?`,
      ];
      const idBranches = [
        'SELECT x.id FROM customers x WHERE x.partner_id = ? AND x.tenant_id = ?',
        'SELECT o.customer_id AS id FROM orders o WHERE o.partner_id = ? AND o.id = ?',
      ];
      const tail = [p, search.toLowerCase(), p, search.toUpperCase()];
      if (range.from) {
        rowBranches.unshift(
          `SELECT ${cols} FROM (${termIds}) m STRAIGHT_JOIN customers c ON c.id = m.id WHERE c.partner_id = ?`,
        );
        idBranches.unshift(termIds);
        rowParams.push(...termParams, p);
        countParams.push(...termParams);
      }
      rowParams.push(p, search.toLowerCase(), p, search.toUpperCase(), p);
      countParams.push(...tail);
      rowsFrom = `(${rowBranches.join(' UNION ')}) c`;
      countSql = `SELECT COUNT(*) AS n FROM (${idBranches.join(' UNION ')}) m`;
    } else {
      countParams.push(actor.partnerId);
    }
    rowParams.push(actor.partnerId);
    let keyset = '';
    if (args.after) {
      const [name, id] = JSON.parse(Buffer.from(args.after, 'base64url').toString('utf8'));
      keyset = ' AND (c.name > ? OR (c.name = ? AND c.id > ?))';
      rowParams.push(name, name, id);
    }
    const [rows, [count], matched] = await Promise.all([
      q(
        `SELECT c.id, c.name, c.tenant_id, c.domain, c.market FROM ${rowsFrom} WHERE c.partner_id = ?${keyset}
         ORDER BY c.name ASC, c.id ASC LIMIT ?`,
        [...rowParams, size + 1],
      ),
      q(countSql, countParams),
      search
        ? q('SELECT id, customer_id FROM orders WHERE partner_id = ? AND id = ?', [
            actor.partnerId,
            search.toUpperCase(),
          ])
        : Promise.resolve([] as Row[]),
    ]);
    const visible = rows.slice(0, size);
    const edges = visible.map((row) => ({
      cursor: cursorOf([row['name'], row['id']]),
      matchedOrderId: matched[0]?.['customer_id'] === row['id'] ? matched[0]!['id'] : null,
      node: customerOf(row),
    }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: Number(count!['n']),
    };
  },

  async customer(args: { id: string }, ctx: Ctx) {
    const actor = authorize(ctx, 'READ_PARTNER_DATA');
    const customer = customerOf(await customerRow(actor, args.id));
    return { ...customer, software: () => software(actor, customer.id, ctx.now) };
  },

  /** C2–C9: the same rules as the portal (from @csp/domain) over one order's lines of a product. */
  async cancellationOptions(args: { customerId: string; productId: string }, ctx: Ctx) {
    const actor = authorize(ctx, 'READ_PARTNER_DATA');
    const now = ctx.now;
    const [customer, [product]] = await Promise.all([
      customerRow(actor, args.customerId),
      q('SELECT id, name, kind FROM products WHERE id = ?', [args.productId]),
    ]);
    if (!product) fail('NOT_FOUND', 'No such product.');
    const lines = await q(
      `SELECT ${LINE_COLUMNS} FROM order_lines
       WHERE partner_id = ? AND customer_id = ? AND product_id = ?
       ORDER BY purchased_at DESC, order_id ASC, line_number ASC`,
      [actor.partnerId, customer['id'], product!['id']],
    );
    const orderIds = [...new Set(lines.map((l) => l['order_id'] as string))];
    const orders = orderIds.length
      ? await q(
          `SELECT id, purchased_at, currency, total_minor, tax_included, status FROM orders
           WHERE partner_id = ? AND id IN (?)`,
          [actor.partnerId, orderIds],
        )
      : [];
    const orderById = new Map(orders.map((o) => [o['id'], o]));
    return {
      serverTime: now,
      product: { id: product!['id'], name: product!['name'], kind: product!['kind'] },
      orders: orderIds.map((orderId) => {
        const o = orderById.get(orderId)!;
        const rows = lines.filter((l) => l['order_id'] === orderId);
        const ofOrder = rows.map((row) => ({ row, line: lineOf(row) }));
        const active = ofOrder.filter((x) => x.line.status === 'ACTIVE');
        const deciding = active[0] ?? ofOrder[0]!;
        const state = cancellationState(cancellable(deciding.line, deciding.row), now);
        const remaining = timeRemaining(
          state === 'OPEN' ? deciding.line.cancellableUntil : null,
          now,
        );
        const previews = active.map((x) => creditPreview(cancellable(x.line, x.row), now));
        const open = state === 'OPEN' && previews.every((p) => p !== null);
        const currency = o['currency'] as CurrencyCode;
        const credit = open
          ? previews.reduce((total, p) => add(total, p!.credit), zero(currency))
          : null;
        const charged = rows.reduce(
          (total, r) => add(total, money(r['amount_minor'], r['currency'])),
          zero(currency),
        );
        return {
          order: {
            id: o['id'],
            purchasedAt: o['purchased_at'],
            status: o['status'],
            taxIncluded: Boolean(o['tax_included']),
            total: moneyOf(o['total_minor'], currency),
          },
          lines: ofOrder.map((x) => x.line),
          state,
          cancellableUntil: deciding.line.cancellableUntil,
          windowDays: deciding.line.windowDays,
          daysRemaining: remaining.daysRemaining,
          lastDay: remaining.lastDay,
          hoursRemaining: remaining.hours,
          minutesRemaining: remaining.minutes,
          credit: credit ? moneyOf(credit.amountMinor, credit.currency) : null,
          creditMethod: open ? (previews[0]?.method ?? null) : null,
          charged: moneyOf(charged.amountMinor, charged.currency),
        };
      }),
    };
  },

  /**
   * K1: open windows closing within the horizon, soonest first, keyset-paged on
   * (cancellable_until, id) over ix_order_lines_closing (partner_id, status, cancellable_until);
   * page and count in parallel, then the page's customers, products and SKUs in parallel.
   */
  async cancellationsClosingSoon(
    args: { withinDays?: number | null; first?: number | null; after?: string | null },
    ctx: Ctx,
  ) {
    const actor = authorize(ctx, 'CANCEL_PURCHASE');
    const now = ctx.now;
    const days = args.withinDays ?? CLOSING_SOON_DEFAULT_DAYS;
    if (!isValidClosingSoonHorizon(days)) fail('BAD_USER_INPUT', 'withinDays');
    const size = args.first ?? 50;
    if (!Number.isInteger(size) || size < 1 || size > 100) fail('BAD_USER_INPUT', 'first');
    const until = new Date(now.getTime() + days * DAY_MS);
    const where = `partner_id = ? AND status = 'ACTIVE' AND cancellable_until > ? AND cancellable_until <= ?`;
    const params: unknown[] = [actor.partnerId, now, until];
    let pageWhere = where;
    const pageParams = [...params];
    if (args.after) {
      const [at, id] = JSON.parse(Buffer.from(args.after, 'base64url').toString('utf8'));
      pageWhere += ' AND (cancellable_until > ? OR (cancellable_until = ? AND id > ?))';
      pageParams.push(new Date(at), new Date(at), id);
    }
    const [rows, [count]] = await Promise.all([
      q(
        `SELECT ${LINE_COLUMNS} FROM order_lines WHERE ${pageWhere}
         ORDER BY cancellable_until ASC, id ASC LIMIT ?`,
        [...pageParams, size + 1],
      ),
      q(`SELECT COUNT(*) AS n FROM order_lines WHERE ${where}`, params),
    ]);
    const shown = rows.slice(0, size);
    const ids = (column: string) => [...new Set(shown.map((r) => r[column] as string))];
    const [customers, products, skus] = shown.length
      ? await Promise.all([
          q(
            'SELECT id, name, tenant_id, domain, market FROM customers WHERE partner_id = ? AND id IN (?)',
            [actor.partnerId, ids('customer_id')],
          ),
          q('SELECT id, name, kind FROM products WHERE id IN (?)', [ids('product_id')]),
          q('SELECT id, name FROM skus WHERE id IN (?)', [ids('sku_id')]),
        ])
      : [[], [], []];
    const customerById = new Map(customers.map((c) => [c['id'], customerOf(c)]));
    const productById = new Map(
      products.map((p) => [p['id'], { id: p['id'], name: p['name'], kind: p['kind'] }]),
    );
    const skuName = new Map(skus.map((s) => [s['id'], s['name'] as string]));
    const edges = [];
    for (const row of shown) {
      const line = lineOf(row);
      const credit = creditPreview(cancellable(line, row), now);
      const customer = customerById.get(row['customer_id']);
      const product = productById.get(row['product_id']);
      if (!credit || !customer || !product) continue; // as the portal: cannot happen when open
      const remaining = timeRemaining(line.cancellableUntil, now);
      edges.push({
        cursor: cursorOf([line.cancellableUntil!.toISOString(), line.id]),
        node: {
          lineId: line.id,
          orderId: line.orderId,
          customer,
          product,
          skuName: skuName.get(row['sku_id']) ?? '',
          quantity: line.quantity,
          termYears: line.termYears,
          windowDays: line.windowDays,
          amount: line.amount,
          credit: moneyOf(credit.credit.amountMinor, credit.credit.currency),
          creditMethod: credit.method,
          purchasedAt: line.purchasedAt,
          cancellableUntil: line.cancellableUntil,
          daysRemaining: remaining.daysRemaining,
          lastDay: remaining.lastDay,
          hoursRemaining: remaining.hours,
          minutesRemaining: remaining.minutes,
        },
      });
    }
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: Number(count!['n']),
      withinDays: days,
      serverTime: now,
    };
  },

  /** A4: keyset page on (at, id), newest first; the entries' customers in one more statement. */
  async activityLog(
    args: {
      from: Date;
      to: Date;
      operationTypes?: string[] | null;
      customerId?: string | null;
      first?: number | null;
      after?: string | null;
    },
    ctx: Ctx,
  ) {
    const actor = authorize(ctx, 'VIEW_ACTIVITY_LOG');
    const size = args.first ?? 50;
    if (!Number.isInteger(size) || size < 1 || size > 200) fail('BAD_USER_INPUT', 'first');
    if (!(args.to.getTime() > args.from.getTime())) fail('BAD_USER_INPUT', 'to');
    const operations = args.operationTypes?.length
      ? [...new Set(args.operationTypes)]
      : [...OPERATION_TYPES];
    let where = 'a.partner_id = ? AND a.at >= ? AND a.at < ?';
    const params: unknown[] = [actor.partnerId, args.from, args.to];
    if (operations.length < OPERATION_TYPES.length) {
      where += ' AND a.operation IN (?)';
      params.push(operations);
    }
    if (args.customerId) {
      where += ' AND a.customer_id = ?';
      params.push(args.customerId);
    }
    if (args.after) {
      const [at, id] = JSON.parse(Buffer.from(args.after, 'base64url').toString('utf8'));
      where += ' AND (a.at < ? OR (a.at = ? AND a.id < ?))';
      params.push(new Date(Number(at)), new Date(Number(at)), id);
    }
    const rows = await q(
      `SELECT a.id, a.customer_id, a.user_email, a.remote_address, a.user_agent, a.operation,
              a.resource, a.product_name, a.outcome, a.failure_code, a.detail, a.at
       FROM activity_log a WHERE ${where} ORDER BY a.at DESC, a.id DESC LIMIT ?`,
      [...params, size + 1],
    );
    const visible = rows.slice(0, size);
    const customerIds = [
      ...new Set(visible.map((r) => r['customer_id'] as string | null).filter(Boolean)),
    ];
    const customers = customerIds.length
      ? await q(
          'SELECT id, name, tenant_id, domain, market FROM customers WHERE id IN (?) AND partner_id = ?',
          [customerIds, actor.partnerId],
        )
      : [];
    const customerById = new Map(customers.map((c) => [c['id'], customerOf(c)]));
    const edges = visible.map((r) => ({
      cursor: cursorOf([(r['at'] as Date).getTime(), r['id']]),
      node: {
        id: r['id'],
        at: r['at'],
        operation: r['operation'],
        outcome: r['outcome'],
        failureCode: r['failure_code'],
        userEmail: r['user_email'],
        remoteAddress: r['remote_address'],
        userAgent: r['user_agent'],
        resource: r['resource'],
        productName: r['product_name'],
        detail: r['detail'],
        customer: r['customer_id'] ? (customerById.get(r['customer_id']) ?? null) : null,
      },
    }));
    const csv = new URLSearchParams({ from: args.from.toISOString(), to: args.to.toISOString() });
    for (const operation of operations) csv.append('operationTypes', operation);
    if (args.customerId) csv.set('customerId', args.customerId);
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
      csvUrl: `/activity-log.csv?${csv.toString()}`,
    };
  },
};

/**
 * B2, B4, B5 by hand, with the portal's statements: the idempotency look-up, the customer, SKUs
 * and prices (in parallel), products, the month's invoice (created if missing), then one
 * transaction of the order, its lines, their invoice charges, the log entry and the webhook
 * subscribers' look-up (the outbox rows when someone subscribed to order.placed).
 */
async function placeOrder(
  args: {
    input: {
      customerId: string;
      idempotencyKey: string;
      lines: { skuId: string; quantity: number }[];
    };
  },
  ctx: Ctx,
) {
  const actor = authorize(ctx, 'BUY_SOFTWARE');
  const { customerId, idempotencyKey, lines } = args.input;
  if (!idempotencyKey || idempotencyKey.length > 100) fail('BAD_USER_INPUT', 'idempotencyKey');
  if (lines.length === 0 || lines.some((l) => !Number.isInteger(l.quantity) || l.quantity < 1))
    fail('BAD_USER_INPUT', 'lines');
  const sorted = [...lines].sort((a, b) => a.skuId.localeCompare(b.skuId));
  const hash = sha256Hex(JSON.stringify({ customerId, lines: sorted }));
  const orderOut = (o: Row) => ({
    id: o['id'],
    purchasedAt: o['purchased_at'],
    status: o['status'],
    taxIncluded: Boolean(o['tax_included']),
    total: moneyOf(Number(o['total_minor']), o['currency']),
  });
  const replay = async () => {
    const [existing] = await q(
      'SELECT id, purchased_at, status, tax_included, total_minor, currency, request_hash FROM orders WHERE partner_id = ? AND idempotency_key = ?',
      [actor.partnerId, idempotencyKey],
    );
    if (existing && existing['request_hash'] !== hash) fail('IDEMPOTENCY_CONFLICT', 'conflict');
    return existing ? orderOut(existing) : null;
  };
  const earlier = await replay();
  if (earlier) return earlier;
  const customer = customerOf(await customerRow(actor, customerId));
  const currency = customer.currency as CurrencyCode;
  const skuIds = lines.map((l) => l.skuId);
  const [skus, prices] = await Promise.all([
    q('SELECT id, product_id, name, term_years FROM skus WHERE id IN (?)', [skuIds]),
    q('SELECT sku_id, amount_minor FROM prices WHERE sku_id IN (?) AND currency = ?', [
      skuIds,
      currency,
    ]),
  ]);
  const products = await q('SELECT id, name, kind FROM products WHERE id IN (?)', [
    [...new Set(skus.map((sku) => sku['product_id']))],
  ]);
  const priced = lines.map((line) => {
    const sku = skus.find((r) => r['id'] === line.skuId) ?? fail('NOT_FOUND', 'SKU');
    const product =
      products.find((r) => r['id'] === sku['product_id']) ?? fail('NOT_FOUND', 'product');
    const price = prices.find((r) => r['sku_id'] === sku['id']) ?? fail('NOT_FOUND', 'price');
    if (!isValidTerm(product['kind'], sku['term_years'])) fail('NOT_FOUND', 'SKU');
    if (!availabilityInMarket(product['kind'], customer.market).available)
      fail('MARKET_UNAVAILABLE', customer.market);
    return { line, sku, product, unitPrice: money(Number(price['amount_minor']), currency) };
  });
  const total = orderTotal(
    priced.map(({ line, unitPrice }) => ({ unitPrice, quantity: line.quantity })),
    currency,
  );
  const now = ctx.now;
  const period = invoicePeriodOf(now).key;
  const invoiceOf = () =>
    q('SELECT id FROM invoices WHERE partner_id = ? AND period = ? AND currency = ?', [
      actor.partnerId,
      period,
      currency,
    ]);
  let [invoice] = await invoiceOf();
  if (!invoice) {
    await q('INSERT IGNORE INTO invoices (id, partner_id, period, currency) VALUES (?, ?, ?, ?)', [
      newId(),
      actor.partnerId,
      period,
      currency,
    ]);
    [invoice] = await invoiceOf();
  }
  const taxIncluded = customer.pricesIncludeTax;
  const orderId = newOrderId();
  const conn = await db.getConnection();
  try {
    await conn.query('BEGIN');
    await conn.query(
      `INSERT INTO orders (id, partner_id, customer_id, placed_by_user_id, purchased_at, currency, total_minor,
         tax_included, status, idempotency_key, request_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'COMPLETED', ?, ?)`,
      [
        orderId,
        actor.partnerId,
        customer.id,
        actor.userId,
        now,
        currency,
        total.amountMinor,
        taxIncluded,
        idempotencyKey,
        hash,
      ],
    );
    for (const [index, { line, sku, product, unitPrice }] of priced.entries()) {
      const terms = termsAtPurchase(product['kind'], now);
      const amount = lineAmount({ unitPrice, quantity: line.quantity });
      const lineId = newId();
      await conn.query(
        `INSERT INTO order_lines (id, order_id, partner_id, customer_id, product_id, sku_id, line_number, product_kind,
           term_years, quantity, purchased_quantity, unit_price_minor, amount_minor, currency, purchased_at,
           cancellation_policy, window_days, cancellable_until, status, cancelled_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', NULL)`,
        [
          lineId,
          orderId,
          actor.partnerId,
          customer.id,
          product['id'],
          sku['id'],
          index + 1,
          product['kind'],
          sku['term_years'],
          line.quantity,
          line.quantity,
          unitPrice.amountMinor,
          amount.amountMinor,
          currency,
          now,
          terms.policy,
          terms.windowDays,
          terms.cancellableUntil,
        ],
      );
      await conn.query(
        `INSERT INTO invoice_lines (id, invoice_id, partner_id, customer_id, order_id, order_line_id, product_name,
           sku_name, quantity, kind, amount_minor, currency, tax_included, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'CHARGE', ?, ?, ?, ?)`,
        [
          newId(),
          invoice!['id'],
          actor.partnerId,
          customer.id,
          orderId,
          lineId,
          product['name'],
          sku['name'],
          line.quantity,
          amount.amountMinor,
          currency,
          taxIncluded,
          now,
        ],
      );
    }
    await conn.query(
      `INSERT INTO activity_log (id, partner_id, customer_id, user_id, user_email, remote_address, user_agent,
         operation, resource, product_name, outcome, failure_code, detail, at, count, refusal_bucket)
       VALUES (?, ?, ?, ?, ?, NULL, NULL, 'create_order', ?, ?, 'SUCCEEDED', NULL, NULL, ?, 1, NULL)`,
      [
        newId(),
        actor.partnerId,
        customer.id,
        actor.userId,
        actor.email,
        `order:${orderId}`,
        priced
          .map((p) => p.product['name'])
          .join(', ')
          .slice(0, 200),
        now,
      ],
    );
    await webhookOutbox(
      conn,
      actor.partnerId,
      'order.placed',
      { orderId, customerId: customer.id },
      now,
    );
    await conn.query('COMMIT');
  } catch (error) {
    await conn.query('ROLLBACK').catch(() => undefined);
    if ((error as { code?: string }).code === 'ER_DUP_ENTRY') {
      const winner = await replay();
      if (winner) return winner;
    }
    throw error;
  } finally {
    conn.release();
  }
  return {
    id: orderId,
    purchasedAt: now,
    status: 'COMPLETED',
    taxIncluded,
    total: moneyOf(total.amountMinor, currency),
  };
}

/** W2 as the portal writes it: the subscribers of the event, then the event and its deliveries. */
async function webhookOutbox(
  conn: mysql.PoolConnection,
  partnerId: string,
  type: string,
  data: Record<string, unknown>,
  now: Date,
) {
  const [endpoints] = await conn.query<Row[]>(
    'SELECT id, events FROM webhook_endpoints WHERE partner_id = ?',
    [partnerId],
  );
  const ids = endpoints
    .filter((e) => String(e['events']).split(',').includes(type))
    .map((e) => e['id']);
  if (ids.length === 0) return;
  const id = newId();
  await conn.query(
    'INSERT INTO webhook_events (id, partner_id, type, subject_key, body, created_at) VALUES (?, ?, ?, NULL, ?, ?)',
    [id, partnerId, type, JSON.stringify({ id, type, created: now.toISOString(), data }), now],
  );
  for (const endpointId of ids) {
    await conn.query(
      `INSERT INTO webhook_deliveries (id, event_id, endpoint_id, partner_id, status, attempts, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?)`,
      [newId(), id, endpointId, partnerId, now, now],
    );
  }
}

const rootValue = { ...root, placeOrder };

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * D3, D7 by hand: GET /downloads/:token (from byte 0) — the link with its line, product and issuer
 * in one join, then one transaction of the portal's conditional UPDATE, the log INSERT and the
 * exhausted-link webhook check, then the file. Refusals answer 404/410 (logged like the portal's).
 */
async function countedDownload(req: http.IncomingMessage, res: http.ServerResponse, token: string) {
  const [link] = TOKEN_SHAPE.test(token)
    ? await q(
        `SELECT l.id, l.partner_id, l.customer_id, l.order_line_id, l.expires_at, l.max_downloads,
           l.downloads_used, l.revoked_at, l.version, l.language, l.file_type,
           ol.status AS line_status, ol.product_id, p.name AS product_name, u.email AS issuer_email
         FROM download_links l JOIN order_lines ol ON ol.id = l.order_line_id
         JOIN products p ON p.id = ol.product_id LEFT JOIN users u ON u.id = l.issued_by_user_id
         WHERE l.token_hash = ?`,
        [sha256Hex(token)],
      )
    : [];
  const refuse = (status: number) => {
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
    });
    res.end(status === 404 ? 'Not found' : 'This link no longer works');
  };
  if (!link) return refuse(404);
  const choice = {
    version: link['version'],
    language: link['language'],
    fileType: link['file_type'],
  };
  const file = mediaPath(mediaDir, link['product_id'], choice);
  const now = new Date();
  const facts = [
    link['partner_id'],
    link['customer_id'],
    req.socket.remoteAddress ?? null,
    req.headers['user-agent']?.slice(0, 300) ?? null,
    `download-link:${link['id']}`,
    link['product_name'],
  ];
  const state =
    link['line_status'] === 'CANCELLED'
      ? 'REVOKED'
      : linkState(
          {
            expiresAt: link['expires_at'],
            downloadsUsed: link['downloads_used'],
            maxDownloads: link['max_downloads'],
            revokedAt: link['revoked_at'],
          },
          now,
        );
  const logEntry = (c: { query: typeof db.query }, outcome: string, failure: string | null) =>
    c.query(
      `INSERT INTO activity_log (id, partner_id, customer_id, user_id, user_email, remote_address, user_agent,
         operation, resource, product_name, outcome, failure_code, detail, at, count, refusal_bucket)
       VALUES (?, ?, ?, NULL, NULL, ?, ?, 'download_software', ?, ?, ?, ?, ?, ?, 1, NULL)`,
      [
        newId(),
        ...facts,
        outcome,
        failure,
        failure
          ? null
          : `issued by ${link['issuer_email'] ?? 'unknown'}; ${choice.version} · ${choice.language} · ${choice.fileType}`,
        now,
      ],
    );
  if (state !== 'ACTIVE') {
    await logEntry(db, 'FAILED', `LINK_${state}`);
    return refuse(410);
  }
  const conn = await db.getConnection();
  let counted: boolean;
  try {
    await conn.query('BEGIN');
    const [result] = await conn.query<mysql.ResultSetHeader>(
      `UPDATE download_links SET downloads_used = downloads_used + 1
       WHERE id = ? AND downloads_used < max_downloads AND downloads_used < ? AND expires_at > ?
         AND revoked_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.id = ? AND l.status = 'CANCELLED')`,
      [link['id'], LINK_MAX_DOWNLOADS, now, link['order_line_id']],
    );
    counted = result.affectedRows === 1;
    if (counted) {
      await logEntry(conn, 'SUCCEEDED', null);
      const [[after]] = await conn.query<Row[]>(
        'SELECT downloads_used AS used, max_downloads AS max FROM download_links WHERE id = ?',
        [link['id']],
      );
      if (after && Number(after['used']) >= Number(after['max'])) {
        await webhookOutbox(
          conn,
          link['partner_id'],
          'download_link.exhausted',
          { linkId: link['id'] },
          now,
        );
      }
    }
    await conn.query('COMMIT');
  } catch (error) {
    await conn.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    conn.release();
  }
  if (!counted) {
    await logEntry(db, 'FAILED', 'LINK_EXHAUSTED');
    return refuse(410);
  }
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': statSync(file).size,
    'content-disposition': `attachment; filename="${downloadFileName(link['product_name'], choice)}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  createReadStream(file).pipe(res);
}

/** Parsed and validated once per query text, as Apollo's document cache does. */
const documents = new Map<string, DocumentNode | readonly GraphQLError[]>();
function documentOf(query: string) {
  let entry = documents.get(query);
  if (!entry) {
    try {
      const document = parse(query);
      const errors = validate(schema, document);
      entry = errors.length ? errors : document;
    } catch (error) {
      entry = [error as GraphQLError];
    }
    if (documents.size < 1_000) documents.set(query, entry);
  }
  return entry;
}

const mediaFile = process.env['SAMPLE_MEDIA_FILE'] ?? '';
const mediaDir = process.env['MEDIA_DIR'] ?? '';

const server = http.createServer((req, res) => {
  const send = (status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  };
  if (req.method === 'GET' && req.url === '/uncounted-download') {
    if (!mediaFile || !existsSync(mediaFile)) return send(404, { error: 'no media file' });
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': statSync(mediaFile).size,
      'content-disposition': `attachment; filename="${path.basename(mediaFile)}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    createReadStream(mediaFile).pipe(res);
    return;
  }
  const download = /^\/downloads\/([^/?]+)$/.exec(req.url ?? '');
  if (req.method === 'GET' && download) {
    countedDownload(req, res, download[1]!).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) send(500, { error: 'internal error' });
    });
    return;
  }
  if (req.method !== 'POST' || req.url !== '/graphql') return send(404, { error: 'not found' });
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    void (async () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          query: string;
          variables?: Record<string, unknown>;
        };
        const document = documentOf(body.query);
        if (!('kind' in document)) return send(400, { errors: document });
        const now = new Date();
        const ctx: Ctx = { actor: await actorOf(req, now), now };
        const result = await execute({
          schema,
          document,
          rootValue,
          contextValue: ctx,
          variableValues: body.variables ?? {},
        });
        send(200, result);
      } catch (error) {
        console.error(error);
        send(500, { errors: [{ message: 'internal error' }] });
      }
    })();
  });
});

server.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`baseline listening on ${typeof address === 'object' && address ? address.port : 0}`);
});
const stop = () => server.close(() => void db.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
