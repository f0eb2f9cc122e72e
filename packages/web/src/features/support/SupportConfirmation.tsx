import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  mergeClasses,
} from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { RouterLink } from '../../app/RouterLink';
import { useI18n } from '../../app/i18n/useI18n';
import { useStyles } from './report-problem.styles';
import { statusLabel } from './support-text';
import type { Created } from './useReportProblemForm';

/** S3: the submitted request's id, status and files, with the way to the list. */
export function SupportConfirmation({
  created,
  onAnother,
}: {
  created: Created;
  onAnother(): void;
}) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section
      ref={ref}
      className={styles.done}
      tabIndex={-1}
      aria-labelledby="support-created-title"
      role="status"
    >
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle id="support-created-title">
            {t('support.created.title', { id: created.id })}
          </MessageBarTitle>
          {t('support.created.detail')}
        </MessageBarBody>
      </MessageBar>
      <dl className={styles.facts}>
        <dt className={styles.term}>{t('support.list.id')}</dt>
        <dd className={mergeClasses(styles.value, styles.reference)}>{created.id}</dd>
        <dt className={styles.term}>{t('support.list.status')}</dt>
        <dd className={styles.value}>{statusLabel(created.status, i18n)}</dd>
        <dt className={styles.term}>{t('support.list.date')}</dt>
        <dd className={styles.value}>{i18n.dateTime(created.createdAt)}</dd>
        {created.attachments.length > 0 && (
          <>
            <dt className={styles.term}>{t('support.list.attachments')}</dt>
            <dd className={styles.value}>
              {created.attachments.map((a) => a.fileName).join(', ')}
            </dd>
          </>
        )}
      </dl>
      <div className={styles.doneLinks}>
        <RouterLink to="/support">{t('support.created.list')}</RouterLink>
        <Button appearance="secondary" onClick={onAnother}>
          {t('support.created.another')}
        </Button>
      </div>
    </section>
  );
}
