import type { ReactNode } from 'react';
import { classNames } from './class-names.ts';

interface FormFieldFrameProps {
  id: string;
  /** The NL Design System form-field variant: 'text' or 'select'. */
  kind: 'text' | 'select';
  label: string;
  /** A hint under the label, read out with the control. */
  description?: string | undefined;
  /** The error, shown above the control and read out with it. */
  error?: string | undefined;
  /** Renders the control, given the ids it must name in aria-describedby. */
  children: (describedBy: string | undefined) => ReactNode;
}

/** Label, hint and error of one form control (NL Design System form field), tied to the control. */
export function FormFieldFrame({ id, kind, label, description, error, children }: FormFieldFrameProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div
      className={classNames(
        `utrecht-form-field utrecht-form-field--${kind} utrecht-form-field--distanced`,
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
      <div className="utrecht-form-field__input">{children(describedBy)}</div>
    </div>
  );
}
