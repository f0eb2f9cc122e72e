import {
  Body1,
  Body1Strong,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
} from '@fluentui/react-components';
import { AttachRegular } from '@fluentui/react-icons';
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_RULES,
  IMPACTS,
  PROBLEM_TYPES,
  SUPPORT_LIMITS,
} from '@csp/domain';
import { useRef } from 'react';
import { PageHeader } from '../../app/PageHeader';
import { describeError } from '../../app/errors';
import { useI18n } from '../../app/i18n/useI18n';
import { PermissionReason } from '../auth/PermissionReason';
import { useStyles } from './report-problem.styles';
import { SupportConfirmation } from './SupportConfirmation';
import { SupportAreaField, SupportChoiceField, SupportTextField } from './SupportFields';
import { SupportFileList } from './SupportFileList';
import { problemTypeLabel } from './problem-type';
import type { TextField } from './support-form';
import { useReportProblemForm, type ReportProblemForm } from './useReportProblemForm';

/** What stands above the fields: who cannot submit, what was filled in, what needs attention. */
function FormSummary({ state }: { state: ReportProblemForm }) {
  const i18n = useI18n();
  const { t } = i18n;
  const count = state.invalidFields.length;
  return (
    <div id={`${state.base}-summary`} tabIndex={-1} style={{ outline: 'none' }}>
      {state.prefilled && !state.attempted && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('support.prefilled')}</MessageBarBody>
        </MessageBar>
      )}
      {state.attempted && count > 0 && (
        <div role="alert">
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('support.invalid.title')}</MessageBarTitle>
              {t('error.reason.FIELDS_NEED_ATTENTION', { fieldCount: count })}
            </MessageBarBody>
          </MessageBar>
        </div>
      )}
      {state.failure !== null && (
        <div role="alert">
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('support.failed')}</MessageBarTitle>
              {describeError(state.failure, i18n).map((message) => (
                <div key={message}>{message}</div>
              ))}
              <div>{t('support.kept')}</div>
            </MessageBarBody>
          </MessageBar>
        </div>
      )}
    </div>
  );
}

/** S2 Add files: the hint with the domain's limits, the picker, the list and its message. */
function FilesSection({ state }: { state: ReportProblemForm }) {
  const styles = useStyles();
  const { t } = useI18n();
  const fileInput = useRef<HTMLInputElement>(null);
  const { base, permission, uploads } = state;
  const hintId = `${base}-files-hint`;
  const message = state.messageOf('attachmentIds');
  return (
    <fieldset className={styles.section}>
      <legend className={styles.legend}>{t('support.section.files')}</legend>
      <Caption1 className={styles.hint} id={hintId}>
        {t('support.filesHint', { ...ATTACHMENT_RULES })}
      </Caption1>
      <input
        ref={fileInput}
        className={styles.hiddenInput}
        type="file"
        multiple
        accept={ATTACHMENT_ACCEPT}
        aria-label={t('support.addFiles')}
        tabIndex={-1}
        onChange={(event) => {
          uploads.add([...(event.target.files ?? [])]);
          event.target.value = '';
        }}
      />
      <div>
        <Button
          id={state.idOf('attachmentIds')}
          icon={<AttachRegular />}
          disabledFocusable={!permission.allowed}
          aria-describedby={
            permission.allowed
              ? `${hintId}${message ? ` ${base}-files-message` : ''}`
              : `${hintId} ${base}-permission`
          }
          onClick={() => fileInput.current?.click()}
        >
          {t('support.addFiles')}
        </Button>
      </div>
      <SupportFileList uploads={uploads.uploads} onRemove={uploads.remove} />
      {message && (
        <Caption1 id={`${base}-files-message`} className={styles.fileError} role="alert">
          {message}
        </Caption1>
      )}
    </fieldset>
  );
}

/**
 * S1, S2: **Report a problem**. Opened from the Cancel dialog's customer support request link
 * with the problem type, customer, order and product filled in, or from the header blank. The
 * state and the checks are `useReportProblemForm`'s (the domain's schema); this lays it out.
 */
