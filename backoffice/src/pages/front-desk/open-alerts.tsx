import { useState } from 'react';
import { acknowledgeAlert, fetchOpenAlerts } from '../../api/alerts-api.ts';
import { ErrorAlert } from '../../components/alerts.tsx';
import { Button } from '../../components/buttons.tsx';
import { errorText } from '../../components/error-text.ts';
import { SectionHeading } from '../../components/headings.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { useAlertEvents } from './alert-feed.ts';
import './front-desk.css';

/**
 * The municipality's open alerts with "Ik pak het op". The list follows the live alert stream: a new
 * alert appears and one a colleague picked up disappears at once (the sound and the notification
 * come from the AlertWatcher in the page frame).
 */
export function OpenAlerts() {
  const t = useTranslate();
  const alerts = useApiData(fetchOpenAlerts, 'open-alerts');
  const [error, setError] = useState<string>();
  const [permission, setPermission] = useState(
    typeof Notification === 'undefined' ? 'denied' : Notification.permission,
  );
  const { reload } = alerts;

  useAlertEvents(() => reload());

  async function pickUp(id: string) {
    setError(undefined);
    try {
      await acknowledgeAlert(id);
    } catch (failure) {
      setError(errorText(failure, t));
    }
    reload();
  }

  const open = alerts.data?.alerts ?? [];
  return (
    <section className="od-open-alerts" aria-labelledby="open-alerts-title">
      <SectionHeading level={2} id="open-alerts-title">
        {t('alerts.title')}
      </SectionHeading>
      {error && <ErrorAlert>{error}</ErrorAlert>}
      {open.length === 0 ? (
        <p className="nl-paragraph">{t('alerts.none')}</p>
      ) : (
        <ul>
          {open.map((alert) => (
            <li key={alert.id} data-alert-id={alert.id}>
              <span>
                {t(`alerts.source.${alert.source}`)} —{' '}
                {new Date(alert.createdAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
                {alert.waitingChildren !== null && (
                  <> — {t('alerts.waitingChildren', { count: alert.waitingChildren })}</>
                )}
              </span>
              <Button appearance="primary" onClick={() => void pickUp(alert.id)}>
                {t('alerts.pickUp')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {permission === 'default' && (
        <Button onClick={() => void Notification.requestPermission().then(setPermission)}>
          {t('alerts.enableNotifications')}
        </Button>
      )}
    </section>
  );
}
