import { describe, expect, it } from 'vitest';
import type { ProductKind, TermYears } from '../catalog/catalog.js';
import { money, type Money } from '../money/money.js';
import { DAY_MS } from '../time/time.js';
import type { CancellableLine } from './cancellation.js';
import { orderCancellation } from './order-cancellation.js';
import { termsAtPurchase } from './policy.js';

const purchasedAt = new Date('2026-03-10T08:30:00.000Z');
const deadline = new Date(purchasedAt.getTime() + 60 * DAY_MS); // 2026-05-09T08:30:00Z
const at = (delta: number, from = purchasedAt) => new Date(from.getTime() + delta);

function line(
  kind: ProductKind,
  charged: Money,
  opts: { termYears?: TermYears; cancelledAt?: Date } = {},
): CancellableLine {
  return {
    terms: termsAtPurchase(kind, purchasedAt),
    purchasedAt,
    termYears:
      opts.termYears === undefined ? (kind === 'PERPETUAL_SOFTWARE' ? null : 1) : opts.termYears,
    charged,
    cancelledAt: opts.cancelledAt ?? null,
  };
}

describe('orderCancellation: an order’s lines of a product decide together', () => {
  it('C9: the credit is the sum over the active lines (perpetual: 100 % of each)', () => {
    const lines = [
      line('PERPETUAL_SOFTWARE', money(120_000, 'USD')),
      line('PERPETUAL_SOFTWARE', money(30_000, 'USD')),
    ];
    const decision = orderCancellation(lines, at(5 * DAY_MS));
    expect(decision.state).toBe('OPEN');
    // 1,200.00 + 300.00 = 1,500.00
    expect(decision.credit).toEqual({
      amount: money(150_000, 'USD'),
      method: 'FULL',
      unusedDays: null,
    });
  });

  it('C9: subscriptions are prorated line by line, half up, then summed', () => {
    const lines = [
      line('SERVER_SUBSCRIPTION', money(120_000, 'USD')),
      line('SERVER_SUBSCRIPTION', money(36_500, 'USD')),
    ];
    // 10 days and 1 ms after purchase: 11 days used (a begun day counts), 365 − 11 = 354 unused.
    // 120,000 × 354 / 365 = 116,383.56… → 116,384; 36,500 × 354 / 365 = 35,400 exactly.
    const decision = orderCancellation(lines, at(10 * DAY_MS + 1));
    expect(decision.credit).toEqual({
      amount: money(151_784, 'USD'),
      method: 'PRORATED',
      unusedDays: 354,
    });
  });

  it('C8/C10: cancelled lines are history; the first active line decides and alone is credited', () => {
    const lines = [
      line('PERPETUAL_SOFTWARE', money(99_900, 'USD'), { cancelledAt: at(DAY_MS) }),
      line('PERPETUAL_SOFTWARE', money(10_000, 'USD')),
    ];
    const decision = orderCancellation(lines, at(2 * DAY_MS));
    expect(decision.deciding).toBe(lines[1]);
    expect(decision.credit?.amount).toEqual(money(10_000, 'USD'));
  });

  it('C10: when every line is cancelled the order is ALREADY_CANCELLED with no credit', () => {
    const lines = [line('PERPETUAL_SOFTWARE', money(10_000, 'USD'), { cancelledAt: at(DAY_MS) })];
    const decision = orderCancellation(lines, at(2 * DAY_MS));
    expect(decision.state).toBe('ALREADY_CANCELLED');
    expect(decision.credit).toBeNull();
  });

  it('C2/C4: one millisecond before the deadline it is open on its last minute; at the deadline closed', () => {
    const lines = [line('PERPETUAL_SOFTWARE', money(10_000, 'USD'))];
    const before = orderCancellation(lines, at(-1, deadline));
    expect(before.state).toBe('OPEN');
    expect(before.remaining).toMatchObject({ daysRemaining: 1, lastDay: true, hours: 0 });
    const closed = orderCancellation(lines, deadline);
    expect(closed.state).toBe('WINDOW_CLOSED');
    expect(closed.credit).toBeNull();
    expect(closed.remaining.totalMs).toBe(0);
  });

  it('C5/C6: Windows 7 ESU needs a support request, SUSE / Red Hat never: no credit either way', () => {
    const esu = orderCancellation([line('WINDOWS_7_ESU', money(6_100, 'USD'))], at(DAY_MS));
    const suse = orderCancellation([line('LINUX_SOFTWARE_PLAN', money(6_100, 'USD'))], at(DAY_MS));
    expect([esu.state, suse.state]).toEqual(['SUPPORT_REQUEST_REQUIRED', 'NOT_CANCELLABLE']);
    expect([esu.credit, suse.credit]).toEqual([null, null]);
  });

  it('refuses an empty order: there is nothing to decide', () => {
    expect(() => orderCancellation([], purchasedAt)).toThrow(RangeError);
  });
});
