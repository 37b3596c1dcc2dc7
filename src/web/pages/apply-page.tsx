import type { MunicipalityRecord } from '../../modules/municipalities/municipalities.repository.ts';
import type {
  ApplicationField,
  ApplicationFormError,
  ApplicationFormValues,
} from '../../modules/programme/enrolment.schema.ts';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

interface ApplyPageProps {
  context: PageContext;
  municipalities: MunicipalityRecord[];
  values?: ApplicationFormValues | undefined;
  errors?: ApplicationFormError[] | undefined;
  /** A problem that is not about one field (too many applications from here). */
  notice?: 'throttled' | undefined;
}

/** The element id of each field, so the error summary can link to it. */
const FIELD_IDS: Record<ApplicationField, string> = {
  municipality: 'aanmelden-gemeente',
  name: 'aanmelden-naam',
  role: 'aanmelden-rol-mayor',
  email: 'aanmelden-email',
  phone: 'aanmelden-telefoon',
  pledge: 'aanmelden-belofte',
};

const EMPTY: ApplicationFormValues = { municipality: '', name: '', role: '', email: '', phone: '', pledge: false };

/**
 * A mayor or official applies for their municipality: a plain POST form (no JavaScript), every
 * problem listed at the top (GOV.UK error summary) and next to its field, with what was typed kept.
 */
