import { EmptyState } from './EmptyState';
import { RouterLink } from './RouterLink';
import { useI18n } from './i18n/useI18n';

/** Issue 14: an address that leads nowhere, or to a customer the user cannot see. */
export function NotFound({ what = 'page' }: { what?: 'page' | 'customer' }) {
  const { t } = useI18n();
  return (
    <EmptyState>
      {what === 'customer' ? t('app.customerNotFound') : t('app.notFound')}{' '}
      <RouterLink to="/customers">{t('app.backToCustomers')}</RouterLink>
    </EmptyState>
  );
}
