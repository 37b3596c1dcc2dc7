import { useState } from 'react';
import { Link } from 'react-router';
import { fetchParties, saveParty, type Party } from '../../api/referrals-api.ts';
import { ErrorAlert, LiveRegion, Notice } from '../../components/alerts.tsx';
import { Button } from '../../components/buttons.tsx';
import { ConfirmAction } from '../../components/confirm-action.tsx';
import { errorText } from '../../components/error-text.ts';
import { PageHeading } from '../../components/headings.tsx';
import { TableRegion } from '../../components/table-region.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { hasAnyRole } from '../../session/roles.ts';
import { useSession } from '../../session/session-store.ts';
import { useCaseLabels } from './case-labels.ts';
import { PartyForm } from './party-form.tsx';
import './cases.css';

/**
 * The municipality's directory of parties to refer to (name, kind, phone, e-mail, hours). Everyone on
 * the team reads it; the coordinator adds, edits and deactivates (a deactivated party stays on old
 * referrals but is no longer offered).
 */
export function ReferralDirectoryPage() {
  const t = useTranslate();
  const labels = useCaseLabels();
  const session = useSession();
  const coordinator = hasAnyRole(session, ['municipal_coordinator']);
  const parties = useApiData(fetchParties, 'parties');
  const [editing, setEditing] = useState<Party | 'new'>();
  const [notice, setNotice] = useState<{ text: string; sequence: number }>();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();

  function done(message: string) {
    setEditing(undefined);
    parties.reload();
    setNotice((previous) => ({ text: message, sequence: (previous?.sequence ?? 0) + 1 }));
  }

  async function setActive(party: Party, active: boolean) {
    setBusy(party.id);
    setError(undefined);
    try {
      const { name, kind, phone, email, hours } = party;
      await saveParty(party.id, { name, kind, phone, email, hours, active });
      done(t(active ? 'directory.reactivated' : 'directory.deactivated', { name: party.name }));
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setBusy(undefined);
    }
  }

  const list = parties.data?.parties ?? [];
  return (
    <>
      <PageHeading>{t('directory.title')}</PageHeading>
      <p className="nl-paragraph od-lead">{t('directory.intro')}</p>
      <p className="nl-paragraph">
        <Link className="nl-link" to="/dossiers">
          {t('directory.backToCases')}
        </Link>
      </p>
      <LiveRegion>
        {notice && (
          <Notice type="ok" key={notice.sequence}>
            <p className="nl-paragraph">{notice.text}</p>
          </Notice>
        )}
      </LiveRegion>
      {parties.error && <ErrorAlert>{parties.error}</ErrorAlert>}
      {error && <ErrorAlert>{error}</ErrorAlert>}
      {coordinator && !editing && (
        <Button appearance="primary" onClick={() => setEditing('new')}>
          {t('directory.add')}
        </Button>
      )}
      {coordinator && editing && (
        <PartyForm
          key={editing === 'new' ? 'new' : editing.id}
          party={editing === 'new' ? undefined : editing}
          onSaved={(party) => done(t(editing === 'new' ? 'directory.added' : 'directory.saved', { name: party.name }))}
          onCancel={() => setEditing(undefined)}
        />
      )}
      {parties.loading && !parties.data && <p className="nl-paragraph">{t('app.loading')}</p>}
      {parties.data && list.length === 0 && <p className="nl-paragraph">{t('directory.none')}</p>}
      {list.length > 0 && (
        <TableRegion captionId="verwijzers-caption">
          <table className="utrecht-table utrecht-table--html-table od-directory-table">
            <caption className="utrecht-table__caption" id="verwijzers-caption">
              {t('directory.caption', { count: list.length })}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  {t('field.name')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('directory.contact')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('directory.hours')}
                </th>
                {coordinator && (
                  <th className="utrecht-table__header-cell" scope="col">
                    {t('table.actions')}
                  </th>
                )}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {list.map((party) => (
                <tr className="utrecht-table__row" key={party.id}>
                  <th className="utrecht-table__header-cell" scope="row">
                    <span className="od-cell-title">{party.name}</span>
                    <span className="od-cell-detail">{labels.referralKind(party.kind)}</span>
                    {!party.active && <span className="od-tag">{t('directory.inactive')}</span>}
                  </th>
                  <td className="utrecht-table__cell od-break">
                    {party.phone && <span className="od-cell-detail">{party.phone}</span>}
                    {party.email && <span className="od-cell-detail">{party.email}</span>}
                  </td>
                  <td className="utrecht-table__cell">{party.hours ?? ''}</td>
                  {coordinator && (
                    <td className="utrecht-table__cell">
                      <div className="od-cell-actions">
                        <Button
                          aria-label={t('directory.editFor', { name: party.name })}
                          onClick={() => setEditing(party)}
                        >
                          {t('directory.edit')}
                        </Button>
                        {party.active ? (
                          <ConfirmAction
                            label={t('directory.deactivate')}
                            accessibleLabel={t('directory.deactivateFor', { name: party.name })}
                            question={t('directory.deactivateQuestion', { name: party.name })}
                            busy={busy === party.id}
                            onConfirm={() => setActive(party, false)}
                          />
                        ) : (
                          <Button busy={busy === party.id} onClick={() => void setActive(party, true)}>
                            {t('directory.reactivate')}
                          </Button>
                        )}
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