export function ApplyPage({ context, municipalities, values = EMPTY, errors = [], notice }: ApplyPageProps) {
  const { t } = context;
  const problem = errors.length > 0 || notice !== undefined;
  const title = t.t('apply.title');
  const errorOf = (field: ApplicationField) => errors.find((error) => error.field === field);
  const describedBy = (...ids: Array<string | false | undefined>) =>
    ids.filter((id): id is string => Boolean(id)).join(' ') || undefined;
  const fieldError = (field: ApplicationField) => {
    const error = errorOf(field);
    return error ? (
      <p className="utrecht-form-field-error-message od-field-error" id={`${FIELD_IDS[field]}-fout`}>
        {t.t(`apply.error.${error.id}`)}
      </p>
    ) : null;
  };
  const fieldClass = (field: ApplicationField, kind: string) =>
    `utrecht-form-field utrecht-form-field--${kind}${errorOf(field) ? ' utrecht-form-field--invalid' : ''}`;
  const provinces = groupByProvince(municipalities);

  return (
    <Layout context={context} title={problem ? `${t.t('apply.errorPrefix')}: ${title}` : title}>
      <h1 className="nl-heading nl-heading--level-1">{title}</h1>
      {problem && (
        <div className="utrecht-alert utrecht-alert--error od-error-summary" role="alert" aria-labelledby="fout-titel">
          <h2 id="fout-titel" className="nl-heading nl-heading--level-2">
            {t.t('apply.errorTitle')}
          </h2>
          {notice === 'throttled' && <p className="nl-paragraph">{t.t('apply.throttled')}</p>}
          {errors.length > 0 && (
            <ul className="od-error-list">
              {errors.map((error) => (
                <li key={error.field}>
                  <a className="nl-link" href={`#${FIELD_IDS[error.field]}`}>
                    {t.t(`apply.error.${error.id}`)}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p className="nl-paragraph nl-paragraph--lead">{t.t('apply.intro')}</p>
      <form className="od-apply" method="post" action={t.href('/aanmelden')} noValidate>
        <div className={fieldClass('municipality', 'select')}>
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor={FIELD_IDS.municipality}>
              {t.t('apply.municipality')}
            </label>
          </div>
          {fieldError('municipality')}
          <div className="utrecht-form-field__input">
            <select
              className="od-apply-select"
              id={FIELD_IDS.municipality}
              name="municipality"
              defaultValue={values.municipality}
              aria-invalid={errorOf('municipality') ? true : undefined}
              aria-describedby={describedBy(errorOf('municipality') && `${FIELD_IDS.municipality}-fout`)}
            >
              <option value="">{t.t('apply.municipalityChoose')}</option>
              {provinces.map(([province, members]) => (
                <optgroup key={province} label={province}>
                  {members.map((municipality) => (
                    <option key={municipality.code} value={municipality.code}>
                      {municipality.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
        </div>
        <TextInput
          context={context}
          field="name"
          id={FIELD_IDS.name}
          label={t.t('apply.name')}
          autoComplete="name"
          value={values.name}
          error={fieldError('name')}
          invalid={Boolean(errorOf('name'))}
          fieldClass={fieldClass('name', 'text')}
        />
        <fieldset
          className={`utrecht-form-fieldset od-apply-fieldset${errorOf('role') ? ' utrecht-form-fieldset--invalid' : ''}`}
          aria-describedby={describedBy(errorOf('role') && `${FIELD_IDS.role}-fout`)}
        >
          <legend className="utrecht-form-label">{t.t('apply.role')}</legend>
          {fieldError('role')}
          {(['mayor', 'official'] as const).map((role) => (
            <div className="od-apply-choice" key={role}>
              <input
                type="radio"
                id={`aanmelden-rol-${role}`}
                name="role"
                value={role}
                defaultChecked={values.role === role}
              />
              <label className="utrecht-form-label" htmlFor={`aanmelden-rol-${role}`}>
                {t.t(role === 'mayor' ? 'apply.roleMayor' : 'apply.roleOfficial')}
              </label>
            </div>
          ))}
        </fieldset>
        <TextInput
          context={context}
          field="email"
          id={FIELD_IDS.email}
          label={t.t('apply.email')}
          hint={t.t('apply.emailHint')}
          type="email"
          autoComplete="email"
          value={values.email}
          error={fieldError('email')}
          invalid={Boolean(errorOf('email'))}
          fieldClass={fieldClass('email', 'text')}
        />
        <TextInput
          context={context}
          field="phone"
          id={FIELD_IDS.phone}
          label={t.t('apply.phone')}
          hint={t.t('apply.phoneHint')}
          type="tel"
          autoComplete="tel"
          value={values.phone}
          error={fieldError('phone')}
          invalid={Boolean(errorOf('phone'))}
          fieldClass={fieldClass('phone', 'text')}
        />
        <section className="od-card" aria-labelledby="belofte-titel">
          <h2 id="belofte-titel" className="nl-heading nl-heading--level-2">
            {t.t('apply.pledgeTitle')}
          </h2>
          <p className="nl-paragraph">{t.t('apply.pledgeText')}</p>
          {fieldError('pledge')}
          <div className="od-apply-choice">
            <input
              type="checkbox"
              id={FIELD_IDS.pledge}
              name="pledge"
              value="yes"
              defaultChecked={values.pledge}
              aria-invalid={errorOf('pledge') ? true : undefined}
              aria-describedby={describedBy(errorOf('pledge') && `${FIELD_IDS.pledge}-fout`)}
            />
            <label className="utrecht-form-label" htmlFor={FIELD_IDS.pledge}>
              {t.t('apply.pledge')}
            </label>
          </div>
        </section>
        <p className="nl-paragraph">
          <button className="utrecht-button utrecht-button--primary-action" type="submit">
            {t.t('apply.submit')}
          </button>
        </p>
      </form>
    </Layout>
  );
}

interface TextInputProps {
  context: PageContext;
  field: ApplicationField;
  id: string;
  label: string;
  hint?: string;
  type?: string;
  autoComplete: string;
  value: string;
  error: React.ReactNode;
  invalid: boolean;
  fieldClass: string;
}

function TextInput({
  id,
  label,
  hint,
  type = 'text',
  autoComplete,
  value,
  error,
  invalid,
  fieldClass,
  field,
}: TextInputProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = invalid ? `${id}-fout` : undefined;
  return (
    <div className={fieldClass}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {hint && (
        <div className="utrecht-form-field__description" id={hintId}>
          {hint}
        </div>
      )}
      {error}
      <div className="utrecht-form-field__input">
        <input
          className={`utrecht-textbox utrecht-textbox--html-input${invalid ? ' utrecht-textbox--invalid' : ''}`}
          id={id}
          name={field}
          type={type}
          autoComplete={autoComplete}
          defaultValue={value}
          maxLength={field === 'email' ? 254 : 120}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        />
      </div>
    </div>
  );
}

function groupByProvince(municipalities: MunicipalityRecord[]): Array<[string, MunicipalityRecord[]]> {
  const groups = new Map<string, MunicipalityRecord[]>();
  for (const municipality of municipalities) {
    const list = groups.get(municipality.provinceName) ?? [];
    list.push(municipality);
    groups.set(municipality.provinceName, list);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b, 'nl'));
}
