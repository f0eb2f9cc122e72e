import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { describeError } from './errors';
import { useI18n } from './i18n/useI18n';

/** E2: a failure, in the user's language, with a way to try again where that makes sense. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const i18n = useI18n();
  const messages = describeError(error, i18n);
  return (
    <div role="alert">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{i18n.t('error.title')}</MessageBarTitle>
          {messages.map((message) => (
            <div key={message}>{message}</div>
          ))}
        </MessageBarBody>
        {onRetry && (
          <MessageBarActions>
            <Button onClick={onRetry}>{i18n.t('app.retry')}</Button>
          </MessageBarActions>
        )}
      </MessageBar>
    </div>
  );
}
