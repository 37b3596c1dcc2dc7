import type { SelectHTMLAttributes } from 'react';
import { classNames } from './class-names.ts';
import { FormFieldFrame } from './form-field-frame.tsx';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'> {
  id: string;
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  description?: string;
  error?: string | undefined;
}

/** A labelled native select (keyboard and screen readers know it) styled with the theme's tokens. */
export function SelectField({ id, label, options, description, error, ...selectProps }: SelectFieldProps) {
  return (
    <FormFieldFrame id={id} kind="select" label={label} description={description} error={error}>
      {(describedBy) => (
        <select
          id={id}
          className={classNames('od-select', error && 'od-select--invalid')}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...selectProps}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormFieldFrame>
  );
}