export function ReportProblem() {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const state = useReportProblemForm();
  const { base, permission, uploads, form, refund, currency } = state;
  const permissionId = `${base}-permission`;

  const header = <PageHeader title={t('support.title')} subtitle={t('support.intro')} />;
  if (state.created) {
    return (
      <>
        {header}
        <SupportConfirmation created={state.created} onAnother={state.another} />
      </>
    );
  }
  /** A field's common props: the form, its name and label, whether it must be filled. */
  const bind = (name: TextField, label: string, required = true) => ({
    state,
    name,
    label,
    required,
  });
  const productId = form.watch('productId');
  const productName = form.watch('productName');

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
      <form className={styles.form} onSubmit={state.submit} noValidate>
        <FormSummary state={state} />

        <fieldset className={styles.section}>
          <legend className={styles.legend}>{t('support.section.details')}</legend>
          <SupportChoiceField
            state={state}
            name="problemType"
            label={t('support.problemType')}
            required
            empty={t('support.choose')}
            options={PROBLEM_TYPES.map((value) => ({
              value,
              label: problemTypeLabel(value, i18n),
            }))}
          />
          <SupportChoiceField
            state={state}
            name="impact"
            label={t('support.impact')}
            required
            empty={t('support.choose')}
            options={IMPACTS.map((value) => ({ value, label: t(`support.impact.${value}`) }))}
          />
          <SupportTextField
            {...bind('title', t('support.field.title'))}
            hint={t('support.field.titleHint', { ...SUPPORT_LIMITS.title })}
          />
        </fieldset>

        <fieldset className={styles.section}>
          <legend className={styles.legend}>{t('support.section.description')}</legend>
          <Caption1 className={styles.hint}>{t('support.descriptionHint')}</Caption1>
          <Field label={{ children: t('support.customer'), htmlFor: `${base}-customer` }}>
            <Select
              id={`${base}-customer`}
              value={form.watch('customerId')}
              onChange={(_e, data) => state.chooseCustomer(data.value)}
            >
              <option value="">{t('support.noCustomer')}</option>
              {state.customers.map((c) => (
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
          {productId && (
            <Body1>
              <Body1Strong>{t('support.product')}: </Body1Strong>
              {productName || productId}
            </Body1>
          )}
          <div className={styles.row}>
            <SupportTextField {...bind('tenantOrDomain', t('support.tenantOrDomain'), refund)} />
            <SupportTextField
              {...bind('orderOrSubscriptionId', t('support.orderOrSubscriptionId'), refund)}
            />
          </div>
          <SupportAreaField {...bind('refundReason', t('support.refundReason'), refund)} />
          <SupportTextField
            {...bind('amountRequested', t('support.amountRequested', { currency }), refund)}
            hint={t('support.amountHint', { currency })}
            inputMode="decimal"
            contentAfter={currency}
          />
          <SupportAreaField {...bind('details', t('support.field.details'), !refund)} rows={5} />
        </fieldset>

        <fieldset className={styles.section}>
          <legend className={styles.legend}>{t('support.section.contact')}</legend>
          <div className={styles.row}>
            <SupportTextField
              {...bind('contactName', t('support.contactName'))}
              autoComplete="name"
            />
            <SupportTextField
              {...bind('contactEmail', t('support.contactEmail'))}
              type="email"
              autoComplete="email"
            />
            <SupportTextField
              {...bind('contactPhone', t('support.contactPhone'))}
              type="tel"
              autoComplete="tel"
            />
          </div>
        </fieldset>

        <FilesSection state={state} />

        <div className={styles.actions}>
          <Button
            type="submit"
            appearance="primary"
            disabledFocusable={!permission.allowed || state.submitting || uploads.uploading}
            aria-describedby={!permission.allowed ? permissionId : undefined}
            icon={state.submitting ? <Spinner size="tiny" /> : undefined}
          >
            {state.submitting ? t('support.submitting') : t('support.submit')}
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
