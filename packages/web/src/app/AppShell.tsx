import { makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { Header } from './Header';
import { Loading } from './Loading';
import { RouteErrorBoundary } from './RouteErrorBoundary';
import { useFocusHeadingOnNavigate } from './useFocusOnNavigate';
import { useI18n } from './i18n/useI18n';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  skip: {
    position: 'absolute',
    left: '-10000px',
    top: 'auto',
    ':focus': {
      left: '8px',
      top: '8px',
      zIndex: 10,
      padding: '8px',
      backgroundColor: tokens.colorNeutralBackground1,
    },
  },
  main: {
    flexGrow: 1,
    width: '100%',
    maxWidth: '1280px',
    margin: '0 auto',
    padding: '20px 24px 48px',
    boxSizing: 'border-box',
    outlineStyle: 'none',
    // Issue 14: a phone keeps its width for the content.
    '@media (max-width: 640px)': { padding: '12px 12px 32px' },
  },
});

export function AppShell({ children }: { children: ReactNode }) {
  const styles = useStyles();
  const { t } = useI18n();
  // A new page starts without the previous page's failure.
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  useFocusHeadingOnNavigate(mainRef);
  return (
    <div className={styles.root}>
      <a href="#main" className={styles.skip}>
        {t('app.skipToContent')}
      </a>
      <Header />
      <main id="main" ref={mainRef} tabIndex={-1} className={styles.main}>
        <RouteErrorBoundary key={pathname}>
          <Suspense fallback={<Loading />}>{children}</Suspense>
        </RouteErrorBoundary>
      </main>
    </div>
  );
}
