import { spawn, type ChildProcess } from 'node:child_process';
import {
  appendFileSync,
  chownSync,
  existsSync,
  lchownSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConnection } from 'mysql2/promise';

export const API_MAIN = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../dist/main.js',
);
export const MARIADBD = '/usr/sbin/mariadbd';
export const HAPROXY = '/usr/sbin/haproxy';
/** Debian's galera-4 puts the provider in one of these (`dpkg -L galera-4`). */
const GALERA_PROVIDERS = ['/usr/lib/galera/libgalera_smm.so', '/usr/lib/libgalera_smm.so'];

export function galeraProvider(): string | null {
  return GALERA_PROVIDERS.find((file) => existsSync(file)) ?? null;
}

/**
 * `detached`: every process in a process group of its own, so that a Ctrl-C in the terminal
 * reaches only the script that started them, which then stops them in order (`pnpm cluster`).
 */
export const spawnOptions = { detached: false };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A TCP port free on loopback right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Waits for a child process to be gone; sends `signal` first unless it is already gone. */
async function endChild(child: ChildProcess | null, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

/** Debian's `nobody` and `nogroup`: rsync's receiving daemon runs as them when started by root. */
export const NOBODY = 65_534;

function chownTree(dir: string, id: number): void {
  if (!existsSync(dir)) return;
  chownSync(dir, id, id);
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' }))
    lchownSync(path.join(dir, entry), id, id);
}

/** A MariaDB server of the suite's own: its own data folder and port, never the machine's shared one. */
export class OwnMariaDb {
  protected child: ChildProcess | null = null;

  constructor(
    readonly dir: string,
    readonly port: number,
    readonly database = 'faults',
  ) {}

  get url(): string {
    return `mysql://root@127.0.0.1:${this.port}/${this.database}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get alive(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async init(): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    // Asynchronous, so that several servers can be initialised at once.
    const child = spawn(
      'mariadb-install-db',
      [
        '--no-defaults',
        `--datadir=${this.dir}/data`,
        '--user=root',
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`mariadb-install-db failed: ${stderr}`);
  }

  protected serverArgs(): string[] {
    return [
      '--no-defaults',
      `--datadir=${this.dir}/data`,
      `--port=${this.port}`,
      '--bind-address=127.0.0.1',
      `--socket=${this.dir}/mysqld.sock`,
      `--pid-file=${this.dir}/mysqld.pid`,
      `--log-error=${this.dir}/error.log`,
      '--user=root',
      '--skip-grant-tables', // a throwaway server on loopback, for this suite only
    ];
  }

  /** The end of the server's error log, for failure messages. */
  errorLog(chars = 800): string {
    const file = `${this.dir}/error.log`;
    return existsSync(file) ? readFileSync(file, 'utf8').slice(-chars) : '';
  }

  async start(timeoutMs = 20_000): Promise<void> {
    const child = spawn(MARIADBD, this.serverArgs(), { stdio: 'ignore', ...spawnOptions });
    this.child = child;
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (!this.alive) break;
      try {
        const connection = await createConnection({
          host: '127.0.0.1',
          port: this.port,
          user: 'root',
        });
        try {
          await connection.query(`CREATE DATABASE IF NOT EXISTS \`${this.database}\``);
        } finally {
          await connection.end();
        }
        return;
      } catch {
        await sleep(200);
      }
    }
    throw new Error(`MariaDB on port ${this.port} did not start: ${this.errorLog()}`);
  }

  /** A clean shutdown (SIGTERM), waiting until the process is gone. */
  async stop(): Promise<void> {
    await endChild(this.child, 'SIGTERM');
    this.child = null;
  }

  /** A crash (SIGKILL): no shutdown at all. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    await endChild(this.child, signal);
    this.child = null;
  }

  /** SIGSTOP: the server keeps its sockets open but answers nothing, like a hung host. */
  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  resume(): void {
    this.child?.kill('SIGCONT');
  }

  async query<T>(sql: string, params: unknown[] = []): Promise<T> {
    const connection = await createConnection({ uri: this.url, timezone: 'Z' });
    try {
      const [rows] = await connection.query(sql, params);
      return rows as T;
    } finally {
      await connection.end();
    }
  }
}

export interface GaleraPorts {
  /** MySQL clients. */
  client: number;
  /** Group communication (gmcast.listen_addr): what `wsrep_cluster_address` lists. */
  gmcast: number;
  /** Incremental state transfer, received when a node rejoins (ist.recv_addr). */
  ist: number;
  /** Full state transfer (rsync), received when a node joins with no usable state. */
  sst: number;
}

/**
 * One node of a MariaDB Galera cluster on loopback: its own data folder, config file and ports.
 * The first node of a new cluster starts with `--wsrep-new-cluster`; the others join it.
 */
