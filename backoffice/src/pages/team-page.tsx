import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TeamMember } from '../api/contract-types.ts';
import { fetchTeam } from '../api/team-api.ts';
import { ErrorAlert, LiveRegion, Notice } from '../components/alerts.tsx';
import { PageHeading } from '../components/headings.tsx';
import { MunicipalityPicker } from '../components/municipality-picker.tsx';
import { useApiData } from '../components/use-api-data.ts';
import { useTranslate } from '../i18n/use-translate.ts';
import { isNationalCoordinator } from '../session/roles.ts';
import { useSession } from '../session/session-store.ts';
import { InvitationsTable } from './team/invitations-table.tsx';
import { InviteForm } from './team/invite-form.tsx';
import { MembersTable } from './team/members-table.tsx';
import { RoleEditor } from './team/role-editor.tsx';

/**
 * The team of one municipality: members, open invitations, inviting, roles, deactivating. A municipal
 * coordinator sees their own; a national coordinator picks a municipality (none: the national team).
 */
export function TeamPage() {
  const t = useTranslate();
  const session = useSession();
  const national = isNationalCoordinator(session);
  const [searchParams] = useSearchParams();
  // CONTRACT ASSUMPTION: for a national coordinator, GET /api/v1/team without ?municipality= lists the
  // national coordinators (the users without a municipality).
  const scope = national ? searchParams.get('gemeente') || null : (session?.user.municipalityCode ?? null);
  const [scopeName, setScopeName] = useState<string>();
  const team = useApiData(() => fetchTeam(national ? (scope ?? undefined) : undefined), `team:${scope ?? ''}`);
  const [editing, setEditing] = useState<TeamMember>();
  const [notice, setNotice] = useState<string>();
  // Where focus goes after a change made what the user was on disappear: the notice, or a member's row.
  const [focusTarget, setFocusTarget] = useState<{ kind: 'notice' } | { kind: 'member'; id: string }>();
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusTarget?.kind === 'notice') noticeRef.current?.focus();
    if (focusTarget?.kind === 'member')
      document.querySelector<HTMLElement>(`tr[data-member-id="${focusTarget.id}"] button`)?.focus();
  }, [focusTarget]);

  const heading = scope
    ? t('team.scopeMunicipality', { name: (national ? scopeName : session?.user.municipalityName) ?? scope })
    : t('team.scopeNational');

  function changed(message: string) {
    setNotice(message);
    setEditing(undefined);
    setFocusTarget({ kind: 'notice' });
    team.reload();
  }

  return (
    <>
      <PageHeading>{t('team.title')}</PageHeading>
      {national && <MunicipalityPicker selected={scope} onNameKnown={setScopeName} />}
      <p className="nl-paragraph od-lead">{heading}</p>
      {team.error && <ErrorAlert>{team.error}</ErrorAlert>}
      <LiveRegion>
        {notice && (
          <div ref={noticeRef} tabIndex={-1} className="od-focus-target">
            <Notice type="ok">
              <p className="nl-paragraph">{notice}</p>
            </Notice>
          </div>
        )}
      </LiveRegion>
      {team.loading && !team.data && <p className="nl-paragraph">{t('app.loading')}</p>}
      {team.data && (
        <>
          <MembersTable
            members={team.data.members}
            currentUserId={session?.user.id}
            onEditRoles={(member) => {
              setNotice(undefined);
              setEditing(member);
            }}
            onDeactivated={(member) => changed(t('team.deactivated', { name: member.displayName }))}
          />
          {editing && (
            <RoleEditor
              key={editing.id}
              member={editing}
              onSaved={() => changed(t('team.rolesSaved', { name: editing.displayName }))}
              onCancel={() => {
                setEditing(undefined);
                setFocusTarget({ kind: 'member', id: editing.id });
              }}
            />
          )}
          <InvitationsTable invitations={team.data.invitations} />
        </>
      )}
      <InviteForm
        key={scope ?? 'national'}
        municipalityCode={scope}
        onInvited={(email) => {
          // Focus stays in the form (ready for the next invitation); the live region announces this.
          setNotice(t('team.invited', { email }));
          team.reload();
        }}
      />
    </>
  );
}
