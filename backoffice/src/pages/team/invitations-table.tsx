import type { OpenInvitation } from '../../api/contract-types.ts';
import { SectionHeading } from '../../components/headings.tsx';
import { TableRegion } from '../../components/table-region.tsx';
import { useFormatDateTime, useTranslate } from '../../i18n/use-translate.ts';

/** Invitations sent for this team, with whether they were accepted or have expired. */
export function InvitationsTable({ invitations }: { invitations: OpenInvitation[] }) {
  const t = useTranslate();
  const formatDateTime = useFormatDateTime();
  const now = Date.now();
  const status = (invitation: OpenInvitation) => {
    if (invitation.accepted) return t('team.invitations.accepted');
    return Date.parse(invitation.expiresAt) < now ? t('team.invitations.expired') : t('team.invitations.open');
  };

  return (
    <section>
      <SectionHeading level={2} id="uitnodigingen">
        {t('team.invitations.heading')}
      </SectionHeading>
      {invitations.length === 0 ? (
        <p className="nl-paragraph">{t('team.invitations.none')}</p>
      ) : (
        <TableRegion captionId="uitnodigingen-caption">
          <table className="utrecht-table utrecht-table--html-table">
            <caption className="utrecht-table__caption od-visually-hidden" id="uitnodigingen-caption">
              {t('team.invitations.heading')}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  {t('field.name')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('field.roles')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('invitation.validUntil')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('team.members.status')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {invitations.map((invitation) => (
                <tr className="utrecht-table__row" key={invitation.id}>
                  <th className="utrecht-table__header-cell" scope="row">
                    <span className="od-cell-title">{invitation.displayName}</span>
                    <span className="od-cell-detail">{invitation.email}</span>
                  </th>
                  <td className="utrecht-table__cell">
                    {invitation.roles.map((role) => t(`role.${role}`)).join(', ')}
                  </td>
                  <td className="utrecht-table__cell">{formatDateTime(invitation.expiresAt)}</td>
                  <td className="utrecht-table__cell">{status(invitation)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
