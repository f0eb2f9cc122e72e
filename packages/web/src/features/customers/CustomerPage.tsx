import { Button, Caption1, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useId, type KeyboardEvent } from 'react';
import { Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { QueryBoundary } from '../../app/QueryBoundary';
import { hasErrorCode } from '../../app/errors';
import { NotFound } from '../../app/NotFound';
import { PageHeader } from '../../app/PageHeader';
import { RouterLink } from '../../app/RouterLink';
import { useI18n } from '../../app/i18n/useI18n';
import { PermissionReason } from '../auth/PermissionReason';
import { usePermission } from '../auth/useSession';
import { useCustomer } from './useCustomer';

const useStyles = makeStyles({
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: '4px 24px',
    margin: 0,
    padding: 0,
  },
  fact: { display: 'flex', gap: '6px', margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
  term: { color: tokens.colorNeutralForeground3 },
  tabs: { marginBottom: '16px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  back: { display: 'inline-block', marginBottom: '8px' },
});

/** R2, R9: Add products, disabled with the reason for roles that cannot buy (never hidden). */
export function AddProductsButton({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const permission = usePermission('BUY_SOFTWARE');
  const reasonId = useId();
  return (
    <>
      <Button
        appearance="primary"
        icon={<AddRegular />}
        disabledFocusable={!permission.allowed}
        aria-describedby={permission.allowed ? undefined : reasonId}
        onClick={() => void navigate(`/customers/${customerId}/add-products`)}
      >
        {t('customer.addProducts')}
      </Button>
      {!permission.allowed && (
        <PermissionReason id={reasonId} missingRoles={permission.missingRoles} />
      )}
    </>
  );
}

/** A customer's page: its facts, Add products, and the Software and Order history tabs. */
export function CustomerPage() {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const { customerId = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { data, error, refetch } = useCustomer(customerId);
  const tab = location.pathname.endsWith('/orders') ? 'orders' : 'software';

  if (!data) {
    // Issue 14: another partner's customer, or none: the same answer, a not-found page.
    if (hasErrorCode(error, 'NOT_FOUND')) return <NotFound what="customer" />;
    return (
      <>
        {!!error && (
          <RouterLink to="/customers" className={styles.back}>
            {t('app.backToCustomers')}
          </RouterLink>
        )}
        <QueryBoundary data={data} error={error} refetch={refetch} />
      </>
    );
  }
  const customer = data.customer;
  return (
    <>
      <RouterLink to="/customers" className={styles.back}>
        {t('app.backToCustomers')}
      </RouterLink>
      <PageHeader
        title={customer.name}
        subtitle={
          <dl className={styles.facts}>
            <div className={styles.fact}>
              <dt className={styles.term}>{t('customers.domain')}</dt>
              <dd style={{ margin: 0 }}>{customer.domain}</dd>
            </div>
            <div className={styles.fact}>
              <dt className={styles.term}>{t('customer.tenantId')}</dt>
              <dd style={{ margin: 0 }}>{customer.tenantId}</dd>
            </div>
            <div className={styles.fact}>
              <dt className={styles.term}>{t('customer.market')}</dt>
              <dd style={{ margin: 0 }}>{i18n.country(customer.market)}</dd>
            </div>
            <div className={styles.fact}>
              <dt className={styles.term}>{t('customer.currency')}</dt>
              <dd style={{ margin: 0 }}>{customer.currency}</dd>
            </div>
          </dl>
        }
        actions={
          <>
            <AddProductsButton customerId={customer.id} />
            <Caption1>
              {customer.pricesIncludeTax
                ? t('customer.pricesIncludeTax')
                : t('customer.pricesExcludeTax')}
            </Caption1>
          </>
        }
      />
      {/* Fluent's TabList moves focus with a Tabster mover, which inserts aria-hidden focusable
          <i> elements around the tabs (axe: aria-hidden-focus). Two tabs need no mover: the
          arrow keys and a roving tabindex are handled here, as the ARIA tabs pattern asks. */}
      <TabList
        className={styles.tabs}
        aria-label={t('customer.tabs')}
        selectedValue={tab}
        onTabSelect={(_e, { value }) => void navigate(`/customers/${customer.id}/${String(value)}`)}
        data-tabster={undefined}
        onKeyDown={moveBetweenTabs}
      >
        <Tab
          value="software"
          id="tab-software"
          aria-controls="customer-tabpanel"
          tabIndex={tab === 'software' ? 0 : -1}
        >
          {t('customer.software')}
        </Tab>
        <Tab
          value="orders"
          id="tab-orders"
          aria-controls="customer-tabpanel"
          tabIndex={tab === 'orders' ? 0 : -1}
        >
          {t('customer.orderHistory')}
        </Tab>
      </TabList>
      <section id="customer-tabpanel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        <Outlet />
      </section>
    </>
  );
}

/** ARIA tabs pattern: Left/Right move focus between the tabs (wrapping), Home/End to the ends. */
function moveBetweenTabs(event: KeyboardEvent<HTMLElement>) {
  const tabs = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]')];
  const current = tabs.indexOf(document.activeElement as HTMLElement);
  if (current < 0) return;
  const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
  const target =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? tabs.length - 1
        : step === undefined
          ? null
          : (current + step + tabs.length) % tabs.length;
  if (target === null) return;
  event.preventDefault();
  tabs[target]!.focus();
}
