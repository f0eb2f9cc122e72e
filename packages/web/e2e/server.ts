import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface RunningServer {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts the real portal (`node ../api/dist/main.js`) on a free port with a fresh data folder,
 * waits until /healthz answers, and stops it (and removes the folder) on `stop()`. `env` adds
 * settings for this server only (e.g. WEBHOOK_ALLOW_PRIVATE for an endpoint on this machine).
 */
export async function startServer(
  webRoot: string,
  env: NodeJS.ProcessEnv = {},
): Promise<RunningServer> {
  const main = path.resolve(webRoot, '../api/dist/main.js');
  const index = path.resolve(webRoot, 'dist/index.html');
  for (const file of [main, index]) {
    if (!existsSync(file)) {
      throw new Error(
        `${file} is missing: build first (pnpm --filter @csp/api build && pnpm --filter @csp/web build, or pnpm test from the root).`,
      );
    }
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'csp-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [main], {
    cwd: webRoot,
    env: { ...process.env, ...env, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The server did not start in 60 s:\n${output}`)),
      60_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /is running at (http:\/\/localhost:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with ${code}:\n${output}`));
    });
  });

  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url}/healthz never answered:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }

  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(killer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
