import { EmptyState } from '../../app/EmptyState';
import { useI18n } from '../../app/i18n/useI18n';

/** D1 comes with its own issue; until then the Software tab says so. */
export function SoftwarePlaceholder() {
  const { t } = useI18n();
  return <EmptyState>{t('customer.softwareSoon')}</EmptyState>;
}
