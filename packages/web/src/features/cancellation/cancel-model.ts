import {
  add,
  cancellationState,
  creditPreview,
  isCurrencyCode,
  money,
  timeRemaining,
  zero,
  type CancellableLine,
  type CancellationState,
  type CreditBreakdown,
  type Money,
  type TermYears,
  type TimeRemaining,
} from '@csp/domain';
import type { CancellationOptionsQuery } from '../../gql/graphql';

export type Option = CancellationOptionsQuery['cancellationOptions']['orders'][number];
type OptionLine = Option['lines'][number];

/** A line as the domain's rules see it (C1: its own stored terms decide). */
export function cancellableLine(line: OptionLine): CancellableLine | null {
  const currency = line.amount.currency;
  if (!isCurrencyCode(currency)) return null;
  return {
    terms: {
      policy: line.cancellationPolicy,
      windowDays: line.windowDays ?? null,
      cancellableUntil: line.cancellableUntil ? new Date(line.cancellableUntil) : null,
    },
    purchasedAt: new Date(line.purchasedAt),
    termYears: (line.termYears ?? null) as TermYears,
    charged: money(line.amount.amountMinor, currency),
    cancelledAt: line.cancelledAt ? new Date(line.cancelledAt) : null,
  };
}

export interface LiveOption {
  /** C2, C4: the state now, by the corrected clock; the server's state otherwise. */
  state: CancellationState;
  remaining: TimeRemaining;
  /** C9: what cancelling now would credit (the sum over the order's active lines), or null. */
  credit: { amount: Money; method: CreditBreakdown['method']; unusedDays: number | null } | null;
  /** When the order's lines were cancelled, for ALREADY_CANCELLED. */
  cancelledAt: string | null;
}

/**
 * C2–C9 between server refreshes: the server said the state at `serverTime`; the only change time
 * makes is an open window closing, and the credit of a subscription shrinking day by day. Both are
 * recomputed here with the domain's own rules, so the dialog shows what the server would decide.
 */
export function liveOption(option: Option, now: Date): LiveOption {
  const cancelledAt = option.lines.find((l) => l.cancelledAt)?.cancelledAt ?? null;
  const remainingNone = timeRemaining(null, now);
  const lines = option.lines.map(cancellableLine).filter((l): l is CancellableLine => l !== null);
  // The order's lines decide together: cancelled ones are history, an active one decides. A
  // cancellation just made here shows at once (the cache has the cancelled lines already).
  const active = lines.filter((l) => l.cancelledAt === null);
  if (lines.length > 0 && active.length === 0) {
    return { state: 'ALREADY_CANCELLED', remaining: remainingNone, credit: null, cancelledAt };
  }
  if (option.state !== 'OPEN') {
    return { state: option.state, remaining: remainingNone, credit: null, cancelledAt };
  }
  const deciding = active[0];
  const state = deciding ? cancellationState(deciding, now) : 'WINDOW_CLOSED';
  if (state !== 'OPEN' || !deciding) {
    return { state, remaining: remainingNone, credit: null, cancelledAt };
  }
  const previews = active.map((line) => creditPreview(line, now));
  const currency = deciding.charged.currency;
  const credit = previews.every((p) => p !== null)
    ? {
        amount: previews.reduce((total, p) => add(total, p!.credit), zero(currency)),
        method: previews[0]!.method,
        unusedDays: previews[0]!.unusedDays,
      }
    : null;
  return {
    state,
    remaining: timeRemaining(deciding.terms.cancellableUntil, now),
    credit,
    cancelledAt,
  };
}

/** The deadline the countdown runs to, for an order the server said is open. */
export function deadlineOf(option: Option | undefined): string | null {
  return option?.state === 'OPEN' ? (option.cancellableUntil ?? null) : null;
}

/**
 * "Announce only on day changes and the last hour": what the live region says depends on the
 * day count, the last hour and the state only, never on the minutes, so the text (and with it the
 * screen reader) changes a few times in 60 days, not every second.
 */
export function announcementKey(live: LiveOption): string {
  if (live.state !== 'OPEN') return live.state;
  if (live.remaining.lastDay && live.remaining.totalMs <= 60 * 60 * 1000) return 'LAST_HOUR';
  if (live.remaining.lastDay) return 'LAST_DAY';
  return `DAYS_${live.remaining.daysRemaining}`;
}
