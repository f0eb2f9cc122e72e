import path from 'node:path';

export type DatabaseConfig = { type: 'mysql'; url: string } | { type: 'embedded'; file: string };

export interface Config {
  readonly port: number;
  readonly database: DatabaseConfig;
  /** Where the embedded database, generated keys and uploads live. */
  readonly dataDir: string;
  readonly production: boolean;
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
  return { port, database, dataDir, production: env['NODE_ENV'] === 'production' };
}
