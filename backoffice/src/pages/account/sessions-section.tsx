import { useState } from 'react';
import { useNavigate } from 'react-router';
import { endAllSessions, endSession, listSessions } from '../../api/account-api.ts';
import type { ActiveSession } from '../../api/contract-types.ts';
import { ErrorAlert, LiveRegion, Notice } from '../../components/alerts.tsx';
import { ConfirmAction } from '../../components/confirm-action.tsx';
import { errorText } from '../../components/error-text.ts';
import { SectionHeading } from '../../components/headings.tsx';
import { TableRegion } from '../../components/table-region.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useFormatDateTime, useTranslate } from '../../i18n/use-translate.ts';
import { SIGN_IN_PATH } from '../../session/next-step.ts';
import { refreshSession } from '../../session/session-store.ts';
import { describeDevice } from './describe-device.ts';

/** Where the user is signed in; sign out one session, or everywhere. */
export function SessionsSection() {
  const t = useTranslate();
  const navigate = useNavigate();
  const sessions = useApiData(listSessions, 'sessions');
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string }>();
  // The row the user acted on goes away: focus returns to the heading.
  const [focusRequest, setFocusRequest] = useState(0);

  async function onEnd(session: ActiveSession) {
    setMessage(undefined);
    try {
      await endSession(session.id);
      sessions.reload();
      setMessage({ type: 'ok', text: t('account.sessions.ended') });
      setFocusRequest((count) => count + 1);
    } catch (error) {
      setMessage({ type: 'error', text: errorText(error, t) });
    }
  }

  async function onEndAll() {
    setMessage(undefined);
    try {
      await endAllSessions();
      // "Everywhere" includes this browser; if the server kept this session, stay and show the list.
      if (!(await refreshSession())) {
        await navigate(SIGN_IN_PATH, { state: { reason: 'signed-out-everywhere' } });
        return;
      }
      sessions.reload();
      setMessage({ type: 'ok', text: t('account.sessions.endedAll') });
    } catch (error) {
      setMessage({ type: 'error', text: errorText(error, t) });
    }
  }

  return (
    <section className="od-panel" aria-labelledby="sessies">
      <SectionHeading level={2} id="sessies" focusRequest={focusRequest}>
        {t('account.sessions.heading')}
      </SectionHeading>
      {sessions.error && <ErrorAlert>{sessions.error}</ErrorAlert>}
      {sessions.data && <SessionTable sessions={sessions.data.sessions} onEnd={onEnd} />}
      {message?.type === 'error' && <ErrorAlert>{message.text}</ErrorAlert>}
      <LiveRegion>
        {message?.type === 'ok' && (
          <Notice type="ok">
            <p className="nl-paragraph">{message.text}</p>
          </Notice>
        )}
      </LiveRegion>
      <p className="nl-paragraph">{t('account.sessions.everywhereHint')}</p>
      <ConfirmAction
        label={t('account.sessions.endAll')}
        question={t('account.sessions.endAllQuestion')}
        onConfirm={onEndAll}
      />
    </section>
  );
}

function SessionTable({
  sessions,
  onEnd,
}: {
  sessions: ActiveSession[];
  onEnd: (session: ActiveSession) => Promise<void>;
}) {
  const t = useTranslate();
  const formatDateTime = useFormatDateTime();
  return (
    <TableRegion captionId="sessies-caption">
      <table className="utrecht-table utrecht-table--html-table">
        <caption className="utrecht-table__caption" id="sessies-caption">
          {t('account.sessions.caption')}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="col">
              {t('account.sessions.device')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('account.sessions.createdAt')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('account.sessions.lastSeenAt')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              <span className="od-visually-hidden">{t('table.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {sessions.map((session) => {
            const device = describeDevice(session.userAgent) ?? t('account.sessions.unknownDevice');
            return (
              <tr className="utrecht-table__row" key={session.id}>
                <th className="utrecht-table__header-cell" scope="row">
                  {device}
                  {session.current && <span className="od-tag">{t('account.sessions.current')}</span>}
                </th>
                <td className="utrecht-table__cell">{formatDateTime(session.createdAt)}</td>
                <td className="utrecht-table__cell">{formatDateTime(session.lastSeenAt)}</td>
                <td className="utrecht-table__cell">
                  {!session.current && (
                    <ConfirmAction
                      label={t('account.sessions.end')}
                      accessibleLabel={t('account.sessions.endNamed', {
                        device,
                        since: formatDateTime(session.createdAt),
                      })}
                      question={t('account.sessions.endQuestion')}
                      onConfirm={() => onEnd(session)}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}
