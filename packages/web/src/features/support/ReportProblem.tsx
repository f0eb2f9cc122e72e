import {
  Body1,
  Body1Strong,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Spinner,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import {
  AttachRegular,
  CheckmarkCircleRegular,
  DeleteRegular,
  DocumentRegular,
  ErrorCircleRegular,
} from '@fluentui/react-icons';
import {
  IMPACTS,
  isCurrencyCode,
  isErrorCode,
  MAX_ATTACHMENTS,
  PROBLEM_TYPES,
  type CurrencyCode,
  type SupportField,
} from '@csp/domain';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../app/PageHeader';
import { RouterLink } from '../../app/RouterLink';
import { describeError } from '../../app/errors';
import type { I18n } from '../../app/i18n/i18n-context';
import { useI18n } from '../../app/i18n/useI18n';
import { amountFromLocale } from './amount-input';
import type { CreateSupportRequestMutation } from '../../gql/graphql';
import { PermissionReason } from '../auth/PermissionReason';
import { useMe, usePermission } from '../auth/useSession';
import {
  FIELD_ORDER,
  fieldErrors,
  initialForm,
  serverFieldErrors,
  type FormField,
  type SupportForm,
} from './support-form';
import { useCreateSupportRequest, useSupportCustomers } from './useSupport';
import { statusLabel } from './support-text';
import { useUploads, type Upload } from './useUploads';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '20px', maxWidth: '760px' },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: '14px',
    margin: 0,
    // A fieldset is as wide as its widest select by default: on a phone, wider than the screen.
    minWidth: 0,
    padding: '16px 20px 20px',
    '@media (max-width: 640px)': { padding: '12px 12px 16px' },
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  legend: {
    padding: '0 6px',
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  hint: { color: tokens.colorNeutralForeground2 },
  row: {
    display: 'grid',
    alignItems: 'start',
    gap: '14px',
    gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
  },
  files: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
  },
  file: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr auto',
    alignItems: 'center',
    gap: '4px 10px',
    padding: '8px 10px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  fileText: { display: 'flex', flexDirection: 'column', minWidth: 0, gap: '4px' },
  fileName: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  fileError: { color: tokens.colorPaletteRedForeground1 },
  fileDone: { color: tokens.colorPaletteGreenForeground1 },
  hiddenInput: { display: 'none' },
  actions: { display: 'flex', alignItems: 'center', gap: '12px', flexWrap: 'wrap' },
  done: {
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    maxWidth: '760px',
    padding: '20px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    outlineStyle: 'none',
  },
  doneLinks: { display: 'flex', gap: '16px', flexWrap: 'wrap' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: '6px 16px',
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
  reference: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
});

type Created = CreateSupportRequestMutation['createSupportRequest'];

function formatSize(bytes: number, i18n: I18n): string {
  if (bytes < 1024) return i18n.t('support.file.bytes', { size: i18n.number(bytes) });
  const kb = bytes / 1024;
  return kb < 1024
    ? i18n.t('support.file.kb', {
        size: new Intl.NumberFormat(i18n.locale, { maximumFractionDigits: 1 }).format(kb),
      })
    : i18n.t('support.file.mb', {
        size: new Intl.NumberFormat(i18n.locale, { maximumFractionDigits: 1 }).format(kb / 1024),
      });
}

const SUPPORT_ROLES = ['ADMIN_AGENT', 'GLOBAL_ADMIN'] as const;

function uploadProblem(upload: Upload, i18n: I18n): string | null {
  const problem = upload.problem;
  if (!problem) return null;
  if (problem === 'network') return i18n.t('support.file.network');
  if (problem === 'tooMany') return i18n.t('support.file.tooMany', { max: MAX_ATTACHMENTS });
  if ('en' in problem) return problem[i18n.language];
  if (problem.httpStatus === 413) return i18n.t('support.file.tooLarge');
  if (problem.code === 'BAD_USER_INPUT' && problem.message) return problem.message;
  if (isErrorCode(problem.code)) {
    // POST /files answers the code alone; the roles that may upload are those of R6.
    return i18n.t(`error.code.${problem.code}`, {
      missingRoles: i18n.anyOf(SUPPORT_ROLES.map((role) => i18n.role(role))),
    });
  }
  return i18n.t('error.unexpected');
}

