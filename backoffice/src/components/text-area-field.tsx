import type { TextareaHTMLAttributes } from 'react';
import { classNames } from './class-names.ts';
import { FormFieldFrame } from './form-field-frame.tsx';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'> {
  id: string;
  label: string;
  description?: string | undefined;
  error?: string | undefined;
}

/** A labelled multi-line text field, in the same form-field frame as the text and select fields. */
export function TextAreaField({ id, label, description, error, ...textareaProps }: TextAreaFieldProps) {
  return (
    <FormFieldFrame id={id} kind="text" label={label} description={description} error={error}>
      {(describedBy) => (
        <textarea
          id={id}
          className={classNames('utrecht-textbox od-textarea', error && 'utrecht-textbox--invalid')}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...textareaProps}
        />
      )}
    </FormFieldFrame>
  );
}
