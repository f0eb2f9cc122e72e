import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProductKind, TermYears } from '../catalog/catalog.js';
import { DomainError } from '../errors/error-codes.js';
import { money, type Money } from '../money/money.js';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../time/time.js';
import {
  cancellationState,
  creditFor,
  creditPreview,
  daysRemaining,
  decideCancellation,
  timeRemaining,
  type CancellableLine,
} from './cancellation.js';
import { CANCELLATION_POLICIES, termsAtPurchase, type CancellationPolicy } from './policy.js';

const purchasedAt = new Date('2026-03-10T08:30:00.000Z');
const deadline = new Date(purchasedAt.getTime() + 60 * DAY_MS);
const ms = (instant: Date, delta: number) => new Date(instant.getTime() + delta);

function line(
  kind: ProductKind,
  opts: { termYears?: TermYears; charged?: Money; cancelledAt?: Date; at?: Date } = {},
): CancellableLine {
  const at = opts.at ?? purchasedAt;
  return {
    terms: termsAtPurchase(kind, at),
    purchasedAt: at,
    termYears:
      opts.termYears === undefined ? (kind === 'PERPETUAL_SOFTWARE' ? null : 1) : opts.termYears,
    charged: opts.charged ?? money(120_000, 'USD'),
    cancelledAt: opts.cancelledAt ?? null,
  };
}

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('cancellation policy (C1)', () => {
  it('C1: perpetual, server subscriptions and reservations get a 60-day window from purchase', () => {
    for (const kind of [
      'PERPETUAL_SOFTWARE',
      'SERVER_SUBSCRIPTION',
      'AZURE_RESERVATION',
    ] as const) {
      expect(termsAtPurchase(kind, purchasedAt)).toEqual({
        policy: 'WINDOW',
        windowDays: 60,
        cancellableUntil: new Date('2026-05-09T08:30:00.000Z'),
      });
    }
  });

  it('C1: Windows 7 ESU needs a support request; SUSE/Red Hat plans never cancel', () => {
    expect(termsAtPurchase('WINDOWS_7_ESU', purchasedAt)).toEqual({
      policy: 'SUPPORT_REQUEST',
      windowDays: null,
      cancellableUntil: null,
    });
    expect(termsAtPurchase('LINUX_SOFTWARE_PLAN', purchasedAt).policy).toBe('NEVER');
  });

  it('C1: a later policy (e.g. 7 days) changes new purchases only; stored terms keep deciding', () => {
    const sevenDays: Record<ProductKind, CancellationPolicy> = {
      ...CANCELLATION_POLICIES,
      PERPETUAL_SOFTWARE: { type: 'WINDOW', windowDays: 7 },
    };
    const old = line('PERPETUAL_SOFTWARE'); // bought under the 60-day policy
    const later = termsAtPurchase('PERPETUAL_SOFTWARE', purchasedAt, sevenDays);
    expect(later.cancellableUntil).toEqual(ms(purchasedAt, 7 * DAY_MS));
    // 30 days in, the old purchase is still open under its stored terms.
    expect(cancellationState(old, ms(purchasedAt, 30 * DAY_MS))).toBe('OPEN');
  });
});

