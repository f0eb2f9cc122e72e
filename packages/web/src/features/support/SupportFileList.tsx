import { Body1, Button, Caption1, ProgressBar } from '@fluentui/react-components';
import {
  CheckmarkCircleRegular,
  DeleteRegular,
  DocumentRegular,
  ErrorCircleRegular,
} from '@fluentui/react-icons';
import { useI18n } from '../../app/i18n/useI18n';
import { useStyles } from './report-problem.styles';
import { formatSize, uploadProblemText } from './support-text';
import type { Upload } from './useUploads';

/** S2 Add files: each file with its progress bar, or why it was refused, and a remove button. */
export function SupportFileList({
  uploads,
  onRemove,
}: {
  uploads: Upload[];
  onRemove(key: string): void;
}) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  if (uploads.length === 0) return null;
  return (
    <ul className={styles.files} aria-label={t('support.files.list')}>
      {uploads.map((upload) => {
        const problem = uploadProblemText(upload, i18n);
        const percent = Math.round(upload.progress * 100);
        return (
          <li key={upload.key} className={styles.file}>
            {problem ? (
              <ErrorCircleRegular aria-hidden className={styles.fileError} />
            ) : upload.status === 'done' ? (
              <CheckmarkCircleRegular aria-hidden className={styles.fileDone} />
            ) : (
              <DocumentRegular aria-hidden />
            )}
            <div className={styles.fileText}>
              <Body1 className={styles.fileName}>
                {upload.fileName} <Caption1>({formatSize(upload.size, i18n)})</Caption1>
              </Body1>
              {upload.status === 'uploading' && (
                <ProgressBar
                  value={upload.progress}
                  max={1}
                  aria-label={t('support.file.uploading', { name: upload.fileName, percent })}
                  aria-valuetext={t('support.file.percent', { percent })}
                />
              )}
              <Caption1
                className={problem ? styles.fileError : undefined}
                role={problem ? 'alert' : undefined}
              >
                {problem ??
                  (upload.status === 'done'
                    ? t('support.file.done')
                    : t('support.file.percent', { percent }))}
              </Caption1>
            </div>
            <Button
              appearance="subtle"
              icon={<DeleteRegular />}
              aria-label={t('support.file.remove', { name: upload.fileName })}
              title={t('support.file.remove', { name: upload.fileName })}
              onClick={() => onRemove(upload.key)}
            />
          </li>
        );
      })}
    </ul>
  );
}
