import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/api-client.ts';
import { caseReference, fetchCase, type CaseDetail } from '../../api/cases-api.ts';
import { ErrorAlert, LiveRegion, Notice } from '../../components/alerts.tsx';
import { PageHeading } from '../../components/headings.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { BreakGlassForm } from './break-glass-form.tsx';
import { CaseFacts } from './case-facts.tsx';
import { CaseHandling } from './case-handling.tsx';
import { CaseTimeline } from './case-timeline.tsx';
import { CoordinatorSection } from './coordinator-section.tsx';
import { MeldcodeSection } from './meldcode-section.tsx';
import { ReferralsSection } from './referrals-section.tsx';
import { TasksSection } from './tasks-section.tsx';
import './cases.css';

type Loaded = { kind: 'case'; detail: CaseDetail } | { kind: 'denied' };

/** The case, or "denied" when the user may not open it (then the page offers to break the glass). */
async function loadCase(id: string): Promise<Loaded> {
  try {
    return { kind: 'case', detail: await fetchCase(id) };
  } catch (error) {
    if (error instanceof ApiError && error.id === 'case.access_denied') return { kind: 'denied' };
    throw error;
  }
}

/**
 * One case: its facts and summary, the timeline with notes and calls, the Meldcode, referrals, tasks,
 * status, classification, consent and assignees; legal hold and export for the coordinator. Opening it
 * is audited by the server. Without access the page shows the break-the-glass form instead.
 */
export function CasePage() {
  const t = useTranslate();
  const id = useParams().id ?? '';
  const loaded = useApiData(() => loadCase(id), id);
  // The latest view: from loading, or from the answer to our own change (which is newer).
  const [detail, setDetail] = useState<CaseDetail>();
  useEffect(() => setDetail(loaded.data?.kind === 'case' ? loaded.data.detail : undefined), [loaded.data]);
  const [notice, setNotice] = useState<{ text: string; sequence: number }>();

  function changed(view: CaseDetail | undefined, message: string) {
    if (view) setDetail(view);
    else loaded.reload();
    setNotice((previous) => ({ text: message, sequence: (previous?.sequence ?? 0) + 1 }));
  }

  const denied = loaded.data?.kind === 'denied' && !detail;
  return (
    <>
      <PageHeading>{t('cases.label', { reference: caseReference(id) })}</PageHeading>
      <p className="nl-paragraph">
        <Link className="nl-link" to="/dossiers">
          {t('cases.backToList')}
        </Link>
      </p>
      <LiveRegion>
        {notice && (
          <Notice type="ok" key={notice.sequence}>
            <p className="nl-paragraph">{notice.text}</p>
          </Notice>
        )}
      </LiveRegion>
      {loaded.error && <ErrorAlert>{loaded.error}</ErrorAlert>}
      {loaded.loading && !loaded.data && <p className="nl-paragraph">{t('app.loading')}</p>}
      {denied && <BreakGlassForm caseId={id} onOpened={(view) => changed(view, t('cases.breakGlass.opened'))} />}
      {detail && (
        <div className="od-case">
          <nav className="od-case__contents" aria-label={t('cases.contents')}>
            <ul className="od-plain-list od-case__contents-list">
              {(
                [
                  ['tijdlijn', 'cases.timeline.title'],
                  ['meldcode', 'meldcode.title'],
                  ['verwijzingen', 'referrals.title'],
                  ['taken', 'tasks.title'],
                  ['afhandeling', 'cases.handling.title'],
                ] as const
              ).map(([anchor, label]) => (
                <li key={anchor}>
                  <a className="nl-link" href={`#${anchor}`}>
                    {t(label)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <CaseFacts detail={detail} onChanged={changed} />
          <CaseTimeline detail={detail} onChanged={changed} />
          <MeldcodeSection caseId={id} onDecided={() => loaded.reload()} />
          <ReferralsSection caseId={id} onChanged={() => loaded.reload()} />
          <TasksSection caseId={id} onChanged={() => loaded.reload()} />
          <CaseHandling detail={detail} onChanged={changed} />
          {detail.access === 'coordinator' && <CoordinatorSection detail={detail} onChanged={changed} />}
        </div>
      )}
    </>
  );
}
