import type { ProductKind } from '../catalog/catalog.js';
import { addDays } from '../time/time.js';

/** How a product kind may be cancelled (C1, C5, C6). */
export type CancellationPolicy =
  | { readonly type: 'WINDOW'; readonly windowDays: number }
  | { readonly type: 'SUPPORT_REQUEST' }
  | { readonly type: 'NEVER' };

/** The seed's window. Later years' 30- or 7-day policies are a change of this one line. */
export const DEFAULT_WINDOW_DAYS = 60;

/** C1: the policy per product kind, as data, in one place. */
export const CANCELLATION_POLICIES: Readonly<Record<ProductKind, CancellationPolicy>> = {
  PERPETUAL_SOFTWARE: { type: 'WINDOW', windowDays: DEFAULT_WINDOW_DAYS },
  SERVER_SUBSCRIPTION: { type: 'WINDOW', windowDays: DEFAULT_WINDOW_DAYS },
  AZURE_RESERVATION: { type: 'WINDOW', windowDays: DEFAULT_WINDOW_DAYS },
  WINDOWS_7_ESU: { type: 'SUPPORT_REQUEST' }, // C5
  LINUX_SOFTWARE_PLAN: { type: 'NEVER' }, // C6
};

/**
 * C1: the terms stored with a line at purchase, so a later policy change never alters a past
 * purchase. `cancellableUntil` is set only for a window policy.
 */
export interface CancellationTerms {
  readonly policy: CancellationPolicy['type'];
  readonly windowDays: number | null;
  readonly cancellableUntil: Date | null;
}

/** C1, C2: `cancellableUntil = purchasedAt + windowDays × 24 h`. */
export function termsAtPurchase(
  kind: ProductKind,
  purchasedAt: Date,
  policies: Readonly<Record<ProductKind, CancellationPolicy>> = CANCELLATION_POLICIES,
): CancellationTerms {
  const policy = policies[kind];
  if (policy.type !== 'WINDOW') {
    return { policy: policy.type, windowDays: null, cancellableUntil: null };
  }
  return {
    policy: 'WINDOW',
    windowDays: policy.windowDays,
    cancellableUntil: addDays(purchasedAt, policy.windowDays),
  };
}
