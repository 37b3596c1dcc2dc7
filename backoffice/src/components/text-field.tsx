import type { InputHTMLAttributes } from 'react';
import { classNames } from './class-names.ts';
import { FormFieldFrame } from './form-field-frame.tsx';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> {
  id: string;
  label: string;
  /** A hint under the label, read out with the input. */
  description?: string;
  /** The error, shown above the input and read out with it. */
  error?: string | undefined;
}

/** A labelled text input (NL Design System form field) with its hint and error tied to it. */
export function TextField({ id, label, description, error, ...inputProps }: TextFieldProps) {
  return (
    <FormFieldFrame id={id} kind="text" label={label} description={description} error={error}>
      {(describedBy) => (
        <input
          id={id}
          className={classNames('utrecht-textbox utrecht-textbox--html-input', error && 'utrecht-textbox--invalid')}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...inputProps}
        />
      )}
    </FormFieldFrame>
  );
}
