import type { StaffRole } from '../api/contract-types.ts';
import { useTranslate } from '../i18n/use-translate.ts';
import { classNames } from './class-names.ts';

interface RolesFieldsetProps {
  /** Prefix for the checkboxes' ids; the first checkbox gets exactly this id (so errors can focus it). */
  id: string;
  legend: string;
  available: readonly StaffRole[];
  selected: readonly StaffRole[];
  onChange: (roles: StaffRole[]) => void;
  error?: string | undefined;
}

/** Checkboxes for roles in a fieldset, each with what the role may do. */
export function RolesFieldset({ id, legend, available, selected, onChange, error }: RolesFieldsetProps) {
  const t = useTranslate();
  const errorId = error ? `${id}-error` : undefined;
  const toggle = (role: StaffRole, on: boolean) =>
    onChange(available.filter((candidate) => (candidate === role ? on : selected.includes(candidate))));
  return (
    <fieldset
      className={classNames('od-fieldset utrecht-form-field--distanced', error && 'utrecht-form-field--invalid')}
      aria-describedby={errorId}
    >
      <legend className="od-fieldset__legend">{legend}</legend>
      {error && (
        <div className="utrecht-form-field-description utrecht-form-field-description--invalid" id={errorId}>
          {error}
        </div>
      )}
      {available.map((role, index) => {
        const inputId = index === 0 ? id : `${id}-${role}`;
        return (
          <div key={role} className="utrecht-form-field utrecht-form-field--checkbox">
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={inputId}>
                {t(`role.${role}`)}
              </label>
            </div>
            <div
              className="utrecht-form-field__description utrecht-form-field-description"
              id={`${inputId}-description`}
            >
              {t(`role.${role}.description`)}
            </div>
            <div className="utrecht-form-field__input">
              <input
                id={inputId}
                type="checkbox"
                className="od-checkbox"
                checked={selected.includes(role)}
                onChange={(event) => toggle(role, event.target.checked)}
                aria-describedby={`${inputId}-description`}
                aria-invalid={error ? true : undefined}
              />
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}
