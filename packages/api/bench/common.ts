/**
 * Shared by the scale-data seed (seed.ts), the load bench (run.ts) and the baseline server: where
 * things live, the database, starting servers, and the pool of download links with known tokens.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const API_DIR = path.resolve(BENCH_DIR, '..');
/** Ignored by git (the root .gitignore ignores every `data` folder). */
export const DATA_DIR = path.join(BENCH_DIR, 'data');
/** DATA_DIR of the real server under bench: its media files and its activation-key secret. */
export const SERVER_DATA_DIR = path.join(DATA_DIR, 'server');
export const MEDIA_DIR = path.join(SERVER_DATA_DIR, 'media');
export const META_FILE = path.join(DATA_DIR, 'meta.json');
/** One `token<TAB>linkId` a line: the download links whose secret the bench knows. */
export const POOL_FILE = path.join(DATA_DIR, 'link-pool.tsv');
export const SERVER_MAIN = path.join(API_DIR, 'dist', 'main.js');

export const DATABASE_URL =
  process.env['BENCH_DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306/csp_bench';

export const DEMO_PASSWORD = 'demo-password-2026';
export const DAY_MS = 24 * 3_600_000;

/** The bench's own database, never the integration tests' `test`. */
export function databaseName(url = DATABASE_URL): string {
  const name = new URL(url).pathname.replace(/^\//, '');
  if (!name || name === 'test') {
    throw new Error(`Refusing to use database "${name}": use a database of the bench's own.`);
  }
  return name;
}

export function serverUrl(url = DATABASE_URL): string {
  const u = new URL(url);
  u.pathname = '/';
  return u.toString();
}

export async function connect(options: { database?: boolean } = {}) {
  const url = options.database === false ? serverUrl() : DATABASE_URL;
  return mysql.createConnection({
    uri: url,
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: false,
    dateStrings: false,
  });
}

export const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');
export const newId = () => randomUUID();

/** `DATETIME(3)` text in UTC, as the server's MySQL driver writes it (timezone 'Z'). */
export function sqlTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23).replace('T', ' ');
}

export interface BenchMeta {
  seededAt: string;
  seedSeconds: number;
  partners: {
    scale: PartnerMeta;
    growth: PartnerMeta;
  };
  /** The Software tab customers (exactly 200 and 20 lines). */
  software200: { customerId: string; lines: number; liveLinks: number };
  software20: { customerId: string; lines: number; liveLinks: number };
  /** The Cancel dialog: a product the 200-line customer has bought in many orders. */
  cancellation: { customerId: string; productId: string; orders: number };
  /** placeOrder targets (ordinary customers in the US market) and the SKU bought. */
  orderTargets: string[];
  orderSku: string;
  /** Search terms with something to find: a name word, a tenant GUID, an order ID. */
  searchTerms: string[];
  /** The media file one pool link serves (for the uncounted baseline figure). */
  sampleMediaFile: string;
}

export interface PartnerMeta {
  id: string;
  name: string;
  domain: string;
  customers: number;
  orders: number;
  lines: number;
  links: number;
  activity: number;
  adminAgentEmail: string;
  globalAdminEmail: string;
}

export function readMeta(): BenchMeta | null {
  return existsSync(META_FILE) ? (JSON.parse(readFileSync(META_FILE, 'utf8')) as BenchMeta) : null;
}

export function writeMeta(meta: BenchMeta) {
  mkdirSync(DATA_DIR, { recursive: true });
  writeFileSync(META_FILE, JSON.stringify(meta, null, 2) + '\n');
}

/** Slug rules of the server's media folder (packages/api/src/modules/software/media.ts). */
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'x';

function extensionOf(fileType: string): string {
  const match = /^(ISO|VHDX|CAB|MSU|ZIP|EXE)\b/i.exec(fileType.trim());
  return match ? match[1]!.toLowerCase() : 'bin';
}