describe('cancellation window (C2, C4)', () => {
  it.each([
    ['one millisecond before the deadline', -1, 'OPEN'],
    ['exactly at the deadline', 0, 'WINDOW_CLOSED'],
    ['one millisecond after the deadline', 1, 'WINDOW_CLOSED'],
  ] as const)('C2/C4: %s is %s', (_, delta, state) => {
    expect(cancellationState(line('SERVER_SUBSCRIPTION'), ms(deadline, delta))).toBe(state);
  });

  it.each([
    ['right after purchase', 0, 60],
    ['1 ms after purchase', 1, 60],
    ['exactly one day in', DAY_MS, 59],
    ['one day and 1 ms in', DAY_MS + 1, 59],
    ['59 days in (last day starts)', 59 * DAY_MS, 1],
    ['1 ms before the deadline', 60 * DAY_MS - 1, 1],
    ['at the deadline', 60 * DAY_MS, 0],
    ['long after', 400 * DAY_MS, 0],
  ])('C2: days remaining %s = %i', (_, elapsed, days) => {
    expect(daysRemaining(deadline, ms(purchasedAt, elapsed))).toBe(days);
  });

  it('C2: hours and minutes on the last day', () => {
    const now = ms(deadline, -(5 * HOUR_MS + 7 * MINUTE_MS + 30_000));
    expect(timeRemaining(deadline, now)).toEqual({
      daysRemaining: 1,
      lastDay: true,
      hours: 5,
      minutes: 7,
      totalMs: 5 * HOUR_MS + 7 * MINUTE_MS + 30_000,
    });
    expect(timeRemaining(deadline, ms(deadline, -DAY_MS - 1)).lastDay).toBe(false);
    expect(timeRemaining(deadline, ms(deadline, -DAY_MS)).lastDay).toBe(true);
    expect(timeRemaining(deadline, deadline)).toMatchObject({
      daysRemaining: 0,
      lastDay: false,
      totalMs: 0,
    });
  });

  it('C4: past the window the refusal says CANCELLATION_WINDOW_CLOSED with the dates', () => {
    const error = refusal(() => decideCancellation(line('PERPETUAL_SOFTWARE'), ms(deadline, 1)));
    expect(error.code).toBe('CANCELLATION_WINDOW_CLOSED');
    expect(error.details).toMatchObject({
      windowDays: 60,
      cancellableUntil: deadline.toISOString(),
    });
    // The domain says no in codes; the catalogs word it (issue 15).
    expect(error.message).toMatch(/^CANCELLATION_WINDOW_CLOSED /);
  });

  it('C2: days remaining never increase as time passes (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10 * DAY_MS, max: 70 * DAY_MS }),
        fc.integer({ min: 0, max: 30 * DAY_MS }),
        (t, step) => {
          const earlier = daysRemaining(deadline, ms(purchasedAt, t));
          const later = daysRemaining(deadline, ms(purchasedAt, t + step));
          expect(later).toBeLessThanOrEqual(earlier);
          expect(earlier).toBeLessThanOrEqual(60 + 10);
        },
      ),
    );
  });
});

describe('what cannot be cancelled here (C5, C6, C10)', () => {
  it('C5: Windows 7 ESU is refused with SUPPORT_REQUEST_REQUIRED, even on day one', () => {
    const esu = line('WINDOWS_7_ESU', { termYears: null });
    expect(cancellationState(esu, purchasedAt)).toBe('SUPPORT_REQUEST_REQUIRED');
    expect(refusal(() => decideCancellation(esu, purchasedAt)).code).toBe(
      'SUPPORT_REQUEST_REQUIRED',
    );
    expect(creditPreview(esu, purchasedAt)).toBeNull();
  });

  it('C6: SUSE / Red Hat plans are refused with NOT_CANCELLABLE', () => {
    const plan = line('LINUX_SOFTWARE_PLAN', { termYears: 3 });
    expect(cancellationState(plan, purchasedAt)).toBe('NOT_CANCELLABLE');
    expect(refusal(() => decideCancellation(plan, ms(purchasedAt, 1))).code).toBe(
      'NOT_CANCELLABLE',
    );
  });

  it('C10: a cancelled line is refused with ALREADY_CANCELLED, whatever its policy', () => {
    const cancelledAt = ms(purchasedAt, DAY_MS);
    for (const kind of ['PERPETUAL_SOFTWARE', 'WINDOWS_7_ESU', 'LINUX_SOFTWARE_PLAN'] as const) {
      const done = line(kind, { cancelledAt });
      expect(cancellationState(done, ms(purchasedAt, 2 * DAY_MS))).toBe('ALREADY_CANCELLED');
      const error = refusal(() => decideCancellation(done, ms(purchasedAt, 2 * DAY_MS)));
      expect(error.code).toBe('ALREADY_CANCELLED');
      expect(error.details['cancelledAt']).toBe(cancelledAt.toISOString());
    }
  });
});

