import type { ErrorCode } from '../errors/error-codes.js';
import { addDays } from '../time/time.js';

/** D3: a link lives 14 days or 50 downloads, whichever comes first. */
export const LINK_LIFETIME_DAYS = 14;
export const LINK_MAX_DOWNLOADS = 50;

/** D5: a link token carries at least this many random bits. */
export const LINK_TOKEN_MIN_BITS = 128;

export interface DownloadLinkFacts {
  readonly expiresAt: Date;
  readonly downloadsUsed: number;
  readonly maxDownloads: number;
  readonly revokedAt: Date | null;
}

export const LINK_STATES = ['ACTIVE', 'EXPIRED', 'EXHAUSTED', 'REVOKED'] as const;
export type LinkState = (typeof LINK_STATES)[number];

/** D3, D4: every issue starts a fresh 14 days. */
export function linkExpiresAt(issuedAt: Date): Date {
  return addDays(issuedAt, LINK_LIFETIME_DAYS);
}

export function downloadsLeft(link: DownloadLinkFacts): number {
  return Math.max(0, link.maxDownloads - link.downloadsUsed);
}

/** D3, D8: revoked wins over expired, expired over exhausted. Active while `now < expiresAt`. */
export function linkState(link: DownloadLinkFacts, now: Date): LinkState {
  if (link.revokedAt) return 'REVOKED';
  if (now.getTime() >= link.expiresAt.getTime()) return 'EXPIRED';
  if (downloadsLeft(link) === 0) return 'EXHAUSTED';
  return 'ACTIVE';
}

/** D8: a link of a cancelled line is revoked, whatever its own row says (the revoke may be racing). */
export function linkStateOfLine(
  link: DownloadLinkFacts,
  lineCancelled: boolean,
  now: Date,
): LinkState {
  return lineCancelled ? 'REVOKED' : linkState(link, now);
}

/**
 * D9: a started download may continue (a Range past byte 0) while the link is neither revoked nor
 * expired, even after its last download has started: continuing is not a new download.
 */
export function continuationState(
  link: DownloadLinkFacts,
  lineCancelled: boolean,
  now: Date,
): LinkState {
  const state = linkStateOfLine(link, lineCancelled, now);
  return state === 'EXHAUSTED' ? 'ACTIVE' : state;
}

/** The refusal each unusable state answers with. */
export const LINK_REFUSALS: Readonly<Record<Exclude<LinkState, 'ACTIVE'>, ErrorCode>> = {
  REVOKED: 'LINK_REVOKED',
  EXPIRED: 'LINK_EXPIRED',
  EXHAUSTED: 'LINK_EXHAUSTED',
};

export type DownloadDecision =
  { allowed: true } | { allowed: false; code: ErrorCode; state: LinkState };

/**
 * D3: may one more download start at `now`? The server makes the same decision in a single
 * conditional UPDATE so that concurrent requests cannot pass the 50th together.
 */
export function downloadDecision(link: DownloadLinkFacts, now: Date): DownloadDecision {
  const state = linkState(link, now);
  return state === 'ACTIVE'
    ? { allowed: true }
    : { allowed: false, code: LINK_REFUSALS[state], state };
}
