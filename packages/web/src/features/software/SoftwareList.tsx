import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Caption1,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { EmptyState } from '../../app/EmptyState';
import { QueryBoundary } from '../../app/QueryBoundary';
import { ErrorMessage } from '../../app/ErrorMessage';
import { RouterLink } from '../../app/RouterLink';
import { useI18n } from '../../app/i18n/useI18n';
import { CancelButton } from '../cancellation/CancelButton';
import { DownloadPanel } from './DownloadPanel';
import { LiveLinks } from './LiveLinks';
import { useNow } from './useNow';
import { useSoftware, type SoftwareLine } from './useSoftware';
import { skuText } from '../catalog/sku-text';

const useStyles = makeStyles({
  intro: { display: 'block', marginBottom: '12px', color: tokens.colorNeutralForeground2 },
  list: { display: 'flex', flexDirection: 'column', gap: '12px' },
  card: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    padding: '4px 16px 12px 4px',
    '@media (max-width: 640px)': { padding: '4px 12px 12px 4px' },
  },
  top: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: '8px',
  },
  header: { flexGrow: 1, minWidth: 'min(240px, 100%)', margin: 0 },
  title: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    // Korean fonts are taller than their line: keep the name and the SKU line apart.
    gap: '2px',
    padding: '4px 0',
  },
  name: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: '4px 24px',
    margin: '0 0 0 44px',
    padding: 0,
    '@media (max-width: 640px)': { margin: '0 0 0 12px' },
  },
  fact: { display: 'flex', alignItems: 'center', gap: '6px', margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  orderId: { fontFamily: tokens.fontFamilyMonospace },
  panel: {
    margin: '12px 0 0 44px',
    paddingTop: '12px',
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    display: 'flex',
    flexDirection: 'column',
    gap: '16px',
    '@media (max-width: 640px)': { margin: '12px 0 0 12px' },
  },
});

/** C1, C2: when the line can be cancelled, in the user's time zone (or why it cannot). */
function CancellationFact({ line, now }: { line: SoftwareLine; now: number }) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  if (line.status === 'CANCELLED') return null;
  let text: string;
  if (line.cancellationPolicy === 'WINDOW' && line.cancellableUntil) {
    const until = i18n.dateTime(line.cancellableUntil);
    text =
      new Date(line.cancellableUntil).getTime() > now
        ? t('software.cancellableUntil', { date: until })
        : t('software.windowClosed', { date: until });
  } else if (line.cancellationPolicy === 'SUPPORT_REQUEST') {
    text = t('software.policy.SUPPORT_REQUEST');
  } else {
    text = t('software.policy.NEVER');
  }
  return (
    <div className={styles.fact}>
      <dt className={styles.term}>{t('software.cancellation')}</dt>
      <dd className={styles.value}>{text}</dd>
    </div>
  );
}

