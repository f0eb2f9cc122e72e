import { describe, expect, it } from 'vitest';
import { downloadRefusalPage } from './download-page.js';

/** Issue 14, D3: the page of a link that stopped working says why, and what to do, once. */
describe('downloadRefusalPage', () => {
  const count = (text: string, part: string) => text.split(part).length - 1;

  it('D3: an expired or used-up link asks for a new link once, in English and Korean', () => {
    for (const [code, details] of [
      ['LINK_EXPIRED', { expiresAt: 'Dec 1, 2026' }],
      ['LINK_EXHAUSTED', { maxDownloads: 7 }],
    ] as const) {
      const en = downloadRefusalPage(code, 'en', details);
      expect(count(en.toLowerCase(), 'ask')).toBe(1);
      expect(en).toContain('Ask the partner who sent it for a new link.');
      expect(en).toContain(String(Object.values(details)[0]));
      const ko = downloadRefusalPage(code, 'ko', details);
      expect(count(ko, '요청하세요')).toBe(1);
    }
  });

  it('C8: a link revoked by a cancellation does not promise a new one', () => {
    const en = downloadRefusalPage('LINK_REVOKED', 'en');
    expect(en).toContain('revoked because the purchase was cancelled');
    expect(en).not.toMatch(/any time|new link/i);
    const ko = downloadRefusalPage('LINK_REVOKED', 'ko');
    expect(ko).not.toContain('언제든지');
    expect(ko).not.toContain('새 링크');
  });

  it('a link that does not exist says to check the copy, and escapes nothing unsafe', () => {
    const page = downloadRefusalPage('NOT_FOUND', 'en');
    expect(page).toContain('This download link does not exist');
    expect(page).toContain('Check that the whole link was copied');
    expect(page).not.toContain('<script');
  });
});
