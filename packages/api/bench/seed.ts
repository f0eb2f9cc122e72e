/**
 * `pnpm --filter @csp/api bench:seed`: scale data for the load bench, in the csp_bench database.
 *
 * 1. Drops and recreates csp_bench, starts the real server once (migrations + demo data + sample
 *    media), stops it.
 * 2. Bulk-inserts (multi-row INSERTs with mysql2) one large partner — 10,000 customers, 200,000
 *    orders with 400,000 lines across every product kind and market, their invoices and charge
 *    lines, cancellations with their credits, 100,000 download links, activation keys, and
 *    2,000,000 activity-log entries over two years — and a smaller partner with a tenth of that
 *    (200,000 entries) for the growth figure. One user per role, with a demo user's password hash.
 *
 * Rows follow what the services write: cancellable_until = purchased_at + 60 days for window
 * kinds (C1, C2), one invoice per month and currency with a CHARGE line per order line (B4, I1),
 * credits on the invoice of the cancellation's month with the C9 amount, revoked keys and links on
 * cancelled lines (D8), one log entry per order, cancellation, key reveal, link issue and download.
 */
import {
  availabilityInMarket,
  creditFor,
  currencyForMarket,
  invoicePeriodOf,
  pricesIncludeTax,
  ROLES,
  termsAtPurchase,
  type CurrencyCode,
  type ProductKind,
  type Role,
  type TermYears,
} from '@csp/domain';
import { mkdirSync, rmSync } from 'node:fs';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { searchTermsOf } from '../src/modules/customers/customer-search.js';
import { KeyVault, newActivationKey } from '../src/modules/software/key-vault.js';
import {
  ACTIVITY_COLUMNS,
  connect,
  databaseName,
  DAY_MS,
  insertSql,
  issueEntries,
  LINK_COLUMNS,
  mediaFile,
  META_FILE,
  newId,
  newToken,
  SERVER_DATA_DIR,
  seconds,
  sha256Hex,
  sqlTime,
  startRealServer,
  writeMeta,
  writePool,
  type BenchMeta,
  type PartnerMeta,
  type PoolLink,
} from './common.js';
import { LINK_MAX_DOWNLOADS, type Options } from './link-pool.js';
import { serverText } from '../src/shared/i18n/server-text.js';

// ---------------------------------------------------------------------------------------------
// Sizes

interface PartnerSpec {
  key: 'scale' | 'growth';
  name: string;
  domain: string;
  customers: number;
  orders: number;
  links: number;
  activity: number;
  /** Links whose tokens the bench keeps, for the counted-download figure. */
  pool: number;
  special: boolean;
}

const SCALE = Number(process.env['BENCH_SEED_SCALE'] ?? 1); // 0.01 for a quick try
const n = (value: number) => Math.max(1, Math.round(value * SCALE));

const SPECS: PartnerSpec[] = [
  {
    key: 'scale',
    name: 'Bench Scale Partner',
    domain: 'bench-scale.example',
    customers: n(10_000),
    orders: n(200_000),
    links: n(100_000),
    activity: n(2_000_000),
    pool: Math.min(n(5_000), 5_000),
    special: true,
  },
  {
    key: 'growth',
    name: 'Bench Growth Partner',
    domain: 'bench-growth.example',
    customers: n(1_000),
    orders: n(20_000),
    links: n(10_000),
    activity: n(200_000),
    pool: 0,
    special: false,
  },
];

/** The product the Cancel dialog figure opens: bought in many orders of the 200-line customer. */
const CANCEL_FOCUS = 'windows-server-2022-datacenter';

const ROLE_SLUGS: Record<Role, string> = {
  ADMIN_AGENT: 'admin.agent',
  GLOBAL_ADMIN: 'global.admin',
  ACCOUNT_ADMIN: 'account.admin',
  REFERRAL_ADMIN: 'referral.admin',
  MARKETING_CONTENT_ADMIN: 'marketing.admin',
  SALES_AGENT: 'sales.agent',
  HELPDESK_AGENT: 'helpdesk.agent',
};

/** Every billing currency, both tax-inclusive markets, and markets where Azure reservations are not sold. */
const MARKETS: [string, number][] = [
  ['US', 20],
  ['GB', 6],
  ['DE', 6],
  ['FR', 5],
  ['IT', 3],
  ['ES', 3],
  ['NL', 3],
  ['AU', 5],
  ['BR', 4],
  ['CA', 4],
  ['CH', 2],
  ['CN', 3],
  ['DK', 2],
  ['IN', 4],
  ['JP', 5],
  ['KR', 5],
  ['MX', 3],
  ['NO', 2],
  ['NZ', 2],
  ['SE', 2],
  ['SG', 2],
  ['ZA', 2],
  ['AE', 2],
  ['YE', 1],
  ['KH', 1],
  ['AD', 1],
];

const NAME_A =
  'Adatum Alpine Blue Coho Contoso Fabrikam Fourth Graphic Humongous Litware Lucerne Margie Northwind Proseware Relecloud Southridge Tailspin Trey Wingtip Woodgrove Lamna Munson Olympia Bellows Datum'.split(
    ' ',
  );
