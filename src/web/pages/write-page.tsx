import type { ChildFormError, WriteFormValues } from '../../modules/conversations/child-form.schema.ts';
import {
  AGE_RANGES,
  CONTACT_MAX_CHARS,
  MESSAGE_MAX_CHARS,
  NAME_MAX_CHARS,
} from '../../modules/conversations/conversations.types.ts';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { AvailabilityNotice, type AvailabilityView } from './availability-notice.tsx';
import {
  DangerNotice,
  describedBy,
  errorFor,
  ErrorSummary,
  FieldError,
  formTitle,
  LinkParagraph,
  type ErrorValues,
  type FieldIds,
  type FormNotice,
} from './child-form-parts.tsx';

/** The municipality a child writes to: only what the pages show. */
export interface ChildPageMunicipality {
  name: string;
  slug: string;
}

interface WritePageProps {
  context: PageContext;
  municipality: ChildPageMunicipality;
  values: WriteFormValues;
  errors: ChildFormError[];
  notice?: FormNotice | undefined;
  /** Who is there now (the roster); absent on pages that do not know. */
  availability?: AvailabilityView | undefined;
  /** A fresh one-time token: the same form sent twice stores one conversation. */
  token: string;
}

const FIELD_IDS: FieldIds = {
  message: 'bericht',
  name: 'naam',
  age: 'leeftijd',
  contact: 'contact-code',
  phone: 'telefoon',
  email: 'email',
};

export const ERROR_VALUES: ErrorValues = {
  messageTooLong: { count: MESSAGE_MAX_CHARS },
  nameTooLong: { count: NAME_MAX_CHARS },
};

/**
 * "Schrijf de burgemeester": one short form that works without JavaScript. Nothing typed is kept
 * by the browser (autocomplete off); after an error everything comes back except the honeypot.
 */
export function WritePage({ context, municipality, values, errors, notice, token, availability }: WritePageProps) {
  const { t } = context;
  const title = t.t('write.title', { name: municipality.name });
  const messageError = errorFor(errors, 'message');
  const nameError = errorFor(errors, 'name');
  const ageError = errorFor(errors, 'age');
  const field = (invalid: unknown) => `utrecht-form-field od-field${invalid ? ' utrecht-form-field--invalid' : ''}`;
  return (
    <Layout context={context} title={formTitle(context, title, errors.length > 0 || notice !== undefined)}>
      <ErrorSummary context={context} errors={errors} fieldIds={FIELD_IDS} notice={notice} values={ERROR_VALUES} />
      <h1 className="nl-heading nl-heading--level-1">{title}</h1>
      <DangerNotice context={context} />
      <p className="nl-paragraph nl-paragraph--lead">{t.t('write.intro')}</p>
      {availability ? <AvailabilityNotice context={context} availability={availability} /> : null}
      <form className="od-form" method="post" action={t.href(`/gemeente/${municipality.slug}/schrijf`)} noValidate>
        <div className={field(messageError)}>
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="bericht">
              {t.t('write.messageLabel')}
            </label>
          </div>
          <p className="utrecht-form-field-description" id="bericht-hint">
            {t.t('write.messageHint', { count: MESSAGE_MAX_CHARS })}
          </p>
          <FieldError context={context} error={messageError} id="bericht-fout" values={ERROR_VALUES} />
          <textarea
            className="utrecht-textbox od-textarea"
            id="bericht"
            name="message"
            rows={8}
            maxLength={MESSAGE_MAX_CHARS}
            required
            autoComplete="off"
            defaultValue={values.message}
            aria-invalid={messageError ? true : undefined}
            aria-describedby={describedBy('bericht-hint', messageError && 'bericht-fout')}
          />
        </div>

        <div className={field(nameError)}>
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="naam">
              {t.t('write.nameLabel')}
            </label>
          </div>
          <FieldError context={context} error={nameError} id="naam-fout" values={ERROR_VALUES} />
          <input
            className="utrecht-textbox utrecht-textbox--html-input od-input"
            id="naam"
            name="name"
            type="text"
            maxLength={NAME_MAX_CHARS}
            autoComplete="off"
            defaultValue={values.name}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={describedBy(nameError && 'naam-fout')}
          />
        </div>

        <div className={field(ageError)}>
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="leeftijd">
              {t.t('write.ageLabel')}
            </label>
          </div>
          <FieldError context={context} error={ageError} id="leeftijd-fout" />
          <select
            className="utrecht-textbox od-select"
            id="leeftijd"
            name="age"
            autoComplete="off"
            defaultValue={values.age}
            aria-invalid={ageError ? true : undefined}
            aria-describedby={describedBy(ageError && 'leeftijd-fout')}
          >
            <option value="">{t.t('write.ageNone')}</option>
            {AGE_RANGES.map((range) => (
              <option key={range} value={range}>
                {t.t(`write.age.${range}`)}
              </option>
            ))}
          </select>
        </div>

        <ContactChoice context={context} values={values} errors={errors} />

        {/* A field only robots fill in: hidden from people, out of the tab order, never shown again. */}
        <div className="od-hp" aria-hidden="true">
          <label htmlFor="website">{t.t('write.honeypotLabel')}</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <input type="hidden" name="token" value={token} />
        <button className="utrecht-button utrecht-button--primary-action od-submit" type="submit">
          {t.t('write.submit')}
        </button>
      </form>
      <LinkParagraph href={t.href(`/gemeente/${municipality.slug}/lees`)}>{t.t('write.haveCode')}</LinkParagraph>
      <LinkParagraph href={t.href(`/gemeente/${municipality.slug}`)}>
        {t.t('write.back', { name: municipality.name })}
      </LinkParagraph>
    </Layout>
  );
}

