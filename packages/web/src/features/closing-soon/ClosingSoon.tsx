import {
  Badge,
  Button,
  Caption1,
  Field,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  CLOSING_SOON_DEFAULT_DAYS,
  creditPreview,
  money,
  timeRemaining,
  type CurrencyCode,
  type TermYears,
} from '@csp/domain';
import { useState } from 'react';
import { EmptyState } from '../../app/EmptyState';
import { QueryBoundary } from '../../app/QueryBoundary';
import { PageHeader } from '../../app/PageHeader';
import { RouterLink } from '../../app/RouterLink';
import { useVisuallyHidden } from '../../app/a11y';
import type { I18n } from '../../app/i18n/i18n-context';
import { useI18n } from '../../app/i18n/useI18n';
import { timeLeftText as timeLeftTextOf } from '../cancellation/time-left-text';
import type { ClosingSoonQuery } from '../../gql/graphql';
import { CancelControl } from '../cancellation/CancelButton';
import { useLiveNow, useServerClockOffset } from '../cancellation/useLiveClock';
import { CLOSING_SOON_PAGE_SIZE, useClosingSoon } from './useClosingSoon';
import { skuText } from '../catalog/sku-text';

type Purchase = ClosingSoonQuery['cancellationsClosingSoon']['edges'][number]['node'];

const HORIZONS = [1, 3, CLOSING_SOON_DEFAULT_DAYS, 14, 30] as const;

/** Below this width the table becomes a list of cards. */
const PHONE = '@media (max-width: 640px)';

