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
import { isCurrencyCode, sum, type Money } from '@csp/domain';
import { useEffect } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { EmptyState } from '../../app/EmptyState';
import { QueryBoundary } from '../../app/QueryBoundary';
import { ErrorMessage } from '../../app/ErrorMessage';
import { useI18n } from '../../app/i18n/useI18n';
import { STACK_TABLE } from '../../app/stack';
import { hasMessage } from '../../app/i18n/messages';
import { skuText } from '../catalog/sku-text';
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
  // inline-block: the struck-through line's decoration does not reach into it.
  lineNote: { display: 'inline-block', width: '100%', color: tokens.colorNeutralForeground2 },
  credit: { display: 'block', color: tokens.colorPaletteGreenForeground1 },
  top: { verticalAlign: 'top', paddingTop: '8px', paddingBottom: '8px' },
});

type OrderRow = NonNullable<
  ReturnType<typeof useOrderHistory>['data']
>['customer']['orders'][number];

/** C9: the credits of the order's cancelled lines, added up; null when nothing was credited. */
function credited(order: OrderRow): Money | null {
  const credits = order.lines.flatMap((line) => (line.credit ? [line.credit] : []));
  const currency = order.total.currency;
  if (credits.length === 0 || !isCurrencyCode(currency)) return null;
  return sum(
    credits.map((c) => ({ amountMinor: c.amountMinor, currency })),
    currency,
  );
}

/** When the order's last line was cancelled. */
function lastCancelled(order: OrderRow): string | null {
  const dates = order.lines.flatMap((line) => (line.cancelledAt ? [String(line.cancelledAt)] : []));
  return dates.sort().at(-1) ?? null;
}

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
    return <QueryBoundary data={orders} error={error} refetch={refetch} />;
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
        <Table className={STACK_TABLE} role="table" aria-label={t('customer.orderHistory')}>
          <TableHeader role="rowgroup">
            <TableRow role="row">
              <TableHeaderCell role="columnheader" style={{ width: 160 }}>
                {t('orders.orderId')}
              </TableHeaderCell>
              <TableHeaderCell role="columnheader" style={{ width: 210 }}>
                {t('orders.date')}
              </TableHeaderCell>
              <TableHeaderCell role="columnheader">{t('orders.items')}</TableHeaderCell>
              <TableHeaderCell role="columnheader" style={{ width: 150 }} className={styles.amount}>
                {t('orders.amount')}
              </TableHeaderCell>
              <TableHeaderCell role="columnheader" style={{ width: 120 }}>
                {t('orders.status')}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody role="rowgroup">
            {orders.map((order) => {
              const statusKey = `orders.status.${order.status}`;
              return (
                <TableRow
                  role="row"
                  key={order.id}
                  id={`order-${order.id}`}
                  className={order.id === highlight ? styles.highlighted : undefined}
                  aria-current={order.id === highlight ? 'true' : undefined}
                >
                  <TableCell role="cell" data-label={t('orders.orderId')} className={styles.top}>
                    <span className={styles.orderId}>{order.id}</span>
                  </TableCell>
                  <TableCell role="cell" data-label={t('orders.date')} className={styles.top}>
                    <div>{i18n.dateTime(order.purchasedAt)}</div>
                    {order.placedBy && (
                      <Caption1>
                        {t('orders.placedBy')}: {order.placedBy.displayName}
                      </Caption1>
                    )}
                  </TableCell>
                  <TableCell role="cell" data-label={t('orders.items')} className={styles.top}>
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
                            sku: skuText(
                              {
                                name: line.skuName,
                                unit: line.skuUnit,
                                unitSize: line.skuUnitSize,
                                termYears: line.termYears,
                              },
                              i18n,
                            ),
                            quantity: i18n.number(line.purchasedQuantity),
                          })}
                          <span className={styles.lineAmount}>{i18n.money(line.amount)}</span>
                          {line.status === 'CANCELLED' && (
                            <Badge appearance="tint" color="danger" style={{ marginLeft: 6 }}>
                              {t('orders.lineStatus.CANCELLED')}
                            </Badge>
                          )}
                          {line.status === 'CANCELLED' && (line.cancelledAt || line.credit) && (
                            // Issue 14: when, and what came back (C9), not only the struck price.
                            <Caption1 className={styles.lineNote}>
                              {[
                                line.cancelledAt &&
                                  t('orders.cancelledOn', {
                                    date: i18n.dateTime(line.cancelledAt),
                                  }),
                                line.credit &&
                                  t('orders.creditOf', { amount: i18n.money(line.credit) }),
                              ]
                                .filter(Boolean)
                                .join(' · ')}
                            </Caption1>
                          )}
                        </li>
                      ))}
                    </ul>
                  </TableCell>
                  <TableCell
                    role="cell"
                    data-label={t('orders.amount')}
                    className={mergeClasses(styles.top, styles.amount)}
                  >
                    <div>{i18n.money(order.total)}</div>
                    <Caption1>{i18n.tax(order.taxIncluded)}</Caption1>
                    {credited(order) && (
                      <Caption1 className={styles.credit}>
                        {t('orders.credited', { amount: i18n.money(credited(order)!) })}
                      </Caption1>
                    )}
                  </TableCell>
                  <TableCell role="cell" data-label={t('orders.status')} className={styles.top}>
                    <Badge
                      appearance="tint"
                      color={order.status === 'CANCELLED' ? 'danger' : 'success'}
                    >
                      {hasMessage(statusKey) ? t(statusKey) : order.status}
                    </Badge>
                    {order.status === 'CANCELLED' && lastCancelled(order) && (
                      <Caption1 className={styles.lineNote}>
                        {i18n.dateTime(lastCancelled(order)!)}
                      </Caption1>
                    )}
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
