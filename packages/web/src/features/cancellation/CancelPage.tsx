import { Body1, makeStyles } from '@fluentui/react-components';
import { useParams, useSearchParams } from 'react-router';
import { EmptyState } from '../../app/EmptyState';
import { RouterLink } from '../../app/RouterLink';
import { useI18n } from '../../app/i18n/useI18n';
import { CancelControl } from './CancelButton';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '12px' },
});

/**
 * C7 by address: /customers/:customerId/cancel?productId=…&orderId=… opens the Cancel dialog for
 * that product and order (a link from elsewhere, e.g. an e-mail or a script, lands here).
 */
export function CancelPage() {
  const styles = useStyles();
  const { t } = useI18n();
  const { customerId = '' } = useParams();
  const [query] = useSearchParams();
  const productId = query.get('productId') ?? '';
  const orderId = query.get('orderId') ?? '';
  const productName = query.get('productName') ?? productId;

  if (!productId) return <EmptyState>{t('cancel.page.missing')}</EmptyState>;
  return (
    <div className={styles.root}>
      <Body1>{t('cancel.page.intro', { product: productName })}</Body1>
      <CancelControl
        key={`${productId}/${orderId}`}
        customerId={customerId}
        productId={productId}
        productName={productName}
        orderId={orderId}
        initiallyOpen={query.get('open') !== '0'}
      />
      <RouterLink to={`/customers/${customerId}/software`}>{t('cancel.page.back')}</RouterLink>
    </div>
  );
}
