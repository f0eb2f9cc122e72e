import { instant, instantOrNull, int } from '../../shared/raw-rows.js';
import type { DownloadLinkEntity } from './download-link.entity.js';

/**
 * A download link from a plain row (the same fields as the entity, without hydration). A query
 * that leaves out `token_hash` gets '' (a live link's hash is never shown, D5), and one that leaves
 * out `revoked_at` gets null.
 */
export function linkOfRow(r: Record<string, unknown>): DownloadLinkEntity {
  return {
    id: r['id'] as string,
    tokenHash: (r['token_hash'] as string | undefined) ?? '',
    partnerId: r['partner_id'] as string,
    customerId: r['customer_id'] as string,
    orderLineId: r['order_line_id'] as string,
    issuedByUserId: r['issued_by_user_id'] as string,
    issuedAt: instant(r['issued_at']),
    expiresAt: instant(r['expires_at']),
    maxDownloads: int(r['max_downloads']),
    downloadsUsed: int(r['downloads_used']),
    revokedAt: instantOrNull(r['revoked_at']),
    version: r['version'] as string,
    language: r['language'] as string,
    fileType: r['file_type'] as string,
  };
}
