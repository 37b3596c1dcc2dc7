import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useState } from 'react';
import { Button } from '../../components/buttons.tsx';
import { PageHeading } from '../../components/headings.tsx';
import { SignOutButton } from '../../components/sign-out-button.tsx';
import type { MessageId } from '../../i18n/messages.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { useSession } from '../../session/session-store.ts';
import { PasskeyStep } from './passkey-step.tsx';
import { RecoveryCodeStep } from './recovery-code-step.tsx';
import { TotpStep } from './totp-step.tsx';

type Method = 'totp' | 'passkey' | 'recovery';

const SWITCH_LABEL: Record<Method, MessageId> = {
  totp: 'secondStep.useTotp',
  passkey: 'secondStep.usePasskey',
  recovery: 'secondStep.useRecovery',
};

/** Step two: an authenticator code, a passkey or a recovery code — whichever the user has. */
export function SecondStepPage() {
  const t = useTranslate();
  const session = useSession();
  const factors = session?.secondFactors;
  const available: Method[] = [
    ...(factors?.totp ? (['totp'] as const) : []),
    ...(factors && factors.passkeys > 0 && browserSupportsWebAuthn() ? (['passkey'] as const) : []),
    ...(factors && factors.recoveryCodesLeft > 0 ? (['recovery'] as const) : []),
  ];
  const [method, setMethod] = useState<Method | undefined>(available[0]);
  // Set after the user switches, so the new method's heading takes focus (not on first render).
  const [switched, setSwitched] = useState(false);

  return (
    <div className="od-narrow">
      <PageHeading>{t('secondStep.title')}</PageHeading>
      <p className="nl-paragraph">{t('secondStep.intro', { email: session?.user.email ?? '' })}</p>
      {method === 'totp' && <TotpStep focusHeading={switched} />}
      {method === 'passkey' && <PasskeyStep focusHeading={switched} />}
      {method === 'recovery' && <RecoveryCodeStep focusHeading={switched} />}
      {available.length > 1 && (
        <section className="od-panel od-panel--quiet" aria-labelledby="andere-manieren">
          <h2 className="nl-heading nl-heading--level-3" id="andere-manieren">
            {t('secondStep.otherWays')}
          </h2>
          <ul className="od-plain-list">
            {available
              .filter((other) => other !== method)
              .map((other) => (
                <li key={other}>
                  <Button
                    appearance="subtle"
                    onClick={() => {
                      setSwitched(true);
                      setMethod(other);
                    }}
                  >
                    {t(SWITCH_LABEL[other])}
                  </Button>
                </li>
              ))}
          </ul>
        </section>
      )}
      <p className="nl-paragraph">{t('secondStep.notYou')}</p>
      <SignOutButton />
    </div>
  );
}
