import {
  Badge,
  Button,
  Caption1,
  Card,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { WEBHOOK_EVENTS } from '@csp/domain';
import { useState, type FormEvent } from 'react';
import { EmptyState } from '../../app/EmptyState';
import { QueryBoundary } from '../../app/QueryBoundary';
import { PageHeader } from '../../app/PageHeader';
import { describeError } from '../../app/errors';
import type { I18n } from '../../app/i18n/i18n-context';
import { STACK_TABLE } from '../../app/stack';
import { useI18n } from '../../app/i18n/useI18n';
import type { WebhookDeliveryFailure } from '../../gql/graphql';
import { PermissionReason } from '../auth/PermissionReason';
import { usePermission } from '../auth/useSession';
import { useWebhookDeliveries, useWebhookEndpoints, useWebhookMutations } from './useWebhooks';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '16px' },
  form: { display: 'flex', flexDirection: 'column', gap: '12px', maxWidth: '640px' },
  events: { display: 'flex', flexDirection: 'column' },
  row: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  panel: { overflowX: 'auto' },
});

/**
 * W2, E1: the last attempt's answer: why it failed, in the chosen language, or the HTTP status the
 * endpoint gave (a non-2xx status needs no more words).
 */
function responseText(
  d: { responseStatus?: number | null; lastErrorCode?: WebhookDeliveryFailure | null },
  i18n: I18n,
): string {
  if (d.lastErrorCode && d.lastErrorCode !== 'HTTP_STATUS') {
    return i18n.t(`webhooks.failure.${d.lastErrorCode}`);
  }
  return d.responseStatus != null ? String(d.responseStatus) : '—';
}

