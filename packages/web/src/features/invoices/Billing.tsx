import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { EmptyState } from '../../app/EmptyState';
import { QueryBoundary } from '../../app/QueryBoundary';
import { PageHeader } from '../../app/PageHeader';
import { RouterLink } from '../../app/RouterLink';
import { useI18n } from '../../app/i18n/useI18n';
import { STACK_TABLE } from '../../app/stack';
import { CsvLink, InvoiceStatus, useInvoiceStyles } from './invoice-ui';
import { INVOICES_PAGE_SIZE, useInvoices } from './useInvoices';
import { PagingNav } from '../../app/PagingNav';

/** I2: the partner's invoices with their totals: charges, credits, net. */
export function Billing() {
  const styles = useInvoiceStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const list = useInvoices();
  const { invoices, error, refetch } = list;

  return (
    <>
      <PageHeader title={t('billing.title')} subtitle={t('billing.intro')} />
      {!invoices ? (
        <QueryBoundary data={invoices} error={error} refetch={refetch} />
      ) : invoices.length === 0 ? (
        <EmptyState>{t('billing.empty')}</EmptyState>
      ) : (
        <div className={styles.panel}>
          <Table className={STACK_TABLE} role="table" aria-label={t('billing.title')}>
            <TableHeader role="rowgroup">
              <TableRow role="row">
                <TableHeaderCell role="columnheader">{t('billing.period')}</TableHeaderCell>
                <TableHeaderCell role="columnheader">{t('billing.currency')}</TableHeaderCell>
                <TableHeaderCell role="columnheader">{t('billing.status')}</TableHeaderCell>
                <TableHeaderCell role="columnheader" className={styles.num}>
                  {t('billing.charges')}
                </TableHeaderCell>
                <TableHeaderCell role="columnheader" className={styles.num}>
                  {t('billing.credits')}
                </TableHeaderCell>
                <TableHeaderCell role="columnheader" className={styles.num}>
                  {t('billing.net')}
                </TableHeaderCell>
                <TableHeaderCell role="columnheader">{t('billing.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody role="rowgroup">
              {invoices.map((invoice) => (
                <TableRow role="row" key={invoice.id}>
                  <TableCell role="cell" data-label={t('billing.period')}>
                    <RouterLink
                      to={`/billing/${invoice.id}`}
                      aria-label={t('billing.view', {
                        period: i18n.period(invoice.period),
                        currency: invoice.currency,
                      })}
                    >
                      {i18n.period(invoice.period)}
                    </RouterLink>
                  </TableCell>
                  <TableCell role="cell" data-label={t('billing.currency')}>
                    {invoice.currency}
                  </TableCell>
                  <TableCell role="cell" data-label={t('billing.status')}>
                    <InvoiceStatus status={invoice.status} />
                  </TableCell>
                  <TableCell role="cell" data-label={t('billing.charges')} className={styles.num}>
                    {i18n.money(invoice.charges)}
                  </TableCell>
                  <TableCell role="cell" data-label={t('billing.credits')} className={styles.num}>
                    {i18n.money(invoice.credits)}
                  </TableCell>
                  <TableCell role="cell" data-label={t('billing.net')} className={styles.num}>
                    <strong>{i18n.money(invoice.net)}</strong>
                  </TableCell>
                  <TableCell role="cell" data-label={t('billing.actions')}>
                    <CsvLink
                      href={invoice.csvUrl}
                      label={t('billing.downloadCsvOf', {
                        period: i18n.period(invoice.period),
                        currency: invoice.currency,
                      })}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <PagingNav
        page={list.page}
        totalCount={list.totalCount}
        pageSize={INVOICES_PAGE_SIZE}
        hasPrevious={list.hasPrevious}
        hasNext={list.hasNext}
        loading={list.loading}
        onPrevious={list.previous}
        onNext={list.next}
      />
    </>
  );
}
