import {
  Badge,
  Caption1,
  Field,
  SearchBox,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useDeferredValue, useState } from 'react';
import { EmptyState } from '../../app/EmptyState';
import { QueryBoundary } from '../../app/QueryBoundary';
import { ErrorMessage } from '../../app/ErrorMessage';
import { PageHeader } from '../../app/PageHeader';
import { PagingNav } from '../../app/PagingNav';
import { RouterLink } from '../../app/RouterLink';
import { useI18n } from '../../app/i18n/useI18n';
import { STACK_TABLE } from '../../app/stack';
import { CUSTOMERS_PAGE_SIZE, useCustomers, useDebounced } from './useCustomers';

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: '16px',
    marginBottom: '12px',
  },
  search: { width: '100%', maxWidth: '480px' },
  status: { display: 'flex', alignItems: 'center', gap: '8px', minHeight: '32px' },
  panel: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    overflowX: 'auto',
  },
  name: { fontWeight: tokens.fontWeightSemibold },
  tenant: { color: tokens.colorNeutralForeground3, display: 'block' },
});

/** B1: the partner's customers, searchable by name, tenant GUID, domain or order ID. */
export function CustomersList() {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const [search, setSearch] = useState('');
  const term = useDebounced(search, 300);
  const customers = useCustomers(term);
  // Rows render in a transition, in slices a phone's main thread can breathe between (issue 14:
  // Apollo hands results over synchronously, which made the table one long task).
  const connection = useDeferredValue(customers.connection ?? customers.previousData?.customers);
  const edges = connection?.edges ?? [];
  const anyMatchedOrder = edges.some((edge) => edge.matchedOrderId);
  const searching = customers.loading || term !== search;

  return (
    <>
      <PageHeader title={t('customers.title')} />
      <div className={styles.toolbar}>
        <Field
          label={t('customers.search')}
          hint={t('customers.searchHint')}
          className={styles.search}
        >
          <SearchBox
            value={search}
            onChange={(_e, data) => setSearch(data.value)}
            dismiss={{ 'aria-label': t('customers.clearSearch') }}
          />
        </Field>
        <div className={styles.status} role="status" aria-live="polite">
          {connection && <Text>{t('customers.count', { count: connection.totalCount })}</Text>}
          {searching && connection && <Spinner size="tiny" aria-label={t('app.loading')} />}
        </div>
      </div>

      {!connection ? (
        <QueryBoundary data={connection} error={customers.error} refetch={customers.refetch} />
      ) : edges.length === 0 ? (
        <EmptyState>
          {term.trim() ? t('customers.emptySearch', { search: term.trim() }) : t('customers.empty')}
        </EmptyState>
      ) : (
        <>
          {customers.error && <ErrorMessage error={customers.error} />}
          <div className={styles.panel}>
            <Table className={STACK_TABLE} role="table" aria-label={t('customers.title')}>
              <TableHeader role="rowgroup">
                <TableRow role="row">
                  <TableHeaderCell role="columnheader">{t('customers.name')}</TableHeaderCell>
                  <TableHeaderCell role="columnheader">{t('customers.domain')}</TableHeaderCell>
                  <TableHeaderCell role="columnheader">{t('customers.country')}</TableHeaderCell>
                  <TableHeaderCell role="columnheader">{t('customers.currency')}</TableHeaderCell>
                  {anyMatchedOrder && (
                    <TableHeaderCell role="columnheader">
                      {t('customers.matchedOrder')}
                    </TableHeaderCell>
                  )}
                </TableRow>
              </TableHeader>
              <TableBody role="rowgroup">
                {edges.map(({ node, matchedOrderId }) => (
                  <TableRow role="row" key={node.id}>
                    <TableCell role="cell" data-label={t('customers.name')}>
                      <div>
                        <RouterLink to={`/customers/${node.id}`} className={styles.name}>
                          {node.name}
                        </RouterLink>
                        <Caption1 className={styles.tenant}>{node.tenantId}</Caption1>
                      </div>
                    </TableCell>
                    <TableCell role="cell" data-label={t('customers.domain')}>
                      {node.domain}
                    </TableCell>
                    <TableCell role="cell" data-label={t('customers.country')}>
                      {i18n.country(node.market)}
                    </TableCell>
                    <TableCell role="cell" data-label={t('customers.currency')}>
                      {node.currency}
                    </TableCell>
                    {anyMatchedOrder && (
                      <TableCell role="cell" data-label={t('customers.matchedOrder')}>
                        {matchedOrderId && (
                          <RouterLink
                            to={`/customers/${node.id}/orders?order=${encodeURIComponent(matchedOrderId)}`}
                          >
                            <Badge appearance="tint" color="brand">
                              {t('customers.matchedOrderLabel', { orderId: matchedOrderId })}
                            </Badge>
                          </RouterLink>
                        )}
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <PagingNav
            page={customers.page}
            totalCount={connection.totalCount}
            pageSize={CUSTOMERS_PAGE_SIZE}
            hasPrevious={customers.hasPrevious}
            hasNext={customers.hasNext}
            onPrevious={customers.previous}
            onNext={customers.next}
          />
        </>
      )}
    </>
  );
}
