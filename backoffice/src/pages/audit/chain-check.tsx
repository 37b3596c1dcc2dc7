import { useState } from 'react';
import { verifyAuditChain } from '../../api/audit-api.ts';
import type { AuditChainVerdict } from '../../api/contract-types.ts';
import { ErrorAlert, LiveRegion, Notice } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { errorText } from '../../components/error-text.ts';
import { useTranslate } from '../../i18n/use-translate.ts';

/** Checks the hash chain on the server and says whether any entry was changed or removed. */
export function ChainCheck() {
  const t = useTranslate();
  const [busy, setBusy] = useState(false);
  const [verdict, setVerdict] = useState<AuditChainVerdict>();
  const [error, setError] = useState<string>();

  async function onCheck() {
    setBusy(true);
    setVerdict(undefined);
    setError(undefined);
    try {
      setVerdict(await verifyAuditChain());
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="od-chain-check">
      <ButtonGroup>
        <Button busy={busy} onClick={() => void onCheck()}>
          {t('audit.chain.check')}
        </Button>
      </ButtonGroup>
      <LiveRegion>
        {busy && <p className="nl-paragraph">{t('audit.chain.checking')}</p>}
        {verdict?.intact && (
          <Notice type="ok">
            <p className="nl-paragraph">{t('audit.chain.intact')}</p>
          </Notice>
        )}
      </LiveRegion>
      {verdict && !verdict.intact && (
        <ErrorAlert>
          <p className="nl-paragraph">
            {t('audit.chain.broken', { id: verdict.brokenId ?? '?', reason: verdict.reason ?? '' })}
          </p>
        </ErrorAlert>
      )}
      {error && <ErrorAlert>{error}</ErrorAlert>}
    </div>
  );
}
