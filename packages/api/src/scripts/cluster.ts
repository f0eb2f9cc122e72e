/**
 * `pnpm cluster [start|stop|status]`: a 3-node MariaDB Galera cluster on loopback, one API
 * process per node, HAProxy in front (docs/scaling.md). `start` (the default) runs in the
 * foreground until Ctrl-C or `pnpm cluster stop` from another terminal.
 *
 * Env: CLUSTER_PORT (default 4400: HAProxy; APIs on +1…+3, MariaDB on +11…+13, Galera on
 * +21…+43), CLUSTER_NODES (default 3), CLUSTER_SKIP_BUILD=1 to run the API as already built.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clusterPrerequisitesMissing, PortalCluster } from '../cluster/portal-cluster.js';
import {
  galeraProvider,
  GaleraNode,
  HAPROXY,
  MARIADBD,
  spawnOptions,
} from '../security/processes.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const STATE_FILE = path.join(tmpdir(), 'csp-cluster.json');
const BASE_PORT = Number(process.env['CLUSTER_PORT'] ?? 4400);
const NODES = Number(process.env['CLUSTER_NODES'] ?? 3);

interface State {
  supervisor: number;
  dir: string;
  url: string;
  pids: number[];
  nodes: { name: string; port: number }[];
  apis: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function readState(): State | null {
  try {
    return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as State;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A pid of ours only if it still names the cluster's folder (pids are reused). */
function ownsPid(pid: number, dir: string): boolean {
  const read = (file: string) => {
    try {
      return readFileSync(`/proc/${pid}/${file}`, 'utf8');
    } catch {
      return '';
    }
  };
  // Nodes and HAProxy name it on their command line, APIs in their environment (DATA_DIR).
  return read('cmdline').includes(dir) || read('environ').includes(dir);
}

/** The supervisor is this script. */
function isSupervisor(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('cluster');
  } catch {
    return false;
  }
}

/** Debian packages the cluster needs, installed with apt-get when missing (we run as root here). */
function installMissingPackages(): void {
  const wanted: [string, boolean][] = [
    ['mariadb-server', existsSync(MARIADBD)],
    ['galera-4', galeraProvider() !== null],
    ['rsync', existsSync('/usr/bin/rsync')],
    ['haproxy', existsSync(HAPROXY)],
  ];
  const missing = wanted.filter(([, present]) => !present).map(([name]) => name);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0)
    throw new Error(`Missing ${missing.join(', ')}: sudo apt-get install -y ${missing.join(' ')}`);
  console.log(`Installing ${missing.join(', ')} (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', ...missing],
  ]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed`);
  }
}

