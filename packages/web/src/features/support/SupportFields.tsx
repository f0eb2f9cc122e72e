import { Field, Input, Select, Textarea } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useController } from 'react-hook-form';
import type { TextField } from './support-form';
import type { ReportProblemForm } from './useReportProblemForm';

interface FieldProps {
  state: ReportProblemForm;
  name: TextField;
  label: string;
  required?: boolean;
  hint?: string;
}

interface Bound {
  id: string;
  name: string;
  value: string;
  onChange(value: string): void;
  onBlur(): void;
  ref(element: HTMLElement | null): void;
}

/** S2: one field of the form, its label, hint and message, bound to react-hook-form. */
function SupportField({
  state,
  name,
  label,
  required,
  hint,
  render,
}: FieldProps & {
  render(bound: Bound): ReactNode;
}) {
  const { field } = useController({ control: state.form.control, name });
  const message = state.messageOf(name);
  const id = state.idOf(name);
  return (
    <Field
      label={{ children: label, htmlFor: id }}
      required={required}
      hint={hint}
      validationMessage={message}
      validationState={message ? 'error' : 'none'}
    >
      {render({
        id,
        name,
        value: field.value,
        onChange: field.onChange,
        onBlur: field.onBlur,
        ref: field.ref,
      })}
    </Field>
  );
}

export function SupportTextField(
  props: FieldProps & {
    type?: 'email' | 'tel' | 'text';
    autoComplete?: string;
    inputMode?: 'decimal';
    contentAfter?: string;
  },
) {
  return (
    <SupportField
      {...props}
      render={({ onChange, ...bound }) => (
        <Input
          {...bound}
          onChange={(_e, data) => onChange(data.value)}
          type={props.type ?? 'text'}
          autoComplete={props.autoComplete ?? 'off'}
          inputMode={props.inputMode}
          contentAfter={props.contentAfter}
        />
      )}
    />
  );
}

export function SupportAreaField(props: FieldProps & { rows?: number }) {
  return (
    <SupportField
      {...props}
      render={({ onChange, ...bound }) => (
        <Textarea
          {...bound}
          onChange={(_e, data) => onChange(data.value)}
          rows={props.rows ?? 3}
          resize="vertical"
        />
      )}
    />
  );
}

export function SupportChoiceField(
  props: FieldProps & { empty: string; options: readonly { value: string; label: string }[] },
) {
  return (
    <SupportField
      {...props}
      render={({ onChange, ...bound }) => (
        <Select {...bound} onChange={(_e, data) => onChange(data.value)}>
          <option value="">{props.empty}</option>
          {props.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      )}
    />
  );
}
