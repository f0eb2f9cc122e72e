import {
  HOUR_MS,
  isCurrencyCode,
  money,
  orderCancellation,
  timeRemaining,
  type CancellableLine,
  type CancellationState,
  type OrderCancellation,
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
  credit: OrderCancellation['credit'];
  /** When the order's lines were cancelled, for ALREADY_CANCELLED. */
  cancelledAt: string | null;
}

/**
 * C2–C9 between server refreshes: the server said the state at `serverTime`; the only change time
 * makes is an open window closing, and the credit of a subscription shrinking day by day. Both are
 * recomputed here with the domain's own rule for an order (`orderCancellation`, which the API
 * decides with), so the dialog shows what the server would decide.
 */
export function liveOption(option: Option, now: Date): LiveOption {
  const cancelledAt = option.lines.find((l) => l.cancelledAt)?.cancelledAt ?? null;
  const lines = option.lines.map(cancellableLine).filter((l): l is CancellableLine => l !== null);
  const none = { remaining: timeRemaining(null, now), credit: null, cancelledAt };
  if (lines.length === 0) return { state: 'WINDOW_CLOSED', ...none };
  const decision = orderCancellation(lines, now);
  // A cancellation just made here shows at once (the cache has the cancelled lines already);
  // otherwise a state the server gave as final (closed, support request, never) stays.
  if (decision.state === 'ALREADY_CANCELLED' || option.state !== 'OPEN') {
    return {
      state: decision.state === 'ALREADY_CANCELLED' ? decision.state : option.state,
      ...none,
    };
  }
  return {
    state: decision.state,
    remaining: decision.remaining,
    credit: decision.credit,
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
  if (live.remaining.lastDay && live.remaining.totalMs <= HOUR_MS) return 'LAST_HOUR';
  if (live.remaining.lastDay) return 'LAST_DAY';
  return `DAYS_${live.remaining.daysRemaining}`;
}
