import type { I18n } from '../../app/i18n/i18n-context';

/** S3: a request's status in the chosen language. */
export function statusLabel(status: string, i18n: I18n): string {
  switch (status) {
    case 'SUBMITTED':
      return i18n.t('support.status.SUBMITTED');
    case 'IN_PROGRESS':
      return i18n.t('support.status.IN_PROGRESS');
    case 'RESOLVED':
      return i18n.t('support.status.RESOLVED');
    default:
      return status;
  }
}
