import type { ChangeEvent } from 'react';
import { classNames } from './class-names.ts';

interface CheckboxFieldProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | undefined;
}

/** One labelled checkbox with its error tied to it. */
export function CheckboxField({ id, label, checked, onChange, error }: CheckboxFieldProps) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div
      className={classNames(
        'utrecht-form-field utrecht-form-field--checkbox utrecht-form-field--distanced',
        error && 'utrecht-form-field--invalid',
      )}
    >
      <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
          {label}
        </label>
      </div>
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
          type="checkbox"
          className="od-checkbox"
          checked={checked}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={errorId}
        />
      </div>
    </div>
  );
}