const useStyles = makeStyles({
  toolbar: { display: 'flex', gap: '16px', alignItems: 'flex-end', marginBottom: '12px' },
  panel: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    overflowX: 'auto',
  },
  id: { fontFamily: tokens.fontFamilyMonospace },
  top: {
    verticalAlign: 'top',
    paddingTop: '8px',
    paddingBottom: '8px',
    // A phone: each purchase is a card, each cell a "label: value" row (the header is hidden).
    [PHONE]: {
      display: 'flex',
      justifyContent: 'space-between',
      gap: '12px',
      paddingTop: '4px',
      paddingBottom: '4px',
      textAlign: 'end',
      '::before': {
        content: 'attr(data-label)',
        fontWeight: tokens.fontWeightSemibold,
        textAlign: 'start',
        flexShrink: 0,
      },
    },
  },
  stack: { [PHONE]: { display: 'block' } },
  phoneHidden: { [PHONE]: { display: 'none' } },
  card: {
    [PHONE]: {
      display: 'block',
      paddingTop: '8px',
      paddingBottom: '8px',
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
  // The countdown wraps inside its pill instead of spilling over it.
  badge: {
    height: 'auto',
    minHeight: '20px',
    whiteSpace: 'normal',
    paddingTop: '2px',
    paddingBottom: '2px',
  },
  sub: { color: tokens.colorNeutralForeground3, display: 'block' },
  more: { marginTop: '12px' },
});

/** C2 as the Cancel dialog says it: days, and hours and minutes on the last day. */
export function timeLeftText(cancellableUntil: string, now: Date, i18n: I18n): string {
  const remaining = timeRemaining(new Date(cancellableUntil), now);
  return remaining.totalMs <= 0 ? i18n.t('closingSoon.closed') : timeLeftTextOf(remaining, i18n);
}

/** C9 live, with the domain's function and the corrected clock: what cancelling now would credit. */
export function liveCredit(purchase: Purchase, now: Date) {
  const preview = creditPreview(
    {
      terms: {
        policy: 'WINDOW',
        windowDays: purchase.windowDays,
        cancellableUntil: new Date(purchase.cancellableUntil),
      },
      purchasedAt: new Date(purchase.purchasedAt),
      termYears: (purchase.termYears ?? null) as TermYears,
      charged: money(purchase.amount.amountMinor, purchase.amount.currency as CurrencyCode),
      cancelledAt: null,
    },
    now,
  );
  return preview?.credit ?? null;
}

/**
 * K1: every purchase of the partner whose cancellation window closes within the chosen horizon,
 * across customers, soonest first, with the live time left and credit; **Cancel** opens the Cancel
 * dialog (C7) for that order.
 */
export function ClosingSoon() {
  const styles = useStyles();
  const hidden = useVisuallyHidden();
  const i18n = useI18n();
  const { t } = i18n;
  const [withinDays, setWithinDays] = useState<number>(CLOSING_SOON_DEFAULT_DAYS);
  const { data, error, refetch, fetchMore, loading } = useClosingSoon(withinDays);
  const page = data?.cancellationsClosingSoon;
  const offset = useServerClockOffset(page?.serverTime);
  const soonest = page?.edges.find(
    (e) => Date.parse(e.node.cancellableUntil) > Date.now() + offset,
  );
  const now = useLiveNow(offset, soonest?.node.cancellableUntil ?? null);

  return (
    <>
      <PageHeader title={t('closingSoon.title')} subtitle={t('closingSoon.intro')} />
      <div className={styles.toolbar}>
        <Field label={t('closingSoon.horizon')}>
          <Select value={String(withinDays)} onChange={(_e, d) => setWithinDays(Number(d.value))}>
            {HORIZONS.map((days) => (
              <option key={days} value={days}>
                {t('closingSoon.withinDays', { days })}
              </option>
            ))}
          </Select>
        </Field>
        {page && (
          <Caption1 aria-live="polite">
            {t('closingSoon.count', { count: i18n.number(page.totalCount) })}
          </Caption1>
        )}
      </div>
      {!page ? (
        <QueryBoundary data={page} error={error} refetch={refetch} />
      ) : page.edges.length === 0 ? (
        <EmptyState>{t('closingSoon.empty', { days: page.withinDays })}</EmptyState>
      ) : (
        <>
          <div className={styles.panel}>
            <Table className={styles.stack} aria-label={t('closingSoon.title')}>
              <TableHeader className={styles.phoneHidden}>
                <TableRow>
                  <TableHeaderCell>{t('closingSoon.timeLeft')}</TableHeaderCell>
                  <TableHeaderCell>{t('closingSoon.customer')}</TableHeaderCell>
                  <TableHeaderCell>{t('closingSoon.product')}</TableHeaderCell>
                  <TableHeaderCell>{t('closingSoon.order')}</TableHeaderCell>
                  <TableHeaderCell>{t('closingSoon.amount')}</TableHeaderCell>
                  <TableHeaderCell>{t('closingSoon.credit')}</TableHeaderCell>
                  <TableHeaderCell>
                    <span className={hidden}>{t('closingSoon.actions')}</span>
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody className={styles.stack}>
                {page.edges.map(({ node }) => {
                  const left = timeRemaining(new Date(node.cancellableUntil), now);
                  const credit = liveCredit(node, now);
                  return (
                    <TableRow key={node.lineId} className={styles.card}>
                      <TableCell className={styles.top} data-label={t('closingSoon.timeLeft')}>
                        <div>
                          <Badge
                            className={styles.badge}
                            appearance="tint"
                            color={
                              left.totalMs <= 0
                                ? 'subtle'
                                : left.lastDay
                                  ? 'warning'
                                  : 'informative'
                            }
                          >
                            {timeLeftText(node.cancellableUntil, now, i18n)}
                          </Badge>
                          <span className={styles.sub}>{i18n.dateTime(node.cancellableUntil)}</span>
                        </div>
                      </TableCell>
                      <TableCell className={styles.top} data-label={t('closingSoon.customer')}>
                        <RouterLink to={`/customers/${node.customer.id}/software`}>
                          {node.customer.name}
                        </RouterLink>
                      </TableCell>
                      <TableCell className={styles.top} data-label={t('closingSoon.product')}>
                        <div>
                          {node.product.name}
                          <span className={styles.sub}>
                            {skuText(
                              {
                                name: node.skuName,
                                unit: node.skuUnit,
                                unitSize: node.skuUnitSize,
                                termYears: node.termYears,
                              },
                              i18n,
                            )}{' '}
                            · {i18n.number(node.quantity)}
                          </span>
                        </div>
                      </TableCell>
                      <TableCell className={styles.top} data-label={t('closingSoon.order')}>
                        <span className={styles.id}>{node.orderId}</span>
                      </TableCell>
                      <TableCell className={styles.top} data-label={t('closingSoon.amount')}>
                        {i18n.money(node.amount)}
                      </TableCell>
                      <TableCell className={styles.top} data-label={t('closingSoon.credit')}>
                        {credit ? i18n.money(credit) : t('closingSoon.closed')}
                      </TableCell>
                      <TableCell className={styles.top}>
                        <CancelControl
                          customerId={node.customer.id}
                          productId={node.product.id}
                          productName={node.product.name}
                          orderId={node.orderId}
                          onCancelled={() => void refetch()}
                        />
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
          {page.pageInfo.hasNextPage && (
            <Button
              className={styles.more}
              disabled={loading}
              onClick={() =>
                void fetchMore({
                  variables: { after: page.pageInfo.endCursor, first: CLOSING_SOON_PAGE_SIZE },
                  updateQuery: (previous, { fetchMoreResult }) => ({
                    cancellationsClosingSoon: {
                      ...fetchMoreResult.cancellationsClosingSoon,
                      edges: [
                        ...previous.cancellationsClosingSoon.edges,
                        ...fetchMoreResult.cancellationsClosingSoon.edges,
                      ],
                    },
                  }),
                })
              }
            >
              {t('closingSoon.more')}
            </Button>
          )}
        </>
      )}
    </>
  );
}