const NAME_B =
  'Traders Airlines Coffee Winery Research Logistics Publishing Insurance Bank Studios Toys Manufacturing Pharma Consulting Foods Energy Health Software Motors Travel'.split(
    ' ',
  );
const NAME_C = ['Ltd', 'Inc', 'GmbH', 'Pty Ltd', 'SA', 'KK', 'Co.', 'LLC'];
const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Microsoft BITS/7.8',
  'curl/8.5.0',
  'Wget/1.21.4',
];

// ---------------------------------------------------------------------------------------------
// Helpers

/** mulberry32: the same shape of data on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
let random = prng(2026);
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;

/** Random v4 UUIDs, as the server makes them (for the few rows that need no order). */
const uuid = newId;

/**
 * Ids that look like the server's — random v4 UUIDs, random Crockford order IDs — spread over
 * the whole id space but handed out in increasing order, so a bulk load appends to each clustered
 * index instead of writing random pages (InnoDB's buffer pool is 128 MB here; random primary-key
 * inserts into a 1.3 GB table made the seed disk-bound). Only the insertion order differs from
 * what the server's own random ids give.
 */
class IdSequence {
  private value = 0;
  private readonly step: number;

  constructor(
    expected: number,
    private readonly kind: 'uuid' | 'order',
  ) {
    this.step = (2 * (kind === 'uuid' ? 2 ** 48 : 2 ** 50)) / Math.max(1, expected);
  }

  next(): string {
    this.value += 1 + Math.floor(random() * this.step);
    if (this.kind === 'order') {
      // 12 Crockford characters (60 bits): 10 increasing, 2 random.
      let id = '';
      let v = this.value % 2 ** 50;
      for (let i = 0; i < 10; i++) {
        id = CROCKFORD[v % 32] + id;
        v = Math.floor(v / 32);
      }
      return id + CROCKFORD[Math.floor(random() * 32)] + CROCKFORD[Math.floor(random() * 32)];
    }
    const hex = (digits: number) => {
      let out = '';
      for (let i = 0; i < digits; i++) out += HEX[Math.floor(random() * 16)];
      return out;
    };
    const prefix = (this.value % 2 ** 48).toString(16).padStart(12, '0');
    return `${prefix.slice(0, 8)}-${prefix.slice(8)}-4${hex(3)}-${HEX[8 + Math.floor(random() * 4)]}${hex(3)}-${hex(12)}`;
  }
}
const HEX = '0123456789abcdef';
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const total = (key: 'customers' | 'orders' | 'links' | 'activity') =>
  SPECS.reduce((sum, spec) => sum + spec[key], 0);
const ids = {
  customers: new IdSequence(total('customers'), 'uuid'),
  orders: new IdSequence(total('orders'), 'order'),
  lines: new IdSequence(2 * total('orders'), 'uuid'),
  invoiceLines: new IdSequence(2.1 * total('orders'), 'uuid'),
  links: new IdSequence(total('links'), 'uuid'),
  activity: new IdSequence(total('activity'), 'uuid'),
};
const newOrderId = () => ids.orders.next();

/** Multi-row INSERTs on a connection of its own; one statement in flight while the next is built. */
class BulkWriter {
  private rows: unknown[][] = [];
  private inflight: Promise<void> = Promise.resolve();
  private error: unknown = null;
  count = 0;
  private readonly sql: string;

  constructor(
    readonly conn: Connection,
    readonly table: string,
    columns: readonly string[],
    private readonly batch = 2_000,
  ) {
    this.sql = insertSql(table, columns);
  }

  add(row: unknown[]): Promise<void> | void {
    this.rows.push(row);
    this.count++;
    if (this.rows.length >= this.batch) return this.flush();
  }

  async flush() {
    const rows = this.rows;
    this.rows = [];
    await this.inflight;
    if (this.error) throw this.error;
    if (rows.length === 0) return;
    this.inflight = this.conn.query(this.sql, [rows]).then(
      () => undefined,
      (error: unknown) => {
        this.error = error;
      },
    );
  }

  async close() {
    await this.flush();
    await this.inflight;
    if (this.error) throw this.error;
  }
}

async function bulkConnection() {
  const conn = await connect();
  // Rows go in parent-after-child across parallel writers; every key is generated unique.
  await conn.query('SET SESSION foreign_key_checks = 0, unique_checks = 0');
  return conn;
}

// ---------------------------------------------------------------------------------------------
// Catalog, from the database the server seeded

interface Product {
  id: string;
  name: string;
  kind: ProductKind;
  hasKeys: boolean;
  options: Options;
  skus: { id: string; name: string; term: TermYears; prices: Map<string, number> }[];
}

