import { useEffect, useState } from 'react';
import { fetchMeldcode, type MeldcodeDecision, type MeldcodeStep, type MeldcodeView } from '../../api/meldcode-api.ts';
import { ErrorAlert, LiveRegion, Notice } from '../../components/alerts.tsx';
import { SectionHeading } from '../../components/headings.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useFormatDateTime, useTranslate } from '../../i18n/use-translate.ts';
import { MeldcodeStepForm } from './meldcode-step-form.tsx';

interface MeldcodeSectionProps {
  caseId: string;
  /** A decision was recorded (the case's timeline has a new entry). */
  onDecided: () => void;
}

type StepState = 'done' | 'current' | 'later';

/**
 * The Meldcode as a guided walk through its five steps: the current step is open with its questions,
 * guidance and decisions; earlier steps show what was decided (and may be decided again, keeping the
 * history); later steps wait. Each step opens and closes with a button (a disclosure), by keyboard too.
 */
export function MeldcodeSection({ caseId, onDecided }: MeldcodeSectionProps) {
  const t = useTranslate();
  const loaded = useApiData(() => fetchMeldcode(caseId), caseId);
  const [view, setView] = useState<MeldcodeView>();
  useEffect(() => setView(loaded.data), [loaded.data]);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const [announcement, setAnnouncement] = useState<{ text: string; sequence: number }>();
  const current = view?.currentStep ?? null;
  const previous = new Map(
    (view?.steps ?? []).flatMap((step) => (step.latest ? [[step.step, step.latest.decision] as const] : [])),
  );
  useEffect(() => {
    if (current !== null) setOpen((steps) => new Set([...steps, current]));
  }, [current]);

  function stateOf(step: MeldcodeStep): StepState {
    if (current === null || step.step < current) return step.latest ? 'done' : 'later';
    if (step.step === current) return 'current';
    return step.latest ? 'done' : 'later';
  }

  function toggle(step: number) {
    setOpen((steps) => {
      const next = new Set(steps);
      if (next.has(step)) next.delete(step);
      else next.add(step);
      return next;
    });
  }

  function decided(updated: MeldcodeView, step: number) {
    setView(updated);
    setOpen(new Set(updated.currentStep === null ? [] : [updated.currentStep]));
    const text =
      updated.currentStep === null
        ? t('meldcode.decidedAll', { step })
        : t('meldcode.decided', { step, next: updated.currentStep });
    setAnnouncement((previous) => ({ text, sequence: (previous?.sequence ?? 0) + 1 }));
    onDecided();
  }

  return (
    <section aria-labelledby="meldcode" className="od-panel od-meldcode">
      <SectionHeading level={2} id="meldcode">
        {t('meldcode.title')}
      </SectionHeading>
      <p className="nl-paragraph">{t('meldcode.intro')}</p>
      <LiveRegion>
        {announcement && (
          <Notice type="ok" key={announcement.sequence}>
            <p className="nl-paragraph">{announcement.text}</p>
          </Notice>
        )}
      </LiveRegion>
      {loaded.error && <ErrorAlert>{loaded.error}</ErrorAlert>}
      {!view && !loaded.error && <p className="nl-paragraph">{t('app.loading')}</p>}
      {view && (
        <>
          <p className="nl-paragraph od-status-line">
            {current === null ? t('meldcode.allDone') : t('meldcode.currentStep', { step: current })}
          </p>
          <ol className="od-meldcode__steps">
            {view.steps.map((step) => {
              const state = stateOf(step);
              const isOpen = open.has(step.step);
              const panelId = `meldcode-stap-${step.step}`;
              return (
                <li key={step.step} className={`od-meldcode__step od-meldcode__step--${state}`}>
                  <h3 className="nl-heading nl-heading--level-3 od-meldcode__step-heading">
                    <button
                      type="button"
                      className="od-disclosure"
                      aria-expanded={isOpen}
                      aria-controls={panelId}
                      onClick={() => toggle(step.step)}
                    >
                      {t('meldcode.stepTitle', { step: step.step, title: step.title })}
                      <span className="od-tag">{t(`meldcode.state.${state}`)}</span>
                    </button>
                  </h3>
                  <div id={panelId} hidden={!isOpen} className="od-meldcode__panel">
                    <p className="od-meldcode__guidance">{step.guidance}</p>
                    {step.latest && <DecisionHistory step={step} />}
                    {state === 'later' && !step.latest ? (
                      <p className="nl-paragraph">{t('meldcode.notYet', { step: current ?? step.step })}</p>
                    ) : (
                      <MeldcodeStepForm
                        key={`${step.step}-${step.latest?.decidedAt ?? ''}`}
                        caseId={caseId}
                        step={step}
                        previous={previous}
                        onDecided={(updated) => decided(updated, step.step)}
                      />
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}

/** The latest decision of a step and the ones before it, with who, when and why. */
function DecisionHistory({ step }: { step: MeldcodeStep }) {
  const t = useTranslate();
  const formatDateTime = useFormatDateTime();
  const label = (code: string) => step.decisions.find((decision) => decision.code === code)?.label ?? code;
  const line = (decision: MeldcodeDecision) => (
    <>
      <span className="od-meldcode__decision">{label(decision.decision)}</span>
      {decision.departsFromDefault && <span className="od-tag od-tag--warning">{t('meldcode.departs')}</span>}
      <span className="od-cell-detail">
        {t('meldcode.decidedBy', {
          name: decision.decidedBy?.displayName ?? t('cases.event.system'),
          at: formatDateTime(decision.decidedAt),
        })}
      </span>
      {decision.reason && (
        <span className="od-meldcode__reason">{t('meldcode.reasonGiven', { reason: decision.reason })}</span>
      )}
    </>
  );
  return (
    <div className="od-meldcode__history">
      <p className="nl-paragraph od-meldcode__latest">
        <strong>{t('meldcode.latest')}</strong> {line(step.latest!)}
      </p>
      {step.history.length > 0 && (
        <>
          <p className="nl-paragraph">{t('meldcode.earlier')}</p>
          <ul className="od-meldcode__earlier">
            {step.history.map((decision) => (
              <li key={decision.decidedAt}>{line(decision)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
