import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { LiveRegion, Notice } from '../../components/alerts.tsx';
import { useTranslate } from '../../i18n/use-translate.ts';
import { useAlertEvents } from './alert-feed.ts';

/**
 * A short two-tone beep made in code (Web Audio): nothing is fetched, so the back office's CSP
 * needs no media source. Browsers allow it once the user has interacted with the page (signing in).
 */
function beep(): void {
  try {
    const audio = new AudioContext();
    void audio.resume();
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
    // No sound possible: the notice and the notification still tell.
  }
}

/** A browser notification when the user allowed them; clicking it opens the open alerts. */
function notify(title: string, open: () => void): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    const notification = new Notification(title, { tag: 'opendeur-alert' });
    notification.onclick = () => {
      window.focus();
      open();
      notification.close();
    };
  } catch {
    // Some browsers show notifications only from a service worker: the sound and the notice still tell.
  }
}

/**
 * In the frame of every page, for responders: a new alert of their municipality plays a sound,
 * shows a browser notification where allowed (without content: a child is seeking contact) and a
 * notice that is read out — at once, from the live stream, whichever page is open.
 */
export function AlertWatcher() {
  const t = useTranslate();
  const navigate = useNavigate();
  const [arrived, setArrived] = useState(0);

  useAlertEvents((event) => {
    if (event.kind !== 'created') return;
    beep();
    notify(t('alerts.newArrived'), () => void navigate('/gesprekken'));
    setArrived((count) => count + 1);
  });

  return (
    <LiveRegion>
      {arrived > 0 && (
        <Notice type="warning" key={arrived}>
          {t('alerts.newArrived')}{' '}
          <Link className="nl-link" to="/gesprekken">
            {t('alerts.toOpenAlerts')}
          </Link>
        </Notice>
      )}
    </LiveRegion>
  );
}
