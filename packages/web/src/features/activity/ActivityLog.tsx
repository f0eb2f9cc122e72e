import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import {
  ACTIVITY_MAX_RANGE_DAYS,
  DEFAULT_ACTIVITY_OPERATIONS,
  OPERATION_TYPES,
  type OperationType,
} from '@csp/domain';
import { useId, useMemo, useState } from 'react';
import { EmptyState } from '../../app/EmptyState';
import { ErrorMessage } from '../../app/ErrorMessage';
import { Loading } from '../../app/Loading';
import { PageHeader } from '../../app/PageHeader';
import { PagingNav } from '../../app/PagingNav';
import { RouterLink } from '../../app/RouterLink';
import { withLanguage } from '../../app/i18n/language-choice';
import { useI18n } from '../../app/i18n/useI18n';
import { STACK_TABLE } from '../../app/stack';
import { hasMessage, type MessageKey } from '../../app/i18n/messages';
import { detailText } from './activity-detail';
import { PermissionReason } from '../auth/PermissionReason';
import { useMe, usePermission } from '../auth/useSession';
import {
  csvUrlInZone,
  dayRangeToInstants,
  defaultDayRange,
  type RangeProblem,
} from './activity-dates';
import { CustomerPicker, type PickedCustomer } from './CustomerPicker';
import {
  ACTIVITY_PAGE_SIZE,
  useActivityLog,
  type ActivityEntry,
  type ActivityFilter,
} from './useActivityLog';

const useStyles = makeStyles({
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
    gap: '16px 24px',
    alignItems: 'start',
    padding: '16px',
    marginBottom: '16px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
  },
  operations: { gridColumn: '1 / -1', border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, marginBottom: '4px' },
  presets: { display: 'flex', flexWrap: 'wrap', gap: '8px', marginBottom: '4px' },
  checkboxes: { display: 'flex', flexWrap: 'wrap', columnGap: '8px' },
  zone: { gridColumn: '1 / -1', color: tokens.colorNeutralForeground2 },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: '8px',
    marginBottom: '8px',
  },
  csv: { display: 'inline-flex', alignItems: 'center', gap: '4px', whiteSpace: 'nowrap' },
  panel: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    overflowX: 'auto',
  },
  top: {
    verticalAlign: 'top',
    paddingTop: '8px',
    paddingBottom: '8px',
    overflowWrap: 'anywhere',
  },
  muted: { display: 'block', color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  refusal: { display: 'flex', flexDirection: 'column', gap: '8px' },
});

const RANGE_MESSAGES: Record<RangeProblem, MessageKey> = {
  fromRequired: 'activity.dateRequired',
  toRequired: 'activity.dateRequired',
  order: 'activity.rangeOrder',
  tooLong: 'error.reason.DATE_RANGE_TOO_LONG',
};

/** The user's time zone, as the browser knows it ("Asia/Seoul"). */
function userTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return '';
  }
}

/** R4, R9: the page says which roles can see it, instead of a bare refusal. */
function ActivityRefusal() {
  const styles = useStyles();
  const i18n = useI18n();
  const me = useMe();
  const permission = usePermission('VIEW_ACTIVITY_LOG');
  const reasonId = useId();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody className={styles.refusal}>
        <MessageBarTitle>{i18n.t('activity.refusedTitle')}</MessageBarTitle>
        <div>
          {i18n.t('activity.refused', {
            roles: me.roles.map((role) => i18n.role(role)).join(', '),
          })}
        </div>
        <PermissionReason id={reasonId} missingRoles={permission.missingRoles} icon={false} />
      </MessageBarBody>
    </MessageBar>
  );
}

/** The short, translated reason for a refusal code (unknown codes: "Refused"). */
function failureKey(code: string): MessageKey {
  const key = `activity.failure.${code}`;
  return hasMessage(key) ? key : 'activity.failure.OTHER';
}

function OperationLabel({ operation }: { operation: string }) {
  return <>{useI18n().operation(operation)}</>;
}

