import type { FeedbackProblem, ReferralLinkView } from '../../modules/referrals/referral-link.service.ts';
import { FEEDBACK_MAX_CHARS, KIND_LABEL_NL, LINK_VALID_DAYS } from '../../modules/referrals/referral-kinds.ts';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

/*
 * The receiving party's page (Veilig Thuis, a wijkteam, a GP …): Dutch professionals, so the texts
 * are Dutch here rather than in the children's catalogue. The token travels only in the forms'
 * hidden fields: GET shows buttons, only a POST acts, because mail scanners open links.
 */

const sentDate = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' });

interface ReferralLinkPageProps {
  context: PageContext;
  view: ReferralLinkView;
  token: string;
  /** What just happened, for the status message. */
  done?: 'confirmed' | 'feedback' | undefined;
  /** The feedback as typed, kept when it was refused. */
  feedback?: string;
  problem?: FeedbackProblem | undefined;
}

const PROBLEM_TEXT: Record<FeedbackProblem, string> = {
  empty: 'Schrijf eerst uw terugkoppeling in het vak.',
  too_long: `Uw terugkoppeling is te lang. Maak hem korter: hoogstens ${FEEDBACK_MAX_CHARS} tekens.`,
};

/** The referral (no content about the child), a button to confirm receipt and a short feedback form. */
export function ReferralLinkPage({ context, view, token, done, feedback = '', problem }: ReferralLinkPageProps) {
  const title = problem ? 'Fout: Doorverwijzing ontvangen' : 'Doorverwijzing ontvangen';
  const confirmed = view.status === 'confirmed' || view.status === 'feedback_received';
  const answered = view.status === 'feedback_received';
  return (
    <Layout context={context} title={title}>
      {problem && (
        <div className="utrecht-alert utrecht-alert--error od-error-summary" role="alert" aria-labelledby="fout-titel">
          <h2 id="fout-titel" className="nl-heading nl-heading--level-2">
            Er is iets niet goed
          </h2>
          <ul className="od-error-list">
            <li>
              <a className="nl-link" href="#terugkoppeling">
                {PROBLEM_TEXT[problem]}
              </a>
            </li>
          </ul>
        </div>
      )}
      <h1 className="nl-heading nl-heading--level-1">Doorverwijzing ontvangen</h1>
      {done && (
        <p className="utrecht-alert utrecht-alert--ok od-notice" role="status">
          {done === 'confirmed'
            ? 'Dank u. De gemeente ziet nu dat u de doorverwijzing hebt ontvangen.'
            : 'Dank u. De gemeente heeft uw terugkoppeling ontvangen.'}
        </p>
      )}
      <p className="nl-paragraph nl-paragraph--lead">
        Gemeente {view.municipalityName} heeft een kind naar u doorverwezen. Wat er speelt, hoort u van de gemeente
        zelf; op deze pagina staat niets over het kind.
      </p>
      <dl className="od-facts">
        <dt>Van</dt>
        <dd>Gemeente {view.municipalityName}</dd>
        <dt>Soort doorverwijzing</dt>
        <dd>{KIND_LABEL_NL[view.kind]}</dd>
        <dt>Kenmerk</dt>
        <dd>{view.reference}</dd>
        <dt>Verstuurd op</dt>
        <dd>
          <time dateTime={view.sentAt.toISOString()}>{sentDate.format(view.sentAt)}</time>
        </dd>
      </dl>

      <section className="od-card" aria-labelledby="ontvangst">
        <h2 id="ontvangst" className="nl-heading nl-heading--level-2">
          Ontvangst bevestigen
        </h2>
        {confirmed ? (
          <p className="nl-paragraph">U hebt de ontvangst bevestigd.</p>
        ) : (
          <form method="post" action="/verwijzing/bevestigen">
            <input type="hidden" name="token" value={token} />
            <button className="utrecht-button utrecht-button--primary-action od-submit" type="submit">
              Ontvangst bevestigen
            </button>
          </form>
        )}
      </section>

      <section className="od-card" aria-labelledby="terugkoppeling-titel">
        <h2 id="terugkoppeling-titel" className="nl-heading nl-heading--level-2">
          Korte terugkoppeling
        </h2>
        {answered ? (
          <p className="nl-paragraph">
            Uw terugkoppeling is ontvangen. Wilt u nog iets laten weten? Bel gemeente {view.municipalityName} en noem
            het kenmerk {view.reference}.
          </p>
        ) : (
          <form className="od-form" method="post" action="/verwijzing/terugkoppeling" noValidate>
            <div className={`utrecht-form-field od-field${problem ? ' utrecht-form-field--invalid' : ''}`}>
              <div className="utrecht-form-field__label">
                <label className="utrecht-form-label" htmlFor="terugkoppeling">
                  Wat hebt u gedaan of wat gaat u doen?
                </label>
              </div>
              <p className="nl-paragraph od-small" id="terugkoppeling-hint">
                Kort, hoogstens {FEEDBACK_MAX_CHARS} tekens. Alleen de medewerkers van de gemeente die het kind helpen
                lezen het.
              </p>
              {problem && (
                <p className="utrecht-form-field-error-message od-field-error" id="terugkoppeling-fout">
                  {PROBLEM_TEXT[problem]}
                </p>
              )}
              <textarea
                className="utrecht-textbox od-textarea"
                id="terugkoppeling"
                name="feedback"
                rows={5}
                maxLength={FEEDBACK_MAX_CHARS}
                autoComplete="off"
                defaultValue={feedback}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? 'terugkoppeling-hint terugkoppeling-fout' : 'terugkoppeling-hint'}
              />
            </div>
            <input type="hidden" name="token" value={token} />
            <button className="utrecht-button utrecht-button--secondary-action od-submit" type="submit">
              Terugkoppeling versturen
            </button>
          </form>
        )}
      </section>
    </Layout>
  );
}

/** The link is unknown or no longer valid: what to do now. */
export function ReferralLinkUnknownPage({ context }: { context: PageContext }) {
  return (
    <Layout context={context} title="Deze link werkt niet (meer)">
      <h1 className="nl-heading nl-heading--level-1">Deze link werkt niet (meer)</h1>
      <p className="nl-paragraph nl-paragraph--lead">
        De link is onbekend of verlopen. Een link voor een doorverwijzing werkt {LINK_VALID_DAYS} dagen, en alleen de
        laatst verstuurde link werkt.
      </p>
      <p className="nl-paragraph">
        Bel de gemeente die u de doorverwijzing stuurde. Zij kan u een nieuwe link sturen of het met u bespreken.
      </p>
    </Layout>
  );
}