/** D1, D8: one software line: its facts, the Cancel button, and (expanded) keys and downloads. */
function SoftwareLineItem({
  line,
  customerId,
  now,
  onChanged,
}: {
  line: SoftwareLine;
  customerId: string;
  now: number;
  /** The list must be read again (a cancellation, a line cancelled meanwhile). */
  onChanged: () => void;
}) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const cancelled = line.status === 'CANCELLED';
  const kind = i18n.productKind(line.product.kind);
  const sku = skuText(
    {
      name: line.skuName,
      unit: line.skuUnit,
      unitSize: line.skuUnitSize,
      termYears: line.termYears,
    },
    i18n,
  );
  const quantity =
    line.quantity === line.purchasedQuantity
      ? i18n.number(line.quantity)
      : t('software.quantityOf', {
          quantity: i18n.number(line.quantity),
          purchased: i18n.number(line.purchasedQuantity),
        });

  return (
    <AccordionItem value={line.id} className={styles.card}>
      <div className={styles.top}>
        <AccordionHeader as="h2" className={styles.header} expandIconPosition="start">
          <span className={styles.title}>
            <span className={styles.name}>{line.product.name}</span>
            <Caption1>
              {/* The ESU's kind is its product name (in either language): say it once. */}
              {kind === line.product.name || line.product.kind === 'WINDOWS_7_ESU'
                ? sku
                : `${sku} · ${kind}`}
            </Caption1>
          </span>
        </AccordionHeader>
        {/* A cancelled line has nothing left to cancel (its status says when it was). */}
        <CancelButton
          customerId={customerId}
          productId={line.product.id}
          productName={line.product.name}
          orderId={line.orderId}
          onCancelled={onChanged}
          lineCancelled={cancelled}
        />
      </div>
      <dl className={styles.facts}>
        <div className={styles.fact}>
          <dt className={styles.term}>{t('software.orderId')}</dt>
          <dd className={styles.value}>
            <RouterLink
              to={`/customers/${customerId}/orders?order=${encodeURIComponent(line.orderId)}`}
              className={styles.orderId}
              aria-label={t('software.orderLink', { orderId: line.orderId })}
            >
              {line.orderId}
            </RouterLink>
          </dd>
        </div>
        <div className={styles.fact}>
          <dt className={styles.term}>{t('software.purchased')}</dt>
          <dd className={styles.value}>{i18n.dateTime(line.purchasedAt)}</dd>
        </div>
        <div className={styles.fact}>
          <dt className={styles.term}>{t('software.quantity')}</dt>
          <dd className={styles.value}>{quantity}</dd>
        </div>
        <div className={styles.fact}>
          <dt className={styles.term}>{t('software.status')}</dt>
          <dd className={styles.value}>
            {cancelled ? (
              <Badge appearance="tint" color="danger">
                {line.cancelledAt
                  ? t('software.cancelledOn', { date: i18n.dateTime(line.cancelledAt) })
                  : t('software.status.CANCELLED')}
              </Badge>
            ) : (
              <Badge appearance="tint" color="success">
                {t('software.status.ACTIVE')}
              </Badge>
            )}
          </dd>
        </div>
        <CancellationFact line={line} now={now} />
      </dl>
      <AccordionPanel>
        <div className={styles.panel}>
          {cancelled ? (
            <Text>
              {t('software.cancelledNote', {
                date: line.cancelledAt ? i18n.dateTime(line.cancelledAt) : '',
              })}
            </Text>
          ) : (
            <>
              <DownloadPanel line={line} customerId={customerId} onLineChanged={onChanged} />
              {/* Products with nothing to download (Azure, SUSE) have no links to list. */}
              {(hasDownloadOptions(line) || line.links.length > 0) && (
                <LiveLinks links={line.links} now={now} />
              )}
            </>
          )}
        </div>
      </AccordionPanel>
    </AccordionItem>
  );
}

function hasDownloadOptions(line: SoftwareLine): boolean {
  const { versions, languages, fileTypes } = line.downloadOptions;
  return versions.length > 0 && languages.length > 0 && fileTypes.length > 0;
}

/** D1: the customer's Software tab: every line bought for it, cancelled ones included (D8). */
export function SoftwareList() {
  const styles = useStyles();
  const { t } = useI18n();
  const { customerId = '' } = useParams();
  const { data, error, refetch } = useSoftware(customerId);
  const [openItems, setOpenItems] = useState<string[]>([]);
  const now = useNow();
  const lines = data?.customer.software;

  // Issue 14: back from a download (another tab, the file manager), the counts are read again.
  useEffect(() => {
    const onFocus = () => void refetch().catch(() => undefined);
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [refetch]);

  if (!lines) {
    return <QueryBoundary data={lines} error={error} refetch={refetch} />;
  }
  if (lines.length === 0) return <EmptyState>{t('software.empty')}</EmptyState>;

  return (
    <>
      {error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      <Text className={styles.intro}>{t('software.intro')}</Text>
      <Accordion
        multiple
        collapsible
        openItems={openItems}
        onToggle={(_e, { openItems: next }) => setOpenItems(next.map(String))}
        className={styles.list}
      >
        {lines.map((line) => (
          <SoftwareLineItem
            key={line.id}
            line={line}
            customerId={customerId}
            now={now}
            onChanged={() => void refetch()}
          />
        ))}
      </Accordion>
    </>
  );
}