export function mediaFile(
  productId: string,
  choice: { version: string; language: string; fileType: string },
) {
  return path.join(
    MEDIA_DIR,
    slug(productId),
    slug(choice.version),
    slug(choice.language),
    `${slug(choice.fileType)}.${extensionOf(choice.fileType)}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Child servers

export interface RunningServer {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a node process and waits for it to print its address. */
export function startProcess(
  label: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  timeoutMs = 120_000,
): Promise<RunningServer> {
  // BENCH_PROFILE_DIR: each server writes a V8 CPU profile there when it stops (SIGTERM is a
  // graceful exit on both), to see where a figure's time goes (node refuses --cpu-prof in
  // NODE_OPTIONS).
  const profileDir = process.env['BENCH_PROFILE_DIR'];
  const nodeArgs = profileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${path.join(profileDir, label.replace(/\W+/g, '-'))}`]
    : [];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, ...args], {
      cwd: API_DIR,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let settled = false;
    const timer = setTimeout(() => fail(new Error(`${label} did not start in time`)), timeoutMs);
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n--- ${label} output ---\n${output.slice(-4000)}`));
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > 100_000) output = output.slice(-50_000);
      const match = ready.exec(output);
      if (match && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve({
          url: `http://127.0.0.1:${match[1]}`,
          child,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              const kill = setTimeout(() => child.kill('SIGKILL'), 8_000);
              child.once('exit', () => {
                clearTimeout(kill);
                done();
              });
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`${label} exited with code ${code}`)));
    child.once('error', (error) => fail(error));
  });
}

/** The real server (packages/api/dist/main.js) against the bench database. */
export function startRealServer(extraEnv: NodeJS.ProcessEnv = {}) {
  if (!existsSync(SERVER_MAIN)) {
    throw new Error(
      `${SERVER_MAIN} is missing: build first (pnpm --filter @csp/domain build && pnpm --filter @csp/api build)`,
    );
  }
  databaseName();
  return startProcess(
    'the portal server',
    [SERVER_MAIN],
    {
      DATABASE_URL,
      PORT: '0',
      SEED_DEMO_DATA: 'true',
      DATA_DIR: SERVER_DATA_DIR,
      ...extraEnv,
    },
    /is running at http:\/\/localhost:(\d+)/,
  );
}

// ---------------------------------------------------------------------------------------------
// Download links whose tokens the bench knows (only their SHA-256 is in the database, as D5 wants)

export interface PoolLink {
  token: string;
  id: string;
}

export function readPool(): PoolLink[] {
  if (!existsSync(POOL_FILE)) return [];
  return readFileSync(POOL_FILE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [token, id] = line.split('\t');
      return { token: token!, id: id! };
    });
}

export function writePool(links: readonly PoolLink[]) {
  mkdirSync(DATA_DIR, { recursive: true });
  writeFileSync(POOL_FILE, links.map((l) => `${l.token}\t${l.id}`).join('\n') + '\n', {
    mode: 0o600,
  });
}

/** The activity-log entries a real link issue writes (getKeysAndDownloads): key reveal + issue. */
export function issueEntries(
  link: {
    id: string;
    partnerId: string;
    customerId: string;
    lineId: string;
    userId: string;
    userEmail: string;
    productName: string;
    hasKeys: boolean;
    version: string;
    language: string;
    fileType: string;
    at: string;
  },
  nextId: () => string = newId,
): unknown[][] {
  const rows: unknown[][] = [];
  const base = (operation: string, resource: string, detail: string | null) => [
    nextId(),
    link.partnerId,
    link.customerId,
    link.userId,
    link.userEmail,
    null,
    null,
    operation,
    resource,
    link.productName,
    'SUCCEEDED',
    null,
    link.at,
    detail,
  ];
  if (link.hasKeys) rows.push(base('get_software_key', `order-line:${link.lineId}`, null));
  rows.push(
    base(
      'get_software_download_link',
      `download-link:${link.id}`,
      `${link.version} · ${link.language} · ${link.fileType}`,
    ),
  );
  return rows;
}

export const ACTIVITY_COLUMNS = [
  'id',
  'partner_id',
  'customer_id',
  'user_id',
  'user_email',
  'remote_address',
  'user_agent',
  'operation',
  'resource',
  'product_name',
  'outcome',
  'failure_code',
  'at',
  'detail',
];

export const LINK_COLUMNS = [
  'id',
  'token_hash',
  'partner_id',
  'customer_id',
  'order_line_id',
  'issued_by_user_id',
  'issued_at',
  'expires_at',
  'max_downloads',
  'downloads_used',
  'revoked_at',
  'version',
  'language',
  'file_type',
];

export function insertSql(table: string, columns: readonly string[]) {
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ?`;
}

/** Seconds with one decimal, for progress lines. */
export const seconds = (startMs: number) => ((Date.now() - startMs) / 1000).toFixed(1);