/**
 * How the child gets an answer. Phone and e-mail carry a warning; their field shows under the
 * chosen option (CSS only) and is required only for that choice.
 */
function ContactChoice({
  context,
  values,
  errors,
}: {
  context: PageContext;
  values: WriteFormValues;
  errors: ChildFormError[];
}) {
  const { t } = context;
  const contactError = errorFor(errors, 'contact');
  const phoneError = errorFor(errors, 'phone');
  const emailError = errorFor(errors, 'email');
  return (
    <fieldset
      className={`od-fieldset${contactError ? ' utrecht-form-field--invalid' : ''}`}
      aria-describedby={describedBy(contactError && 'contact-fout')}
    >
      <legend className="utrecht-form-label od-legend">{t.t('write.contactLegend')}</legend>
      <FieldError context={context} error={contactError} id="contact-fout" />
      <div className="od-choice">
        <input
          className="od-radio"
          type="radio"
          id="contact-code"
          name="contact"
          value="code"
          defaultChecked={values.contact === 'code'}
          aria-describedby="contact-code-hint"
        />
        <label className="od-choice-label" htmlFor="contact-code">
          {t.t('write.contactCode')}
        </label>
        <p className="od-choice-hint" id="contact-code-hint">
          {t.t('write.contactCodeHint')}
        </p>
      </div>
      <p className="od-contact-warning" id="contact-waarschuwing">
        {t.t('write.contactWarning')}
      </p>
      {(['phone', 'email'] as const).map((kind) => {
        const id = kind === 'phone' ? 'telefoon' : 'email';
        const error = kind === 'phone' ? phoneError : emailError;
        return (
          <div className="od-choice-group" key={kind}>
            <div className="od-choice">
              <input
                className="od-radio"
                type="radio"
                id={`contact-${kind}`}
                name="contact"
                value={kind}
                defaultChecked={values.contact === kind}
                aria-describedby="contact-waarschuwing"
              />
              <label className="od-choice-label" htmlFor={`contact-${kind}`}>
                {t.t(kind === 'phone' ? 'write.contactPhone' : 'write.contactEmail')}
              </label>
            </div>
            <div className={`od-reveal${error ? ' utrecht-form-field--invalid' : ''}`}>
              <label className="utrecht-form-label" htmlFor={id}>
                {t.t(kind === 'phone' ? 'write.phoneLabel' : 'write.emailLabel')}
              </label>
              <FieldError context={context} error={error} id={`${id}-fout`} />
              <input
                className="utrecht-textbox utrecht-textbox--html-input od-input"
                id={id}
                name={kind}
                type={kind === 'phone' ? 'tel' : 'email'}
                inputMode={kind === 'phone' ? 'tel' : 'email'}
                maxLength={CONTACT_MAX_CHARS}
                autoComplete="off"
                spellCheck={false}
                defaultValue={kind === 'phone' ? values.phone : values.email}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy(error && `${id}-fout`)}
              />
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}