async function start(): Promise<void> {
  const previous = readState();
  if (previous && isAlive(previous.supervisor)) {
    console.log(`A cluster is already running at ${previous.url} (pnpm cluster stop to end it).`);
    process.exitCode = 1;
    return;
  }
  installMissingPackages();
  if (process.env['CLUSTER_SKIP_BUILD'] !== '1') {
    // turbo: a no-op when nothing changed; builds the web app too, which the API serves.
    console.log('Building (pnpm build)…');
    const result = spawnSync('pnpm', ['build', '--output-logs=errors-only'], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    });
    if (result.status !== 0) throw new Error('pnpm build failed');
  }
  const missing = clusterPrerequisitesMissing();
  if (missing.length) throw new Error(`Cannot start the cluster, missing: ${missing.join('; ')}`);

  const dir = mkdtempSync(path.join(tmpdir(), 'csp-cluster-'));
  const cluster = new PortalCluster({
    dir,
    nodes: NODES,
    ports: BASE_PORT,
    log: (line) => console.log(`  ${line}`),
  });
  let stopping: Promise<void> | null = null;
  const stop = (why: string) => {
    stopping ??= (async () => {
      console.log(`\n${why}: stopping HAProxy, the API processes, then the MariaDB nodes…`);
      await cluster.stop().catch((error: unknown) => console.log(`  stop: ${String(error)}`));
      rmSync(dir, { recursive: true, force: true });
      if (readState()?.supervisor === process.pid) rmSync(STATE_FILE, { force: true });
      console.log('Stopped; removed', dir);
      process.exit(0);
    })();
    return stopping;
  };
  process.on('SIGINT', () => void stop('Ctrl-C'));
  process.on('SIGTERM', () => void stop('pnpm cluster stop'));
  process.on('SIGHUP', () => void stop('Terminal closed'));
  spawnOptions.detached = true;

  console.log(`Starting ${NODES} Galera nodes, ${NODES} API processes and HAProxy…`);
  try {
    await cluster.start();
  } catch (error) {
    console.log(`\nThe cluster did not start: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
    await stop('Failed');
    return;
  }
  const state: State = {
    supervisor: process.pid,
    dir,
    url: cluster.url,
    pids: cluster.pids(),
    nodes: cluster.nodes.map((n) => ({ name: n.name, port: n.port })),
    apis: cluster.apis.map((a) => a.url),
  };
  writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
  console.log(`
CSP Software Portal (cluster) is running at ${cluster.url}
  ${NODES} MariaDB Galera nodes: ${cluster.nodes.map((n) => `mysql://root@127.0.0.1:${n.port}/${cluster.database}`).join(', ')}
  API processes: ${cluster.apis.map((a) => a.url).join(', ')} (logs: ${dir}/api*/api.log)
  media (shared, read-only): ${cluster.mediaDir}
  Sign in with admin.agent@contoso.example / demo-password-2026.
Ctrl-C or \`pnpm cluster stop\` stops it all.`);
  // Say so when a process dies under us (a node crashed, an API exited).
  setInterval(() => {
    const dead = [
      ...cluster.nodes.filter((n) => !n.alive).map((n) => n.name),
      ...cluster.apis.filter((a) => !a.alive).map((_, i) => `api${i + 1}`),
    ];
    if (dead.length && !stopping) console.log(`  not running: ${dead.join(', ')}`);
  }, 10_000).unref();
  await new Promise(() => undefined); // until a signal
}

async function stopCommand(): Promise<void> {
  const state = readState();
  if (!state) {
    console.log('No cluster is running.');
    return;
  }
  if (isAlive(state.supervisor) && isSupervisor(state.supervisor)) {
    process.kill(state.supervisor, 'SIGTERM');
    for (let i = 0; i < 120 && isAlive(state.supervisor); i++) await sleep(250);
  }
  // Whatever is still there (the supervisor was killed, or did not finish): end it.
  for (const pid of state.pids.filter((p) => isAlive(p) && ownsPid(p, state.dir))) {
    process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 60 && isAlive(pid); i++) await sleep(250);
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  }
  rmSync(state.dir, { recursive: true, force: true });
  rmSync(STATE_FILE, { force: true });
  console.log(`Stopped the cluster at ${state.url}.`);
}

async function status(): Promise<void> {
  const state = readState();
  if (!state || !isAlive(state.supervisor)) {
    console.log('No cluster is running (pnpm cluster to start one).');
    return;
  }
  console.log(`Cluster at ${state.url} (folder ${state.dir})`);
  for (const [i, n] of state.nodes.entries()) {
    const node = new GaleraNode(
      n.name,
      path.join(state.dir, n.name),
      { client: n.port, gmcast: 0, ist: 0, sst: 0 },
      [],
      'portal',
    );
    const s = await node.wsrepState().catch(() => null);
    const api = await fetch(`${state.apis[i]}/healthz`)
      .then((r) => r.status)
      .catch(() => 'down');
    console.log(
      `  ${n.name} 127.0.0.1:${n.port}: ${s ? `${s.state}, ready ${s.ready}, cluster size ${s.clusterSize}` : 'down'}; api${i + 1} ${state.apis[i]}: ${api}`,
    );
  }
  const lb = await fetch(`${state.url}/healthz`)
    .then((r) => `${r.status} via ${r.headers.get('x-served-by')}`)
    .catch(() => 'down');
  console.log(`  HAProxy ${state.url}/healthz: ${lb}`);
}

const command = process.argv[2] ?? 'start';
const commands: Record<string, () => Promise<void>> = { start, stop: stopCommand, status };
const run = commands[command];
if (!run) {
  console.log('Usage: pnpm cluster [start|stop|status]');
  process.exitCode = 2;
} else {
  run().catch((error: unknown) => {
    console.log(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
