import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowLeftRegular, CheckmarkCircleRegular, LockClosedRegular } from '@fluentui/react-icons';
import { useEffect, useId, useRef } from 'react';
import { useParams } from 'react-router';
import { useVisuallyHidden } from '../../app/a11y';
import { EmptyState } from '../../app/EmptyState';
import { QueryBoundary } from '../../app/QueryBoundary';
import { ErrorMessage } from '../../app/ErrorMessage';
import { fieldErrorText } from '../../app/forms/field-error-text';
import { hasErrorCode } from '../../app/errors';
import { NotFound } from '../../app/NotFound';
import { PageHeader } from '../../app/PageHeader';
import { RouterLink } from '../../app/RouterLink';
import { useI18n } from '../../app/i18n/useI18n';
import { STACK_TABLE } from '../../app/stack';
import type { MessageKey } from '../../app/i18n/messages';
import { PermissionReason } from '../auth/PermissionReason';
import { usePermission } from '../auth/useSession';
import { CatalogPicker } from './CatalogPicker';
import { cancellationText, hybridBenefitNote } from './catalog-text';
import { skuText } from './sku-text';
import { priceCart, useAddProducts, type Step } from './useAddProducts';

const useStyles = makeStyles({
  steps: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: '8px 24px',
    listStyleType: 'none',
    margin: '0 0 16px',
    padding: 0,
  },
  step: { color: tokens.colorNeutralForeground3 },
  currentStep: {
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
    boxShadow: `inset 0 -2px 0 ${tokens.colorBrandForeground1}`,
    paddingBottom: '2px',
  },
  panel: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    padding: '16px',
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
  },
  tableWrap: { overflowX: 'auto' },
  num: {
    textAlign: 'right',
    whiteSpace: 'nowrap',
    // Header cells too: Fluent puts the header text in a flex box.
    '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end' },
  },
  totalRow: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '12px', alignItems: 'center' },
  back: { display: 'inline-block', marginBottom: '8px' },
  orderId: { fontFamily: tokens.fontFamilyMonospace },
  next: {
    display: 'inline-flex',
    alignItems: 'center',
    minHeight: '32px',
    padding: '0 12px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightSemibold,
    textDecorationLine: 'none',
    ':hover': {
      backgroundColor: tokens.colorBrandBackgroundHover,
      color: tokens.colorNeutralForegroundOnBrand,
    },
  },
});

const STEPS: { step: Step; label: MessageKey }[] = [
  { step: 'choose', label: 'addProducts.step.choose' },
  { step: 'review', label: 'addProducts.step.review' },
  { step: 'done', label: 'addProducts.step.done' },
];

