import { EmptyState } from './EmptyState';
import { RouterLink } from './RouterLink';
import { useI18n } from './i18n/useI18n';

export function NotFound() {
  const { t } = useI18n();
  return (
    <EmptyState>
      {t('app.notFound')} <RouterLink to="/customers">{t('app.backToCustomers')}</RouterLink>
    </EmptyState>
  );
}