async function loadCatalog(conn: Connection): Promise<Product[]> {
  const [products] = await conn.query<RowDataPacket[]>(
    'SELECT id, name, kind, has_activation_keys, download_options FROM products ORDER BY id',
  );
  const [skus] = await conn.query<RowDataPacket[]>(
    'SELECT id, product_id, name, term_years FROM skus ORDER BY id',
  );
  const [prices] = await conn.query<RowDataPacket[]>(
    'SELECT sku_id, currency, amount_minor FROM prices',
  );
  return products.map((p) => ({
    id: p['id'],
    name: p['name'],
    kind: p['kind'],
    hasKeys: Boolean(p['has_activation_keys']),
    options: JSON.parse(p['download_options']) as Options,
    skus: skus
      .filter((s) => s['product_id'] === p['id'])
      .map((s) => ({
        id: s['id'],
        name: s['name'],
        term: s['term_years'] as TermYears,
        prices: new Map(
          prices
            .filter((x) => x['sku_id'] === s['id'])
            .map((x) => [x['currency'] as string, Number(x['amount_minor'])]),
        ),
      })),
  }));
}

// ---------------------------------------------------------------------------------------------
// One partner

interface Customer {
  id: string;
  market: string;
  currency: CurrencyCode;
  taxIncluded: boolean;
  tenantId: string;
}

interface Line {
  id: string;
  customerId: string;
  product: Product;
  purchasedAt: number;
  cancelledAt: number | null;
}

interface Writers {
  partners: BulkWriter;
  users: BulkWriter;
  customers: BulkWriter;
  searchTerms: BulkWriter;
  orders: BulkWriter;
  lines: BulkWriter;
  invoiceLines: BulkWriter;
  invoices: BulkWriter;
  links: BulkWriter;
  keys: BulkWriter;
  activity: BulkWriter;
}

interface SeededPartner {
  meta: PartnerMeta;
  customers: Customer[];
  pool: PoolLink[];
  software200?: { customerId: string; liveLinks: number };
  software20?: { customerId: string; liveLinks: number };
  cancellation?: { customerId: string; productId: string; orders: number };
  sampleOrderId: string;
}

