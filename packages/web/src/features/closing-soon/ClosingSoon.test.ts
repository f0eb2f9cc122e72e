import { DAY_MS } from '@csp/domain';
import { describe, expect, it } from 'vitest';
import { translate } from '../../app/i18n/messages';
import { loadedI18n } from '../../app/i18n/I18nProvider';
import { liveCredit, timeLeftText } from './ClosingSoon';

const i18n = { ...loadedI18n('en'), number: (n: number) => String(n) };

const closes = new Date('2027-01-09T10:00:00.000Z');
const purchase = {
  windowDays: 60,
  termYears: 1,
  purchasedAt: new Date(closes.getTime() - 60 * DAY_MS).toISOString(),
  cancellableUntil: closes.toISOString(),
  amount: { amountMinor: 365_000, currency: 'USD', decimal: '3650.00' },
} as Parameters<typeof liveCredit>[0];
const at = (ms: number) => new Date(closes.getTime() + ms);

describe('Closing soon, live (K1, C2, C9)', () => {
  it('K1: time left as the Cancel dialog says it, and closed at the instant', () => {
    expect(timeLeftText(closes.toISOString(), at(-7 * DAY_MS), i18n)).toBe(
      translate('en', 'cancel.daysRemaining', { days: '7' }),
    );
    expect(timeLeftText(closes.toISOString(), at(-90 * 60_000), i18n)).toContain('1');
    expect(timeLeftText(closes.toISOString(), at(0), i18n)).toBe('Window closed');
  });

  it('K1: the credit shrinks a day at a time and is gone once the window closes (C9)', () => {
    // 59 days used of 365: 365,000 × 306 / 365 = 306,000; a millisecond into day 60 it is 305,000.
    expect(liveCredit(purchase, at(-DAY_MS))?.amountMinor).toBe(306_000);
    expect(liveCredit(purchase, at(-DAY_MS + 1))?.amountMinor).toBe(305_000);
    expect(liveCredit(purchase, at(-1))?.amountMinor).toBe(305_000);
    expect(liveCredit(purchase, at(0))).toBeNull();
  });
});
