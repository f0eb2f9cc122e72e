/**
 * The download bench needs links whose secret tokens it knows. Only SHA-256(token) is stored (D5),
 * so the bench keeps the tokens in bench/data/link-pool.tsv and mints more rows when the pool runs
 * low (each link allows 50 downloads for 14 days, D3). A minted link is written exactly as
 * getKeysAndDownloads writes one: the link, the key (created on first reveal) and both log entries.
 */
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { KeyVault, newActivationKey } from '../src/modules/software/key-vault.js';
import {
  ACTIVITY_COLUMNS,
  DAY_MS,
  insertSql,
  issueEntries,
  LINK_COLUMNS,
  newId,
  newToken,
  readPool,
  SERVER_DATA_DIR,
  sha256Hex,
  sqlTime,
  writePool,
  type BenchMeta,
  type PoolLink,
} from './common.js';

export const LINK_MAX_DOWNLOADS = 50;

interface ProductRow extends RowDataPacket {
  id: string;
  name: string;
  has_activation_keys: number;
  download_options: string;
}

/** Usable links of the pool (not revoked, live for at least `marginMs`), with downloads left. */
export async function usablePool(conn: Connection, marginMs = 30 * 60_000) {
  const pool = readPool();
  const byId = new Map(pool.map((l) => [l.id, l]));
  const usable: { token: string; id: string; left: number }[] = [];
  for (let i = 0; i < pool.length; i += 5_000) {
    const ids = pool.slice(i, i + 5_000).map((l) => l.id);
    const [rows] = await conn.query<RowDataPacket[]>(
      `SELECT id, max_downloads - downloads_used AS left_ FROM download_links
       WHERE id IN (?) AND revoked_at IS NULL AND expires_at > ? AND downloads_used < max_downloads`,
      [ids, sqlTime(Date.now() + marginMs)],
    );
    for (const row of rows) {
      const link = byId.get(row['id'] as string)!;
      usable.push({ ...link, left: Number(row['left_']) });
    }
  }
  return usable;
}

/** Mints `count` fresh links on random active, downloadable lines of the scale partner. */
export async function mintPoolLinks(conn: Connection, meta: BenchMeta, count: number) {
  const vault = KeyVault.load(null, SERVER_DATA_DIR);
  const partner = meta.partners.scale;
  const [products] = await conn.query<ProductRow[]>(
    'SELECT id, name, has_activation_keys, download_options FROM products',
  );
  const downloadable = products
    .map((p) => ({ ...p, options: JSON.parse(p.download_options) as Options }))
    .filter((p) => p.options.versions.length > 0);
  const byProduct = new Map(downloadable.map((p) => [p.id, p]));
  const [[admin]] = await conn.query<RowDataPacket[]>(
    'SELECT id, email FROM users WHERE email = ?',
    [partner.adminAgentEmail],
  );
  const [lines] = await conn.query<RowDataPacket[]>(
    `SELECT id, customer_id, product_id FROM order_lines
     WHERE partner_id = ? AND status = 'ACTIVE' AND product_id IN (?) AND customer_id NOT IN (?)
     ORDER BY RAND() LIMIT ?`,
    [
      partner.id,
      downloadable.map((p) => p.id),
      [meta.software200.customerId, meta.software20.customerId],
      count,
    ],
  );
  const now = Date.now() - 60_000;
  const links: unknown[][] = [];
  const entries: unknown[][] = [];
  const keys: unknown[][] = [];
  const minted: PoolLink[] = [];
  for (let i = 0; i < count; i++) {
    const line = lines[i % lines.length]!;
    const product = byProduct.get(line['product_id'] as string)!;
    const o = product.options;
    const choice = {
      version: o.versions[i % o.versions.length]!,
      language: o.languages[i % o.languages.length]!,
      fileType: o.fileTypes[i % o.fileTypes.length]!,
    };
    const token = newToken();
    const id = newId();
    links.push([
      id,
      sha256Hex(token),
      partner.id,
      line['customer_id'],
      line['id'],
      admin!['id'],
      sqlTime(now),
      sqlTime(now + 14 * DAY_MS),
      LINK_MAX_DOWNLOADS,
      0,
      null,
      choice.version,
      choice.language,
      choice.fileType,
    ]);
    if (product.has_activation_keys) {
      keys.push([
        line['id'],
        partner.id,
        vault.encrypt(newActivationKey(), line['id'] as string),
        sqlTime(now),
      ]);
    }
    entries.push(
      ...issueEntries({
        id,
        partnerId: partner.id,
        customerId: line['customer_id'] as string,
        lineId: line['id'] as string,
        userId: admin!['id'] as string,
        userEmail: admin!['email'] as string,
        productName: product.name,
        hasKeys: Boolean(product.has_activation_keys),
        ...choice,
        at: sqlTime(now),
      }),
    );
    minted.push({ token, id });
  }
  for (let i = 0; i < links.length; i += 2_000) {
    await conn.query(insertSql('download_links', LINK_COLUMNS), [links.slice(i, i + 2_000)]);
  }
  for (let i = 0; i < keys.length; i += 2_000) {
    // The key is created on first reveal; a line that already has one keeps it (INSERT IGNORE).
    await conn.query(
      'INSERT IGNORE INTO activation_keys (order_line_id, partner_id, ciphertext, created_at) VALUES ?',
      [keys.slice(i, i + 2_000)],
    );
  }
  for (let i = 0; i < entries.length; i += 2_000) {
    await conn.query(insertSql('activity_log', ACTIVITY_COLUMNS), [entries.slice(i, i + 2_000)]);
  }
  writePool([...readPool(), ...minted]);
  return minted;
}

export interface Options {
  versions: string[];
  languages: string[];
  fileTypes: string[];
}
