import { useState } from 'react';
import { renewRecoveryCodes } from '../../api/account-api.ts';
import { ErrorAlert, Notice } from '../../components/alerts.tsx';
import { ConfirmAction } from '../../components/confirm-action.tsx';
import { errorText } from '../../components/error-text.ts';
import { SectionHeading } from '../../components/headings.tsx';
import { RecoveryCodesPanel } from '../../components/recovery-codes-panel.tsx';
import { useTranslate } from '../../i18n/use-translate.ts';
import { refreshSession } from '../../session/session-store.ts';

/** How many recovery codes are left, and a new set (the old set stops working). */
export function RecoveryCodesSection({ codesLeft }: { codesLeft: number }) {
  const t = useTranslate();
  const [codes, setCodes] = useState<string[]>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);

  async function onRenew() {
    setBusy(true);
    setError(undefined);
    try {
      setCodes((await renewRecoveryCodes()).recoveryCodes);
      await refreshSession().catch(() => undefined);
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="od-panel" aria-labelledby="herstelcodes">
      <SectionHeading level={2} id="herstelcodes" focusRequest={focusRequest}>
        {t('account.recovery.heading')}
      </SectionHeading>
      {codes ? (
        <RecoveryCodesPanel
          codes={codes}
          headingLevel={3}
          onDone={() => {
            setCodes(undefined);
            setFocusRequest((count) => count + 1);
          }}
        />
      ) : (
        <>
          <p className="nl-paragraph">{t('account.recovery.left', { count: codesLeft })}</p>
          {codesLeft <= 3 && (
            <Notice type="warning">
              <p className="nl-paragraph">{t('account.recovery.low')}</p>
            </Notice>
          )}
          {error && <ErrorAlert>{error}</ErrorAlert>}
          <ConfirmAction
            label={t('account.recovery.renew')}
            question={t('account.recovery.renewQuestion')}
            busy={busy}
            onConfirm={onRenew}
          />
        </>
      )}
    </section>
  );
}
