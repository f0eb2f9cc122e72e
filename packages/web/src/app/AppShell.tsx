import { makeStyles, tokens, useFocusFinders } from '@fluentui/react-components';
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

/**
 * Keeps Fluent's focus manager (Tabster) alive while the signed-in app is open. A modal dialog
 * hides the rest of the app from assistive technology (aria-hidden on #root) and Tabster gives it
 * back when the dialog goes; when the dialog was its only user (a link in the dialog navigated to
 * another page), Tabster was disposed with it first and #root stayed hidden: the next page was
 * invisible to screen readers. One lasting user prevents that.
 */
function KeepFocusManager() {
  useFocusFinders();
  return null;
}

/**
 * The page a path shows. A customer's tabs (Software, Order history, Cancel) are one page: a tab
 * switch keeps its header, its tabs and the focus on the tab (each tab has its own error boundary).
 */
export function pageOf(pathname: string): string {
  return pathname.replace(/^(\/customers\/[^/]+)\/(software|orders|cancel)\/?$/, '$1');
}

export function AppShell({ children }: { children: ReactNode }) {
  const styles = useStyles();
  const { t } = useI18n();
  // A new page starts without the previous page's failure.
  const page = pageOf(useLocation().pathname);
  const mainRef = useRef<HTMLElement>(null);
  useFocusHeadingOnNavigate(mainRef);
  return (
    <div className={styles.root}>
      <a href="#main" className={styles.skip}>
        {t('app.skipToContent')}
      </a>
      <KeepFocusManager />
      <Header />
      <main id="main" ref={mainRef} tabIndex={-1} className={styles.main}>
        <RouteErrorBoundary key={page}>
          <Suspense fallback={<Loading />}>{children}</Suspense>
        </RouteErrorBoundary>
      </main>
    </div>
  );
}
