import {
  Body1Strong,
  Button,
  Caption1,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import { QueryBoundary } from '../../app/QueryBoundary';
import { RouterLink } from '../../app/RouterLink';
import { useVisuallyHidden } from '../../app/a11y';
import { describeError } from '../../app/errors';
import { useI18n } from '../../app/i18n/useI18n';
import type { CancelButtonProps } from './CancelButton';
import { liveOption } from './cancel-model';
import { announcement, creditText, optionStateText, submitBlockedReason } from './cancel-text';
import { OrderStatus } from './OrderStatus';
import { useCancelDialog } from './useCancelDialog';

const useStyles = makeStyles({
  surface: { maxWidth: '640px', width: 'calc(100vw - 32px)' },
  // Issue 14: no part may shrink below its text (on a phone the Important notice was squeezed
  // and spilled over the acknowledgement); the dialog's content scrolls instead.
  content: { display: 'flex', flexDirection: 'column', gap: '16px', '& > *': { flexShrink: 0 } },
  // A native select is as wide as its longest option: keep it inside the dialog.
  orderSelect: {
    width: '100%',
    minWidth: 0,
    '& select': { minWidth: 0, textOverflow: 'ellipsis' },
  },
  product: { display: 'flex', flexDirection: 'column', gap: '2px' },
  term: { color: tokens.colorNeutralForeground3 },
  orderRow: { display: 'flex', flexDirection: 'column', gap: '4px' },
  credit: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    paddingLeft: '12px',
    borderLeft: `3px solid ${tokens.colorPaletteGreenBorder2}`,
  },
  important: { margin: '4px 0 0', paddingLeft: '20px' },
  importantItem: { marginBottom: '4px' },
  actionsReason: {
    color: tokens.colorNeutralForeground2,
    alignSelf: 'center',
    marginRight: 'auto',
  },
  focusTarget: { outlineStyle: 'none' },
});

export interface CancelDialogProps extends CancelButtonProps {
  /** Defaults to open; the Cancel button keeps the dialog mounted while it closes. */
  open?: boolean;
  onClose(): void;
}

