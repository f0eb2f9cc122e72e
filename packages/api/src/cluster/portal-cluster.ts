import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  API_MAIN,
  ApiProcess,
  freePort,
  galeraProvider,
  GaleraNode,
  HAPROXY,
  HaProxy,
  MARIADBD,
  type GaleraPorts,
} from '../security/processes.js';

/** What a cluster needs on the machine; empty when everything is there. */
export function clusterPrerequisitesMissing(): string[] {
  const missing: string[] = [];
  if (!existsSync(MARIADBD)) missing.push(`${MARIADBD} (apt-get install mariadb-server)`);
  if (!galeraProvider()) missing.push('the Galera provider (apt-get install galera-4)');
  if (!existsSync('/usr/bin/rsync'))
    missing.push('rsync, for state transfers (apt-get install rsync)');
  if (!existsSync(HAPROXY)) missing.push(`${HAPROXY} (apt-get install haproxy)`);
  if (!existsSync(API_MAIN)) missing.push(`the built API (${API_MAIN}: pnpm build)`);
  return missing;
}

export interface PortalClusterOptions {
  /** Everything lives under this folder: data directories, config files, logs, media. */
  dir: string;
  /** Galera nodes, each with one API process on it (default 3). */
  nodes?: number;
  /**
   * `free`: ports the OS picks (tests, benches: never collide). A number: fixed ports from it,
   * so a developer's URL stays the same: HAProxy on it, APIs on +1…, MariaDB nodes on +11…,
   * group communication on +21…, IST on +31…, SST on +41….
   */
  ports?: 'free' | number;
  database?: string;
  /** Progress lines, for the command line. */
  log?: (line: string) => void;
  /** Extra environment for every API process. */
  apiEnv?: Record<string, string>;
}

/**
 * A MariaDB Galera cluster on loopback, one API process per node (each on its own node's
 * DATABASE_URL), and HAProxy in front, round-robin with health checks.
 */
export class PortalCluster {
  readonly dir: string;
  readonly database: string;
  readonly nodes: GaleraNode[] = [];
  readonly apis: ApiProcess[] = [];
  haproxy: HaProxy | null = null;
  /** The shared, read-only download media every API process serves from. */
  readonly mediaDir: string;
  /** Which path HAProxy checks: /readyz (answers whether the database does) when the API has it. */
  checkPath = '/healthz';
  private apiPorts: number[] = [];
  private haproxyPort = 0;
  private readonly log: (line: string) => void;

  constructor(private readonly options: PortalClusterOptions) {
    this.dir = options.dir;
    this.database = options.database ?? 'portal';
    this.mediaDir = path.join(this.dir, 'media');
    this.log = options.log ?? (() => undefined);
  }

  get url(): string {
    return this.haproxy?.url ?? '';
  }

  /** The secret every process encrypts activation keys with (D6): one for the whole cluster. */
  private activationKeySecret(): string {
    const file = path.join(this.dir, 'activation-keys.secret');
    const secret = randomBytes(32).toString('base64');
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }

  private async allocatePorts(count: number): Promise<{
    haproxy: number;
    apis: number[];
    nodes: GaleraPorts[];
  }> {
    const base = this.options.ports ?? 'free';
    const pick = async (offset: number) => (base === 'free' ? freePort() : base + offset);
    const nodes: GaleraPorts[] = [];
    const apis: number[] = [];
    for (let i = 0; i < count; i++) {
      nodes.push({
        client: await pick(11 + i),
        gmcast: await pick(21 + i),
        ist: await pick(31 + i),
        sst: await pick(41 + i),
      });
      // The APIs listen on a port the OS picks when ports are free (PORT=0).
      apis.push(base === 'free' ? 0 : base + 1 + i);
    }
    return { haproxy: await pick(0), apis, nodes };
  }

