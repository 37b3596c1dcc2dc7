import { useState } from 'react';
import { listPasskeys, removePasskey } from '../../api/account-api.ts';
import type { Passkey } from '../../api/contract-types.ts';
import { ErrorAlert, LiveRegion, Notice } from '../../components/alerts.tsx';
import { ConfirmAction } from '../../components/confirm-action.tsx';
import { errorText } from '../../components/error-text.ts';
import { SectionHeading } from '../../components/headings.tsx';
import { PasskeyEnrolment } from '../../components/passkey-enrolment.tsx';
import { RecoveryCodesPanel } from '../../components/recovery-codes-panel.tsx';
import { TableRegion } from '../../components/table-region.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useFormatDateTime, useTranslate } from '../../i18n/use-translate.ts';
import { refreshSession } from '../../session/session-store.ts';

/** The user's passkeys: list, remove, add. */
export function PasskeysSection() {
  const t = useTranslate();
  const passkeys = useApiData(listPasskeys, 'passkeys');
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string }>();
  const [codes, setCodes] = useState<string[]>();
  // Focus returns to the heading when what the user was on went away (a removed row, the codes).
  const [focusRequest, setFocusRequest] = useState(0);
  const refocus = () => setFocusRequest((count) => count + 1);

  async function onAdded(newCodes: string[] | undefined) {
    passkeys.reload();
    await refreshSession().catch(() => undefined);
    setMessage({ type: 'ok', text: t('account.passkeys.added') });
    if (newCodes) setCodes(newCodes);
  }

  async function onRemove(passkey: Passkey) {
    setMessage(undefined);
    try {
      await removePasskey(passkey.id);
      passkeys.reload();
      await refreshSession().catch(() => undefined);
      setMessage({ type: 'ok', text: t('account.passkeys.removed', { name: passkey.name }) });
      refocus();
    } catch (error) {
      setMessage({ type: 'error', text: errorText(error, t) });
    }
  }

  return (
    <section className="od-panel" aria-labelledby="passkeys">
      <SectionHeading level={2} id="passkeys" focusRequest={focusRequest}>
        {t('account.passkeys.heading')}
      </SectionHeading>
      {passkeys.error && <ErrorAlert>{passkeys.error}</ErrorAlert>}
      {passkeys.data && passkeys.data.passkeys.length === 0 && (
        <p className="nl-paragraph">{t('account.passkeys.none')}</p>
      )}
      {passkeys.data && passkeys.data.passkeys.length > 0 && (
        <PasskeyTable passkeys={passkeys.data.passkeys} onRemove={onRemove} />
      )}
      {message?.type === 'error' && <ErrorAlert>{message.text}</ErrorAlert>}
      <LiveRegion>
        {message?.type === 'ok' && (
          <Notice type="ok">
            <p className="nl-paragraph">{message.text}</p>
          </Notice>
        )}
      </LiveRegion>
      {codes ? (
        <RecoveryCodesPanel
          codes={codes}
          headingLevel={3}
          onDone={() => {
            setCodes(undefined);
            refocus();
          }}
        />
      ) : (
        <PasskeyEnrolment
          headingLevel={3}
          heading={t('account.passkeys.add')}
          onEnrolled={(newCodes) => void onAdded(newCodes)}
        />
      )}
    </section>
  );
}

function PasskeyTable({ passkeys, onRemove }: { passkeys: Passkey[]; onRemove: (passkey: Passkey) => Promise<void> }) {
  const t = useTranslate();
  const formatDateTime = useFormatDateTime();
  return (
    <TableRegion captionId="passkeys-caption">
      <table className="utrecht-table utrecht-table--html-table">
        <caption className="utrecht-table__caption" id="passkeys-caption">
          {t('account.passkeys.caption')}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="col">
              {t('account.passkeys.name')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('account.passkeys.createdAt')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('account.passkeys.lastUsedAt')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              <span className="od-visually-hidden">{t('table.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {passkeys.map((passkey) => (
            <tr className="utrecht-table__row" key={passkey.id}>
              <th className="utrecht-table__header-cell" scope="row">
                {passkey.name}
              </th>
              <td className="utrecht-table__cell">{formatDateTime(passkey.createdAt)}</td>
              <td className="utrecht-table__cell">
                {passkey.lastUsedAt ? formatDateTime(passkey.lastUsedAt) : t('account.passkeys.neverUsed')}
              </td>
              <td className="utrecht-table__cell">
                <ConfirmAction
                  label={t('action.remove')}
                  accessibleLabel={t('account.passkeys.removeNamed', { name: passkey.name })}
                  question={t('account.passkeys.removeQuestion', { name: passkey.name })}
                  onConfirm={() => onRemove(passkey)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
