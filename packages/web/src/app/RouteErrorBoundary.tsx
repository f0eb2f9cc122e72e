import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { Component, useEffect, useState, type ErrorInfo, type ReactNode } from 'react';
import { isChunkLoadError, reloadOnce, serverReachable } from './chunk-errors';
import { useI18n } from './i18n/useI18n';

/**
 * Issue 14: every lazy page sits in one of these. A page whose code cannot be fetched (network
 * down, or a deploy replaced its chunk) or that throws while rendering shows a clear message with
 * **Try again** instead of a blank page. A stale chunk (the server answers) reloads the app once.
 */
export class RouteErrorBoundary extends Component<
  { children: ReactNode },
  { error: unknown; attempt: number }
> {
  override state = { error: null as unknown, attempt: 0 };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    // Kept for whoever opens the console; no user data in it.
    console.error('A page failed to load or render', error, info.componentStack);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <RouteError
        error={this.state.error}
        onRetry={() => this.setState((s) => ({ error: null, attempt: s.attempt + 1 }))}
      />
    );
  }
}

function RouteError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  const chunk = isChunkLoadError(error);
  // null while checking whether the server answers.
  const [offline, setOffline] = useState<boolean | null>(chunk ? null : false);
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    if (!chunk) return;
    let current = true;
    void serverReachable().then((reachable) => {
      if (!current) return;
      // The server is there but the chunk is not: a deploy. Reload once for the new version.
      if (reachable && reloadOnce()) return;
      setOffline(!reachable);
    });
    return () => {
      current = false;
    };
  }, [chunk]);

  const retry = () => {
    if (!chunk) {
      onRetry();
      return;
    }
    // A failed import is remembered by the browser and by React.lazy: only a reload fetches the
    // chunk again. Reload when the server answers; otherwise say it is still unreachable.
    setChecking(true);
    void serverReachable().then((reachable) => {
      setChecking(false);
      if (reachable) window.location.reload();
      else setOffline(true);
    });
  };

  if (offline === null) return null;
  return (
    <div role="alert">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{chunk ? t('error.pageNotLoaded') : t('error.title')}</MessageBarTitle>
          <div>
            {chunk ? (offline ? t('error.network') : t('error.pageStale')) : t('error.unexpected')}
          </div>
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={retry} disabled={checking}>
            {t('app.retry')}
          </Button>
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}
