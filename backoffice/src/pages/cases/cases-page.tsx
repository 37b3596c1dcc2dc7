import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { fetchCases, type CaseView } from '../../api/cases-api.ts';
import { ErrorAlert } from '../../components/alerts.tsx';
import { Button } from '../../components/buttons.tsx';
import { PageHeading } from '../../components/headings.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { CasesTable } from './cases-table.tsx';
import { NewCaseForm } from './new-case-form.tsx';
import './cases.css';

const VIEWS: readonly CaseView[] = ['mine', 'all'];

/** The view lives in the address (`?weergave=alle`), so back, forward and a shared link keep it. */
function viewFrom(search: URLSearchParams): CaseView {
  return search.get('weergave') === 'alle' ? 'all' : 'mine';
}

/**
 * The cases of the municipality: the user's own ("Mijn dossiers") or all of them, metadata only. A case
 * the user may not open says so, and its link leads to the break-the-glass form. New cases start here
 * (a walk-in, a phone call, by hand); a conversation's case starts on the conversation's page.
 */
export function CasesPage() {
  const t = useTranslate();
  const [searchParams, setSearchParams] = useSearchParams();
  const view = viewFrom(searchParams);
  const [chosen, setChosen] = useState<CaseView>(view);
  useEffect(() => setChosen(view), [view]);
  const list = useApiData(() => fetchCases(view), view);

  function applyView(event: FormEvent) {
    event.preventDefault();
    setSearchParams(chosen === 'all' ? { weergave: 'alle' } : {});
  }

  const count = list.data?.cases.length ?? 0;
  return (
    <>
      <PageHeading>{t('cases.title')}</PageHeading>
      <p className="nl-paragraph od-lead">{t('cases.intro')}</p>
      <p className="nl-paragraph">
        <Link className="nl-link" to="/verwijzers">
          {t('cases.directoryLink')}
        </Link>
      </p>
      <NewCaseForm />
      <form className="od-inline-form od-cases-view" onSubmit={applyView} aria-label={t('cases.view.form')}>
        <SelectField
          id="dossiers-weergave"
          label={t('cases.view.label')}
          value={chosen}
          onChange={(event) => setChosen(event.target.value as CaseView)}
          options={VIEWS.map((value) => ({ value, label: t(`cases.view.${value}`) }))}
        />
        <Button type="submit">{t('cases.view.apply')}</Button>
      </form>
      {list.error && <ErrorAlert>{list.error}</ErrorAlert>}
      {list.loading && !list.data && <p className="nl-paragraph">{t('app.loading')}</p>}
      {list.data &&
        (count === 0 ? (
          <p className="nl-paragraph">{t(view === 'mine' ? 'cases.noneMine' : 'cases.noneAll')}</p>
        ) : (
          <CasesTable
            cases={list.data.cases}
            caption={t(view === 'mine' ? 'cases.caption.mine' : 'cases.caption.all', { count })}
            busy={list.loading}
          />
        ))}
    </>
  );
}
