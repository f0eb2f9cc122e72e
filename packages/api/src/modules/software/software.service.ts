import {
  isOfferedChoice,
  LINK_MAX_DOWNLOADS,
  linkExpiresAt,
  linkState,
  type DownloadChoice,
} from '@csp/domain';
import type { EntityManager } from 'typeorm';
import type { Database } from '../../data-source.js';
import { authorize, type Actor, type SecretBox } from '../../shared/context.js';
import { fail, notFound } from '../../shared/errors.js';
import { newId, newSecretToken, sha256Hex } from '../../shared/ids.js';
import { LINE_COLUMNS, lineOfRow } from '../orders/order-rows.js';
import { forPartner } from '../../shared/tenancy.js';
import { recordSuccess, withRefusalLog } from '../activity/activity.service.js';
import { ProductEntity } from '../catalog/product.entity.js';
import { OrderLineEntity } from '../orders/order-line.entity.js';
import { ActivationKeyEntity } from './activation-key.entity.js';
import { DownloadLinkEntity } from './download-link.entity.js';
import { newActivationKey } from './key-vault.js';
import { linkOfRow } from './link-rows.js';

/**
 * D1, the Software tab's hot read: the customer's lines as plain rows (issue 13: no entity
 * hydration). The customer was found for this partner by the parent field; the scope stays here.
 */
export async function linesOfCustomer(
  db: Database,
  partnerId: string,
  customerId: string,
): Promise<OrderLineEntity[]> {
  const rows = await forPartner(db.manager, partnerId).rows(
    `SELECT ${LINE_COLUMNS} FROM order_lines
     WHERE partner_id = :partnerId AND customer_id = :customerId
     ORDER BY purchased_at DESC, order_id ASC, line_number ASC`,
    { customerId },
  );
  return rows.map(lineOfRow);
}

/** D4: the live links of some lines: not revoked, not expired, downloads left (plain rows). */
export async function liveLinksOfLines(
  db: Database,
  partnerId: string,
  lineIds: readonly string[],
  now: Date,
): Promise<DownloadLinkEntity[]> {
  if (lineIds.length === 0) return [];
  const rows = await forPartner(db.manager, partnerId).rows(
    `SELECT id, partner_id, customer_id, order_line_id, issued_by_user_id, issued_at, expires_at,
       max_downloads, downloads_used, version, language, file_type
     FROM download_links
     WHERE partner_id = :partnerId AND order_line_id IN (:lineIds) AND revoked_at IS NULL
       AND expires_at > :now AND downloads_used < max_downloads
     ORDER BY issued_at DESC, id ASC`,
    { lineIds: [...lineIds], now },
  );
  // Neither the hash (D5) nor revoked_at is selected: the mapper leaves '' and null.
  const links = rows.map(linkOfRow);

  // The query narrows; the domain's rule decides.
  return links.filter((link) => linkState(link, now) === 'ACTIVE');
}

/**
 * D8: inside the caller's transaction `m`, every key and link of these lines stops working at
 * `now` (those already revoked keep their first time).
 */
export async function revokeLines(
  m: EntityManager,
  lineIds: readonly string[],
  now: Date,
): Promise<void> {
  if (lineIds.length === 0) return;
  const ids = [...lineIds];
  for (const entity of [DownloadLinkEntity, ActivationKeyEntity]) {
    await m
      .createQueryBuilder()
      .update(entity)
      .set({ revokedAt: now })
      .where('order_line_id IN (:...ids)', { ids })
      .andWhere('revoked_at IS NULL')
      .execute();
  }
}

export interface KeysAndDownloads {
  line: OrderLineEntity;
  product: ProductEntity;
  activationKey: string | null;
  link: DownloadLinkEntity | null;
  /** The link's secret token: returned once, here, and never stored (D5). */
  token: string | null;
}

/**
 * D8, X1: inside a delivering transaction, marks the line as delivering if it is still active. The
 * cancellation writes the same row, so whichever commits second sees the other (a row lock on one
 * node, a certification conflict retried by the transaction helper on a cluster).
 */
async function claimActiveLine(m: EntityManager, line: OrderLineEntity): Promise<void> {
  const claimed = await m
    .createQueryBuilder()
    .update(OrderLineEntity)
    .set({ deliveries: () => 'deliveries + 1' })
    .where('id = :id AND partner_id = :partnerId AND status = :active', {
      id: line.id,
      partnerId: line.partnerId,
      active: 'ACTIVE',
    })
    .execute();
  if (claimed.affected !== 1) {
    const now = await m.findOneByOrFail(OrderLineEntity, { id: line.id });
    fail('ALREADY_CANCELLED', { cancelledAt: now.cancelledAt?.toISOString() });
  }
}

