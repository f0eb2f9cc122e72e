import path from 'node:path';

export type DatabaseConfig = { type: 'mysql'; url: string } | { type: 'embedded'; file: string };

export interface Config {
  readonly port: number;
  readonly database: DatabaseConfig;
  /** Where the embedded database, generated keys and uploads live. */
  readonly dataDir: string;
  /** Where the files served through download links live (one per product, version, language, type). */
  readonly mediaDir: string;
  /** Base64 of 32 bytes: the AES-256-GCM key for activation keys at rest (D6). Null: generated into dataDir. */
  readonly activationKeySecret: string | null;
  readonly production: boolean;
  /** Load the demo data into an empty database at start (SEED_DEMO_DATA=false to skip). */
  readonly seedDemoData: boolean;
  /** PUBLIC_URL without a trailing slash: the address in the download links handed out. Null: http://localhost:<port>. */
  readonly publicUrl: string | null;
  /** TRUST_PROXY, as Express's `trust proxy`: false (default) believes no X-Forwarded-* header. */
  readonly trustProxy: boolean | number | string;
  /** GRAPHQL_EXECUTOR: `compiled` (default, graphql-jit) or `graphql-js` (decision 024). */
  readonly graphqlExecutor: 'compiled' | 'graphql-js';
}

function parsePublicUrl(value: string | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`PUBLIC_URL must be an absolute http(s) address, got "${text}"`);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash || url.username) {
    throw new Error(`PUBLIC_URL must be an absolute http(s) address, got "${text}"`);
  }
  return url.href.replace(/\/+$/, '');
}

/** "true", a number of proxy hops, or addresses / subnets / loopback as Express reads them. */
function parseTrustProxy(value: string | undefined): boolean | number | string {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[\w.:/, -]+$/.test(text)) {
    throw new Error(
      `TRUST_PROXY must be true, a number of hops, or addresses such as "loopback, 10.0.0.0/8", got "${text}"`,
    );
  }
  return text;
}

function parseExecutor(value: string | undefined): Config['graphqlExecutor'] {
  const text = value?.trim() || 'compiled';
  if (text !== 'compiled' && text !== 'graphql-js') {
    throw new Error(`GRAPHQL_EXECUTOR must be compiled or graphql-js, got "${text}"`);
  }
  return text;
}

/** Reads configuration from the environment; refuses bad values with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const port = env['PORT'] ? Number(env['PORT']) : 4000;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be a port number (0–65535), got "${env['PORT']}"`);
  }
  const dataDir = path.resolve(cwd, env['DATA_DIR'] ?? 'data');
  const url = env['DATABASE_URL']?.trim();
  let database: DatabaseConfig;
  if (url) {
    if (!/^mysql:\/\//.test(url)) {
      throw new Error(
        'DATABASE_URL must start with mysql:// (leave it unset for the embedded database)',
      );
    }
    database = { type: 'mysql', url };
  } else {
    database = { type: 'embedded', file: path.join(dataDir, 'portal.sqlite') };
  }
  const secret = env['ACTIVATION_KEY_SECRET']?.trim() || null;
  if (secret && Buffer.from(secret, 'base64').length !== 32) {
    throw new Error(
      'ACTIVATION_KEY_SECRET must be 32 random bytes in base64 (openssl rand -base64 32)',
    );
  }
  return {
    port,
    database,
    dataDir,
    mediaDir: path.resolve(cwd, env['MEDIA_DIR'] ?? path.join(dataDir, 'media')),
    activationKeySecret: secret,
    production: env['NODE_ENV'] === 'production',
    seedDemoData: env['SEED_DEMO_DATA'] !== 'false',
    publicUrl: parsePublicUrl(env['PUBLIC_URL']),
    trustProxy: parseTrustProxy(env['TRUST_PROXY']),
    graphqlExecutor: parseExecutor(env['GRAPHQL_EXECUTOR']),
  };
}
