import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConnection } from 'mysql2/promise';

export const API_MAIN = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../dist/main.js',
);
export const MARIADBD = '/usr/sbin/mariadbd';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A MariaDB server of the suite's own: its own data folder and port, never the machine's shared one. */
export class OwnMariaDb {
  private child: ChildProcess | null = null;

  constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `mysql://root@127.0.0.1:${this.port}/faults`;
  }

  async init(): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    const result = spawnSync(
      'mariadb-install-db',
      [
        '--no-defaults',
        `--datadir=${this.dir}/data`,
        '--user=root',
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
      ],
      { encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`mariadb-install-db failed: ${result.stderr}`);
  }

  async start(): Promise<void> {
    this.child = spawn(
      MARIADBD,
      [
        '--no-defaults',
        `--datadir=${this.dir}/data`,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        `--socket=${this.dir}/mysqld.sock`,
        `--pid-file=${this.dir}/mysqld.pid`,
        `--log-error=${this.dir}/error.log`,
        '--user=root',
        '--skip-grant-tables', // a throwaway server on loopback, for this suite only
      ],
      { stdio: 'ignore' },
    );
    for (let i = 0; i < 100; i++) {
      try {
        const connection = await createConnection({
          host: '127.0.0.1',
          port: this.port,
          user: 'root',
        });
        await connection.query('CREATE DATABASE IF NOT EXISTS faults');
        await connection.end();
        return;
      } catch {
        await sleep(200);
      }
    }
    throw new Error(
      `MariaDB did not start: ${existsSync(`${this.dir}/error.log`) ? readFileSync(`${this.dir}/error.log`, 'utf8').slice(-500) : ''}`,
    );
  }

  /** A clean shutdown (SIGTERM), waiting until the process is gone. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
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
    const connection = await createConnection({ uri: this.url });
    try {
      const [rows] = await connection.query(sql, params);
      return rows as T;
    } finally {
      await connection.end();
    }
  }
}

/** The real API as its own process. */
export class ApiProcess {
  child: ChildProcess | null = null;
  url = '';
  output = '';

  constructor(private readonly env: Record<string, string>) {}

  start(): Promise<void> {
    this.output = '';
    this.url = '';
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [API_MAIN], {
        env: { ...process.env, PORT: '0', ...this.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      this.child = child;
      const timer = setTimeout(
        () => reject(new Error(`API did not start: ${this.output.slice(-1000)}`)),
        60_000,
      );
      child.stdout!.on('data', (chunk: Buffer) => {
        this.output += chunk.toString();
        const match = /running at (http:\/\/localhost:\d+)/.exec(this.output);
        if (match && !this.url) {
          this.url = match[1]!.replace('localhost', '127.0.0.1');
          clearTimeout(timer);
          resolve();
        }
      });
      child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
      child.once('exit', (code) => {
        if (!this.url) reject(new Error(`API exited with ${code}: ${this.output.slice(-1000)}`));
      });
    });
  }

  get alive(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || !this.alive) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
    this.url = '';
  }
}
