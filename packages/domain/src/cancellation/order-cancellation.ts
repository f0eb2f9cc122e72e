import { add, zero, type Money } from '../money/money.js';
import {
  cancellationState,
  creditPreview,
  timeRemaining,
  type CancellableLine,
  type CancellationState,
  type CreditBreakdown,
  type TimeRemaining,
} from './cancellation.js';

/** What cancelling one order's lines of one product would do at an instant (C2–C10). */
export interface OrderCancellation {
  readonly state: CancellationState;
  /** The line whose stored terms decide: the first active line, or the first line when none is. */
  readonly deciding: CancellableLine;
  /** Time left while open; zero otherwise. */
  readonly remaining: TimeRemaining;
  /** C9: the credit cancelling now would give — the sum over the active lines — or null. */
  readonly credit: {
    readonly amount: Money;
    readonly method: CreditBreakdown['method'];
    readonly unusedDays: number | null;
  } | null;
}

/**
 * C2–C10 for an order: its lines of a product are cancelled together. Cancelled lines are history;
 * the first active line's terms decide the state (all lines of one purchase share them, C1); the
 * credit is the sum of every active line's credit. The API decides with it and the Cancel dialog
 * and Closing soon show it, so both always agree.
 */
export function orderCancellation(lines: readonly CancellableLine[], now: Date): OrderCancellation {
  const first = lines[0];
  if (!first) throw new RangeError('orderCancellation needs at least one line');
  const active = lines.filter((line) => line.cancelledAt === null);
  const deciding = active[0] ?? first;
  const state = cancellationState(deciding, now);
  const open = state === 'OPEN';
  const previews = open ? active.map((line) => creditPreview(line, now)) : [];
  const credit =
    open && previews.every((p) => p !== null)
      ? {
          amount: previews.reduce(
            (total, p) => add(total, p!.credit),
            zero(deciding.charged.currency),
          ),
          method: previews[0]!.method,
          unusedDays: previews[0]!.unusedDays,
        }
      : null;
  return {
    state,
    deciding,
    remaining: timeRemaining(open ? deciding.terms.cancellableUntil : null, now),
    credit,
  };
}
