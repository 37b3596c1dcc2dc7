import type { SelectHTMLAttributes } from 'react';
import { classNames } from './class-names.ts';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'> {
  id: string;
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  description?: string;
  error?: string | undefined;
}

/** A labelled native select (keyboard and screen readers know it) styled with the theme's tokens. */
export function SelectField({ id, label, options, description, error, ...selectProps }: SelectFieldProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div
      className={classNames(
        'utrecht-form-field utrecht-form-field--select utrecht-form-field--distanced',
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
      </div>
    </div>
  );
}