export class GaleraNode extends OwnMariaDb {
  /** Set for the node that bootstraps a new cluster, and only for its first start. */
  bootstrap = false;
  /** Where a node that crashed resumes (uuid:seqno), so that it rejoins by IST, not a full copy. */
  private startPosition: string | null = null;

  constructor(
    readonly name: string,
    dir: string,
    readonly ports: GaleraPorts,
    /** The gmcast ports of every node of the cluster, this one included. */
    private readonly members: number[],
    database: string,
  ) {
    super(dir, ports.client, database);
  }

  get configFile(): string {
    return path.join(this.dir, 'my.cnf');
  }

  writeConfig(): void {
    const provider = galeraProvider();
    if (!provider) throw new Error('No Galera provider: apt-get install galera-4');
    const { client, gmcast, ist, sst } = this.ports;
    const options = [
      `gmcast.listen_addr=tcp://127.0.0.1:${gmcast}`,
      `ist.recv_addr=127.0.0.1:${ist}`,
      'gcache.size=128M',
      // A killed node is noticed in about a second rather than five: while a member is
      // suspected, the group holds every commit, and the API answers within 2 s (E5).
      'evs.keepalive_period=PT0.3S',
      'evs.inactive_check_period=PT0.3S',
      'evs.suspect_timeout=PT1.5S',
      'evs.inactive_timeout=PT3S',
      'evs.install_timeout=PT3S',
      'pc.wait_prim_timeout=PT10S',
    ].join(';');
    writeFileSync(
      this.configFile,
      `[mysqld]
datadir=${this.dir}/data
port=${client}
bind-address=127.0.0.1
socket=${this.dir}/mysqld.sock
pid-file=${this.dir}/mysqld.pid
log-error=${this.dir}/error.log
user=root
# A throwaway server on loopback for development and tests only.
skip-grant-tables
skip-name-resolve
performance_schema=OFF
innodb_buffer_pool_size=64M
innodb_log_file_size=32M
# Durability comes from the other nodes holding the write set; fsync per commit is not needed.
innodb_flush_log_at_trx_commit=2
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
wsrep_on=ON
wsrep_provider=${provider}
wsrep_cluster_name=csp-portal
wsrep_cluster_address=gcomm://${this.members.map((p) => `127.0.0.1:${p}`).join(',')}
wsrep_node_name=${this.name}
wsrep_node_address=127.0.0.1
wsrep_node_incoming_address=127.0.0.1:${client}
wsrep_provider_options="${options}"
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:${sst}
# Causal reads: a read on one node sees every write committed on any node before it began.
wsrep_sync_wait=1
wsrep_slave_threads=2

[sst]
# rsync SST needs nothing else on loopback.
`,
    );
  }

  protected override serverArgs(): string[] {
    return [
      `--defaults-file=${this.configFile}`,
      ...(this.bootstrap ? ['--wsrep-new-cluster'] : []),
      ...(this.startPosition ? [`--wsrep_start_position=${this.startPosition}`] : []),
    ];
  }

  /**
   * After a crash the node's saved state says "unknown" (seqno -1): what mysqld_safe's
   * galera_recovery does, read the last committed position from InnoDB (`--wsrep-recover`).
   */
  private async recoverPosition(): Promise<void> {
    this.startPosition = null;
    const grastate = path.join(this.dir, 'data', 'grastate.dat');
    if (!existsSync(grastate) || !/seqno:\s+-1/.test(readFileSync(grastate, 'utf8'))) return;
    const log = path.join(this.dir, 'recover.log');
    const child = spawn(
      MARIADBD,
      [`--defaults-file=${this.configFile}`, '--wsrep-recover', `--log-error=${log}`],
      { stdio: 'ignore' },
    );
    await new Promise((resolve) => child.once('exit', resolve));
    const found = existsSync(log)
      ? /Recovered position:\s+(\S+:-?\d+)/.exec(readFileSync(log, 'utf8'))
      : null;
    if (found && !found[1]!.endsWith(':-1')) this.startPosition = found[1]!;
  }

  /** Starts the node and waits until it is Synced with the cluster and accepts queries. */
  override async start(timeoutMs = 60_000): Promise<void> {
    if (!existsSync(this.configFile)) this.writeConfig();
    const until = Date.now() + timeoutMs;
    if (!this.bootstrap) {
      await this.recoverPosition();
      // A full state transfer (rsync) writes as `nobody` when started by root.
      chownTree(path.join(this.dir, 'data'), NOBODY);
    }
    await super.start(timeoutMs);
    while (Date.now() < until) {
      if (!this.alive) break;
      const state = await this.wsrepState().catch(() => null);
      if (state?.ready && state.state === 'Synced') {
        this.bootstrap = false;
        return;
      }
      await sleep(200);
    }
    throw new Error(`Galera node ${this.name} did not reach Synced: ${this.errorLog()}`);
  }

