import { DEFAULT_WINDOW_DAYS } from '@csp/domain';
import type { I18n } from '../../app/i18n/i18n-context';
import { announcementKey, type LiveOption, type Option } from './cancel-model';

/** The order's window in days (C2); the server gives it for every order that has a window. */
export function windowDaysOf(option: Option): number {
  return option.windowDays ?? DEFAULT_WINDOW_DAYS;
}

/** The short state shown in each Order number option. */
export function optionStateText(live: LiveOption, i18n: I18n): string {
  switch (live.state) {
    case 'OPEN':
      return live.remaining.lastDay
        ? i18n.t('cancel.optionState.lastDay')
        : i18n.t('cancel.optionState.open', { days: i18n.number(live.remaining.daysRemaining) });
    case 'WINDOW_CLOSED':
      return i18n.t('cancel.optionState.closed');
    case 'SUPPORT_REQUEST_REQUIRED':
      return i18n.t('cancel.optionState.support');
    case 'NOT_CANCELLABLE':
      return i18n.t('cancel.optionState.never');
    case 'ALREADY_CANCELLED':
      return i18n.t('cancel.optionState.cancelled');
  }
}

/** What the polite live region says (see `announcementKey`: it changes a few times, not per second). */
export function announcement(live: LiveOption, option: Option, i18n: I18n): string {
  const orderId = option.order.id;
  const key = announcementKey(live);
  if (key === 'LAST_HOUR') return i18n.t('cancel.live.lastHour', { orderId });
  if (key === 'LAST_DAY') {
    return i18n.t('cancel.live.lastDay', {
      orderId,
      deadline: option.cancellableUntil ? i18n.dateTime(option.cancellableUntil) : '',
    });
  }
  if (key === 'WINDOW_CLOSED') return i18n.t('cancel.live.closed', { orderId });
  if (live.state === 'OPEN') {
    return i18n.t('cancel.live.days', { orderId, days: i18n.number(live.remaining.daysRemaining) });
  }
  // The other states do not change by themselves; the status above says them.
  return '';
}

/** C9: the credit a cancellation now would give. */
export function creditText(credit: NonNullable<LiveOption['credit']>, i18n: I18n): string {
  const amount = i18n.money(credit.amount);
  if (credit.method === 'FULL') return i18n.t('cancel.credit.full', { amount });
  return i18n.t('cancel.credit.prorated', { amount, days: credit.unusedDays ?? 0 });
}

/** Why Submit is disabled, or null when it is not. */
export function submitBlockedReason(
  live: LiveOption | null,
  acknowledged: boolean,
  i18n: I18n,
): string | null {
  if (!live) return null;
  if (live.state !== 'OPEN') return i18n.t(`cancel.reason.${live.state}`);
  return acknowledged ? null : i18n.t('cancel.reason.acknowledge');
}

/** C5, S1: the Report a problem form, filled in for a refund of this order. */
export function supportRequestUrl(
  customer: { id: string; tenantId: string },
  product: { id: string; name: string },
  option: Option,
): string {
  const query = new URLSearchParams({
    problemType: 'CSP_PURCHASE_REFUND',
    customerId: customer.id,
    orderId: option.order.id,
    productId: product.id,
    productName: product.name,
    tenantOrDomain: customer.tenantId,
    amount: option.charged.decimal,
  });
  return `/support/new?${query.toString()}`;
}