/** D6: the line's activation key, created on first reveal (insert-or-ignore, so racing reveals agree). */
async function activationKeyOf(
  m: EntityManager,
  vault: SecretBox,
  line: OrderLineEntity,
  now: Date,
): Promise<ActivationKeyEntity> {
  await m
    .createQueryBuilder()
    .insert()
    .into(ActivationKeyEntity)
    .values({
      orderLineId: line.id,
      partnerId: line.partnerId,
      ciphertext: vault.encrypt(newActivationKey(), line.id),
      createdAt: now,
      revokedAt: null,
    })
    .orIgnore()
    .execute();
  const stored = await m.findOneByOrFail(ActivationKeyEntity, { orderLineId: line.id });
  if (stored.revokedAt) fail('LINK_REVOKED');
  return stored;
}

/**
 * D2–D6: for a line and a chosen version, language and file type: the activation key (where the
 * product has one) and a fresh download link with its own 14 days and 50 downloads. Admin agents
 * only (R3). Every reveal and issue is logged in the same transaction (A1); refusals as failed.
 */
export async function getKeysAndDownloads(
  db: Database,
  vault: SecretBox,
  actorOrNull: Actor | null,
  input: { lineId: string; choice: DownloadChoice | null },
  now: Date,
): Promise<KeysAndDownloads> {
  let line: OrderLineEntity | null = null;
  let product: ProductEntity | null = null;
  // A1: the refusal names what was asked for, its customer and product, even when it was refused
  // before the line was read (a missing role); but only a line of the caller's own partner is
  // named (R8): a foreign id is logged like an unknown one.
  const refused = async () => {
    if (!actorOrNull) return null;
    const asked =
      line ??
      (typeof input.lineId === 'string'
        ? await forPartner(db.manager, actorOrNull)
            .findOne(OrderLineEntity, { id: input.lineId })
            .catch(() => null)
        : null);
    const askedProduct =
      product ??
      (asked ? await db.manager.findOneBy(ProductEntity, { id: asked.productId }) : null);
    return {
      partnerId: actorOrNull.partnerId,
      actor: actorOrNull,
      customerId: asked?.customerId ?? null,
      // Without a download choice only the key was asked for.
      operation: input.choice
        ? ('get_software_download_link' as const)
        : ('get_software_key' as const),
      resource: asked ? `order-line:${asked.id}` : 'order-line:unknown',
      productName: askedProduct?.name ?? null,
      at: now,
    };
  };
  return withRefusalLog(db, refused, async () => {
    const actor = authorize(actorOrNull, 'GET_KEYS_AND_DOWNLOADS');
    line = await forPartner(db.manager, actor).findOne(OrderLineEntity, { id: input.lineId });
    if (!line) notFound('software line');
    product = await db.manager.findOneByOrFail(ProductEntity, { id: line.productId });
    if (line.status === 'CANCELLED')
      fail('ALREADY_CANCELLED', { cancelledAt: line.cancelledAt?.toISOString() });
    const wantsDownload = input.choice !== null;
    if (wantsDownload && !isOfferedChoice(product.downloadOptions, input.choice!))
      fail('OPTION_UNAVAILABLE');
    if (!wantsDownload && !product.hasActivationKeys) fail('OPTION_UNAVAILABLE');

    const token = wantsDownload ? newSecretToken() : null;
    const link: DownloadLinkEntity | null = wantsDownload
      ? {
          id: newId(),
          tokenHash: sha256Hex(token!),
          partnerId: actor.partnerId,
          customerId: line.customerId,
          orderLineId: line.id,
          issuedByUserId: actor.userId,
          issuedAt: now,
          expiresAt: linkExpiresAt(now),
          maxDownloads: LINK_MAX_DOWNLOADS,
          downloadsUsed: 0,
          revokedAt: null,
          ...input.choice!,
        }
      : null;
    const facts = {
      partnerId: actor.partnerId,
      actor,
      customerId: line.customerId,
      productName: product.name,
      at: now,
    };
    const chosen = link
      ? {
          code: 'LINK_ISSUED' as const,
          params: { version: link.version, language: link.language, fileType: link.fileType },
        }
      : null;
    const lineRef = line;
    const productRef = product;
    // One transaction: the line is checked, the key created and the link issued together (D8, X1).
    const storedKey = await db.transaction(async (m) => {
      await claimActiveLine(m, lineRef);
      const key = productRef.hasActivationKeys
        ? await activationKeyOf(m, vault, lineRef, now)
        : null;
      if (link) await m.insert(DownloadLinkEntity, link);
      if (key) {
        await recordSuccess(m, {
          ...facts,
          operation: 'get_software_key',
          resource: `order-line:${lineRef.id}`,
        });
      }
      if (link) {
        await recordSuccess(m, {
          ...facts,
          operation: 'get_software_download_link',
          resource: `download-link:${link.id}`,
          detail: chosen,
        });
      }
      return key;
    });
    const activationKey = storedKey ? vault.decrypt(storedKey.ciphertext, line.id) : null;
    return { line, product, activationKey, link, token };
  });
}
