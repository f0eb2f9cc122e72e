import { Combobox, Field, Option } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { useI18n } from '../../app/i18n/useI18n';
import { useDebounced } from '../customers/useCustomers';
import { useActivityCustomers } from './useActivityLog';

export interface PickedCustomer {
  id: string;
  name: string;
}

const ALL = '';
const NONE = '__none__';

/** A2: filter by customer: type part of a name, GUID or domain, pick one; or all customers. */
export function CustomerPicker({
  value,
  onChange,
}: {
  value: PickedCustomer | null;
  onChange: (customer: PickedCustomer | null) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(value?.name ?? '');
  // The latest pick: the list closes in the same event as a pick, before `value` comes back.
  const picked = useRef(value);
  // While the text is the picked customer's name, list every customer, not only that one.
  const search = useDebounced(value && text === value.name ? '' : text, 250);
  const { data, loading } = useActivityCustomers(search);
  const customers = data?.customers.edges.map((edge) => edge.node) ?? [];

  return (
    <Field label={t('activity.customer')} hint={t('activity.customerHint')}>
      <Combobox
        freeform
        value={text}
        placeholder={t('activity.allCustomers')}
        selectedOptions={[value?.id ?? ALL]}
        onChange={(event) => setText(event.target.value)}
        onOptionSelect={(_event, data) => {
          if (data.optionValue === NONE) return;
          picked.current = data.optionValue
            ? { id: data.optionValue, name: data.optionText ?? '' }
            : null;
          onChange(picked.current);
          setText(picked.current?.name ?? '');
        }}
        onOpenChange={(_event, data) => {
          // Closing without picking puts back the picked customer's name (or nothing).
          if (!data.open) setText(picked.current?.name ?? '');
        }}
      >
        <Option value={ALL} text={t('activity.allCustomers')}>
          {t('activity.allCustomers')}
        </Option>
        {customers.map((customer) => (
          <Option key={customer.id} value={customer.id} text={customer.name}>
            {`${customer.name} (${customer.domain})`}
          </Option>
        ))}
        {!loading && data && customers.length === 0 && (
          <Option value={NONE} text="" disabled>
            {t('activity.noCustomerMatches', { search: search.trim() })}
          </Option>
        )}
      </Combobox>
    </Field>
  );
}
