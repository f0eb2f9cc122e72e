import 'reflect-metadata';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource, type EntityManager, type Logger as TypeOrmLogger } from 'typeorm';
import type { DatabaseConfig } from './config.js';
import { migrations } from './migrations/index.js';
import { ActivityEntryEntity } from './modules/activity/activity-entry.entity.js';
import { PartnerEntity } from './modules/auth/partner.entity.js';
import { SessionEntity } from './modules/auth/session.entity.js';
import { SignInFailureEntity } from './modules/auth/sign-in-failure.entity.js';
import { UserEntity } from './modules/auth/user.entity.js';
import { PriceEntity } from './modules/catalog/price.entity.js';
import { ProductEntity } from './modules/catalog/product.entity.js';
import { SkuEntity } from './modules/catalog/sku.entity.js';
import { CustomerEntity } from './modules/customers/customer.entity.js';
import { InvoiceLineEntity } from './modules/invoices/invoice-line.entity.js';
import { InvoiceEntity } from './modules/invoices/invoice.entity.js';
import { OrderLineEntity } from './modules/orders/order-line.entity.js';
import { OrderEntity } from './modules/orders/order.entity.js';
import { ActivationKeyEntity } from './modules/software/activation-key.entity.js';
import { DownloadLinkEntity } from './modules/software/download-link.entity.js';
import { AttachmentEntity } from './modules/support/attachment.entity.js';
import { SupportRequestEntity } from './modules/support/support-request.entity.js';
import { Mutex } from './shared/mutex.js';

export const entities = [
  PartnerEntity,
  UserEntity,
  SessionEntity,
  SignInFailureEntity,
  CustomerEntity,
  ProductEntity,
  SkuEntity,
  PriceEntity,
  OrderEntity,
  OrderLineEntity,
  InvoiceEntity,
  InvoiceLineEntity,
  ActivityEntryEntity,
  ActivationKeyEntity,
  DownloadLinkEntity,
  SupportRequestEntity,
  AttachmentEntity,
];

/** Database config for tests: the embedded engine in memory only (nothing written to disk). */
export type DatabaseTarget = DatabaseConfig | { type: 'embedded-memory' };

/**
 * The database the services use. `transaction` is the only way to write: on the embedded engine,
 * which has one connection, transactions are serialized so two requests never interleave.
 */
export class Database {
  private readonly mutex = new Mutex();

  constructor(
    readonly dataSource: DataSource,
    readonly engine: 'mysql' | 'embedded',
  ) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.engine === 'mysql') return this.dataSource.transaction(work);
    return this.mutex.run(() => this.dataSource.transaction(work));
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** Writes the embedded database atomically: a crash mid-write leaves the previous file intact. */
function saveAtomically(file: string) {
  return (data: Uint8Array) => {
    const temporary = `${file}.tmp`;
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  };
}

export async function openDatabase(
  target: DatabaseTarget,
  options: { logger?: TypeOrmLogger; runMigrations?: boolean } = {},
): Promise<Database> {
  const common = {
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    logging: options.logger ? ('all' as const) : false,
    logger: options.logger,
  };
  let dataSource: DataSource;
  if (target.type === 'mysql') {
    dataSource = new DataSource({
      ...common,
      type: 'mysql',
      url: target.url,
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      supportBigNumbers: true,
      bigNumberStrings: false,
      poolSize: 10,
      connectTimeout: 5_000,
    });
  } else if (target.type === 'embedded') {
    mkdirSync(path.dirname(target.file), { recursive: true });
    dataSource = new DataSource({
      ...common,
      type: 'sqljs',
      location: target.file,
      autoSave: true,
      autoSaveCallback: saveAtomically(target.file),
    });
  } else {
    dataSource = new DataSource({ ...common, type: 'sqljs' });
  }
  await dataSource.initialize();
  if (options.runMigrations !== false) await dataSource.runMigrations({ transaction: 'each' });
  return new Database(dataSource, target.type === 'mysql' ? 'mysql' : 'embedded');
}
