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
import { useParams } from 'react-router';
import { EmptyState } from '../../app/EmptyState';
import { QueryBoundary } from '../../app/QueryBoundary';
import { PageHeader } from '../../app/PageHeader';
import { RouterLink } from '../../app/RouterLink';
import { useI18n } from '../../app/i18n/useI18n';
import { STACK_TABLE } from '../../app/stack';
import { hasMessage } from '../../app/i18n/messages';
import { skuText } from '../catalog/sku-text';
import { CsvLink, InvoiceStatus, useInvoiceStyles } from './invoice-ui';
import { useInvoice } from './useInvoices';

const useStyles = makeStyles({
  totals: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: '8px 32px',
    margin: '0 0 16px',
    padding: '12px 16px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
  },
  total: { display: 'flex', flexDirection: 'column', margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  back: { display: 'inline-block', marginBottom: '8px' },
  heading: { margin: '0 0 8px' },
});

/** I2: an invoice's lines (customer, order, product, charge or credit, amount, tax flag). */
export function InvoiceDetail() {
  const styles = useStyles();
  const shared = useInvoiceStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const { invoiceId = '' } = useParams();
  const { data, error, refetch } = useInvoice(invoiceId);
  const back = (
    <RouterLink to="/billing" className={styles.back}>
      {t('billing.back')}
    </RouterLink>
  );
  if (!data) {
    return (
      <>
        {back}
        <QueryBoundary data={data} error={error} refetch={refetch} />
      </>
    );
  }
  const invoice = data.invoice;
  return (
    <>
      {back}
      <PageHeader
        title={t('billing.invoiceTitle', {
          period: i18n.period(invoice.period),
          currency: invoice.currency,
        })}
        subtitle={<InvoiceStatus status={invoice.status} />}
        actions={<CsvLink href={invoice.csvUrl} />}
      />
      <dl className={styles.totals}>
        {(
          [
            ['billing.charges', invoice.charges],
            ['billing.credits', invoice.credits],
            ['billing.net', invoice.net],
          ] as const
        ).map(([label, amount]) => (
          <div key={label} className={styles.total}>
            <dt className={styles.term}>{t(label)}</dt>
            <dd className={styles.value}>{i18n.money(amount)}</dd>
          </div>
        ))}
      </dl>
      <Text as="h2" size={400} weight="semibold" block className={styles.heading}>
        {t('billing.lines')}
      </Text>
      {invoice.lines.length === 0 ? (
        <EmptyState>{t('billing.linesEmpty')}</EmptyState>
      ) : (
        <div className={shared.panel}>
          <Table className={STACK_TABLE} role="table" aria-label={t('billing.lines')}>
            <TableHeader role="rowgroup">
              <TableRow role="row">
                <TableHeaderCell role="columnheader" style={{ width: 120 }}>
                  {t('billing.date')}
                </TableHeaderCell>
                <TableHeaderCell role="columnheader" style={{ width: 180 }}>
                  {t('billing.customer')}
                </TableHeaderCell>
                <TableHeaderCell role="columnheader" style={{ width: 150 }}>
                  {t('billing.order')}
                </TableHeaderCell>
                <TableHeaderCell role="columnheader">{t('billing.product')}</TableHeaderCell>
                <TableHeaderCell role="columnheader" style={{ width: 90 }} className={shared.num}>
                  {t('billing.quantity')}
                </TableHeaderCell>
                <TableHeaderCell role="columnheader" style={{ width: 100 }}>
                  {t('billing.kind')}
                </TableHeaderCell>
                <TableHeaderCell role="columnheader" style={{ width: 140 }} className={shared.num}>
                  {t('billing.amount')}
                </TableHeaderCell>
                <TableHeaderCell role="columnheader" style={{ width: 110 }}>
                  {t('billing.tax')}
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody role="rowgroup">
              {invoice.lines.map((line) => {
                const kindKey = `billing.kind.${line.kind}`;
                return (
                  <TableRow role="row" key={line.id}>
                    <TableCell role="cell" data-label={t('billing.date')}>
                      {i18n.date(line.createdAt)}
                    </TableCell>
                    <TableCell role="cell" data-label={t('billing.customer')}>
                      {line.customer?.name ?? t('billing.unknownCustomer')}
                    </TableCell>
                    <TableCell role="cell" data-label={t('billing.order')}>
                      {line.customer ? (
                        <RouterLink
                          className={shared.mono}
                          to={`/customers/${line.customer.id}/orders?order=${encodeURIComponent(line.orderId)}`}
                        >
                          {line.orderId}
                        </RouterLink>
                      ) : (
                        <span className={shared.mono}>{line.orderId}</span>
                      )}
                    </TableCell>
                    <TableCell role="cell" data-label={t('billing.product')}>
                      <div>{line.productName}</div>
                      <Caption1>
                        {skuText(
                          {
                            name: line.skuName,
                            unit: line.skuUnit,
                            unitSize: line.skuUnitSize,
                            termYears: line.termYears,
                          },
                          i18n,
                        )}
                      </Caption1>
                    </TableCell>
                    <TableCell
                      role="cell"
                      data-label={t('billing.quantity')}
                      className={shared.num}
                    >
                      {i18n.number(line.quantity)}
                    </TableCell>
                    <TableCell role="cell" data-label={t('billing.kind')}>
                      <Badge
                        appearance="outline"
                        color={line.kind === 'CREDIT' ? 'success' : 'informative'}
                      >
                        {hasMessage(kindKey) ? t(kindKey) : line.kind}
                      </Badge>
                    </TableCell>
                    <TableCell
                      role="cell"
                      data-label={t('billing.amount')}
                      className={mergeClasses(shared.num, line.kind === 'CREDIT' && shared.credit)}
                    >
                      {i18n.money(line.amount)}
                    </TableCell>
                    <TableCell role="cell" data-label={t('billing.tax')}>
                      {i18n.tax(line.taxIncluded)}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
