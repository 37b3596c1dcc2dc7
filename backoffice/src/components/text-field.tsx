import type { InputHTMLAttributes } from 'react';
import { classNames } from './class-names.ts';

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
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div
      className={classNames(
        'utrecht-form-field utrecht-form-field--text utrecht-form-field--distanced',
        error && 'utrecht-form-field--invalid',
      )}
    >
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {description && (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={descriptionId}>
          {description}
        </div>
      )}
      {error && (
        <div
          className="utrecht-form-field__error-message utrecht-form-field-description utrecht-form-field-description--invalid"
          id={errorId}
        >
          {error}
        </div>
      )}
      <div className="utrecht-form-field__input">
        <input
          id={id}
          className={classNames('utrecht-textbox utrecht-textbox--html-input', error && 'utrecht-textbox--invalid')}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...inputProps}
        />
      </div>
    </div>
  );
}