describe('credit (C3, C9)', () => {
  it('C9: perpetual software gets 100 % of the charge, on the last millisecond too', () => {
    const perpetual = line('PERPETUAL_SOFTWARE', { charged: money(49_999, 'EUR') });
    expect(decideCancellation(perpetual, ms(deadline, -1))).toEqual({
      credit: money(49_999, 'EUR'),
      method: 'FULL',
      termDays: null,
      usedDays: null,
      unusedDays: null,
    });
  });

  it.each([
    // purchase, term, charged, cancelled after, termDays, usedDays, credit
    ['2026-03-10T08:30:00Z', 1, 365_000, DAY_MS, 365, 1, 364_000],
    ['2026-03-10T08:30:00Z', 1, 365_000, DAY_MS + 1, 365, 2, 363_000], // a begun day counts
    ['2026-03-10T08:30:00Z', 1, 100_000, 10 * DAY_MS, 365, 10, 97_260], // 97260.27
    ['2027-06-01T00:00:00Z', 1, 100_000, 10 * DAY_MS, 366, 10, 97_268], // 2028 leap: 97267.76
    ['2026-03-10T08:30:00Z', 3, 1_000_000, 30 * DAY_MS, 1096, 30, 972_628], // 972627.74, spans 2028-02-29
    ['2024-03-10T00:00:00Z', 3, 1_000_000, 30 * DAY_MS, 1095, 30, 972_603], // 972602.74, no 29 Feb
    ['2026-03-10T08:30:00Z', 1, 0, 5 * DAY_MS, 365, 5, 0],
  ])(
    'C9: %s, %i-year term, charged %i, cancelled after %i ms',
    (at, years, charged, after, termDays, usedDays, credit) => {
      const l = line('SERVER_SUBSCRIPTION', {
        at: new Date(at),
        termYears: years as 1 | 3,
        charged: money(charged, 'USD'),
      });
      const result = creditFor(l, ms(new Date(at), after));
      expect(result).toMatchObject({
        method: 'PRORATED',
        termDays,
        usedDays,
        unusedDays: termDays - usedDays,
      });
      expect(result.credit.amountMinor).toBe(credit);
    },
  );

  it('C9: KRW and JPY prorate to whole won and yen, half-up', () => {
    // 1,825,000 × 355 / 365 = 1,775,000 exactly; 1,000,001 × 364 / 365 = 997,261.27 → 997,261
    const krw = line('AZURE_RESERVATION', { charged: money(1_825_000, 'KRW') });
    expect(creditFor(krw, ms(purchasedAt, 10 * DAY_MS)).credit).toEqual(money(1_775_000, 'KRW'));
    const jpy = line('AZURE_RESERVATION', { charged: money(1_000_001, 'JPY') });
    expect(creditFor(jpy, ms(purchasedAt, DAY_MS)).credit).toEqual(money(997_261, 'JPY'));
    const half = line('AZURE_RESERVATION', { charged: money(1, 'KRW'), termYears: 1 });
    // 1 × 182/365 = 0.4986 → 0; 1 × 183/365 = 0.501 → 1
    expect(creditFor(half, ms(purchasedAt, 183 * DAY_MS)).credit.amountMinor).toBe(0);
    expect(creditFor(half, ms(purchasedAt, 182 * DAY_MS)).credit.amountMinor).toBe(1);
  });

  it('C3: inside the window the decision is the credit alone, no fee', () => {
    const result = decideCancellation(line('SERVER_SUBSCRIPTION'), purchasedAt);
    expect(result.credit).toEqual(money(120_000, 'USD')); // cancelled at once: nothing used
  });

  it('C9: a credit is never negative and never exceeds the charge (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.constantFrom<TermYears>(1, 3, null),
        fc.date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }),
        fc.integer({ min: -DAY_MS, max: 5 * 366 * DAY_MS }),
        (charged, termYears, at, after) => {
          const l = line('SERVER_SUBSCRIPTION', { at, termYears, charged: money(charged, 'JPY') });
          const { credit } = creditFor(l, ms(at, after));
          expect(credit.amountMinor).toBeGreaterThanOrEqual(0);
          expect(credit.amountMinor).toBeLessThanOrEqual(charged);
        },
      ),
    );
  });
});
