import {
  Badge,
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useEffect } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { EmptyState } from '../../app/EmptyState';
import { ErrorMessage } from '../../app/ErrorMessage';
import { Loading } from '../../app/Loading';
import { useI18n } from '../../app/i18n/useI18n';
import { hasMessage } from '../../app/i18n/messages';
import { useOrderHistory } from './useOrderHistory';

const useStyles = makeStyles({
  panel: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    overflowX: 'auto',
  },
  highlighted: {
    backgroundColor: tokens.colorBrandBackground2,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  orderId: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  lines: { margin: 0, padding: 0, listStyleType: 'none' },
  line: { padding: '2px 0' },
  lineAmount: { color: tokens.colorNeutralForeground3, marginLeft: '6px' },
  cancelled: { textDecorationLine: 'line-through' },
  amount: {
    whiteSpace: 'nowrap',
    textAlign: 'right',
    '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end' },
  },
  note: { marginBottom: '8px', display: 'block' },
  top: { verticalAlign: 'top', paddingTop: '8px', paddingBottom: '8px' },
});

/** B6: the customer's Order history: order ID, date, items, amounts (M3 tax label), status. */
export function OrderHistory() {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const { customerId = '' } = useParams();
  const [searchParams] = useSearchParams();
  const highlight = searchParams.get('order');
  const { data, error, refetch } = useOrderHistory(customerId);
  const orders = data?.customer.orders;

  useEffect(() => {
    if (!highlight || !orders) return;
    document.getElementById(`order-${highlight}`)?.scrollIntoView?.({ block: 'center' });
  }, [highlight, orders]);

  if (!orders) {
    return error ? <ErrorMessage error={error} onRetry={() => void refetch()} /> : <Loading />;
  }
  if (orders.length === 0) return <EmptyState>{t('orders.empty')}</EmptyState>;
  const highlightFound = !!highlight && orders.some((order) => order.id === highlight);

  return (
    <>
      {error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {highlight && (
        <Text role="status" className={styles.note}>
          {highlightFound
            ? t('orders.highlighted', { orderId: highlight })
            : t('orders.notInList', { orderId: highlight })}
        </Text>
      )}
      <div className={styles.panel}>
        <Table aria-label={t('customer.orderHistory')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: 160 }}>{t('orders.orderId')}</TableHeaderCell>
              <TableHeaderCell style={{ width: 210 }}>{t('orders.date')}</TableHeaderCell>
              <TableHeaderCell>{t('orders.items')}</TableHeaderCell>
              <TableHeaderCell style={{ width: 150 }} className={styles.amount}>
                {t('orders.amount')}
              </TableHeaderCell>
              <TableHeaderCell style={{ width: 120 }}>{t('orders.status')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {orders.map((order) => {
              const statusKey = `orders.status.${order.status}`;
              return (
                <TableRow
                  key={order.id}
                  id={`order-${order.id}`}
                  className={order.id === highlight ? styles.highlighted : undefined}
                  aria-current={order.id === highlight ? 'true' : undefined}
                >
                  <TableCell className={styles.top}>
                    <span className={styles.orderId}>{order.id}</span>
                  </TableCell>
                  <TableCell className={styles.top}>
                    <div>{i18n.dateTime(order.purchasedAt)}</div>
                    {order.placedBy && (
                      <Caption1>
                        {t('orders.placedBy')}: {order.placedBy.displayName}
                      </Caption1>
                    )}
                  </TableCell>
                  <TableCell className={styles.top}>
                    <ul className={styles.lines}>
                      {order.lines.map((line) => (
                        <li
                          key={line.id}
                          className={mergeClasses(
                            styles.line,
                            line.status === 'CANCELLED' && styles.cancelled,
                          )}
                        >
                          {t('orders.lineSummary', {
                            product: line.product.name,
                            sku: line.skuName,
                            quantity: i18n.number(line.purchasedQuantity),
                          })}
                          <span className={styles.lineAmount}>{i18n.money(line.amount)}</span>
                          {line.status === 'CANCELLED' && (
                            <Badge appearance="tint" color="danger" style={{ marginLeft: 6 }}>
                              {t('orders.lineStatus.CANCELLED')}
                            </Badge>
                          )}
                        </li>
                      ))}
                    </ul>
                  </TableCell>
                  <TableCell className={mergeClasses(styles.top, styles.amount)}>
                    <div>{i18n.money(order.total)}</div>
                    <Caption1>{i18n.tax(order.taxIncluded)}</Caption1>
                  </TableCell>
                  <TableCell className={styles.top}>
                    <Badge
                      appearance="tint"
                      color={order.status === 'CANCELLED' ? 'danger' : 'success'}
                    >
                      {hasMessage(statusKey) ? t(statusKey) : order.status}
                    </Badge>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </>
  );
}
