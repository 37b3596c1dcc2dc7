import { useState, type FormEvent } from 'react';
import type { StaffRole, TeamMember } from '../../api/contract-types.ts';
import { changeRoles } from '../../api/team-api.ts';
import { FormErrorAlert } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { SectionHeading } from '../../components/headings.tsx';
import { RolesFieldset } from '../../components/roles-fieldset.tsx';
import { useApiForm } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { rolesForScope } from '../../session/roles.ts';

interface RoleEditorProps {
  member: TeamMember;
  onSaved: () => void;
  onCancel: () => void;
}

/** Changing one member's roles; takes focus when it opens. */
export function RoleEditor({ member, onSaved, onCancel }: RoleEditorProps) {
  const t = useTranslate();
  const [roles, setRoles] = useState<StaffRole[]>(member.roles);
  const form = useApiForm(['roles'] as const);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void form.submit(
      async () => {
        await changeRoles(member.id, roles);
        onSaved();
      },
      { roles: roles.length > 0 ? undefined : t('team.rolesRequired') },
    );
  }

  return (
    <section className="od-panel" aria-labelledby="rollen-wijzigen">
      <SectionHeading level={2} id="rollen-wijzigen" focusOnMount>
        {t('team.roleEditor.heading', { name: member.displayName })}
      </SectionHeading>
      <form noValidate onSubmit={onSubmit}>
        <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
        <RolesFieldset
          id={form.fieldId('roles')}
          legend={t('field.roles')}
          available={rolesForScope(member.municipalityCode)}
          selected={roles}
          onChange={setRoles}
          error={form.fieldErrors.roles}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary" busy={form.busy}>
            {t('team.roleEditor.save')}
          </Button>
          <Button appearance="subtle" onClick={onCancel}>
            {t('action.cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
