import type { ReactNode } from 'react';
import type { ChildFormError, ChildFormField } from '../../modules/conversations/child-form.schema.ts';
import type { MessageId } from '../i18n/catalogue.ts';
import type { PageContext } from '../page-context.ts';

/** A message shown above a form that is not about one field (too many tries, an old form). */
export interface FormNotice {
  id: MessageId;
  values?: Record<string, string | number>;
}

/** Numbers some error messages need (the limits of conversations.types.ts). */
export type ErrorValues = Partial<Record<ChildFormError['id'], Record<string, string | number>>>;

/** The element id of each field, so the error summary can link to it. */
export type FieldIds = Partial<Record<ChildFormField, string>>;

/** The page title, with "Fout:" in front when something must be fixed (screen readers hear it first). */
export function formTitle(context: PageContext, title: string, hasProblem: boolean): string {
  return hasProblem ? `${context.t.t('form.errorPrefix')}: ${title}` : title;
}

/**
 * The error summary at the top of the page (GOV.UK pattern): what is wrong, each linking to its
 * field. role="alert" makes screen readers read it when the page loads.
 */
export function ErrorSummary({
  context,
  errors,
  fieldIds,
  notice,
  values = {},
}: {
  context: PageContext;
  errors: ChildFormError[];
  fieldIds: FieldIds;
  notice?: FormNotice | undefined;
  values?: ErrorValues;
}) {
  const { t } = context;
  if (errors.length === 0 && !notice) return null;
  return (
    <div className="utrecht-alert utrecht-alert--error od-error-summary" role="alert" aria-labelledby="fout-titel">
      <h2 id="fout-titel" className="nl-heading nl-heading--level-2">
        {t.t('form.errorTitle')}
      </h2>
      {notice && <p className="nl-paragraph">{t.t(notice.id, notice.values)}</p>}
      {errors.length > 0 && (
        <ul className="od-error-list">
          {errors.map((error) => (
            <li key={`${error.field}-${error.id}`}>
              <a className="nl-link" href={`#${fieldIds[error.field] ?? ''}`}>
                {t.t(`form.error.${error.id}`, values[error.id])}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The error under a field, with the id its aria-describedby points at. */
export function FieldError({
  context,
  error,
  id,
  values = {},
}: {
  context: PageContext;
  error: ChildFormError | undefined;
  id: string;
  values?: ErrorValues;
}) {
  if (!error) return null;
  return (
    <p className="utrecht-form-field-error-message od-field-error" id={id}>
      {context.t.t(`form.error.${error.id}`, values[error.id])}
    </p>
  );
}

/** The error of one field, if any. */
export function errorFor(errors: ChildFormError[], field: ChildFormField): ChildFormError | undefined {
  return errors.find((error) => error.field === field);
}

/** aria-describedby for a field: its hint and its error, when present. */
export function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}

/** "Ben je nu in gevaar? Bel 112." and De Kindertelefoon, above every form a child fills in. */
export function DangerNotice({ context }: { context: PageContext }) {
  const { t, helpLines } = context;
  return (
    <div className="od-danger" role="note">
      <p className="nl-paragraph">
        <a className="od-call od-call--urgent" href={`tel:${helpLines.emergency.tel}`}>
          {t.t('write.danger')}
        </a>
      </p>
      <p className="nl-paragraph">
        <a className="od-call" href={`tel:${helpLines.kindertelefoon.tel}`}>
          {t.t('write.kindertelefoon', { number: helpLines.kindertelefoon.number })}
        </a>
      </p>
    </div>
  );
}

/** A hidden field carrying the child's code inside a no-store page: the code never goes into a URL. */
export function HiddenCode({ code }: { code: string }) {
  return <input type="hidden" name="code" value={code} />;
}

/** A plain paragraph with a link, the way the other public pages end. */
export function LinkParagraph({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p className="nl-paragraph">
      <a className="nl-link" href={href}>
        {children}
      </a>
    </p>
  );
}
