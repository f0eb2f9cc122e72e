import {
  Body1Strong,
  Link,
  ProgressBar,
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
import type { ComponentType, ReactNode } from 'react';
import { RouterLink } from '../../app/RouterLink';
import { useI18n } from '../../app/i18n/useI18n';
import type { LiveOption, Option } from './cancel-model';
import { supportRequestUrl, windowDaysOf } from './cancel-text';
import { timeLeftText } from './time-left-text';

const useStyles = makeStyles({
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
  // A link inside a sentence is underlined, not told apart by its colour alone.
  inlineLink: { textDecorationLine: 'underline' },
});

const SUSE_PREPAY_DOCS =
  'https://docs.microsoft.com/azure/virtual-machines/linux/prepay-suse-software-charges';

/** One state of the chosen order: an icon, a headline and what it means. */
function StatusCard({
  icon: Icon,
  headline,
  tone = 'neutral',
  children,
}: {
  icon: ComponentType<{ className?: string; 'aria-hidden'?: boolean }>;
  headline: string;
  tone?: 'neutral' | 'open' | 'lastDay';
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <div
      className={mergeClasses(
        styles.status,
        tone !== 'neutral' && styles.statusOpen,
        tone === 'lastDay' && styles.statusLastDay,
      )}
      data-testid="cancel-status"
    >
      <Icon className={styles.statusIcon} aria-hidden />
      <div className={styles.statusText}>
        <Body1Strong className={styles.headline}>{headline}</Body1Strong>
        {children}
      </div>
    </div>
  );
}

/**
 * C2–C9 for the chosen order: the live countdown, or why it cannot be cancelled here.
 */
export function OrderStatus({
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
  const windowDays = windowDaysOf(option);

  switch (live.state) {
    case 'OPEN':
      return (
        <StatusCard
          icon={ClockRegular}
          headline={timeLeftText(live.remaining, i18n)}
          tone={live.remaining.lastDay ? 'lastDay' : 'open'}
        >
          <Text>{t('cancel.deadline', { deadline })}</Text>
          <ProgressBar
            value={Math.min(1, live.remaining.totalMs / (windowDays * DAY_MS))}
            color={live.remaining.lastDay ? 'warning' : 'brand'}
            thickness="large"
            aria-label={t('cancel.windowLeft', { windowDays: i18n.number(windowDays) })}
          />
        </StatusCard>
      );
    case 'WINDOW_CLOSED':
      return (
        <StatusCard icon={DismissCircleRegular} headline={t('cancel.windowPassed.title')}>
          <Text>
            {t('cancel.windowPassed.detail', { deadline, windowDays: i18n.number(windowDays) })}
          </Text>
        </StatusCard>
      );
    case 'SUPPORT_REQUEST_REQUIRED':
      return (
        <StatusCard icon={HeadsetRegular} headline={t('cancel.supportRequired.title')}>
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
        </StatusCard>
      );
    case 'NOT_CANCELLABLE':
      return (
        <StatusCard icon={LockClosedRegular} headline={t('cancel.notCancellable.title')}>
          <Text>{t('cancel.notCancellable.detail')}</Text>
          <Link href={SUSE_PREPAY_DOCS} target="_blank" rel="noopener noreferrer">
            {t('cancel.notCancellable.learnMore')}
          </Link>
        </StatusCard>
      );
    case 'ALREADY_CANCELLED':
      return (
        <StatusCard icon={CheckmarkCircleRegular} headline={t('cancel.alreadyCancelled.title')}>
          <Text>
            {t('cancel.alreadyCancelled.detail', {
              date: live.cancelledAt ? i18n.dateTime(live.cancelledAt) : '',
            })}
          </Text>
        </StatusCard>
      );
  }
}
