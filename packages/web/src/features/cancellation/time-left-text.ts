import type { TimeRemaining } from '@csp/domain';
import type { I18n } from '../../app/i18n/i18n-context';

/** C2 in words: days left, and hours and minutes on the last day (the dialog and Closing soon). */
export function timeLeftText(remaining: TimeRemaining, i18n: I18n): string {
  if (!remaining.lastDay) {
    return i18n.t('cancel.daysRemaining', { days: i18n.number(remaining.daysRemaining) });
  }
  const time =
    remaining.hours > 0
      ? i18n.t('cancel.time.hoursMinutes', { hours: remaining.hours, minutes: remaining.minutes })
      : remaining.minutes > 0
        ? i18n.t('cancel.time.minutes', { minutes: remaining.minutes })
        : i18n.t('cancel.time.underMinute');
  return i18n.t('cancel.lastDay', { time });
}
