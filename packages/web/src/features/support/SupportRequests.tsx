import {
  Badge,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AttachRegular, PersonFeedbackRegular } from '@fluentui/react-icons';
import type { I18n } from '../../app/i18n/i18n-context';
import { hasMessage } from '../../app/i18n/messages';
import { useNavigate } from 'react-router';
import { EmptyState } from '../../app/EmptyState';
import { ErrorMessage } from '../../app/ErrorMessage';
import { Loading } from '../../app/Loading';
import { PageHeader } from '../../app/PageHeader';
import { useI18n } from '../../app/i18n/useI18n';
import { STACK_TABLE } from '../../app/stack';
import { problemTypeLabel } from './problem-type';
import { statusLabel } from './support-text';
import { SUPPORT_REQUESTS_PAGE_SIZE, useSupportRequests } from './useSupport';
import { PagingNav } from '../../app/PagingNav';

const useStyles = makeStyles({
  panel: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    overflowX: 'auto',
  },
  id: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  top: { verticalAlign: 'top', paddingTop: '8px', paddingBottom: '8px' },
  files: { margin: 0, padding: 0, listStyleType: 'none' },
  link: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '4px',
    color: tokens.colorBrandForegroundLink,
    ':hover': { color: tokens.colorBrandForegroundLinkHover },
  },
  none: { color: tokens.colorNeutralForeground3 },
});

const impactLabel = (impact: string, t: I18n['t']) => {
  const key = `support.impact.${impact}`;
  return hasMessage(key) ? t(key).split(':')[0] : impact;
};

/** S3: the partner's support requests with id, title, type, impact, status, date and files. */
export function SupportRequests() {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const list = useSupportRequests();
  const { requests, error, refetch } = list;

  return (
    <>
      <PageHeader
        title={t('support.list.title')}
        subtitle={t('support.list.intro')}
        actions={
          <Button
            appearance="primary"
            icon={<PersonFeedbackRegular />}
            onClick={() => void navigate('/support/new')}
          >
            {t('support.title')}
          </Button>
        }
      />
      {!requests ? (
        error ? (
          <ErrorMessage error={error} onRetry={() => void refetch()} />
        ) : (
          <Loading />
        )
      ) : requests.length === 0 ? (
        <EmptyState>{t('support.list.empty')}</EmptyState>
      ) : (
        <div className={styles.panel}>
          <Table className={STACK_TABLE} role="table" aria-label={t('support.list.title')}>
            <TableHeader role="rowgroup">
              <TableRow role="row">
                <TableHeaderCell role="columnheader" style={{ width: 150 }}>
                  {t('support.list.id')}
                </TableHeaderCell>
                <TableHeaderCell role="columnheader">
                  {t('support.list.titleColumn')}
                </TableHeaderCell>
                <TableHeaderCell role="columnheader">{t('support.list.type')}</TableHeaderCell>
                <TableHeaderCell role="columnheader" style={{ width: 110 }}>
                  {t('support.list.impact')}
                </TableHeaderCell>
                <TableHeaderCell role="columnheader" style={{ width: 120 }}>
                  {t('support.list.status')}
                </TableHeaderCell>
                <TableHeaderCell role="columnheader" style={{ width: 200 }}>
                  {t('support.list.date')}
                </TableHeaderCell>
                <TableHeaderCell role="columnheader">
                  {t('support.list.attachments')}
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody role="rowgroup">
              {requests.map((request) => (
                <TableRow role="row" key={request.id}>
                  <TableCell role="cell" data-label={t('support.list.id')} className={styles.top}>
                    <span className={styles.id}>{request.id}</span>
                  </TableCell>
                  <TableCell
                    role="cell"
                    data-label={t('support.list.titleColumn')}
                    className={styles.top}
                  >
                    {request.title}
                  </TableCell>
                  <TableCell role="cell" data-label={t('support.list.type')} className={styles.top}>
                    {problemTypeLabel(request.problemType, i18n)}
                  </TableCell>
                  <TableCell
                    role="cell"
                    data-label={t('support.list.impact')}
                    className={styles.top}
                  >
                    {impactLabel(request.impact, t)}
                  </TableCell>
                  <TableCell
                    role="cell"
                    data-label={t('support.list.status')}
                    className={styles.top}
                  >
                    <Badge
                      appearance="tint"
                      color={request.status === 'RESOLVED' ? 'success' : 'informative'}
                    >
                      {statusLabel(request.status, i18n)}
                    </Badge>
                  </TableCell>
                  <TableCell role="cell" data-label={t('support.list.date')} className={styles.top}>
                    {i18n.dateTime(request.createdAt)}
                  </TableCell>
                  <TableCell
                    role="cell"
                    data-label={t('support.list.attachments')}
                    className={styles.top}
                  >
                    {request.attachments.length === 0 ? (
                      <span className={styles.none}>{t('support.list.noAttachments')}</span>
                    ) : (
                      <ul className={styles.files}>
                        {request.attachments.map((file) => (
                          <li key={file.id}>
                            <a
                              className={styles.link}
                              href={file.url}
                              download={file.fileName}
                              aria-label={t('support.list.download', { name: file.fileName })}
                            >
                              <AttachRegular aria-hidden />
                              {file.fileName}
                            </a>
                          </li>
                        ))}
                      </ul>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <PagingNav
        page={list.page}
        totalCount={list.totalCount}
        pageSize={SUPPORT_REQUESTS_PAGE_SIZE}
        hasPrevious={list.hasPrevious}
        hasNext={list.hasNext}
        loading={list.loading}
        onPrevious={list.previous}
        onNext={list.next}
      />
    </>
  );
}