  async wsrepState(): Promise<{ state: string; ready: boolean; clusterSize: number }> {
    const connection = await createConnection({
      host: '127.0.0.1',
      port: this.port,
      user: 'root',
      connectTimeout: 2_000,
    });
    try {
      const [rows] = await connection.query(
        "SHOW STATUS WHERE Variable_name IN ('wsrep_local_state_comment', 'wsrep_ready', 'wsrep_cluster_size')",
      );
      const status = new Map(
        (rows as { Variable_name: string; Value: string }[]).map((r) => [r.Variable_name, r.Value]),
      );
      return {
        state: status.get('wsrep_local_state_comment') ?? '',
        ready: status.get('wsrep_ready') === 'ON',
        clusterSize: Number(status.get('wsrep_cluster_size') ?? 0),
      };
    } finally {
      await connection.end();
    }
  }
}

/** The real API as its own process. */
export class ApiProcess {
  child: ChildProcess | null = null;
  url = '';
  /** The end of what the process printed (bounded: a long-running process prints a lot). */
  output = '';

  constructor(
    private readonly env: Record<string, string>,
    /** Where everything the process prints goes too, when set. */
    private readonly logFile?: string,
  ) {}

  private record(chunk: Buffer): void {
    this.output = (this.output + chunk.toString()).slice(-20_000);
    if (this.logFile) appendFileSync(this.logFile, chunk);
  }

  start(): Promise<void> {
    this.output = '';
    this.url = '';
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [API_MAIN], {
        env: { ...process.env, PORT: '0', ...this.env },
        stdio: ['ignore', 'pipe', 'pipe'],
        ...spawnOptions,
      });
      this.child = child;
      const timer = setTimeout(
        () => reject(new Error(`API did not start: ${this.output.slice(-1000)}`)),
        60_000,
      );
      child.stdout!.on('data', (chunk: Buffer) => {
        this.record(chunk);
        const match = /running at (http:\/\/localhost:\d+)/.exec(this.output);
        if (match && !this.url) {
          this.url = match[1]!.replace('localhost', '127.0.0.1');
          clearTimeout(timer);
          resolve();
        }
      });
      child.stderr!.on('data', (chunk: Buffer) => this.record(chunk));
      child.once('exit', (code) => {
        clearTimeout(timer);
        if (!this.url) reject(new Error(`API exited with ${code}: ${this.output.slice(-1000)}`));
      });
    });
  }

  get alive(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  get port(): number {
    return this.url ? Number(new URL(this.url).port) : 0;
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || !this.alive) return;
    await endChild(child, signal);
    this.url = '';
  }
}

/**
 * HAProxy (Debian's package) in front of API processes: round-robin, each backend checked over
 * HTTP every 500 ms and taken out after two failed checks. Every answer says which backend
 * served it (`X-Served-By`), so a test can see the spread.
 */
export class HaProxy {
  private child: ChildProcess | null = null;
  output = '';

  constructor(
    readonly dir: string,
    readonly port: number,
    readonly backends: { name: string; port: number }[],
    readonly checkPath = '/healthz',
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get configFile(): string {
    return path.join(this.dir, 'haproxy.cfg');
  }

  writeConfig(): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(
      this.configFile,
      `global
  maxconn 4096

defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout http-keep-alive 10s
  # A check may be slow on a busy machine: a slow answer is not a dead backend.
  timeout check 2s

frontend portal
  bind 127.0.0.1:${this.port}
  # The API trusts X-Forwarded-For from loopback: the caller's address reaches the log (D7).
  option forwardfor
  default_backend api

backend api
  balance roundrobin
  # A new connection to the process per request: an idle kept-alive one that Node closes just as
  # HAProxy reuses it would drop the client's request ("other side closed"). Loopback connects
  # cost next to nothing.
  option http-server-close
  option httpchk GET ${this.checkPath}
  http-check expect status 200
  default-server inter 1s fastinter 500ms downinter 1s fall 2 rise 2
  http-response set-header X-Served-By %s
${this.backends.map((b) => `  server ${b.name} 127.0.0.1:${b.port} check`).join('\n')}
`,
    );
  }

  async start(timeoutMs = 15_000): Promise<void> {
    this.writeConfig();
    const child = spawn(HAPROXY, ['-db', '-f', this.configFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...spawnOptions,
    });
    this.child = child;
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-5_000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (child.exitCode !== null) break;
      const ok = await fetch(`${this.url}${this.checkPath}`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return;
      await sleep(200);
    }
    throw new Error(`HAProxy did not start: ${this.output}`);
  }

  async stop(): Promise<void> {
    await endChild(this.child, 'SIGTERM');
    this.child = null;
  }
}
