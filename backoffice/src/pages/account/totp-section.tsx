import { useState } from 'react';
import { LiveRegion, Notice } from '../../components/alerts.tsx';
import { RecoveryCodesPanel } from '../../components/recovery-codes-panel.tsx';
import { TotpEnrolment } from '../../components/totp-enrolment.tsx';
import { useTranslate } from '../../i18n/use-translate.ts';
import { refreshSession } from '../../session/session-store.ts';

/** The authenticator app: its status, and setting it up (again). */
export function TotpSection({ hasTotp }: { hasTotp: boolean }) {
  const t = useTranslate();
  const [codes, setCodes] = useState<string[]>();
  const [done, setDone] = useState(false);
  // After the codes panel closes, focus returns to the app's heading.
  const [focusRequest, setFocusRequest] = useState(0);

  async function onEnrolled(newCodes: string[] | undefined) {
    await refreshSession().catch(() => undefined);
    if (newCodes) setCodes(newCodes);
    else setDone(true);
  }

  if (codes) {
    return (
      <RecoveryCodesPanel
        codes={codes}
        headingLevel={2}
        onDone={() => {
          setCodes(undefined);
          setDone(true);
          setFocusRequest((count) => count + 1);
        }}
      />
    );
  }
  return (
    <div>
      <TotpEnrolment
        headingLevel={2}
        focusRequest={focusRequest}
        replacing={hasTotp}
        status={
          <p className="nl-paragraph od-status-line">{t(hasTotp ? 'account.totp.active' : 'account.totp.inactive')}</p>
        }
        onEnrolled={(newCodes) => void onEnrolled(newCodes)}
      />
      <LiveRegion>
        {done && (
          <Notice type="ok">
            <p className="nl-paragraph">{t('account.totp.done')}</p>
          </Notice>
        )}
      </LiveRegion>
    </div>
  );
}
