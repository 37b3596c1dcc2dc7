import { useEffect, useRef, useState } from 'react';
import { acknowledgeAlert, fetchOpenAlerts } from '../../api/alerts-api.ts';
import { ErrorAlert, LiveRegion } from '../../components/alerts.tsx';
import { Button } from '../../components/buttons.tsx';
import { errorText } from '../../components/error-text.ts';
import { SectionHeading } from '../../components/headings.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { useConversationEvents } from '../conversations/use-conversation-events.ts';
import './front-desk.css';

/** Walk-ins make no conversation event, so the list is also fetched again this often. */
const POLL_MS = 10_000;

/**
 * A short two-tone beep made in code (Web Audio): nothing is fetched, so the back office's CSP
 * needs no media source. Browsers allow it only after the user interacted with the page.
 */
function beep(): void {
  try {
    const audio = new AudioContext();
    for (const [index, frequency] of [880, 660].entries()) {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = frequency;
      gain.gain.value = 0.2;
      tone.connect(gain).connect(audio.destination);
      tone.start(audio.currentTime + index * 0.2);
      tone.stop(audio.currentTime + index * 0.2 + 0.18);
    }
    setTimeout(() => void audio.close(), 1000);
  } catch {
    // No sound possible: the list and the notification still show it.
  }
}

/**
 * The municipality's open alerts with "Ik pak het op". A new one plays a sound and, when the user
 * allowed it, shows a browser notification (without content: a child is seeking contact).
 */
export function OpenAlerts() {
  const t = useTranslate();
  const alerts = useApiData(fetchOpenAlerts, 'open-alerts');
  const seen = useRef<Set<string> | undefined>(undefined);
  const [announcement, setAnnouncement] = useState(0);
  const [error, setError] = useState<string>();
  const [permission, setPermission] = useState(
    typeof Notification === 'undefined' ? 'denied' : Notification.permission,
  );
  const { reload } = alerts;

  useConversationEvents(() => reload());
  useEffect(() => {
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);

  useEffect(() => {
    const ids = alerts.data?.alerts.map((alert) => alert.id);
    if (!ids) return;
    const fresh = seen.current ? ids.filter((id) => !seen.current!.has(id)) : [];
    seen.current = new Set(ids);
    if (fresh.length === 0) return;
    beep();
    setAnnouncement((count) => count + 1);
    if (typeof Notification !== 'undefined' && Notification.permission === 'granted')
      new Notification(t('alerts.newArrived'), { tag: 'opendeur-alert' });
  }, [alerts.data, t]);

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
      <LiveRegion>{announcement > 0 && <p key={announcement}>{t('alerts.newArrived')}</p>}</LiveRegion>
      {error && <ErrorAlert>{error}</ErrorAlert>}
      {open.length === 0 ? (
        <p className="nl-paragraph">{t('alerts.none')}</p>
      ) : (
        <ul>
          {open.map((alert) => (
            <li key={alert.id}>
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
