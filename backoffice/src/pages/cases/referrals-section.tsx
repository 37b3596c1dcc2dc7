import { useState } from 'react';
import { fetchParties, fetchReferrals, type Referral } from '../../api/referrals-api.ts';
import { ErrorAlert } from '../../components/alerts.tsx';
import { Button } from '../../components/buttons.tsx';
import { SectionHeading } from '../../components/headings.tsx';
import { TableRegion } from '../../components/table-region.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useFormatDateTime, useTranslate } from '../../i18n/use-translate.ts';
import { useCaseLabels } from './case-labels.ts';
import { NewReferralForm } from './new-referral-form.tsx';
import { SendReferral } from './send-referral.tsx';

interface ReferralsSectionProps {
  caseId: string;
  /** A referral was made or sent (the case's timeline has a new entry). */
  onChanged: () => void;
}

/**
 * The case's referrals with their status (prepared, sent, confirmed, feedback received), the receiving
 * party's feedback, a form to prepare one, and "versturen", which shows the party's link once.
 */
export function ReferralsSection({ caseId, onChanged }: ReferralsSectionProps) {
  const t = useTranslate();
  const labels = useCaseLabels();
  const formatDateTime = useFormatDateTime();
  const referrals = useApiData(() => fetchReferrals(caseId), caseId);
  const parties = useApiData(fetchParties, 'parties');
  const [sending, setSending] = useState<string>();

  function changed() {
    referrals.reload();
    onChanged();
  }

  const recipient = (referral: Referral) =>
    referral.recipientName ??
    parties.data?.parties.find((party) => party.id === referral.partyId)?.name ??
    labels.referralKind(referral.kind);
  const list = referrals.data?.referrals ?? [];
  const sendingReferral = list.find((referral) => referral.id === sending);

  return (
    <section aria-labelledby="verwijzingen" className="od-panel">
      <SectionHeading level={2} id="verwijzingen">
        {t('referrals.title')}
      </SectionHeading>
      {referrals.error && <ErrorAlert>{referrals.error}</ErrorAlert>}
      {referrals.data && list.length === 0 && <p className="nl-paragraph">{t('referrals.none')}</p>}
      {list.length > 0 && (
        <TableRegion captionId="verwijzingen-caption">
          <table className="utrecht-table utrecht-table--html-table od-referrals-table">
            <caption className="utrecht-table__caption" id="verwijzingen-caption">
              {t('referrals.caption', { count: list.length })}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  {t('referrals.column.to')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('referrals.column.status')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('table.actions')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {list.map((referral) => (
                <tr className="utrecht-table__row" key={referral.id}>
                  <th className="utrecht-table__header-cell" scope="row">
                    <span className="od-cell-title">{recipient(referral)}</span>
                    <span className="od-cell-detail">{labels.referralKind(referral.kind)}</span>
                    {referral.summary && <span className="od-cell-detail od-break">{referral.summary}</span>}
                  </th>
                  <td className="utrecht-table__cell">
                    <span className="od-status">{labels.referralStatus(referral.status)}</span>
                    <span className="od-cell-detail">
                      {referral.feedbackAt
                        ? t('referrals.feedbackAt', { at: formatDateTime(referral.feedbackAt) })
                        : referral.confirmedAt
                          ? t('referrals.confirmedAt', { at: formatDateTime(referral.confirmedAt) })
                          : referral.sentAt
                            ? t('referrals.sentAt', { at: formatDateTime(referral.sentAt) })
                            : t('referrals.preparedAt', { at: formatDateTime(referral.createdAt) })}
                    </span>
                    {referral.feedback && (
                      <span className="od-referral-feedback od-break">
                        {t('referrals.feedback', { feedback: referral.feedback })}
                      </span>
                    )}
                  </td>
                  <td className="utrecht-table__cell">
                    {referral.status === 'prepared' ? (
                      <Button
                        aria-label={t('referrals.sendFor', { name: recipient(referral) })}
                        aria-expanded={sending === referral.id}
                        aria-controls="verwijzing-versturen"
                        onClick={() => setSending(referral.id)}
                      >
                        {t('referrals.send')}
                      </Button>
                    ) : (
                      referral.linkExpiresAt && (
                        <span className="od-cell-detail">
                          {t('referrals.linkExpires', { at: formatDateTime(referral.linkExpiresAt) })}
                        </span>
                      )
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {sendingReferral && (
        <SendReferral
          key={sendingReferral.id}
          caseId={caseId}
          referral={sendingReferral}
          recipient={recipient(sendingReferral)}
          onSent={changed}
          onClose={() => setSending(undefined)}
        />
      )}
      <NewReferralForm caseId={caseId} parties={parties.data?.parties ?? []} onPrepared={changed} />
    </section>
  );
}