/** The dialog's body: loads the orders, then the form. */
function CancelForm({
  customerId,
  productId,
  productName,
  orderId,
  onCancelled,
  onClose,
}: Omit<CancelDialogProps, 'open'>) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const hidden = useVisuallyHidden();
  const ids = { ack: useId(), reason: useId(), live: useId() };
  const state = useCancelDialog(customerId, productId, orderId);
  const { data, error, refetch, options, option, live, now, submitting, canSubmit } = state;
  const { acknowledged, failure, success } = state;

  if (!data) {
    // The same actions from the start (keyed, so the Close button stays the same element when the
    // data comes): the dialog always has something focused inside. Fluent's modal focus trap
    // needs it; with focus on nothing, the next dialog opened on the page stays aria-hidden.
    return (
      <>
        <DialogContent>
          <QueryBoundary
            data={data}
            error={error}
            refetch={refetch}
            loadingLabel={t('cancel.loading')}
          />
        </DialogContent>
        <DialogActions fluid>
          <Button key="submit" appearance="primary" disabled>
            {t('cancel.submit')}
          </Button>
          <Button key="close" appearance="secondary" onClick={onClose}>
            {t('cancel.close')}
          </Button>
        </DialogActions>
      </>
    );
  }

  const product = data.cancellationOptions.product;
  const customer = data.customer;

  const reason = submitBlockedReason(live, acknowledged, i18n);

  return (
    <>
      <DialogContent className={styles.content}>
        {success && (
          <div ref={state.successRef} tabIndex={-1} className={styles.focusTarget} role="status">
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>
                  {t('cancel.success.title', { orderId: success.orderId })}
                </MessageBarTitle>
                <div>
                  {t(
                    success.method === 'FULL' ? 'cancel.success.full' : 'cancel.success.prorated',
                    {
                      amount: i18n.money(success.credit),
                      period: i18n.period(success.period),
                    },
                  )}
                </div>
                {state.anotherOpen && <div>{t('cancel.success.next')}</div>}
              </MessageBarBody>
            </MessageBar>
          </div>
        )}

        <div className={styles.product}>
          <Caption1 className={styles.term}>{t('cancel.product')}</Caption1>
          <Body1Strong>{product.name || productName}</Body1Strong>
          <Caption1>
            {t('cancel.productOf', {
              kind: i18n.productKind(product.kind),
              customer: customer.name,
            })}
          </Caption1>
        </div>

        {options.length === 0 ? (
          <Text>{t('cancel.noOrders')}</Text>
        ) : (
          <div className={styles.orderRow}>
            <Field label={t('cancel.orderNumber')}>
              <Select
                className={styles.orderSelect}
                ref={state.orderSelectRef}
                value={option?.order.id}
                onChange={(_e, { value }) => state.choose(value)}
                disabled={submitting}
              >
                {options.map((o) => (
                  <option key={o.order.id} value={o.order.id}>
                    {t('cancel.orderOption', {
                      orderId: o.order.id,
                      date: i18n.date(o.order.purchasedAt),
                      state: optionStateText(liveOption(o, now), i18n),
                    })}
                  </option>
                ))}
              </Select>
            </Field>
            {option && (
              <RouterLink to={`/customers/${customerId}/orders?order=${option.order.id}`}>
                {t('cancel.viewInOrderHistory')}
              </RouterLink>
            )}
          </div>
        )}

        {option && live && (
          <>
            <OrderStatus option={option} live={live} customer={customer} product={product} />
            <div id={ids.live} aria-live="polite" aria-atomic="true" className={hidden}>
              {announcement(live, option, i18n)}
            </div>
            {live.credit && (
              <div className={styles.credit} data-testid="cancel-credit">
                <Body1Strong>{creditText(live.credit, i18n)}</Body1Strong>
                <Caption1>
                  {t('cancel.charged', {
                    amount: i18n.money(option.charged),
                    date: i18n.dateTime(option.order.purchasedAt),
                  })}
                </Caption1>
              </div>
            )}
            {live.state === 'OPEN' && (
              <>
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>
                    <MessageBarTitle>{t('cancel.important.title')}</MessageBarTitle>
                    <ul className={styles.important}>
                      <li className={styles.importantItem}>{t('cancel.important.revoked')}</li>
                      <li className={styles.importantItem}>{t('cancel.important.uninstall')}</li>
                      <li className={styles.importantItem}>{t('cancel.important.listed')}</li>
                      <li className={styles.importantItem}>{t('cancel.important.credit')}</li>
                    </ul>
                  </MessageBarBody>
                </MessageBar>
                <Checkbox
                  id={ids.ack}
                  checked={acknowledged}
                  disabled={submitting}
                  onChange={(_e, { checked }) => state.setAcknowledged(checked === true)}
                  label={t('cancel.acknowledge')}
                />
              </>
            )}
          </>
        )}

        {failure !== null && (
          <div role="alert">
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t('cancel.failed')}</MessageBarTitle>
                {describeError(failure, i18n).map((message) => (
                  <div key={message}>{message}</div>
                ))}
              </MessageBarBody>
            </MessageBar>
          </div>
        )}
      </DialogContent>
      <DialogActions fluid>
        {reason && option && (
          <Caption1 key="reason" id={ids.reason} className={styles.actionsReason}>
            {reason}
          </Caption1>
        )}
        <Button
          key="submit"
          appearance="primary"
          disabled={!canSubmit}
          aria-describedby={reason ? ids.reason : undefined}
          onClick={() => void state.submit(onCancelled)}
          icon={submitting ? <Spinner size="tiny" /> : undefined}
        >
          {submitting ? t('cancel.submitting') : t('cancel.submit')}
        </Button>
        <Button key="close" appearance="secondary" disabled={submitting} onClick={onClose}>
          {t('cancel.close')}
        </Button>
      </DialogActions>
    </>
  );
}

/**
 * C7: the **Cancel** dialog of a software line: the product, the **Order number** drop-down of
 * this customer's orders of it, the live days remaining (or why it cannot be cancelled here), the
 * credit, the **Important** notice with its acknowledgement, and **Submit**. One order per
 * submission; after success it confirms and the next order can be chosen.
 */
export function CancelDialog(props: CancelDialogProps) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <Dialog
      open={props.open ?? true}
      modalType="modal"
      onOpenChange={(_e, data) => {
        if (!data.open) props.onClose();
      }}
    >
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t('cancel.title')}</DialogTitle>
          <CancelForm
            customerId={props.customerId}
            productId={props.productId}
            productName={props.productName}
            orderId={props.orderId}
            onCancelled={props.onCancelled}
            onClose={props.onClose}
          />
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
