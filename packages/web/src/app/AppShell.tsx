import { makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, type ReactNode } from 'react';
import { Header } from './Header';
import { Loading } from './Loading';
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
  },
});

export function AppShell({ children }: { children: ReactNode }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <div className={styles.root}>
      <a href="#main" className={styles.skip}>
        {t('app.skipToContent')}
      </a>
      <Header />
      <main id="main" tabIndex={-1} className={styles.main}>
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </main>
    </div>
  );
}