/** B2: Add products for a customer: choose, review (total, tax, cancellation terms), place. */
export function AddProducts() {
  const styles = useStyles();
  const visuallyHidden = useVisuallyHidden();
  const i18n = useI18n();
  const { t } = i18n;
  const { customerId = '' } = useParams();
  const flow = useAddProducts(customerId);
  const permission = usePermission('BUY_SOFTWARE');
  const reasonId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { data, error, refetch } = flow.catalogQuery;

  // Moving between steps puts the keyboard and screen-reader focus on the new step's heading.
  const shownStep = useRef(flow.step);
  useEffect(() => {
    if (shownStep.current === flow.step) return;
    shownStep.current = flow.step;
    headingRef.current?.focus();
  }, [flow.step]);

  if (!data) {
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

  const { customer, catalog } = data;
  const { lines, total } = priceCart(catalog, flow.cart, customer.currency);
  const taxIncluded = customer.pricesIncludeTax;
  const notAllowed = !permission.allowed;
  const stepLabel = STEPS.find((s) => s.step === flow.step)!.label;

  return (
    <>
      <RouterLink to={`/customers/${customerId}`} className={styles.back}>
        {customer.name}
      </RouterLink>
      <PageHeader
        title={t('addProducts.title')}
        subtitle={t('addProducts.for', { customer: customer.name })}
      />
      <ol className={styles.steps} aria-label={t('addProducts.steps')}>
        {STEPS.map(({ step, label }) => (
          <li
            key={step}
            className={step === flow.step ? styles.currentStep : styles.step}
            aria-current={step === flow.step ? 'step' : undefined}
          >
            {t(label)}
          </li>
        ))}
      </ol>
      <h2 ref={headingRef} tabIndex={-1} className={visuallyHidden}>
        {t(stepLabel)}
      </h2>

      {notAllowed && (
        <div style={{ marginBottom: 16 }}>
          <MessageBar intent="warning" icon={<LockClosedRegular />}>
            <MessageBarBody>
              <PermissionReason id={reasonId} missingRoles={permission.missingRoles} icon={false} />
            </MessageBarBody>
          </MessageBar>
        </div>
      )}

      {flow.step === 'choose' &&
        (catalog.length === 0 ? (
          <EmptyState>{t('addProducts.emptyCatalog')}</EmptyState>
        ) : (
          <CatalogPicker
            catalog={catalog}
            market={customer.market}
            cart={flow.cart}
            lines={lines}
            total={total}
            taxIncluded={taxIncluded}
            onAdd={flow.addLine}
            onRemove={flow.removeLine}
            footer={
              <Button
                appearance="primary"
                disabledFocusable={notAllowed || flow.cart.length === 0}
                aria-describedby={notAllowed ? reasonId : undefined}
                onClick={flow.review}
              >
                {t('addProducts.review')}
              </Button>
            }
          />
        ))}

      {flow.step === 'review' && (
        <section className={styles.panel} aria-labelledby="review-heading">
          <Subtitle2 as="h3" id="review-heading">
            {t('addProducts.step.review')}
          </Subtitle2>
          <div className={styles.tableWrap}>
            <Table className={STACK_TABLE} role="table" aria-labelledby="review-heading">
              <TableHeader role="rowgroup">
                <TableRow role="row">
                  <TableHeaderCell role="columnheader">{t('addProducts.product')}</TableHeaderCell>
                  <TableHeaderCell role="columnheader">{t('addProducts.sku')}</TableHeaderCell>
                  <TableHeaderCell
                    role="columnheader"
                    style={{ width: 100 }}
                    className={styles.num}
                  >
                    {t('addProducts.quantity')}
                  </TableHeaderCell>
                  <TableHeaderCell
                    role="columnheader"
                    style={{ width: 140 }}
                    className={styles.num}
                  >
                    {t('addProducts.unitPriceHeader')}
                  </TableHeaderCell>
                  <TableHeaderCell
                    role="columnheader"
                    style={{ width: 140 }}
                    className={styles.num}
                  >
                    {t('addProducts.lineAmount')}
                  </TableHeaderCell>
                  <TableHeaderCell role="columnheader" style={{ width: 240 }}>
                    {t('addProducts.cancellation')}
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody role="rowgroup">
                {lines.map((line) => (
                  <TableRow role="row" key={line.sku.id}>
                    <TableCell role="cell" data-label={t('addProducts.product')}>
                      <div>{line.product.name}</div>
                      <Caption1>{i18n.productKind(line.product.kind)}</Caption1>
                    </TableCell>
                    <TableCell role="cell" data-label={t('addProducts.sku')}>
                      {skuText(line.sku, i18n)}
                    </TableCell>
                    <TableCell
                      role="cell"
                      data-label={t('addProducts.quantity')}
                      className={styles.num}
                    >
                      {i18n.number(line.quantity)}
                    </TableCell>
                    <TableCell
                      role="cell"
                      data-label={t('addProducts.unitPriceHeader')}
                      className={styles.num}
                    >
                      {i18n.money(line.unitPrice)}
                    </TableCell>
                    <TableCell
                      role="cell"
                      data-label={t('addProducts.lineAmount')}
                      className={styles.num}
                    >
                      {i18n.money(line.amount)}
                    </TableCell>
                    <TableCell role="cell" data-label={t('addProducts.cancellation')}>
                      {cancellationText(line.product.cancellationTerms, i18n)}
                    </TableCell>
                  </TableRow>
                ))}
                {total && (
                  <TableRow role="row" className={styles.totalRow}>
                    <TableCell role="cell" colSpan={4}>
                      {t('addProducts.totalWithTax', { tax: i18n.tax(taxIncluded) })}
                    </TableCell>
                    <TableCell
                      role="cell"
                      className={styles.num}
                      aria-label={t('addProducts.total')}
                    >
                      {i18n.money(total)}
                    </TableCell>
                    <TableCell role="cell" />
                  </TableRow>
                )}
              </TableBody>
            </Table>
          </div>
          {[...new Map(lines.map((line) => [line.product.id, line.product])).values()].map(
            (product) => {
              const note = hybridBenefitNote(product, i18n);
              return note ? (
                <MessageBar key={product.id} intent="info" layout="multiline">
                  <MessageBarBody>
                    <MessageBarTitle>
                      {t('addProducts.ahbTitle')} — {product.name}
                    </MessageBarTitle>
                    {note}
                  </MessageBarBody>
                </MessageBar>
              ) : null;
            },
          )}
          <Body1>{t('addProducts.chargedNote')}</Body1>
          {flow.inputErrors.length > 0 ? (
            <div role="alert">
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>
                  {flow.inputErrors.map((e) => (
                    <div key={`${e.field}-${e.code}`}>
                      {fieldErrorText(e, i18n, e.field.split('.').at(-1))}
                    </div>
                  ))}
                </MessageBarBody>
              </MessageBar>
            </div>
          ) : (
            flow.placeError && <ErrorMessage error={flow.placeError} />
          )}
          <div className={styles.actions}>
            <Button icon={<ArrowLeftRegular />} onClick={flow.back} disabled={flow.placing}>
              {t('addProducts.back')}
            </Button>
            <Button
              appearance="primary"
              disabledFocusable={notAllowed || flow.placing}
              aria-describedby={notAllowed ? reasonId : undefined}
              onClick={() => void flow.placeOrder()}
            >
              {flow.placing ? t('addProducts.placing') : t('addProducts.placeOrder')}
            </Button>
          </div>
        </section>
      )}

      {flow.step === 'done' && flow.placedOrder && (
        <section className={styles.panel} aria-labelledby="done-heading">
          <MessageBar intent="success" icon={<CheckmarkCircleRegular />}>
            <MessageBarBody>
              <MessageBarTitle id="done-heading" role="status">
                {t('addProducts.placed', { orderId: flow.placedOrder.id })}
              </MessageBarTitle>
              {i18n.dateTime(flow.placedOrder.purchasedAt)}
            </MessageBarBody>
          </MessageBar>
          <div className={styles.tableWrap}>
            <Table className={STACK_TABLE} role="table" aria-labelledby="done-heading">
              <TableHeader role="rowgroup">
                <TableRow role="row">
                  <TableHeaderCell role="columnheader" style={{ width: 160 }}>
                    {t('orders.orderId')}
                  </TableHeaderCell>
                  <TableHeaderCell role="columnheader">{t('addProducts.product')}</TableHeaderCell>
                  <TableHeaderCell
                    role="columnheader"
                    style={{ width: 100 }}
                    className={styles.num}
                  >
                    {t('addProducts.quantity')}
                  </TableHeaderCell>
                  <TableHeaderCell
                    role="columnheader"
                    style={{ width: 140 }}
                    className={styles.num}
                  >
                    {t('addProducts.lineAmount')}
                  </TableHeaderCell>
                  <TableHeaderCell role="columnheader" style={{ width: 260 }}>
                    {t('addProducts.cancellation')}
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody role="rowgroup">
                {flow.placedOrder.lines.map((line) => (
                  <TableRow role="row" key={line.id}>
                    <TableCell
                      role="cell"
                      data-label={t('orders.orderId')}
                      className={styles.orderId}
                    >
                      {flow.placedOrder!.id}
                    </TableCell>
                    <TableCell role="cell" data-label={t('addProducts.product')}>
                      <div>{line.product.name}</div>
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
                      data-label={t('addProducts.quantity')}
                      className={styles.num}
                    >
                      {i18n.number(line.purchasedQuantity)}
                    </TableCell>
                    <TableCell
                      role="cell"
                      data-label={t('addProducts.lineAmount')}
                      className={styles.num}
                    >
                      {i18n.money(line.amount)}
                    </TableCell>
                    <TableCell role="cell" data-label={t('addProducts.cancellation')}>
                      {cancellationText(
                        { policy: line.cancellationPolicy, windowDays: line.windowDays },
                        i18n,
                      )}
                      {line.cancellableUntil && (
                        <div>
                          <Caption1>{i18n.dateTime(line.cancellableUntil)}</Caption1>
                        </div>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
                <TableRow role="row" className={styles.totalRow}>
                  <TableCell role="cell" colSpan={3}>
                    {t('addProducts.totalWithTax', { tax: i18n.tax(flow.placedOrder.taxIncluded) })}
                  </TableCell>
                  <TableCell role="cell" className={styles.num}>
                    {i18n.money(flow.placedOrder.total)}
                  </TableCell>
                  <TableCell role="cell" />
                </TableRow>
              </TableBody>
            </Table>
          </div>
          <div className={styles.actions}>
            {/* Issue 14: the next step after buying: the keys and downloads, on the Software tab. */}
            <RouterLink to={`/customers/${customerId}/software`} className={styles.next}>
              {t('software.getKeysAndDownloads')}
            </RouterLink>
            <RouterLink
              to={`/customers/${customerId}/orders?order=${encodeURIComponent(flow.placedOrder.id)}`}
            >
              {t('addProducts.viewOrderHistory')}
            </RouterLink>
            <Button onClick={flow.startOver}>{t('addProducts.buyMore')}</Button>
          </div>
        </section>
      )}
    </>
  );
}
