import 'reflect-metadata';
import { loadConfig } from './config.js';
import { openDatabase } from './data-source.js';
import { demoAccounts, DEMO_PASSWORD, seedDemoData } from './seed/demo-data.js';
import { PRODUCTS } from './seed/catalog-data.js';
import { createApp } from './server.js';
import { KeyVault } from './modules/software/key-vault.js';
import { ensureSampleMedia } from './modules/software/media.js';
import { databaseAttachmentStore } from './modules/support/attachment-store.js';
import { systemClock } from './shared/clock.js';
import { startHousekeeping } from './shared/housekeeping.js';
import { createLogger } from './shared/logger.js';

async function main() {
  const config = loadConfig();
  const logger = createLogger();
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
  });
  // Expired sessions, idle sign-in slots, abandoned uploads: cleaned from every process.
  startHousekeeping({ db, store: databaseAttachmentStore(db), clock: systemClock, logger });
  const server = app.listen(config.port, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const where = config.database.type === 'mysql' ? 'MySQL (DATABASE_URL)' : config.database.file;
    console.log(`\nCSP Software Portal is running at http://localhost:${port}`);
    console.log(`  database: ${where}${seeded ? ' (demo data loaded)' : ''}`);
    console.log(
      `  GraphQL:  http://localhost:${port}/graphql   explorer: http://localhost:${port}/explorer`,
    );
    console.log(`\nDemo accounts (password for all: ${DEMO_PASSWORD}):`);
    for (const account of demoAccounts()) {
      console.log(`  ${account.email.padEnd(36)} ${account.role.padEnd(24)} ${account.partner}`);
    }
  });
  const stop = () => {
    // A pool that the database already closed may refuse to close again: exit all the same.
    server.close(
      () =>
        void db
          .close()
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