function DeliveryLog({ endpointId }: { endpointId: string }) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const { data, error, refetch } = useWebhookDeliveries(endpointId);
  const { redeliver, redelivering } = useWebhookMutations();
  const deliveries = data?.webhookDeliveries.edges.map((e) => e.node);
  if (!deliveries) return <QueryBoundary data={deliveries} error={error} refetch={refetch} />;
  if (deliveries.length === 0) return <Caption1>{t('webhooks.log.empty')}</Caption1>;
  return (
    <div className={styles.panel}>
      <Table size="small" className={STACK_TABLE} role="table" aria-label={t('webhooks.log.title')}>
        <TableHeader role="rowgroup">
          <TableRow role="row">
            <TableHeaderCell role="columnheader">{t('webhooks.log.event')}</TableHeaderCell>
            <TableHeaderCell role="columnheader">{t('webhooks.log.status')}</TableHeaderCell>
            <TableHeaderCell role="columnheader">{t('webhooks.log.attempts')}</TableHeaderCell>
            <TableHeaderCell role="columnheader">{t('webhooks.log.response')}</TableHeaderCell>
            <TableHeaderCell role="columnheader">{t('webhooks.log.time')}</TableHeaderCell>
            <TableHeaderCell role="columnheader">{t('webhooks.log.actions')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody role="rowgroup">
          {deliveries.map((d) => (
            <TableRow role="row" key={d.id}>
              <TableCell role="cell" data-label={t('webhooks.log.event')}>
                {d.eventType}
                <Caption1 className={styles.mono} block>
                  {d.eventId}
                </Caption1>
              </TableCell>
              <TableCell role="cell" data-label={t('webhooks.log.status')}>
                <Badge
                  appearance="tint"
                  color={
                    d.status === 'DELIVERED'
                      ? 'success'
                      : d.status === 'FAILED'
                        ? 'danger'
                        : 'informative'
                  }
                >
                  {t(`webhooks.status.${d.status}` as 'webhooks.status.PENDING')}
                </Badge>
              </TableCell>
              <TableCell role="cell" data-label={t('webhooks.log.attempts')}>
                {i18n.number(d.attempts)}
              </TableCell>
              <TableCell role="cell" data-label={t('webhooks.log.response')}>
                {responseText(d, i18n)}
              </TableCell>
              <TableCell role="cell" data-label={t('webhooks.log.time')}>
                {i18n.dateTime(d.deliveredAt ?? d.lastAttemptAt ?? d.createdAt)}
                {d.status === 'PENDING' && d.nextAttemptAt && d.attempts > 0 && (
                  <Caption1 block>
                    {t('webhooks.log.nextAttempt', { time: i18n.dateTime(d.nextAttemptAt) })}
                  </Caption1>
                )}
              </TableCell>
              <TableCell role="cell" data-label={t('webhooks.log.actions')}>
                <Button
                  size="small"
                  disabled={redelivering.loading || d.status === 'PENDING'}
                  onClick={() => void redeliver({ variables: { deliveryId: d.id } })}
                >
                  {t('webhooks.redeliver')}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** W1, W2: a Global admin's webhook endpoints, their delivery logs, Redeliver and Send test event. */
export function Webhooks() {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const permission = usePermission('MANAGE_WEBHOOKS');
  const { data, error, refetch } = useWebhookEndpoints();
  const { create, creating, remove, sendTest, sendingTest } = useWebhookMutations();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>([...WEBHOOK_EVENTS]);
  const [secret, setSecret] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  if (!permission.allowed) {
    return (
      <>
        <PageHeader title={t('webhooks.title')} subtitle={t('webhooks.intro')} />
        <PermissionReason id="webhooks-permission" missingRoles={permission.missingRoles} />
      </>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    try {
      const result = await create({ variables: { input: { url, events } } });
      setSecret(result.data?.createWebhookEndpoint.secret ?? null);
      setUrl('');
    } catch (e) {
      setFormError(describeError(e, i18n).join(' '));
    }
  };

  return (
    <div className={styles.stack}>
      <PageHeader title={t('webhooks.title')} subtitle={t('webhooks.intro')} />
      {secret && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{t('webhooks.secret.title')}</MessageBarTitle>
            {t('webhooks.secret.body')}
            <div className={styles.mono}>{secret}</div>
          </MessageBarBody>
        </MessageBar>
      )}
      <Card>
        <form className={styles.form} onSubmit={(e) => void submit(e)}>
          <Subtitle2>{t('webhooks.add')}</Subtitle2>
          <Field label={t('webhooks.url')} hint={t('webhooks.urlHint')} required>
            <Input
              type="url"
              value={url}
              onChange={(_e, d) => setUrl(d.value)}
              placeholder="https://example.com/csp-webhooks"
            />
          </Field>
          <fieldset className={styles.events}>
            <legend>{t('webhooks.events')}</legend>
            {WEBHOOK_EVENTS.map((name) => (
              <Checkbox
                key={name}
                label={name}
                checked={events.includes(name)}
                onChange={(_e, d) =>
                  setEvents((list) =>
                    d.checked ? [...list, name] : list.filter((e) => e !== name),
                  )
                }
              />
            ))}
          </fieldset>
          {formError && (
            <MessageBar intent="error">
              <MessageBarBody>{formError}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.row}>
            <Button
              type="submit"
              appearance="primary"
              disabled={creating.loading || !url || events.length === 0}
            >
              {t('webhooks.register')}
            </Button>
          </div>
        </form>
      </Card>
      {!data ? (
        <QueryBoundary data={data} error={error} refetch={refetch} />
      ) : data.webhookEndpoints.length === 0 ? (
        <EmptyState>{t('webhooks.empty')}</EmptyState>
      ) : (
        data.webhookEndpoints.map((endpoint) => (
          <Card key={endpoint.id}>
            <div className={styles.row}>
              <Subtitle2 className={styles.mono}>{endpoint.url}</Subtitle2>
            </div>
            <Caption1>{endpoint.events.join(', ')}</Caption1>
            <div className={styles.row}>
              <Button
                disabled={sendingTest.loading}
                onClick={() => void sendTest({ variables: { endpointId: endpoint.id } })}
              >
                {t('webhooks.sendTest')}
              </Button>
              <Button
                appearance="subtle"
                onClick={() => {
                  if (window.confirm(t('webhooks.removeConfirm', { url: endpoint.url })))
                    void remove({ variables: { endpointId: endpoint.id } });
                }}
              >
                {t('webhooks.remove')}
              </Button>
            </div>
            <Subtitle2>{t('webhooks.log.title')}</Subtitle2>
            <DeliveryLog endpointId={endpoint.id} />
          </Card>
        ))
      )}
    </div>
  );
}
