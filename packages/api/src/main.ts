import 'reflect-metadata';
import { chmodSync, mkdirSync } from 'node:fs';
import { loadConfig } from './config.js';
import { openDatabase } from './data-source.js';
import { demoAccounts, DEMO_PASSWORD, seedDemoData } from './seed/demo-data.js';
import { PRODUCTS } from './seed/catalog-data.js';
import { createApp } from './server.js';
import { KeyVault } from './modules/software/key-vault.js';
import { ensureSampleMedia } from './modules/software/media.js';
import { databaseAttachmentStore } from './modules/support/attachment-store.js';
import { systemClock } from './shared/clock.js';
import { startHousekeeping } from './housekeeping.js';
import { createLogger } from './shared/logger.js';
import { webhookConfig } from './modules/webhooks/webhook-config.js';
import { WebhookWorker } from './modules/webhooks/worker.js';

async function main() {
  const config = loadConfig();
  const logger = createLogger();
  // The embedded database, the generated key secret and uploads: readable by this user only.
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  chmodSync(config.dataDir, 0o700);
  const db = await openDatabase(config.database);
  const seeded = config.seedDemoData ? await seedDemoData(db, systemClock.now()) : false;
  // Demo media: a small sample file for every download option, so demo links download real bytes.
  if (config.seedDemoData) ensureSampleMedia(config.mediaDir, PRODUCTS);
  const vault = KeyVault.load(config.activationKeySecret, config.dataDir);
  const { app } = await createApp({
    db,
    clock: systemClock,
    logger,
    vault,
    mediaDir: config.mediaDir,
    production: config.production,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    executor: config.graphqlExecutor,
  });
  // Expired sessions, idle sign-in slots, abandoned uploads: cleaned from every process.
  startHousekeeping({ db, store: databaseAttachmentStore(db), clock: systemClock, logger });
  // W2: every process delivers the outbox; leases in the database keep them from colliding.
  const hooks = webhookConfig();
  const worker = hooks.worker
    ? new WebhookWorker({ db, clock: systemClock, vault, logger, ...hooks }).start()
    : null;
  const server = app.listen(config.port, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const where = config.database.type === 'mysql' ? 'MySQL (DATABASE_URL)' : config.database.file;
    console.log(`\nCSP Software Portal is running at http://localhost:${port}`);
    if (config.publicUrl) console.log(`  public address (download links): ${config.publicUrl}`);
    console.log(`  database: ${where}${seeded ? ' (demo data loaded)' : ''}`);
    console.log(
      `  GraphQL:  http://localhost:${port}/graphql   explorer: http://localhost:${port}/explorer`,
    );
    // The demo password is in the README; a production log is no place for a password.
    if (!seeded && config.production) return;
    if (config.production) {
      console.log('\nDemo accounts loaded (their password is in the README).');
      return;
    }
    console.log(`\nDemo accounts (password for all: ${DEMO_PASSWORD}):`);
    for (const account of demoAccounts()) {
      console.log(`  ${account.email.padEnd(36)} ${account.role.padEnd(24)} ${account.partner}`);
    }
  });
  const stop = () => {
    // A pool that the database already closed may refuse to close again: exit all the same.
    server.close(
      () =>
        void Promise.resolve(worker?.stop())
          .then(() => db.close())
          .catch(() => undefined)
          .finally(() => process.exit(0)),
    );
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('The portal could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
