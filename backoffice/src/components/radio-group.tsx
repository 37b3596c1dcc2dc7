import { classNames } from './class-names.ts';

interface RadioGroupProps {
  /** The group's id; each option's id is `${id}-${value}`, the error's `${id}-error`. */
  id: string;
  /** The question, as the fieldset's legend. */
  legend: string;
  name: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string; hint?: string | undefined }>;
  onChange: (value: string) => void;
  description?: string | undefined;
  error?: string | undefined;
}

/**
 * A question with one answer out of a few (native radio buttons in a fieldset: arrow keys move
 * between them, the legend is read with each). Focus on error goes to the first option (its id is
 * the group's id, so useApiForm's fieldId works for a group too).
 */
export function RadioGroup({ id, legend, name, value, options, onChange, description, error }: RadioGroupProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className={classNames('od-fieldset od-radio-group', error && 'utrecht-form-field--invalid')}
      aria-describedby={describedBy}
    >
      <legend className="utrecht-form-label od-fieldset__legend">{legend}</legend>
      {description && (
        <div className="utrecht-form-field-description" id={descriptionId}>
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
      {options.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${option.value}`;
        return (
          <div className="od-radio" key={option.value}>
            <input
              id={optionId}
              type="radio"
              className="od-radio__input"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <label className="utrecht-form-label od-radio__label" htmlFor={optionId}>
              {option.label}
              {option.hint && <span className="od-cell-detail">{option.hint}</span>}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
