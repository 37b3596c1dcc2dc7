import type { PageContext } from './page-context.ts';

/** The finder: a plain GET form, so it works without JavaScript and the back button keeps working. */
export function FinderForm({ context, query = '' }: { context: PageContext; query?: string }) {
  const { t } = context;
  return (
    <form className="od-finder" method="get" action={t.href('/zoek')} role="search">
      <div className="utrecht-form-field utrecht-form-field--text">
        <div className="utrecht-form-field__label">
          <label className="utrecht-form-label" htmlFor="zoek-gemeente">
            {t.t('finder.label')}
          </label>
        </div>
        <div className="utrecht-form-field__description" id="zoek-hint">
          {t.t('finder.hint')}
        </div>
        <div className="utrecht-form-field__input od-finder-row">
          <input
            className="utrecht-textbox utrecht-textbox--html-input"
            id="zoek-gemeente"
            name="q"
            type="search"
            defaultValue={query}
            maxLength={80}
            autoComplete="off"
            autoCapitalize="words"
            spellCheck={false}
            enterKeyHint="search"
            aria-describedby="zoek-hint"
          />
          <button className="utrecht-button utrecht-button--primary-action" type="submit">
            {t.t('finder.submit')}
          </button>
        </div>
      </div>
    </form>
  );
}