async function seedPartner(
  spec: PartnerSpec,
  w: Writers,
  catalog: Product[],
  passwordHash: string,
  vault: KeyVault,
  now: number,
): Promise<SeededPartner> {
  const partnerId = uuid();
  await w.partners.add([partnerId, spec.name, sqlTime(now - 800 * DAY_MS)]);
  const users = new Map<Role, { id: string; email: string }>();
  for (const role of ROLES) {
    const user = { id: uuid(), email: `${ROLE_SLUGS[role]}@${spec.domain}` };
    users.set(role, user);
    await w.users.add([
      user.id,
      partnerId,
      user.email,
      `${serverText('en', `role.${role}`)} (${spec.name.split(' ')[1]})`,
      passwordHash,
      role,
      sqlTime(now - 800 * DAY_MS),
    ]);
  }
  const admin = users.get('ADMIN_AGENT')!;
  const buyers = [admin, users.get('GLOBAL_ADMIN')!];

  // Customers ----------------------------------------------------------------------------------
  const marketBag = MARKETS.flatMap(([m, weight]) => Array<string>(weight).fill(m));
  const customers: Customer[] = [];
  for (let i = 0; i < spec.customers; i++) {
    const special = spec.special && i < 2;
    const a = NAME_A[i % NAME_A.length]!;
    const b = NAME_B[Math.floor(i / NAME_A.length) % NAME_B.length]!;
    const c = pick(NAME_C);
    const name = special
      ? `Bench Software ${i === 0 ? 200 : 20} ${c}`
      : `${a} ${b} ${String(i).padStart(5, '0')} ${c}`;
    const domain = special
      ? `bench-software-${i === 0 ? 200 : 20}.example`
      : `${a}${b}${i}.example`.toLowerCase();
    const market = special || i % 50 === 2 ? 'US' : pick(marketBag);
    const customer: Customer = {
      id: ids.customers.next(),
      market,
      currency: currencyForMarket(market),
      taxIncluded: pricesIncludeTax(market),
      tenantId: uuid(),
    };
    customers.push(customer);
    await w.customers.add([
      customer.id,
      partnerId,
      name,
      customer.tenantId,
      domain,
      market,
      sqlTime(now - 800 * DAY_MS),
    ]);
    // B1: the search index the API keeps on every customer write (customer-search.ts).
    for (const term of searchTermsOf(name, domain)) {
      await w.searchTerms.add([partnerId, term, customer.id]);
    }
  }

  // Orders, lines, charges, cancellations ------------------------------------------------------
  const invoices = new Map<string, string>();
  const invoiceOf = (at: number, currency: string) => {
    const key = `${invoicePeriodOf(new Date(at)).key}|${currency}`;
    let id = invoices.get(key);
    if (!id) {
      id = uuid();
      invoices.set(key, id);
    }
    return id;
  };
  const downloadable: Line[] = [];
  let activityCount = 0;
  let lineCount = 0;
  let cancellations = 0;
  let sampleOrderId = '';
  const addActivity = async (row: unknown[]) => {
    activityCount++;
    await w.activity.add(row);
  };
  const products = catalog;
  const ordinary = spec.special ? customers.slice(2) : customers;
  const specialOrders = spec.special ? { 0: 100, 1: 10 } : {};
  const plan: { customer: Customer; lines: number; at: number; productsFrom?: number }[] = [];
  for (const [index, count] of Object.entries(specialOrders)) {
    const customer = customers[Number(index)]!;
    for (let k = 0; k < count; k++) {
      // Spread over two years, the newest inside the 60-day window; two lines each.
      const at = now - Math.floor(((k + 0.5) / count) * 720 * DAY_MS) - int(60_000, 3_600_000);
      plan.push({ customer, lines: 2, at, productsFrom: k });
    }
  }
  const specialCount = plan.length;
  const rest = spec.orders - specialCount;
  const pattern = [1, 3, 2, 2]; // two lines per order on average
  for (let i = 0; i < rest; i++) {
    let lines = pattern[i % 4]!;
    if (rest % 4 !== 0 && i >= rest - (rest % 4)) lines = 2;
    plan.push({
      customer: pick(ordinary),
      lines,
      at: now - int(10 * 60_000, 730 * DAY_MS),
    });
  }
  const cancellationCounts = new Map<string, number>(); // special customer 0: orders per product

  for (const order of plan) {
    const { customer } = order;
    const available = products.filter(
      (p) => availabilityInMarket(p.kind, customer.market).available,
    );
    const chosen: Product[] = [];
    if (order.productsFrom !== undefined) {
      // Special customers: every product kind, and one product in many orders (the Cancel dialog).
      const k = order.productsFrom;
      const focus = available.find((p) => p.id === CANCEL_FOCUS) ?? available[0]!;
      chosen.push(k % 3 === 0 ? focus : available[k % available.length]!);
      let other = (k * 7 + 3) % available.length;
      while (available[other] === chosen[0]) other = (other + 1) % available.length;
      chosen.push(available[other]!);
    } else {
      while (chosen.length < order.lines) {
        const p = pick(available);
        if (!chosen.includes(p)) chosen.push(p);
      }
    }
    const orderId = newOrderId();
    if (!sampleOrderId && customer === ordinary[0]) sampleOrderId = orderId;
    const placer = pick(buyers);
    const purchasedAt = order.at;
    const at = sqlTime(purchasedAt);
    // C1: one product of about 4 % of window-policy orders is cancelled inside its window.
    const cancelIndex =
      random() < 0.04 && now - purchasedAt > DAY_MS && order.productsFrom === undefined
        ? chosen.findIndex(
            (p) => termsAtPurchase(p.kind, new Date(purchasedAt)).policy === 'WINDOW',
          )
        : -1;
    let total = 0;
    let activeLines = 0;
    const rows: unknown[][] = [];
    for (const [index, product] of chosen.entries()) {
      const sku = pick(product.skus);
      const unit = sku.prices.get(customer.currency)!;
      const quantity = product.kind === 'WINDOWS_7_ESU' ? int(5, 100) : int(1, 25);
      const amount = unit * quantity;
      total += amount;
      const terms = termsAtPurchase(product.kind, new Date(purchasedAt));
      const lineId = ids.lines.next();
      let cancelledAt: number | null = null;
      if (index === cancelIndex) {
        const latest = Math.min(terms.cancellableUntil!.getTime() - 60_000, now - 60_000);
        cancelledAt = int(purchasedAt + 3_600_000, Math.max(purchasedAt + 3_600_001, latest));
      }
      if (cancelledAt === null) activeLines++;
      rows.push([
        lineId,
        orderId,
        partnerId,
        customer.id,
        product.id,
        sku.id,
        index + 1,
        product.kind,
        sku.term,
        cancelledAt === null ? quantity : 0,
        quantity,
        unit,
        amount,
        customer.currency,
        at,
        terms.policy,
        terms.windowDays,
        terms.cancellableUntil ? sqlTime(terms.cancellableUntil.getTime()) : null,
        cancelledAt === null ? 'ACTIVE' : 'CANCELLED',
        cancelledAt === null ? null : sqlTime(cancelledAt),
      ]);
      lineCount++;
      // B4, I1: the charge, on the invoice of the month of purchase.
      await w.invoiceLines.add([
        ids.invoiceLines.next(),
        invoiceOf(purchasedAt, customer.currency),
        partnerId,
        customer.id,
        orderId,
        lineId,
        product.name,
        sku.name,
        quantity,
        'CHARGE',
        amount,
        customer.currency,
        customer.taxIncluded ? 1 : 0,
        at,
      ]);
      if (cancelledAt !== null) {
        // C8, C9: the credit on the invoice open at cancellation, and the log entry.
        cancellations++;
        const credit = creditFor(
          {
            terms,
            purchasedAt: new Date(purchasedAt),
            termYears: sku.term,
            charged: { amountMinor: amount, currency: customer.currency },
            cancelledAt: null,
          },
          new Date(cancelledAt),
        ).credit;
        const period = invoicePeriodOf(new Date(cancelledAt)).key;
        await w.invoiceLines.add([
          ids.invoiceLines.next(),
          invoiceOf(cancelledAt, customer.currency),
          partnerId,
          customer.id,
          orderId,
          lineId,
          product.name,
          sku.name,
          quantity,
          'CREDIT',
          -credit.amountMinor,
          customer.currency,
          customer.taxIncluded ? 1 : 0,
          sqlTime(cancelledAt),
        ]);
        await addActivity([
          ids.activity.next(),
          partnerId,
          customer.id,
          admin.id,
          admin.email,
          null,
          null,
          'cancel_order',
          `order:${orderId}`,
          product.name,
          'SUCCEEDED',
          null,
          sqlTime(cancelledAt),
          `credit ${credit.amountMinor} ${credit.currency} (minor units) on invoice ${period}`,
        ]);
      }
      if (product.options.versions.length > 0) {
        downloadable.push({
          id: lineId,
          customerId: customer.id,
          product,
          purchasedAt,
          cancelledAt,
        });
      }
      if (customer === customers[0] && spec.special) {
        cancellationCounts.set(product.id, (cancellationCounts.get(product.id) ?? 0) + 1);
      }
    }
    await w.orders.add([
      orderId,
      partnerId,
      customer.id,
      placer.id,
      at,
      customer.currency,
      total,
      customer.taxIncluded ? 1 : 0,
      activeLines === 0 ? 'CANCELLED' : 'COMPLETED',
      `bench-${orderId}`,
      sha256Hex(orderId),
    ]);
    for (const row of rows) await w.lines.add(row);
    await addActivity([
      ids.activity.next(),
      partnerId,
      customer.id,
      placer.id,
      placer.email,
      null,
      null,
      'create_order',
      `order:${orderId}`,
      chosen
        .map((p) => p.name)
        .join(', ')
        .slice(0, 200),
      'SUCCEEDED',
      null,
      at,
      null,
    ]);
  }

  for (const [key, id] of invoices) {
    const [period, currency] = key.split('|');
    await w.invoices.add([id, partnerId, period, currency]);
  }

  // Download links, keys, their log entries, downloads -----------------------------------------
  const pool: PoolLink[] = [];
  const specialLive = new Map<string, number>();
  interface LinkPlan {
    line: Line;
    issuedAt: number;
    pool: boolean;
    live: boolean;
  }
  const linkPlans: LinkPlan[] = [];
  const ordinaryDownloadable = downloadable.filter(
    (l) =>
      !spec.special || (l.customerId !== customers[0]!.id && l.customerId !== customers[1]!.id),
  );
  if (spec.special) {
    // Software tab: live links on some active lines of both special customers, expired on others.
    for (const [index, every] of [
      [0, 3],
      [1, 2],
    ] as const) {
      const lines = downloadable.filter(
        (l) => l.customerId === customers[index]!.id && l.cancelledAt === null,
      );
      lines.forEach((line, k) => {
        const live = k % every === 0;
        const count = live ? 1 + (k % 2) : 1;
        for (let j = 0; j < count; j++) {
          const issuedAt = live
            ? Math.max(line.purchasedAt + 60_000, now - int(3_600_000, 12 * DAY_MS))
            : line.purchasedAt + int(60_000, 3 * DAY_MS);
          const isLive = issuedAt + 14 * DAY_MS > now;
          if (isLive) specialLive.set(line.customerId, (specialLive.get(line.customerId) ?? 0) + 1);
          linkPlans.push({ line, issuedAt, pool: false, live: isLive });
        }
      });
    }
    const active = ordinaryDownloadable.filter((l) => l.cancelledAt === null);
    for (let i = 0; i < spec.pool; i++) {
      const line = pick(active);
      linkPlans.push({ line, issuedAt: now - 60_000, pool: true, live: true });
    }
  }
  while (linkPlans.length < spec.links) {
    const line = pick(ordinaryDownloadable);
    const end = line.cancelledAt ?? now;
    const issuedAt = int(
      line.purchasedAt + 60_000,
      Math.max(line.purchasedAt + 60_001, end - 60_000),
    );
    linkPlans.push({ line, issuedAt, pool: false, live: issuedAt + 14 * DAY_MS > now });
  }
  // A1: the downloads fill the log up to its size exactly (each link ≤ 50, D3).
  const issueRows = linkPlans.reduce((sum, p) => sum + (p.line.product.hasKeys ? 2 : 1), 0);
  let downloadsLeft = Math.max(0, spec.activity - activityCount - issueRows);
  const carriers = linkPlans.filter((p) => !p.pool);
  const used = carriers.map(() => 0);
  const average = downloadsLeft / Math.max(1, carriers.length);
  for (let i = 0; i < carriers.length && downloadsLeft > 0; i++) {
    const cap = carriers[i]!.live ? 30 : LINK_MAX_DOWNLOADS;
    used[i] = Math.min(cap, downloadsLeft, int(0, Math.min(cap, Math.round(2 * average))));
    downloadsLeft -= used[i]!;
  }
  for (let i = 0; downloadsLeft > 0 && i < carriers.length * 50; i++) {
    const k = i % carriers.length;
    const cap = carriers[k]!.live ? 30 : LINK_MAX_DOWNLOADS;
    if (used[k]! < cap) {
      used[k]!++;
      downloadsLeft--;
    }
  }
  const usedOf = new Map(carriers.map((p, i) => [p, used[i]!]));
  const keyed = new Set<string>();
  const ips = () => `${int(1, 223)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`;
  let linkCount = 0;
  for (const plan of linkPlans) {
    const { line } = plan;
    const o = line.product.options;
    const choice = {
      version: pick(o.versions),
      language: pick(o.languages),
      fileType: pick(o.fileTypes),
    };
    const token = newToken();
    const id = ids.links.next();
    const expiresAt = plan.issuedAt + 14 * DAY_MS;
    const downloads = usedOf.get(plan) ?? 0;
    const revokedAt = line.cancelledAt;
    await w.links.add([
      id,
      sha256Hex(token),
      partnerId,
      line.customerId,
      line.id,
      admin.id,
      sqlTime(plan.issuedAt),
      sqlTime(expiresAt),
      LINK_MAX_DOWNLOADS,
      downloads,
      revokedAt === null ? null : sqlTime(revokedAt),
      choice.version,
      choice.language,
      choice.fileType,
    ]);
    linkCount++;
    if (plan.pool) pool.push({ token, id });
    if (line.product.hasKeys && !keyed.has(line.id)) {
      keyed.add(line.id);
      await w.keys.add([
        line.id,
        partnerId,
        vault.encrypt(newActivationKey(), line.id),
        sqlTime(plan.issuedAt),
        revokedAt === null ? null : sqlTime(revokedAt),
      ]);
    }
    for (const row of issueEntries(
      {
        id,
        partnerId,
        customerId: line.customerId,
        lineId: line.id,
        userId: admin.id,
        userEmail: admin.email,
        productName: line.product.name,
        hasKeys: line.product.hasKeys,
        ...choice,
        at: sqlTime(plan.issuedAt),
      },
      () => ids.activity.next(),
    )) {
      await addActivity(row);
    }
    const until = Math.min(expiresAt, revokedAt ?? now, now);
    const detail = `issued by ${admin.email}; ${choice.version} · ${choice.language} · ${choice.fileType}`;
    for (let d = 0; d < downloads; d++) {
      await addActivity([
        ids.activity.next(),
        partnerId,
        line.customerId,
        null,
        null,
        ips(),
        pick(USER_AGENTS),
        'download_software',
        `download-link:${id}`,
        line.product.name,
        'SUCCEEDED',
        null,
        sqlTime(int(plan.issuedAt, Math.max(plan.issuedAt, until - 1))),
        detail,
      ]);
    }
  }

  let cancellation: SeededPartner['cancellation'];
  if (spec.special) {
    const [productId, orders] = [...cancellationCounts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    cancellation = { customerId: customers[0]!.id, productId, orders };
  }
  console.log(
    `  ${spec.name}: ${customers.length} customers, ${plan.length} orders, ${lineCount} lines ` +
      `(${cancellations} cancelled), ${invoices.size} invoices, ${linkCount} links, ${activityCount} log entries`,
  );
  return {
    meta: {
      id: partnerId,
      name: spec.name,
      domain: spec.domain,
      customers: customers.length,
      orders: plan.length,
      lines: lineCount,
      links: linkCount,
      activity: activityCount,
      adminAgentEmail: admin.email,
      globalAdminEmail: users.get('GLOBAL_ADMIN')!.email,
    },
    customers,
    pool,
    software200: spec.special
      ? { customerId: customers[0]!.id, liveLinks: specialLive.get(customers[0]!.id) ?? 0 }
      : undefined,
    software20: spec.special
      ? { customerId: customers[1]!.id, liveLinks: specialLive.get(customers[1]!.id) ?? 0 }
      : undefined,
    cancellation,
    sampleOrderId,
  };
}

// ---------------------------------------------------------------------------------------------
// Secondary indexes and foreign keys are dropped for the load and rebuilt after it (a sorted
// build instead of millions of random index-page writes); the rebuilt ones have the migrations'
// exact names, columns and rules, read back from information_schema.

const BULK_TABLES = [
  'customers',
  'customer_search_terms',
  'orders',
  'order_lines',
  'invoices',
  'invoice_lines',
  'download_links',
  'activation_keys',
  'activity_log',
];

interface Deferred {
  table: string;
  addIndexes: string[];
  addForeignKeys: string[];
}

async function deferIndexes(conn: Connection, schemaName: string): Promise<Deferred[]> {
  const [indexRows] = await conn.query<RowDataPacket[]>(
    `SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM information_schema.STATISTICS
     WHERE TABLE_SCHEMA = ? AND TABLE_NAME IN (?) AND INDEX_NAME <> 'PRIMARY'
     ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
    [schemaName, BULK_TABLES],
  );
  const [fkRows] = await conn.query<RowDataPacket[]>(
    `SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME,
            k.REFERENCED_COLUMN_NAME, r.UPDATE_RULE, r.DELETE_RULE
     FROM information_schema.KEY_COLUMN_USAGE k
     JOIN information_schema.REFERENTIAL_CONSTRAINTS r
       ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
      AND r.TABLE_NAME = k.TABLE_NAME
     WHERE k.TABLE_SCHEMA = ? AND k.TABLE_NAME IN (?) AND k.REFERENCED_TABLE_NAME IS NOT NULL
     ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`,
    [schemaName, BULK_TABLES],
  );
  const q = (name: string) => `\`${name}\``;
  const deferred: Deferred[] = [];
  for (const table of BULK_TABLES) {
    const indexes = new Map<string, { unique: boolean; columns: string[] }>();
    for (const row of indexRows.filter((r) => r['TABLE_NAME'] === table)) {
      const entry = indexes.get(row['INDEX_NAME']) ?? {
        unique: Number(row['NON_UNIQUE']) === 0,
        columns: [] as string[],
      };
      entry.columns.push(row['COLUMN_NAME']);
      indexes.set(row['INDEX_NAME'], entry);
    }
    const fks = new Map<
      string,
      { columns: string[]; refTable: string; refColumns: string[]; rules: string }
    >();
    for (const row of fkRows.filter((r) => r['TABLE_NAME'] === table)) {
      const entry = fks.get(row['CONSTRAINT_NAME']) ?? {
        columns: [] as string[],
        refTable: row['REFERENCED_TABLE_NAME'] as string,
        refColumns: [] as string[],
        // RESTRICT is InnoDB's default (what the migrations made): leave it implicit.
        rules: (['DELETE', 'UPDATE'] as const)
          .filter((on) => row[`${on}_RULE`] !== 'RESTRICT')
          .map((on) => ` ON ${on} ${row[`${on}_RULE`]}`)
          .join(''),
      };
      entry.columns.push(row['COLUMN_NAME']);
      entry.refColumns.push(row['REFERENCED_COLUMN_NAME']);
      fks.set(row['CONSTRAINT_NAME'], entry);
    }
    if (fks.size) {
      await conn.query(
        `ALTER TABLE ${q(table)} ${[...fks.keys()].map((n) => `DROP FOREIGN KEY ${q(n)}`).join(', ')}`,
      );
    }
    if (indexes.size) {
      await conn.query(
        `ALTER TABLE ${q(table)} ${[...indexes.keys()].map((n) => `DROP INDEX ${q(n)}`).join(', ')}`,
      );
    }
    deferred.push({
      table,
      addIndexes: [...indexes].map(
        ([name, i]) =>
          `ADD ${i.unique ? 'UNIQUE ' : ''}INDEX ${q(name)} (${i.columns.map(q).join(', ')})`,
      ),
      addForeignKeys: [...fks].map(
        ([name, f]) =>
          `ADD CONSTRAINT ${q(name)} FOREIGN KEY (${f.columns.map(q).join(', ')}) ` +
          `REFERENCES ${q(f.refTable)} (${f.refColumns.map(q).join(', ')})${f.rules}`,
      ),
    });
  }
  return deferred;
}

/** Rebuilds the indexes (two tables at a time: two cores), then the foreign keys. */
async function restoreIndexes(deferred: Deferred[]) {
  const queue = [...deferred].sort((a, b) =>
    a.table === 'activity_log' ? -1 : b.table === 'activity_log' ? 1 : 0,
  );
  const worker = async () => {
    const conn = await bulkConnection();
    for (let next = queue.shift(); next; next = queue.shift()) {
      if (next.addIndexes.length) {
        await conn.query(`ALTER TABLE \`${next.table}\` ${next.addIndexes.join(', ')}`);
      }
    }
    await conn.end();
  };
  await Promise.all([worker(), worker()]);
  const conn = await bulkConnection();
  for (const { table, addForeignKeys } of deferred) {
    if (addForeignKeys.length) {
      await conn.query(`ALTER TABLE \`${table}\` ${addForeignKeys.join(', ')}`);
    }
  }
  await conn.end();
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  const name = databaseName();
  mkdirSync(SERVER_DATA_DIR, { recursive: true });
  rmSync(META_FILE, { force: true }); // written again only when the seed completes
  console.log(
    `Scale data for the bench in database "${name}"${SCALE !== 1 ? ` (scale ${SCALE})` : ''}`,
  );

  // 1. Empty database, then the real server once: migrations, demo partners, catalog, media.
  const admin = await connect({ database: false });
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const server = await startRealServer();
  await server.stop();
  console.log(`  server ran migrations and loaded the demo data (${seconds(started)} s)`);

  // 2. The large partner and the growth partner, in bulk.
  const conn = await connect();
  const catalog = await loadCatalog(conn);
  const [[demoUser]] = await conn.query<RowDataPacket[]>(
    'SELECT password_hash FROM users WHERE email = ?',
    ['admin.agent@contoso.example'],
  );
  if (!demoUser) throw new Error('The demo data is missing: the server did not seed it.');
  const vault = KeyVault.load(null, SERVER_DATA_DIR);
  const deferred = await deferIndexes(conn, name);
  const now = Date.now();
  const writer = async (table: string, columns: string[], batch = 2_000) =>
    new BulkWriter(await bulkConnection(), table, columns, batch);
  const w: Writers = {
    partners: await writer('partners', ['id', 'name', 'created_at'], 10),
    users: await writer(
      'users',
      ['id', 'partner_id', 'email', 'display_name', 'password_hash', 'roles', 'created_at'],
      50,
    ),
    customers: await writer('customers', [
      'id',
      'partner_id',
      'name',
      'tenant_id',
      'domain',
      'market',
      'created_at',
    ]),
    searchTerms: await writer('customer_search_terms', ['partner_id', 'term', 'customer_id']),
    orders: await writer('orders', [
      'id',
      'partner_id',
      'customer_id',
      'placed_by_user_id',
      'purchased_at',
      'currency',
      'total_minor',
      'tax_included',
      'status',
      'idempotency_key',
      'request_hash',
    ]),
    lines: await writer('order_lines', [
      'id',
      'order_id',
      'partner_id',
      'customer_id',
      'product_id',
      'sku_id',
      'line_number',
      'product_kind',
      'term_years',
      'quantity',
      'purchased_quantity',
      'unit_price_minor',
      'amount_minor',
      'currency',
      'purchased_at',
      'cancellation_policy',
      'window_days',
      'cancellable_until',
      'status',
      'cancelled_at',
    ]),
    invoiceLines: await writer('invoice_lines', [
      'id',
      'invoice_id',
      'partner_id',
      'customer_id',
      'order_id',
      'order_line_id',
      'product_name',
      'sku_name',
      'quantity',
      'kind',
      'amount_minor',
      'currency',
      'tax_included',
      'created_at',
    ]),
    invoices: await writer('invoices', ['id', 'partner_id', 'period', 'currency'], 500),
    links: await writer('download_links', LINK_COLUMNS),
    keys: await writer('activation_keys', [
      'order_line_id',
      'partner_id',
      'ciphertext',
      'created_at',
      'revoked_at',
    ]),
    activity: await writer('activity_log', ACTIVITY_COLUMNS, 2_500),
  };
  const seeded: SeededPartner[] = [];
  for (const spec of SPECS) {
    random = prng(spec.key === 'scale' ? 2026 : 2027);
    seeded.push(await seedPartner(spec, w, catalog, demoUser['password_hash'], vault, now));
    console.log(`  … ${spec.name} inserted (${seconds(started)} s)`);
  }
  for (const writerOf of Object.values(w)) {
    await writerOf.close();
  }
  for (const writerOf of Object.values(w)) {
    await writerOf.conn.end();
  }
  console.log(`  rows written (${seconds(started)} s); rebuilding indexes and foreign keys`);
  await restoreIndexes(deferred);
  console.log(`  indexes rebuilt (${seconds(started)} s); analyzing tables`);
  await conn.query(
    'ANALYZE TABLE customers, orders, order_lines, invoices, invoice_lines, download_links, activation_keys, activity_log',
  );

  // 3. What the bench needs to know.
  const [scale, growth] = seeded as [SeededPartner, SeededPartner];
  const [[sample]] = await conn.query<RowDataPacket[]>(
    `SELECT l.version, l.language, l.file_type, ol.product_id FROM download_links l
     JOIN order_lines ol ON ol.id = l.order_line_id WHERE l.id = ?`,
    [scale.pool[0]?.id ?? ''],
  );
  const count = async (sql: string, args: unknown[]) =>
    Number(((await conn.query<RowDataPacket[]>(sql, args))[0][0] as RowDataPacket)['n']);
  const linesOf = (customerId: string) =>
    count('SELECT COUNT(*) AS n FROM order_lines WHERE customer_id = ?', [customerId]);
  const usCustomers = scale.customers.slice(2).filter((c) => c.market === 'US');
  const meta: BenchMeta = {
    seededAt: new Date(now).toISOString(),
    seedSeconds: Number(seconds(started)),
    partners: { scale: scale.meta, growth: growth.meta },
    software200: {
      customerId: scale.software200!.customerId,
      lines: await linesOf(scale.software200!.customerId),
      liveLinks: scale.software200!.liveLinks,
    },
    software20: {
      customerId: scale.software20!.customerId,
      lines: await linesOf(scale.software20!.customerId),
      liveLinks: scale.software20!.liveLinks,
    },
    cancellation: scale.cancellation!,
    orderTargets: usCustomers.slice(0, 64).map((c) => c.id),
    orderSku: 'office-ltsc-professional-plus-2024:perpetual',
    searchTerms: [
      'northwind',
      'logistics',
      scale.customers[Math.min(123, scale.customers.length - 1)]!.tenantId,
      scale.sampleOrderId,
    ],
    sampleMediaFile: sample
      ? mediaFile(sample['product_id'], {
          version: sample['version'],
          language: sample['language'],
          fileType: sample['file_type'],
        })
      : '',
  };
  writeMeta(meta);
  writePool(scale.pool);
  const total = await count('SELECT COUNT(*) AS n FROM activity_log WHERE partner_id = ?', [
    scale.meta.id,
  ]);
  await conn.end();
  console.log(
    `  Software tab customers: ${meta.software200.lines} lines (${meta.software200.liveLinks} live links), ` +
      `${meta.software20.lines} lines (${meta.software20.liveLinks} live links); ` +
      `${total} log entries for ${scale.meta.name}; ${scale.pool.length} pool links`,
  );
  console.log(
    `Done in ${seconds(started)} s. Sign in as ${scale.meta.adminAgentEmail} / demo-password-2026.`,
  );
}

main().catch((error: unknown) => {
  console.error(
    'bench:seed failed:',
    error instanceof Error ? (error.stack ?? error.message) : error,
  );
  process.exit(1);
});
