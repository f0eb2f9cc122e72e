import { zodResolver } from '@hookform/resolvers/zod';
import {
  fieldIssue,
  isCurrencyCode,
  type CurrencyCode,
  type Impact,
  type ProblemType,
} from '@csp/domain';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { useSearchParams } from 'react-router';
import { formErrorText } from '../../app/forms/field-error-text';
import { useI18n } from '../../app/i18n/useI18n';
import type { CreateSupportRequestMutation } from '../../gql/graphql';
import { useMe, usePermission } from '../auth/useSession';
import { amountFromLocale } from './amount-input';
import {
  FIELD_ORDER,
  initialForm,
  serverFieldErrors,
  supportFormSchema,
  type FormField,
  type SupportForm,
} from './support-form';
import { useCreateSupportRequest, useSupportCustomers } from './useSupport';
import { useUploads } from './useUploads';

export type Created = CreateSupportRequestMutation['createSupportRequest'];

/**
 * S1, S2, R6: the state of **Report a problem** on react-hook-form, checked with the domain's
 * schema (the API's own). Nothing is checked on blur, so no message appears between pressing
 * Submit and the click landing (issue 14); Submit checks every field at once, shows each message
 * beside its field and focuses the first; after that, messages follow the typing. A file that
 * cannot be attached blocks Submit until removed. A refusal from the server puts its field
 * errors beside the fields and keeps everything typed.
 */
export function useReportProblemForm() {
  const i18n = useI18n();
  const me = useMe();
  const permission = usePermission('SUBMIT_SUPPORT_REQUEST');
  const [query] = useSearchParams();
  const [prefilledCustomerId] = useState(() => query.get('customerId') ?? '');
  const prefilled = query.get('problemType') === 'CSP_PURCHASE_REFUND' && !!query.get('orderId');
  const { customers } = useSupportCustomers(prefilledCustomerId);
  const [create, { loading: submitting }] = useCreateSupportRequest();
  const uploads = useUploads();
  const [failure, setFailure] = useState<unknown>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [attempted, setAttempted] = useState(false);
  const base = useId();
  const idOf = (field: FormField) => `${base}-${field}`;

  // The resolver runs outside render: it reads the latest customers (for the currency) here.
  const latest = useRef({ customers, locale: i18n.locale });
  latest.current = { customers, locale: i18n.locale };
  const currencyOf = (customerId: string): CurrencyCode => {
    const currency = latest.current.customers.find((c) => c.id === customerId)?.currency;
    return currency && isCurrencyCode(currency) ? currency : 'USD';
  };
  const resolver: Resolver<SupportForm> = (values, context, options) =>
    // raw: the form keeps what was typed (the amount in the user's locale, untrimmed text).
    (
      zodResolver(
        supportFormSchema(currencyOf(values.customerId), latest.current.locale),
        undefined,
        {
          raw: true,
        },
      ) as unknown as Resolver<SupportForm>
    )(values, context, options);

  const form = useForm<SupportForm>({
    defaultValues: initialForm(query, { name: me.displayName, email: me.email }),
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false,
  });
  const { errors, isSubmitted } = form.formState;
  const customerId = form.watch('customerId');
  const currency = currencyOf(customerId);

  const filesBlock = uploads.refused.length > 0;
  /** The message beside a field, in the chosen language. */
  const messageOf = (field: FormField): string | undefined =>
    field === 'attachmentIds' && attempted && filesBlock
      ? i18n.t('support.files.refused')
      : formErrorText(errors[field]?.message, i18n, field);
  const invalidFields = FIELD_ORDER.filter((field) => messageOf(field));

  const focusFirst = (fieldErrors: FieldErrors<SupportForm>) => {
    const first = FIELD_ORDER.find(
      (field) => fieldErrors[field] || (field === 'attachmentIds' && filesBlock),
    );
    if (first) document.getElementById(idOf(first))?.focus();
  };

  /** Choosing a customer fills in its tenant, unless the user typed another one. */
  const chooseCustomer = (id: string) => {
    const previous = customers.find((c) => c.id === form.getValues('customerId'));
    const next = customers.find((c) => c.id === id);
    const tenant = form.getValues('tenantOrDomain');
    const autoTenant =
      !tenant || (previous && [previous.tenantId, previous.domain].includes(tenant));
    if (id !== form.getValues('customerId')) {
      form.setValue('productId', '');
      form.setValue('productName', '');
    }
    form.setValue('customerId', id);
    if (autoTenant)
      form.setValue('tenantOrDomain', next?.tenantId ?? '', { shouldValidate: isSubmitted });
  };

  const send = async (values: SupportForm) => {
    if (filesBlock) return focusFirst({});
    try {
      const result = await create({
        variables: {
          input: {
            problemType: values.problemType as ProblemType,
            impact: values.impact as Impact,
            title: values.title,
            customerId: values.customerId || null,
            productId: values.productId || null,
            tenantOrDomain: values.tenantOrDomain,
            orderOrSubscriptionId: values.orderOrSubscriptionId,
            refundReason: values.refundReason,
            // E4: the API reads "." decimals only; convert from the user's locale.
            amountRequested: amountFromLocale(values.amountRequested, i18n.locale),
            details: values.details,
            contactName: values.contactName,
            contactEmail: values.contactEmail,
            contactPhone: values.contactPhone,
            attachmentIds: values.attachmentIds,
          },
        },
      });
      if (result.data) setCreated(result.data.createSupportRequest);
    } catch (caught) {
      for (const e of serverFieldErrors(caught)) {
        form.setError(e.field, { type: e.code, message: fieldIssue(e.code, e.params) });
      }
      setFailure(caught);
      document.getElementById(`${base}-summary`)?.focus();
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setFailure(null);
    if (!permission.allowed || uploads.uploading) return;
    form.setValue('attachmentIds', uploads.attachmentIds);
    void form.handleSubmit(send, focusFirst)(event);
  };

  const another = () => {
    setCreated(null);
    setAttempted(false);
    form.reset(initialForm(new URLSearchParams(), { name: me.displayName, email: me.email }));
    uploads.reset();
  };

  return {
    form,
    base,
    idOf,
    permission,
    prefilled,
    customers,
    currency,
    refund: form.watch('problemType') === 'CSP_PURCHASE_REFUND',
    uploads,
    submitting,
    failure,
    created,
    attempted,
    invalidFields,
    messageOf,
    chooseCustomer,
    submit,
    another,
  };
}

export type ReportProblemForm = ReturnType<typeof useReportProblemForm>;