  async start(): Promise<void> {
    const count = this.options.nodes ?? 3;
    mkdirSync(this.dir, { recursive: true });
    const ports = await this.allocatePorts(count);
    this.apiPorts = ports.apis;
    this.haproxyPort = ports.haproxy;
    const members = ports.nodes.map((p) => p.gmcast);
    for (let i = 0; i < count; i++) {
      const node = new GaleraNode(
        `node${i + 1}`,
        path.join(this.dir, `node${i + 1}`),
        ports.nodes[i]!,
        members,
        this.database,
      );
      this.nodes.push(node);
    }
    this.log(`initialising ${count} MariaDB data directories under ${this.dir}`);
    // The first node gets system tables; the others start empty and receive a full state
    // transfer from it. rsync's receiving daemon runs as `nobody` when started by root: it must
    // reach the joiners' data directories (GaleraNode hands them over).
    chmodSync(this.dir, 0o755);
    await this.nodes[0]!.init();
    for (const node of this.nodes.slice(1))
      mkdirSync(path.join(node.dir, 'data'), { recursive: true });
    for (const [i, node] of this.nodes.entries()) {
      node.writeConfig();
      node.bootstrap = i === 0;
      const started = Date.now();
      await node.start();
      this.log(
        `${node.name} Synced on 127.0.0.1:${node.port}${i === 0 ? ' (bootstrapped the cluster)' : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    }

    const secret = this.activationKeySecret();
    for (const [i, node] of this.nodes.entries()) {
      const dataDir = path.join(this.dir, `api${i + 1}`);
      mkdirSync(dataDir, { recursive: true });
      this.apis.push(
        new ApiProcess(
          {
            DATABASE_URL: node.url,
            PORT: String(this.apiPorts[i]),
            DATA_DIR: dataDir,
            MEDIA_DIR: this.mediaDir,
            ACTIVATION_KEY_SECRET: secret,
            // Behind HAProxy: links point at it, and its X-Forwarded-For names the caller (D7).
            PUBLIC_URL: `http://127.0.0.1:${this.haproxyPort}`,
            TRUST_PROXY: 'loopback',
            // One process migrates and seeds (the demo media too), alone; the others start on a
            // ready database and only read the media folder.
            SEED_DEMO_DATA: i === 0 ? 'true' : 'false',
            ...this.options.apiEnv,
          },
          path.join(dataDir, 'api.log'),
        ),
      );
    }
    await this.apis[0]!.start();
    this.log(`api1 on ${this.apis[0]!.url} (node1; migrated and seeded)`);
    await Promise.all(this.apis.slice(1).map((api) => api.start()));
    for (const [i, api] of this.apis.entries())
      if (i > 0) this.log(`api${i + 1} on ${api.url} (node${i + 1})`);

    // A JSON answer: where /readyz does not exist, the web app's fallback answers 200 in HTML.
    const readyz = await fetch(`${this.apis[0]!.url}/readyz`).catch(() => null);
    this.checkPath =
      readyz?.status === 200 && readyz.headers.get('content-type')?.includes('json')
        ? '/readyz'
        : '/healthz';
    this.haproxy = new HaProxy(
      path.join(this.dir, 'haproxy'),
      this.haproxyPort,
      this.apis.map((api, i) => ({ name: `api${i + 1}`, port: api.port })),
      this.checkPath,
    );
    await this.haproxy.start();
    this.log(`HAProxy on ${this.haproxy.url} (round-robin, checks ${this.checkPath})`);
  }

  /** Every process this cluster started, for a `stop` from another terminal. */
  pids(): number[] {
    return [
      this.haproxy?.pid,
      ...this.apis.map((a) => a.child?.pid),
      ...this.nodes.map((n) => n.pid),
    ].filter((pid): pid is number => typeof pid === 'number');
  }

  /** HAProxy first, then the APIs, then the nodes, last node first. */
  async stop(): Promise<void> {
    await this.haproxy?.stop();
    await Promise.all(this.apis.map((api) => api.kill('SIGTERM')));
    for (const node of [...this.nodes].reverse()) await node.stop();
  }
}
