import { useState } from 'react';
import type { TeamMember } from '../../api/contract-types.ts';
import { deactivateMember } from '../../api/team-api.ts';
import { ErrorAlert } from '../../components/alerts.tsx';
import { Button } from '../../components/buttons.tsx';
import { ConfirmAction } from '../../components/confirm-action.tsx';
import { errorText } from '../../components/error-text.ts';
import { SectionHeading } from '../../components/headings.tsx';
import { TableRegion } from '../../components/table-region.tsx';
import { useTranslate } from '../../i18n/use-translate.ts';

interface MembersTableProps {
  members: TeamMember[];
  currentUserId: string | undefined;
  onEditRoles: (member: TeamMember) => void;
  onDeactivated: (member: TeamMember) => void;
}

/** The team's members with their roles and status; change roles or deactivate (not oneself). */
export function MembersTable({ members, currentUserId, onEditRoles, onDeactivated }: MembersTableProps) {
  const t = useTranslate();
  const [error, setError] = useState<string>();

  async function deactivate(member: TeamMember) {
    setError(undefined);
    try {
      await deactivateMember(member.id);
      onDeactivated(member);
    } catch (failure) {
      setError(errorText(failure, t));
    }
  }

  return (
    <section>
      <SectionHeading level={2} id="leden">
        {t('team.members.heading')}
      </SectionHeading>
      {error && <ErrorAlert>{error}</ErrorAlert>}
      {members.length === 0 ? (
        <p className="nl-paragraph">{t('team.members.none')}</p>
      ) : (
        <TableRegion captionId="leden-caption">
          <table className="utrecht-table utrecht-table--html-table">
            <caption className="utrecht-table__caption od-visually-hidden" id="leden-caption">
              {t('team.members.heading')}
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
                  {t('team.members.secondFactor')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('team.members.status')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  <span className="od-visually-hidden">{t('table.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {members.map((member) => {
                const self = member.id === currentUserId;
                return (
                  <tr className="utrecht-table__row" key={member.id} data-member-id={member.id}>
                    <th className="utrecht-table__header-cell" scope="row">
                      <span className="od-cell-title">{member.displayName}</span>
                      <span className="od-cell-detail">{member.email}</span>
                      {self && <span className="od-tag">{t('team.members.you')}</span>}
                    </th>
                    <td className="utrecht-table__cell">{member.roles.map((role) => t(`role.${role}`)).join(', ')}</td>
                    <td className="utrecht-table__cell">{t(member.secondFactor ? 'common.yes' : 'common.no')}</td>
                    <td className="utrecht-table__cell">
                      {t(member.active ? 'team.members.active' : 'team.members.inactive')}
                    </td>
                    <td className="utrecht-table__cell">
                      {member.active && !self && (
                        <div className="od-cell-actions">
                          {member.municipalityCode && (
                            <Button
                              appearance="secondary"
                              aria-label={t('team.members.editRolesNamed', { name: member.displayName })}
                              onClick={() => onEditRoles(member)}
                            >
                              {t('team.members.editRoles')}
                            </Button>
                          )}
                          <ConfirmAction
                            label={t('team.members.deactivate')}
                            accessibleLabel={t('team.members.deactivateNamed', { name: member.displayName })}
                            question={t('team.members.deactivateQuestion', { name: member.displayName })}
                            onConfirm={() => deactivate(member)}
                          />
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