function EntryRow({
  entry,
  timeFormat,
}: {
  entry: ActivityEntry;
  timeFormat: Intl.DateTimeFormat;
}) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const detail = detailText(entry, i18n);
  const succeeded = entry.outcome === 'SUCCEEDED';
  return (
    <TableRow role="row">
      <TableCell role="cell" className={styles.top} data-label={t('activity.time')}>
        <time dateTime={entry.at}>{timeFormat.format(new Date(entry.at))}</time>
      </TableCell>
      <TableCell role="cell" className={styles.top} data-label={t('activity.user')}>
        {entry.userEmail ?? (
          <span title={entry.userAgent ?? undefined}>
            {t('activity.linkHolder', {
              address: entry.remoteAddress ?? t('activity.unknownAddress'),
            })}
          </span>
        )}
      </TableCell>
      <TableCell role="cell" className={styles.top} data-label={t('activity.customerColumn')}>
        {entry.customer ? (
          <RouterLink to={`/customers/${entry.customer.id}/software`}>
            {entry.customer.name}
          </RouterLink>
        ) : (
          '—'
        )}
      </TableCell>
      <TableCell role="cell" className={styles.top} data-label={t('activity.product')}>
        {entry.productName ?? '—'}
        {detail && <Caption1 className={styles.muted}>{detail}</Caption1>}
      </TableCell>
      <TableCell role="cell" className={styles.top} data-label={t('activity.operation')}>
        <OperationLabel operation={entry.operation} />
      </TableCell>
      <TableCell role="cell" className={styles.top} data-label={t('activity.outcome')}>
        <Badge appearance="tint" color={succeeded ? 'success' : 'danger'}>
          {succeeded ? t('activity.succeeded') : t('activity.failed')}
        </Badge>
        {entry.failureCode && (
          // Issue 14: the reason in words; the stable code stays in the CSV and the tooltip.
          <Caption1 className={styles.muted} title={entry.failureCode}>
            {t(failureKey(entry.failureCode))}
          </Caption1>
        )}
      </TableCell>
    </TableRow>
  );
}

