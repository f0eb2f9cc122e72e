import type { TermYears } from '../catalog/catalog.js';
import { DomainError } from '../errors/error-codes.js';
import { prorate, type Money } from '../money/money.js';
import { addCalendarYearsUtc, DAY_MS, HOUR_MS, MINUTE_MS, wholeDaysBetween } from '../time/time.js';
import type { CancellationTerms } from './policy.js';

/** What the cancellation rules need to know about a purchased line. */
export interface CancellableLine {
  readonly terms: CancellationTerms;
  readonly purchasedAt: Date;
  readonly termYears: TermYears;
  /** The amount charged for the line (unit price × quantity). */
  readonly charged: Money;
  readonly cancelledAt: Date | null;
}

export const CANCELLATION_STATES = [
  'OPEN',
  'WINDOW_CLOSED',
  'SUPPORT_REQUEST_REQUIRED',
  'NOT_CANCELLABLE',
  'ALREADY_CANCELLED',
] as const;
export type CancellationState = (typeof CANCELLATION_STATES)[number];

/** C2, C4–C6, C10: the state of a line at `now`. Open while `now < cancellableUntil`. */
export function cancellationState(line: CancellableLine, now: Date): CancellationState {
  if (line.cancelledAt) return 'ALREADY_CANCELLED';
  switch (line.terms.policy) {
    case 'SUPPORT_REQUEST':
      return 'SUPPORT_REQUEST_REQUIRED';
    case 'NEVER':
      return 'NOT_CANCELLABLE';
    case 'WINDOW':
      return line.terms.cancellableUntil && now.getTime() < line.terms.cancellableUntil.getTime()
        ? 'OPEN'
        : 'WINDOW_CLOSED';
  }
}

/** C2: ⌈(cancellableUntil − now) / 24 h⌉ while open (60 right after purchase, 1 on the last day), else 0. */
export function daysRemaining(cancellableUntil: Date | null, now: Date): number {
  if (!cancellableUntil) return 0;
  const left = cancellableUntil.getTime() - now.getTime();
  return left > 0 ? Math.ceil(left / DAY_MS) : 0;
}

export interface TimeRemaining {
  readonly daysRemaining: number;
  /** True on the window's last day (less than 24 h left), when hours and minutes are shown. */
  readonly lastDay: boolean;
  /** Whole hours and minutes left (meaningful on the last day); 0 once closed. */
  readonly hours: number;
  readonly minutes: number;
  readonly totalMs: number;
}

/** C2: what the dialog shows — days, and hours and minutes on the last day. */
export function timeRemaining(cancellableUntil: Date | null, now: Date): TimeRemaining {
  const totalMs = cancellableUntil ? Math.max(0, cancellableUntil.getTime() - now.getTime()) : 0;
  return {
    daysRemaining: daysRemaining(cancellableUntil, now),
    lastDay: totalMs > 0 && totalMs <= DAY_MS,
    hours: Math.floor(totalMs / HOUR_MS),
    minutes: Math.floor((totalMs % HOUR_MS) / MINUTE_MS),
    totalMs,
  };
}

export interface CreditBreakdown {
  readonly credit: Money;
  /** FULL: 100 % (no term, e.g. perpetual software); PRORATED: by unused days of the term. */
  readonly method: 'FULL' | 'PRORATED';
  readonly termDays: number | null;
  readonly usedDays: number | null;
  readonly unusedDays: number | null;
}

/**
 * C9: the credit a cancellation at `cancelledAt` gives. Software with no term gets 100 % of the
 * charge; a subscription gets `round_half_up(charged × unusedDays / termDays)`, where a begun day
 * counts as used and the term runs to the same instant 1 or 3 calendar years later.
 */
export function creditFor(line: CancellableLine, cancelledAt: Date): CreditBreakdown {
  if (line.termYears === null) {
    return {
      credit: line.charged,
      method: 'FULL',
      termDays: null,
      usedDays: null,
      unusedDays: null,
    };
  }
  const termEnd = addCalendarYearsUtc(line.purchasedAt, line.termYears);
  const termDays = wholeDaysBetween(line.purchasedAt, termEnd);
  const elapsed = Math.max(0, cancelledAt.getTime() - line.purchasedAt.getTime());
  const usedDays = Math.min(termDays, Math.ceil(elapsed / DAY_MS));
  const unusedDays = termDays - usedDays;
  return {
    credit: prorate(line.charged, unusedDays, termDays),
    method: 'PRORATED',
    termDays,
    usedDays,
    unusedDays,
  };
}

/**
 * C2–C10: decide a cancellation at `now`. Answers the credit, or throws the refusal with the
 * facts that explain it (codes from the one list, E2).
 */
export function decideCancellation(line: CancellableLine, now: Date): CreditBreakdown {
  const state = cancellationState(line, now);
  switch (state) {
    case 'OPEN':
      return creditFor(line, now); // C3: no early-termination fee, only the credit.
    case 'ALREADY_CANCELLED':
      throw new DomainError('ALREADY_CANCELLED', { cancelledAt: line.cancelledAt?.toISOString() });
    case 'WINDOW_CLOSED':
      throw new DomainError('CANCELLATION_WINDOW_CLOSED', {
        windowDays: line.terms.windowDays ?? undefined,
        cancellableUntil: line.terms.cancellableUntil?.toISOString(),
        purchasedAt: line.purchasedAt.toISOString(),
      });
    case 'SUPPORT_REQUEST_REQUIRED':
      throw new DomainError('SUPPORT_REQUEST_REQUIRED');
    case 'NOT_CANCELLABLE':
      throw new DomainError('NOT_CANCELLABLE');
  }
}

/** The credit the dialog previews (C9): only for a line that can be cancelled now. */
export function creditPreview(line: CancellableLine, now: Date): CreditBreakdown | null {
  return cancellationState(line, now) === 'OPEN' ? creditFor(line, now) : null;
}
