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
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import {
  CheckmarkCircleRegular,
  ClockRegular,
  DismissCircleRegular,
  HeadsetRegular,
  LockClosedRegular,
} from '@fluentui/react-icons';
import { DAY_MS } from '@csp/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { ErrorMessage } from '../../app/ErrorMessage';
import { RouterLink } from '../../app/RouterLink';
import { useVisuallyHidden } from '../../app/a11y';
import { describeError } from '../../app/errors';
import type { I18n } from '../../app/i18n/i18n-context';
import { useI18n } from '../../app/i18n/useI18n';
import { timeLeftText } from './time-left-text';
import type { CancelButtonProps } from './CancelButton';
import {
  announcementKey,
  deadlineOf,
  liveOption,
  type LiveOption,
  type Option,
} from './cancel-model';
import { useCancelPurchase, useCancellationOptions } from './useCancellation';
import { useLiveNow, useServerClockOffset } from './useLiveClock';

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
  status: {
    display: 'flex',
    gap: '12px',
    alignItems: 'flex-start',
    padding: '12px 16px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  statusOpen: {
    border: `1px solid ${tokens.colorBrandStroke2}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  statusLastDay: {
    border: `1px solid ${tokens.colorStatusWarningBorder1}`,
    backgroundColor: tokens.colorStatusWarningBackground1,
  },
  statusIcon: { fontSize: '24px', flexShrink: 0, marginTop: '2px' },
  statusText: { display: 'flex', flexDirection: 'column', gap: '4px', flexGrow: 1, minWidth: 0 },
  headline: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
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
  // A link inside a sentence is underlined, not told apart by its colour alone.
  inlineLink: { textDecorationLine: 'underline' },
});

export interface CancelDialogProps extends CancelButtonProps {
  /** Defaults to open; the Cancel button keeps the dialog mounted while it closes. */
  open?: boolean;
  onClose(): void;
}

function remainingText(live: LiveOption, i18n: I18n): string {
  return timeLeftText(live.remaining, i18n);
}

/** The short state shown in each Order number option. */
function optionStateText(live: LiveOption, i18n: I18n): string {
  switch (live.state) {
    case 'OPEN':
      return live.remaining.lastDay
        ? i18n.t('cancel.optionState.lastDay')
        : i18n.t('cancel.optionState.open', { days: i18n.number(live.remaining.daysRemaining) });
    case 'WINDOW_CLOSED':
      return i18n.t('cancel.optionState.closed');
    case 'SUPPORT_REQUEST_REQUIRED':
      return i18n.t('cancel.optionState.support');
    case 'NOT_CANCELLABLE':
      return i18n.t('cancel.optionState.never');
    case 'ALREADY_CANCELLED':
      return i18n.t('cancel.optionState.cancelled');
  }
}

/** What the polite live region says (see `announcementKey`: it changes a few times, not per second). */
function announcement(live: LiveOption, option: Option, i18n: I18n): string {
  const orderId = option.order.id;
  const key = announcementKey(live);
  if (key === 'LAST_HOUR') return i18n.t('cancel.live.lastHour', { orderId });
  if (key === 'LAST_DAY') {
    return i18n.t('cancel.live.lastDay', {
      orderId,
      deadline: option.cancellableUntil ? i18n.dateTime(option.cancellableUntil) : '',
    });
  }
  if (key === 'WINDOW_CLOSED') return i18n.t('cancel.live.closed', { orderId });
  if (live.state === 'OPEN') {
    return i18n.t('cancel.live.days', { orderId, days: i18n.number(live.remaining.daysRemaining) });
  }
  // The other states do not change by themselves; the status above says them.
  return '';
}

export function supportRequestUrl(
  customer: { id: string; tenantId: string },
  product: { id: string; name: string },
  option: Option,
): string {
  const query = new URLSearchParams({
    problemType: 'CSP_PURCHASE_REFUND',
    customerId: customer.id,
    orderId: option.order.id,
    productId: product.id,
    productName: product.name,
    tenantOrDomain: customer.tenantId,
    amount: option.charged.decimal,
  });
  return `/support/new?${query.toString()}`;
}

interface Success {
  orderId: string;
  credit: { amountMinor: number; currency: string };
  method: string;
  period: string;
}

/**
 * C2–C9 for the chosen order: the live countdown (or why it cannot be cancelled here), and the
 * credit a cancellation now would give.
 */
function OrderStatus({
  option,
  live,
  customer,
  product,
}: {
  option: Option;
  live: LiveOption;
  customer: { id: string; tenantId: string };
  product: { id: string; name: string };
}) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const deadline = option.cancellableUntil ? i18n.dateTime(option.cancellableUntil) : '';

  switch (live.state) {
    case 'OPEN': {
      const windowMs = (option.windowDays ?? 60) * DAY_MS;
      return (
        <div
          className={mergeClasses(
            styles.status,
            styles.statusOpen,
            live.remaining.lastDay && styles.statusLastDay,
          )}
          data-testid="cancel-status"
        >
          <ClockRegular className={styles.statusIcon} aria-hidden />
          <div className={styles.statusText}>
            <Body1Strong className={styles.headline}>{remainingText(live, i18n)}</Body1Strong>
            <Text>{t('cancel.deadline', { deadline })}</Text>
            <ProgressBar
              value={Math.min(1, live.remaining.totalMs / windowMs)}
              color={live.remaining.lastDay ? 'warning' : 'brand'}
              thickness="large"
              aria-label={t('cancel.windowLeft', {
                windowDays: i18n.number(option.windowDays ?? 60),
              })}
            />
          </div>
        </div>
      );
    }
    case 'WINDOW_CLOSED':
      return (
        <div className={styles.status} data-testid="cancel-status">
          <DismissCircleRegular className={styles.statusIcon} aria-hidden />
          <div className={styles.statusText}>
            <Body1Strong className={styles.headline}>{t('cancel.windowPassed.title')}</Body1Strong>
            <Text>
              {t('cancel.windowPassed.detail', {
                deadline,
                windowDays: i18n.number(option.windowDays ?? 60),
              })}
            </Text>
          </div>
        </div>
      );
    case 'SUPPORT_REQUEST_REQUIRED':
      return (
        <div className={styles.status} data-testid="cancel-status">
          <HeadsetRegular className={styles.statusIcon} aria-hidden />
          <div className={styles.statusText}>
            <Body1Strong className={styles.headline}>
              {t('cancel.supportRequired.title')}
            </Body1Strong>
            <Text>
              {i18n.rich('cancel.supportRequired.detail', {
                link: (text) => (
                  <RouterLink
                    to={supportRequestUrl(customer, product, option)}
                    className={styles.inlineLink}
                  >
                    {text}
                  </RouterLink>
                ),
              })}
            </Text>
          </div>
        </div>
      );
    case 'NOT_CANCELLABLE':
      return (
        <div className={styles.status} data-testid="cancel-status">
          <LockClosedRegular className={styles.statusIcon} aria-hidden />
          <div className={styles.statusText}>
            <Body1Strong className={styles.headline}>
              {t('cancel.notCancellable.title')}
            </Body1Strong>
            <Text>{t('cancel.notCancellable.detail')}</Text>
            <Link
              href="https://docs.microsoft.com/azure/virtual-machines/linux/prepay-suse-software-charges"
              target="_blank"
              rel="noopener noreferrer"
            >
              {t('cancel.notCancellable.learnMore')}
            </Link>
          </div>
        </div>
      );
    case 'ALREADY_CANCELLED':
      return (
        <div className={styles.status} data-testid="cancel-status">
          <CheckmarkCircleRegular className={styles.statusIcon} aria-hidden />
          <div className={styles.statusText}>
            <Body1Strong className={styles.headline}>
              {t('cancel.alreadyCancelled.title')}
            </Body1Strong>
            <Text>
              {t('cancel.alreadyCancelled.detail', {
                date: live.cancelledAt ? i18n.dateTime(live.cancelledAt) : '',
              })}
            </Text>
          </div>
        </div>
      );
  }
}

function creditText(credit: NonNullable<LiveOption['credit']>, i18n: I18n): string {
  const amount = i18n.money(credit.amount);
  if (credit.method === 'FULL') return i18n.t('cancel.credit.full', { amount });
  return i18n.t('cancel.credit.prorated', { amount, days: credit.unusedDays ?? 0 });
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
  const { data, error, refetch } = useCancellationOptions(customerId, productId);
  const [cancel, { loading: submitting }] = useCancelPurchase();
  const [chosen, setChosen] = useState(orderId);
  const [acknowledged, setAcknowledged] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [success, setSuccess] = useState<Success | null>(null);
  const successRef = useRef<HTMLDivElement>(null);
  const orderSelectRef = useRef<HTMLSelectElement>(null);

  const options = data?.cancellationOptions.orders ?? [];
  const option = options.find((o) => o.order.id === chosen) ?? options[0];
  const offset = useServerClockOffset(data?.cancellationOptions.serverTime);
  const now = useLiveNow(offset, deadlineOf(option));
  const live = option ? liveOption(option, now) : null;
  const canSubmit = live?.state === 'OPEN' && acknowledged && !submitting;

  useEffect(() => {
    if (success) successRef.current?.focus();
  }, [success]);

  // Once the orders are there, keyboard users start at the Order number drop-down (focus was
  // on Close while they loaded), unless they have moved on already.
  const loaded = !!data;
  useEffect(() => {
    const select = orderSelectRef.current;
    if (!loaded || !select) return;
    const active = document.activeElement;
    const surface = select.closest('[role="dialog"]');
    if (
      !active ||
      active === document.body ||
      active.closest('.fui-DialogActions') ||
      active === surface
    ) {
      select.focus();
    }
  }, [loaded]);

  const refresh = () => void refetch().catch(() => undefined);

  if (!data) {
    // The same actions from the start (keyed, so the Close button stays the same element when the
    // data comes): the dialog always has something focused inside. Fluent's modal focus trap
    // needs it; with focus on nothing, the next dialog opened on the page stays aria-hidden.
    return (
      <>
        <DialogContent>
          {error ? (
            <ErrorMessage error={error} onRetry={refresh} />
          ) : (
            <Spinner size="small" label={t('cancel.loading')} labelPosition="after" />
          )}
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

  const choose = (id: string) => {
    setChosen(id);
    setAcknowledged(false);
    setFailure(null);
  };

  const submit = async () => {
    if (!option || !canSubmit) return;
    setFailure(null);
    setSuccess(null);
    try {
      const result = await cancel({
        variables: {
          input: { customerId, productId, orderId: option.order.id, acknowledged: true },
        },
      });
      const payload = result.data?.cancelPurchase;
      if (payload) {
        setSuccess({
          orderId: payload.order.id,
          credit: payload.credit,
          method: payload.creditMethod,
          period: payload.creditInvoice.period,
        });
        setAcknowledged(false);
        onCancelled?.();
      }
    } catch (caught) {
      setFailure(caught);
    }
    refresh();
  };

  const reason = !live
    ? null
    : live.state === 'OPEN'
      ? acknowledged
        ? null
        : t('cancel.reason.acknowledge')
      : t(`cancel.reason.${live.state}`);

  return (
    <>
      <DialogContent className={styles.content}>
        {success && (
          <div ref={successRef} tabIndex={-1} className={styles.focusTarget} role="status">
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
                {options.some(
                  (o) => o.order.id !== success.orderId && liveOption(o, now).state === 'OPEN',
                ) && <div>{t('cancel.success.next')}</div>}
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
                ref={orderSelectRef}
                value={option?.order.id}
                onChange={(_e, { value }) => choose(value)}
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
                  onChange={(_e, { checked }) => setAcknowledged(checked === true)}
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
          onClick={() => void submit()}
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