/** A1–A4: who accessed keys or downloaded software (by default), for a range of days. */
function ActivityLogView() {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const [initial] = useState(() => defaultDayRange(new Date()));
  const [fromDay, setFromDay] = useState(initial.fromDay);
  const [toDay, setToDay] = useState(initial.toDay);
  const [operations, setOperations] = useState<OperationType[]>([...DEFAULT_ACTIVITY_OPERATIONS]);
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const operationsId = useId();

  const range = dayRangeToInstants(fromDay, toDay);
  const filter: ActivityFilter | null =
    range.ok && operations.length > 0
      ? {
          from: range.from,
          to: range.to,
          // In the catalog's order, whatever order they were ticked in.
          operationTypes: OPERATION_TYPES.filter((op) => operations.includes(op)),
          customerId: customer?.id ?? null,
        }
      : null;
  const log = useActivityLog(filter);
  const connection = log.connection;
  const timeFormat = useMemo(
    () =>
      new Intl.DateTimeFormat(i18n.locale, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        timeZoneName: 'short',
      }),
    [i18n.locale],
  );

  const fromProblem = !range.ok && range.problem === 'fromRequired';
  const toProblem = !range.ok && range.problem !== 'fromRequired';
  const rangeMessage = !range.ok
    ? t(RANGE_MESSAGES[range.problem], { maxDays: ACTIVITY_MAX_RANGE_DAYS })
    : undefined;
  const isDefault =
    operations.length === DEFAULT_ACTIVITY_OPERATIONS.length &&
    DEFAULT_ACTIVITY_OPERATIONS.every((op) => operations.includes(op));
  const isAll = operations.length === OPERATION_TYPES.length;

  return (
    <>
      <div className={styles.filters} role="search" aria-label={t('activity.filters')}>
        <Field
          label={t('activity.from')}
          validationMessage={fromProblem ? rangeMessage : undefined}
        >
          <Input type="date" value={fromDay} onChange={(_e, { value }) => setFromDay(value)} />
        </Field>
        <Field label={t('activity.to')} validationMessage={toProblem ? rangeMessage : undefined}>
          <Input type="date" value={toDay} onChange={(_e, { value }) => setToDay(value)} />
        </Field>
        <CustomerPicker value={customer} onChange={setCustomer} />
        <Caption1 className={styles.zone}>
          {t('activity.zoneNote', { zone: userTimeZone() })}
        </Caption1>
        <fieldset className={styles.operations} aria-describedby={operationsId}>
          <legend className={styles.legend}>{t('activity.operations')}</legend>
          <div className={styles.presets}>
            <Button
              size="small"
              appearance={isDefault ? 'primary' : 'secondary'}
              aria-pressed={isDefault}
              onClick={() => setOperations([...DEFAULT_ACTIVITY_OPERATIONS])}
            >
              {t('activity.keyAccessAndDownloads')}
            </Button>
            <Button
              size="small"
              appearance={isAll ? 'primary' : 'secondary'}
              aria-pressed={isAll}
              onClick={() => setOperations([...OPERATION_TYPES])}
            >
              {t('activity.allOperations')}
            </Button>
          </div>
          <div className={styles.checkboxes}>
            {OPERATION_TYPES.map((operation) => (
              <Checkbox
                key={operation}
                label={i18n.operation(operation)}
                checked={operations.includes(operation)}
                onChange={(_e, { checked }) =>
                  setOperations((current) =>
                    checked
                      ? [...current.filter((op) => op !== operation), operation]
                      : current.filter((op) => op !== operation),
                  )
                }
              />
            ))}
          </div>
          <Caption1 id={operationsId} className={styles.muted} role="status">
            {operations.length === 0 ? t('activity.chooseOperation') : ''}
          </Caption1>
        </fieldset>
      </div>

      {filter && (
        <>
          <div className={styles.toolbar}>
            <Text role="status">
              {log.loading
                ? t('app.loading')
                : connection
                  ? t('activity.pageOf', {
                      count: connection.edges.length,
                      page: i18n.number(log.page),
                    })
                  : ''}
            </Text>
            {connection && (
              <Link
                href={withLanguage(csvUrlInZone(connection.csvUrl), i18n.language)}
                download
                className={styles.csv}
              >
                <ArrowDownloadRegular aria-hidden />
                {t('activity.exportCsv')}
              </Link>
            )}
          </div>
          {log.error && <ErrorMessage error={log.error} onRetry={() => void log.refetch()} />}
          {!connection ? (
            log.error ? null : (
              <Loading />
            )
          ) : connection.edges.length === 0 ? (
            <EmptyState>{t('activity.empty')}</EmptyState>
          ) : (
            <div className={styles.panel}>
              <Table className={STACK_TABLE} role="table" aria-label={t('activity.title')}>
                <TableHeader role="rowgroup">
                  <TableRow role="row">
                    <TableHeaderCell role="columnheader" style={{ width: 180 }}>
                      {t('activity.time')}
                    </TableHeaderCell>
                    <TableHeaderCell role="columnheader">{t('activity.user')}</TableHeaderCell>
                    <TableHeaderCell role="columnheader">
                      {t('activity.customerColumn')}
                    </TableHeaderCell>
                    <TableHeaderCell role="columnheader">{t('activity.product')}</TableHeaderCell>
                    <TableHeaderCell role="columnheader">{t('activity.operation')}</TableHeaderCell>
                    <TableHeaderCell role="columnheader" style={{ width: 150 }}>
                      {t('activity.outcome')}
                    </TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody role="rowgroup">
                  {connection.edges.map(({ node }) => (
                    <EntryRow key={node.id} entry={node} timeFormat={timeFormat} />
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          <PagingNav
            page={log.page}
            totalCount={connection?.totalCount ?? null}
            pageSize={ACTIVITY_PAGE_SIZE}
            hasPrevious={log.hasPrevious}
            hasNext={log.hasNext}
            loading={log.loading}
            onPrevious={log.previous}
            onNext={log.next}
          />
        </>
      )}
    </>
  );
}

/** A2: the Activity log, opened from the gear menu; roles outside R4 are told why not (R9). */
export function ActivityLog() {
  const { t } = useI18n();
  const permission = usePermission('VIEW_ACTIVITY_LOG');
  return (
    <>
      <PageHeader title={t('activity.title')} subtitle={t('activity.intro')} />
      {permission.allowed ? <ActivityLogView /> : <ActivityRefusal />}
    </>
  );
}
