import { useState, type FormEvent } from 'react';
import { fetchFrontDesk, registerFrontDeskContact } from '../../api/alerts-api.ts';
import { ErrorAlert, LiveRegion, Notice } from '../../components/alerts.tsx';
import { Button } from '../../components/buttons.tsx';
import { errorText } from '../../components/error-text.ts';
import { PageHeading, SectionHeading } from '../../components/headings.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import './front-desk.css';

const STEPS = [
  'frontDesk.step112',
  'frontDesk.stepStay',
  'frontDesk.stepRoom',
  'frontDesk.stepListen',
  'frontDesk.stepSecret',
] as const;

/**
 * "Kind aan de balie": read under stress on a desk PC or a tablet — large, few words. What to do
 * now, who to call now (a tel: button), and two fields that alert whoever is on duty.
 */
export function FrontDeskPage() {
  const t = useTranslate();
  const desk = useApiData(fetchFrontDesk, 'front-desk');
  const [kind, setKind] = useState<'walk_in' | 'phone'>('walk_in');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(0);
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await registerFrontDeskContact(kind, note);
      setNote('');
      setDone((count) => count + 1);
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="od-front-desk">
      <PageHeading>{t('frontDesk.title')}</PageHeading>
      <section aria-labelledby="front-desk-now">
        <SectionHeading level={2} id="front-desk-now">
          {t('frontDesk.nowTitle')}
        </SectionHeading>
        <ol className="od-front-desk-steps">
          {STEPS.map((step) => (
            <li key={step}>{t(step)}</li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="front-desk-on-duty">
        <SectionHeading level={2} id="front-desk-on-duty">
          {t('frontDesk.onDutyTitle')}
        </SectionHeading>
        {desk.error && <ErrorAlert>{desk.error}</ErrorAlert>}
        {desk.data && desk.data.onDuty.length === 0 && <p className="nl-paragraph">{t('frontDesk.nobody')}</p>}
        {desk.data && desk.data.onDuty.length > 0 && desk.data.fallback && (
          <p className="nl-paragraph">{t('frontDesk.fallback')}</p>
        )}
        <ul className="od-front-desk-people">
          {desk.data?.onDuty.map((person) => (
            <li key={`${person.displayName}-${person.phone ?? ''}`}>
              <span className="od-front-desk-name">{person.displayName}</span>
              {person.phone ? (
                <a className="utrecht-button utrecht-button--primary-action" href={`tel:${person.phone}`}>
                  {t('frontDesk.call', { name: person.displayName })} — {person.phone}
                </a>
              ) : (
                <span> ({t('frontDesk.noPhone')})</span>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="front-desk-register">
        <SectionHeading level={2} id="front-desk-register">
          {t('frontDesk.registerTitle')}
        </SectionHeading>
        <form onSubmit={(event) => void submit(event)} className="od-front-desk-form">
          <fieldset className="utrecht-form-fieldset">
            <legend className="utrecht-form-fieldset__legend">{t('frontDesk.kind')}</legend>
            {(['walk_in', 'phone'] as const).map((value) => (
              <label key={value} className="od-front-desk-choice">
                <input
                  type="radio"
                  name="kind"
                  value={value}
                  checked={kind === value}
                  onChange={() => setKind(value)}
                />{' '}
                {t(`frontDesk.kind.${value}`)}
              </label>
            ))}
          </fieldset>
          <TextField
            id="front-desk-note"
            label={t('frontDesk.note')}
            description={t('frontDesk.noteHint')}
            value={note}
            maxLength={200}
            autoComplete="off"
            onChange={(event) => setNote(event.target.value)}
          />
          {error && <ErrorAlert>{error}</ErrorAlert>}
          <Button type="submit" appearance="primary" busy={busy}>
            {t('frontDesk.submit')}
          </Button>
        </form>
        <LiveRegion>
          {done > 0 && (
            <Notice type="ok" key={done}>
              {t('frontDesk.registered')}
            </Notice>
          )}
        </LiveRegion>
      </section>
    </div>
  );
}
