import { isActivityDetailCode } from '@csp/domain';
import type { I18n } from '../../app/i18n/i18n-context';
import type { MessageValues } from '../../app/i18n/messages';
import { problemTypeLabel } from '../support/problem-type';

export interface DetailFacts {
  readonly detail?: string | null;
  readonly detailCode?: string | null;
  readonly detailParams?: ReadonlyArray<{ readonly name: string; readonly value: string }> | null;
  readonly count?: number | null;
}

/** The facts in the chosen language: instants local, money exact, periods and types named. */
function localized(params: Record<string, string>, i18n: I18n): MessageValues {
  const values: MessageValues = { ...params };
  if (params['from']) values['from'] = i18n.dateTime(params['from']);
  if (params['amountMinor'] && params['currency']) {
    values['amount'] = i18n.money({
      amountMinor: Number(params['amountMinor']),
      currency: params['currency'],
    });
  }
  if (params['period']) values['period'] = i18n.period(params['period']);
  if (params['problemType']) values['problemType'] = problemTypeLabel(params['problemType'], i18n);
  return values;
}

/**
 * A1, issue 15: an activity entry's detail in the chosen language, from its code and facts; an
 * entry without a code keeps the API's text. Hourly refusal entries say how many they stand for.
 */
export function detailText(entry: DetailFacts, i18n: I18n): string | null {
  if (!isActivityDetailCode(entry.detailCode)) return entry.detail ?? null;
  const params = Object.fromEntries((entry.detailParams ?? []).map((p) => [p.name, p.value]));
  const detail = i18n.t(`activity.detail.${entry.detailCode}`, localized(params, i18n));
  return (entry.count ?? 1) > 1
    ? i18n.t('activity.detail.count', { detail, count: entry.count ?? 1 })
    : detail;
}
