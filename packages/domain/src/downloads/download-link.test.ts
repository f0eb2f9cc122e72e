import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../time/time.js';
import {
  continuationState,
  downloadDecision,
  linkStateOfLine,
  downloadsLeft,
  LINK_MAX_DOWNLOADS,
  linkExpiresAt,
  linkState,
  type DownloadLinkFacts,
} from './download-link.js';

const issuedAt = new Date('2026-11-01T10:00:00.000Z');
const fresh = (over: Partial<DownloadLinkFacts> = {}): DownloadLinkFacts => ({
  expiresAt: linkExpiresAt(issuedAt),
  downloadsUsed: 0,
  maxDownloads: LINK_MAX_DOWNLOADS,
  revokedAt: null,
  ...over,
});
const at = (delta: number) => new Date(issuedAt.getTime() + delta);

describe('download links (D3, D4, D8)', () => {
  it('D3: a link expires exactly 14 days after it was issued', () => {
    expect(linkExpiresAt(issuedAt).toISOString()).toBe('2026-11-15T10:00:00.000Z');
  });

  it.each([
    [14 * DAY_MS - 1, 'ACTIVE'],
    [14 * DAY_MS, 'EXPIRED'],
    [14 * DAY_MS + 1, 'EXPIRED'],
  ] as const)('D3: %i ms after issue the link is %s', (delta, state) => {
    expect(linkState(fresh(), at(delta))).toBe(state);
  });

  it('D3: the 50th download is allowed, the 51st is refused with LINK_EXHAUSTED', () => {
    expect(downloadDecision(fresh({ downloadsUsed: 49 }), issuedAt)).toEqual({ allowed: true });
    expect(downloadDecision(fresh({ downloadsUsed: 50 }), issuedAt)).toEqual({
      allowed: false,
      code: 'LINK_EXHAUSTED',
      state: 'EXHAUSTED',
    });
    expect(downloadsLeft(fresh({ downloadsUsed: 49 }))).toBe(1);
    expect(downloadsLeft(fresh({ downloadsUsed: 50 }))).toBe(0);
  });

  it('D3: an expired link is refused with LINK_EXPIRED, even with downloads left', () => {
    expect(downloadDecision(fresh({ downloadsUsed: 3 }), at(14 * DAY_MS))).toMatchObject({
      allowed: false,
      code: 'LINK_EXPIRED',
    });
  });

  it('D8: a revoked link is refused with LINK_REVOKED, whatever else holds', () => {
    const revoked = fresh({ revokedAt: at(1) });
    expect(downloadDecision(revoked, at(2))).toMatchObject({
      allowed: false,
      code: 'LINK_REVOKED',
    });
    expect(linkState({ ...revoked, downloadsUsed: 50 }, at(15 * DAY_MS))).toBe('REVOKED');
  });

  it('D4: a link issued again later gets its own fresh 14 days and 50 downloads', () => {
    const first = fresh({ downloadsUsed: 50 });
    const secondIssuedAt = at(20 * DAY_MS);
    const second = fresh({ expiresAt: linkExpiresAt(secondIssuedAt) });
    const now = at(21 * DAY_MS);
    expect(linkState(first, now)).toBe('EXPIRED');
    expect(downloadDecision(second, now)).toEqual({ allowed: true });
    expect(downloadsLeft(second)).toBe(50);
  });

  it('D8: a revoked link never allows a download (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: -DAY_MS, max: 30 * DAY_MS }),
        fc.integer({ min: -DAY_MS, max: 30 * DAY_MS }),
        (used, revokedDelta, nowDelta) => {
          const decision = downloadDecision(
            fresh({ downloadsUsed: used, revokedAt: at(revokedDelta) }),
            at(nowDelta),
          );
          expect(decision.allowed).toBe(false);
        },
      ),
    );
  });

  it('D3: no state allows more than 50 downloads (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 20 * DAY_MS }),
        (used, delta) => {
          if (downloadDecision(fresh({ downloadsUsed: used }), at(delta)).allowed) {
            expect(used).toBeLessThan(LINK_MAX_DOWNLOADS);
            expect(delta).toBeLessThan(14 * DAY_MS);
          }
        },
      ),
    );
  });

  it('D8: every link of a cancelled line is revoked, even one whose row is not yet', () => {
    expect(linkStateOfLine(fresh(), true, at(1))).toBe('REVOKED');
    expect(linkStateOfLine(fresh(), false, at(1))).toBe('ACTIVE');
    expect(linkStateOfLine(fresh({ downloadsUsed: 50 }), false, at(1))).toBe('EXHAUSTED');
  });

  it('D9: a started download continues after the 50th, until the link expires or is revoked', () => {
    const usedUp = fresh({ downloadsUsed: 50 });
    expect(continuationState(usedUp, false, at(14 * DAY_MS - 1))).toBe('ACTIVE');
    expect(continuationState(usedUp, false, at(14 * DAY_MS))).toBe('EXPIRED');
    expect(continuationState(usedUp, true, at(1))).toBe('REVOKED');
    expect(continuationState(fresh({ revokedAt: at(1) }), false, at(2))).toBe('REVOKED');
  });
});
