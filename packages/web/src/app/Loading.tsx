import { makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from './i18n/useI18n';

// A CSS ring like Fluent's small Spinner: every route's fallback is in the first bundle, and
// Fluent's Spinner weighs ~3 kB gzip there (budget, issue 15).
const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: '24px 0',
  },
  ring: {
    width: '20px',
    height: '20px',
    boxSizing: 'border-box',
    borderRadius: '50%',
    border: `2px solid ${tokens.colorBrandStroke2}`,
    borderTopColor: tokens.colorBrandStroke1,
    animationName: { from: { transform: 'rotate(0deg)' }, to: { transform: 'rotate(360deg)' } },
    animationDuration: '1.2s',
    animationIterationCount: 'infinite',
    animationTimingFunction: 'linear',
    '@media (prefers-reduced-motion: reduce)': { animationDuration: '3s' },
  },
});

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.root} role="progressbar" aria-label={label ?? t('app.loading')}>
      <span className={styles.ring} aria-hidden />
      <span>{label ?? t('app.loading')}</span>
    </div>
  );
}
