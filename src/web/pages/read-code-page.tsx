import type { ChildFormError } from '../../modules/conversations/child-form.schema.ts';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import {
  describedBy,
  errorFor,
  ErrorSummary,
  FieldError,
  formTitle,
  LinkParagraph,
  type FormNotice,
} from './child-form-parts.tsx';
import type { ChildPageMunicipality } from './write-page.tsx';

interface ReadCodePageProps {
  context: PageContext;
  municipality: ChildPageMunicipality;
  /** What the child typed, shown again after a wrong code so a typo is easy to fix. */
  code?: string;
  errors?: ChildFormError[];
  notice?: FormNotice | undefined;
  /** The code was right but too old: say what to do instead. */
  expiredAfterDays?: number | undefined;
}

/** "Lees je antwoord": one field for the code. The code goes in the POST body, never in the URL. */
export function ReadCodePage({
  context,
  municipality,
  code = '',
  errors = [],
  notice,
  expiredAfterDays,
}: ReadCodePageProps) {
  const { t, helpLines } = context;
  const codeError = errorFor(errors, 'code');
  const title = t.t('read.title');
  return (
    <Layout context={context} title={formTitle(context, title, errors.length > 0 || notice !== undefined)}>
      <ErrorSummary context={context} errors={errors} fieldIds={{ code: 'code' }} notice={notice} />
      <h1 className="nl-heading nl-heading--level-1">{title}</h1>
      {expiredAfterDays !== undefined && (
        <section className="utrecht-alert utrecht-alert--warning od-notice" aria-labelledby="verlopen">
          <h2 id="verlopen" className="nl-heading nl-heading--level-2">
            {t.t('read.expiredTitle')}
          </h2>
          <p className="nl-paragraph">
            {t.t('read.expiredText', { count: expiredAfterDays, number: helpLines.kindertelefoon.number })}
          </p>
          <p className="nl-paragraph">
            <a
              className="utrecht-button-link utrecht-button-link--primary-action"
              href={t.href(`/gemeente/${municipality.slug}/schrijf`)}
            >
              {t.t('sent.writeNew')}
            </a>
          </p>
          <p className="nl-paragraph">
            <a className="od-call" href={`tel:${helpLines.kindertelefoon.tel}`}>
              {t.t('help.kindertelefoon', { number: helpLines.kindertelefoon.number })}
            </a>
          </p>
        </section>
      )}
      <p className="nl-paragraph nl-paragraph--lead">{t.t('read.intro')}</p>
      <form className="od-form" method="post" action={t.href(`/gemeente/${municipality.slug}/lees`)} noValidate>
        <div className={`utrecht-form-field od-field${codeError ? ' utrecht-form-field--invalid' : ''}`}>
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="code">
              {t.t('read.codeLabel')}
            </label>
          </div>
          <p className="utrecht-form-field-description" id="code-hint">
            {t.t('read.codeHint')}
          </p>
          <FieldError context={context} error={codeError} id="code-fout" />
          <input
            className="utrecht-textbox utrecht-textbox--html-input od-input od-code-input"
            id="code"
            name="code"
            type="text"
            dir="ltr"
            maxLength={200}
            required
            autoComplete="off"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            defaultValue={code}
            aria-invalid={codeError ? true : undefined}
            aria-describedby={describedBy('code-hint', codeError && 'code-fout')}
          />
        </div>
        <button className="utrecht-button utrecht-button--primary-action od-submit" type="submit">
          {t.t('read.submit')}
        </button>
      </form>
      <LinkParagraph href={t.href(`/gemeente/${municipality.slug}/schrijf`)}>{t.t('read.noCode')}</LinkParagraph>
    </Layout>
  );
}