/** S2 Add files: each file with its progress bar, or why it was refused, and a remove button. */
function FileList({ uploads, onRemove }: { uploads: Upload[]; onRemove(key: string): void }) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  if (uploads.length === 0) return null;
  return (
    <ul className={styles.files} aria-label={t('support.files.list')}>
      {uploads.map((upload) => {
        const problem = uploadProblem(upload, i18n);
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

function Confirmation({ created, onAnother }: { created: Created; onAnother(): void }) {
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

/**
 * S1, S2: **Report a problem**. Opened from the Cancel dialog's customer support request link
 * with the problem type, customer, order and product filled in, or from the header blank. Every
 * field is checked with the domain's rules (the server's own) on blur and on submit, with the
 * message beside it; a refused submission keeps everything typed.
 */
export function ReportProblem() {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, language } = i18n;
  const me = useMe();
  const permission = usePermission('SUBMIT_SUPPORT_REQUEST');
  const [query] = useSearchParams();
  const [form, setForm] = useState<SupportForm>(() =>
    initialForm(query, { name: me.displayName, email: me.email }),
  );
  const prefilled = query.get('problemType') === 'CSP_PURCHASE_REFUND' && !!query.get('orderId');
  const [touched, setTouched] = useState<Partial<Record<SupportField, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [fromServer, setFromServer] = useState<Partial<Record<SupportField, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [prefilledCustomerId] = useState(() => query.get('customerId') ?? '');
  const { customers } = useSupportCustomers(prefilledCustomerId);
  const [create, { loading: submitting }] = useCreateSupportRequest();
  const uploads = useUploads();
  const fileInput = useRef<HTMLInputElement>(null);
  const base = useId();
  const idOf = (field: SupportField) => `${base}-${field}`;
  const permissionId = `${base}-permission`;
  const summaryRef = useRef<HTMLDivElement>(null);

  const customer = customers.find((c) => c.id === form.customerId);
  const currency: CurrencyCode =
    customer && isCurrencyCode(customer.currency) ? customer.currency : 'USD';
  const attachmentCount =
    uploads.attachmentIds.length + uploads.uploads.filter((u) => u.status === 'uploading').length;
  const errors = useMemo(
    () => fieldErrors(form, attachmentCount, currency, i18n.locale),
    [form, attachmentCount, currency, i18n.locale],
  );
  const refund = form.problemType === 'CSP_PURCHASE_REFUND';

  /** The message beside a field: the domain's (in the chosen language), else the server's. */
  const messageOf = (field: SupportField): string | undefined => {
    if (!touched[field] && !submitted) return undefined;
    return errors[field]?.[language] ?? fromServer[field];
  };

  const set = (field: FormField, value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    setFromServer((s) => ({ ...s, [field]: undefined }));
  };
  const blur = (field: SupportField) => () => setTouched((s) => ({ ...s, [field]: true }));

  const chooseCustomer = (id: string) => {
    const next = customers.find((c) => c.id === id);
    setForm((f) => {
      const previous = customers.find((c) => c.id === f.customerId);
      const autoTenant =
        !f.tenantOrDomain ||
        (previous && [previous.tenantId, previous.domain].includes(f.tenantOrDomain));
      return {
        ...f,
        customerId: id,
        productId: id === f.customerId ? f.productId : '',
        productName: id === f.customerId ? f.productName : '',
        tenantOrDomain: autoTenant ? (next?.tenantId ?? '') : f.tenantOrDomain,
      };
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setFailure(null);
    setFromServer({});
    if (!permission.allowed || uploads.uploading) return;
    const invalid = FIELD_ORDER.filter((field) => errors[field]);
    if (invalid.length > 0) {
      const first = invalid[0]!;
      (document.getElementById(idOf(first)) ?? summaryRef.current)?.focus();
      return;
    }
    try {
      const result = await create({
        variables: {
          input: {
            problemType: form.problemType as (typeof PROBLEM_TYPES)[number],
            impact: form.impact as (typeof IMPACTS)[number],
            title: form.title,
            customerId: form.customerId || null,
            productId: form.productId || null,
            tenantOrDomain: form.tenantOrDomain,
            orderOrSubscriptionId: form.orderOrSubscriptionId,
            refundReason: form.refundReason,
            // E4: the API reads "." decimals only; convert from the user's locale.
            amountRequested: amountFromLocale(form.amountRequested, i18n.locale),
            details: form.details,
            contactName: form.contactName,
            contactEmail: form.contactEmail,
            contactPhone: form.contactPhone,
            attachmentIds: uploads.attachmentIds,
          },
        },
      });
      if (result.data) setCreated(result.data.createSupportRequest);
    } catch (caught) {
      setFromServer(serverFieldErrors(caught));
      setFailure(caught);
      summaryRef.current?.focus();
    }
  };

  const another = () => {
    setCreated(null);
    setForm(initialForm(new URLSearchParams(), { name: me.displayName, email: me.email }));
    setTouched({});
    setSubmitted(false);
    uploads.reset();
  };

  const header = <PageHeader title={t('support.title')} subtitle={t('support.intro')} />;
  if (created) {
    return (
      <>
        {header}
        <Confirmation created={created} onAnother={another} />
      </>
    );
  }

  const invalidCount = FIELD_ORDER.filter((f) => errors[f]).length;
  const field = (
    name: SupportField,
    label: string,
    control: ReactNode,
    options: { required?: boolean; hint?: string } = {},
  ) => (
    <Field
      label={{ children: label, htmlFor: idOf(name) }}
      required={options.required}
      hint={options.hint}
      validationMessage={messageOf(name)}
      validationState={messageOf(name) ? 'error' : 'none'}
    >
      {control}
    </Field>
  );
  const text = (
    name: FormField & SupportField,
    props: {
      type?: 'email' | 'tel' | 'text';
      autoComplete?: string;
      inputMode?: 'decimal';
      contentAfter?: string;
    } = {},
  ) => (
    <Input
      id={idOf(name)}
      name={name}
      value={form[name]}
      onChange={(_e, data) => set(name, data.value)}
      onBlur={blur(name)}
      type={props.type ?? 'text'}
      autoComplete={props.autoComplete ?? 'off'}
      inputMode={props.inputMode}
      contentAfter={props.contentAfter}
    />
  );
  const area = (name: FormField & SupportField, rows = 3) => (
    <Textarea
      id={idOf(name)}
      name={name}
      value={form[name]}
      onChange={(_e, data) => set(name, data.value)}
      onBlur={blur(name)}
      rows={rows}
      resize="vertical"
    />
  );

  return (
    <>
      {header}
      {!permission.allowed && (
        // Issue 14: said before anything is filled in, not only beside Submit at the end.
        <div style={{ marginBottom: 16 }}>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('support.roleCannotSubmit')}</MessageBarTitle>
              <PermissionReason
                id={`${permissionId}-top`}
                missingRoles={permission.missingRoles}
                icon={false}
              />
            </MessageBarBody>
          </MessageBar>
        </div>
      )}
      <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate>
        <div ref={summaryRef} tabIndex={-1} style={{ outline: 'none' }}>
          {prefilled && !submitted && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{t('support.prefilled')}</MessageBarBody>
            </MessageBar>
          )}
          {submitted && invalidCount > 0 && (
            <div role="alert">
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{t('support.invalid.title')}</MessageBarTitle>
                  {invalidCount === 1
                    ? t('support.invalid.one')
                    : t('support.invalid.many', { count: invalidCount })}
                </MessageBarBody>
              </MessageBar>
            </div>
          )}
          {failure !== null && (
            <div role="alert">
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{t('support.failed')}</MessageBarTitle>
                  {describeError(failure, i18n).map((message) => (
                    <div key={message}>{message}</div>
                  ))}
                  <div>{t('support.kept')}</div>
                </MessageBarBody>
              </MessageBar>
            </div>
          )}
        </div>

        <fieldset className={styles.section}>
          <legend className={styles.legend}>{t('support.section.details')}</legend>
          {field(
            'problemType',
            t('support.problemType'),
            <Select
              id={idOf('problemType')}
              value={form.problemType}
              onChange={(_e, data) => set('problemType', data.value)}
              onBlur={blur('problemType')}
            >
              <option value="">{t('support.choose')}</option>
              {PROBLEM_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`support.problemType.${type}`)}
                </option>
              ))}
            </Select>,
            { required: true },
          )}
          {field(
            'impact',
            t('support.impact'),
            <Select
              id={idOf('impact')}
              value={form.impact}
              onChange={(_e, data) => set('impact', data.value)}
              onBlur={blur('impact')}
            >
              <option value="">{t('support.choose')}</option>
              {IMPACTS.map((impact) => (
                <option key={impact} value={impact}>
                  {t(`support.impact.${impact}`)}
                </option>
              ))}
            </Select>,
            { required: true },
          )}
          {field('title', t('support.field.title'), text('title'), {
            required: true,
            hint: t('support.field.titleHint'),
          })}
        </fieldset>

        <fieldset className={styles.section}>
          <legend className={styles.legend}>{t('support.section.description')}</legend>
          <Caption1 className={styles.hint}>{t('support.descriptionHint')}</Caption1>
          <Field label={{ children: t('support.customer'), htmlFor: `${base}-customer` }}>
            <Select
              id={`${base}-customer`}
              value={form.customerId}
              onChange={(_e, data) => chooseCustomer(data.value)}
            >
              <option value="">{t('support.noCustomer')}</option>
              {customers.map((c) => (
                <option key={c.id} value={c.id}>
                  {t('support.customerOption', {
                    name: c.name,
                    country: i18n.country(c.market),
                    currency: c.currency,
                  })}
                </option>
              ))}
            </Select>
          </Field>
          {form.productId && (
            <Body1>
              <Body1Strong>{t('support.product')}: </Body1Strong>
              {form.productName || form.productId}
            </Body1>
          )}
          <div className={styles.row}>
            {field('tenantOrDomain', t('support.tenantOrDomain'), text('tenantOrDomain'), {
              required: refund,
            })}
            {field(
              'orderOrSubscriptionId',
              t('support.orderOrSubscriptionId'),
              text('orderOrSubscriptionId'),
              { required: refund },
            )}
          </div>
          {field('refundReason', t('support.refundReason'), area('refundReason'), {
            required: refund,
          })}
          {field(
            'amountRequested',
            t('support.amountRequested', { currency }),
            text('amountRequested', {
              inputMode: 'decimal',
              contentAfter: currency,
            }),
            { required: refund, hint: t('support.amountHint', { currency }) },
          )}
          {field('details', t('support.field.details'), area('details', 5), {
            required: !refund,
          })}
        </fieldset>

        <fieldset className={styles.section}>
          <legend className={styles.legend}>{t('support.section.contact')}</legend>
          <div className={styles.row}>
            {field(
              'contactName',
              t('support.contactName'),
              text('contactName', { autoComplete: 'name' }),
              {
                required: true,
              },
            )}
            {field(
              'contactEmail',
              t('support.contactEmail'),
              text('contactEmail', { type: 'email', autoComplete: 'email' }),
              { required: true },
            )}
            {field(
              'contactPhone',
              t('support.contactPhone'),
              text('contactPhone', { type: 'tel', autoComplete: 'tel' }),
              { required: true },
            )}
          </div>
        </fieldset>

        <fieldset className={styles.section}>
          <legend className={styles.legend}>{t('support.section.files')}</legend>
          <Caption1 className={styles.hint} id={`${base}-files-hint`}>
            {t('support.filesHint', { max: MAX_ATTACHMENTS })}
          </Caption1>
          <input
            ref={fileInput}
            id={idOf('attachments')}
            className={styles.hiddenInput}
            type="file"
            multiple
            accept=".pdf,.png,.jpg,.jpeg,.txt,.log,.csv,.zip"
            aria-label={t('support.addFiles')}
            tabIndex={-1}
            onChange={(event) => {
              uploads.add([...(event.target.files ?? [])]);
              event.target.value = '';
            }}
          />
          <div>
            <Button
              icon={<AttachRegular />}
              disabledFocusable={!permission.allowed}
              aria-describedby={
                permission.allowed ? `${base}-files-hint` : `${base}-files-hint ${permissionId}`
              }
              onClick={() => fileInput.current?.click()}
            >
              {t('support.addFiles')}
            </Button>
          </div>
          <FileList uploads={uploads.uploads} onRemove={uploads.remove} />
          {messageOf('attachments') && (
            <Caption1 className={styles.hint} role="alert">
              {messageOf('attachments')}
            </Caption1>
          )}
        </fieldset>

        <div className={styles.actions}>
          <Button
            type="submit"
            appearance="primary"
            disabledFocusable={!permission.allowed || submitting || uploads.uploading}
            aria-describedby={!permission.allowed ? permissionId : undefined}
            icon={submitting ? <Spinner size="tiny" /> : undefined}
            // Issue 14: pressing Submit must not blur the field first: its message would appear,
            // move the button and lose the click. Submit then shows every field's message.
            onMouseDown={(event) => event.preventDefault()}
          >
            {submitting ? t('support.submitting') : t('support.submit')}
          </Button>
          {!permission.allowed && (
            <PermissionReason id={permissionId} missingRoles={permission.missingRoles} />
          )}
          {permission.allowed && uploads.uploading && (
            <Caption1 className={styles.hint}>{t('support.file.wait')}</Caption1>
          )}
        </div>
      </form>
    </>
  );
}
