import { useState, type FormEvent } from 'react';
import type { StaffRole } from '../../api/contract-types.ts';
import { inviteStaffMember } from '../../api/team-api.ts';
import { FormErrorAlert } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { SectionHeading } from '../../components/headings.tsx';
import { RolesFieldset } from '../../components/roles-fieldset.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApiForm } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { rolesForScope } from '../../session/roles.ts';

const FIELDS = ['displayName', 'email', 'roles'] as const;

interface InviteFormProps {
  /** The team the new member joins; null: national coordinators. */
  municipalityCode: string | null;
  onInvited: (email: string) => void;
}

/** Invite someone by e-mail into this team, with their roles. The server sends the link. */
export function InviteForm({ municipalityCode, onInvited }: InviteFormProps) {
  const t = useTranslate();
  const available = rolesForScope(municipalityCode);
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<StaffRole[]>(available.length === 1 ? [...available] : []);
  const form = useApiForm(FIELDS);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmedEmail = email.trim();
    void form.submit(
      async () => {
        await inviteStaffMember({ displayName: displayName.trim(), email: trimmedEmail, municipalityCode, roles });
        setDisplayName('');
        setEmail('');
        setRoles(available.length === 1 ? [...available] : []);
        onInvited(trimmedEmail);
      },
      {
        displayName: displayName.trim() ? undefined : t('field.nameRequired'),
        email: trimmedEmail ? undefined : t('field.emailRequired'),
        roles: roles.length > 0 ? undefined : t('team.rolesRequired'),
      },
    );
  }

  return (
    <section className="od-panel" aria-labelledby="uitnodigen">
      <SectionHeading level={2} id="uitnodigen">
        {t('team.invite.heading')}
      </SectionHeading>
      <p className="nl-paragraph">{t('team.invite.intro')}</p>
      <form noValidate onSubmit={onSubmit}>
        <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
        <TextField
          id={form.fieldId('displayName')}
          label={t('field.name')}
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          error={form.fieldErrors.displayName}
          autoComplete="off"
          maxLength={120}
          required
        />
        <TextField
          id={form.fieldId('email')}
          type="email"
          label={t('field.email')}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={form.fieldErrors.email}
          autoComplete="off"
          spellCheck={false}
          maxLength={254}
          required
        />
        <RolesFieldset
          id={form.fieldId('roles')}
          legend={t('field.roles')}
          available={available}
          selected={roles}
          onChange={setRoles}
          error={form.fieldErrors.roles}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary" busy={form.busy}>
            {t('team.invite.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
