import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueLink, placeOrder } from '../../test-support/actions.js';
import { createTenant } from '../../test-support/factories.js';
import {
  MYSQL_AVAILABLE,
  startHarness,
  TEST_MYSQL_URL,
  type Harness,
} from '../../test-support/harness.js';

const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/main.js');

/** Starts the built server as its own process on the shared MySQL database. */
function startServerProcess(
  mediaDir: string,
  dataDir: string,
): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        DATABASE_URL: TEST_MYSQL_URL,
        PORT: '0',
        SEED_DEMO_DATA: 'false',
        MEDIA_DIR: mediaDir,
        DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/localhost:\d+)/.exec(output);
      if (match) resolve({ child, url: match[1]!.replace('localhost', '127.0.0.1') });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server process exited with ${code}: ${output}`)));
    setTimeout(() => reject(new Error(`server process did not start: ${output}`)), 30_000).unref();
  });
}

// The embedded database belongs to one process by design (docs/decisions/001); across processes
// the exact count is MySQL's job, proven here with two real server processes.
describe.skipIf(!MYSQL_AVAILABLE)('download links across two server processes [mysql]', () => {
  let harness: Harness;
  let close: () => Promise<void>;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    if (!existsSync(MAIN))
      throw new Error(`Build the API first (pnpm --filter @csp/api build): ${MAIN} is missing`);
    const started = await startHarness('mysql');
    harness = started.harness;
    close = async () => {
      await new Promise((resolve) => started.server.close(resolve));
      await harness.db.close();
    };
  });

  afterAll(async () => {
    for (const child of children) child.kill('SIGTERM');
    await close?.();
  });

  it('D3: 200 concurrent downloads split over two processes: exactly 50 answer 200, 150 answer 410', async () => {
    const h = harness;
    h.clock.set(new Date()); // the child processes decide with the real clock
    const { admin, customer } = await createTenant(h.db);
    const order = await placeOrder(h.url, admin.token, customer.id, [
      { skuId: 'sql-server-2022-standard:1y', quantity: 1 },
    ]);
    const { token } = await issueLink(h.url, admin.token, order.lines[0]!.id);

    const servers = await Promise.all([0, 1].map(() => startServerProcess(h.mediaDir, h.mediaDir)));
    children.push(...servers.map((s) => s.child));
    const statuses = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const response = await fetch(`${servers[i % 2]!.url}/downloads/${token}`);
        await response.arrayBuffer();
        return response.status;
      }),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(50);
    expect(statuses.filter((s) => s === 410)).toHaveLength(150);
  });
});
