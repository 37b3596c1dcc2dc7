import { useState, type FormEvent } from 'react';
import { addParty, PARTY_KINDS, saveParty, type Party, type PartyKind } from '../../api/referrals-api.ts';
import { FormErrorAlert } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { SectionHeading } from '../../components/headings.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApiForm } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { useCaseLabels } from './case-labels.ts';

interface PartyFormProps {
  /** The party to edit; none: a new one. */
  party: Party | undefined;
  onSaved: (party: Party) => void;
  onCancel: () => void;
}

/** Add or edit a party of the directory (coordinator). */
export function PartyForm({ party, onSaved, onCancel }: PartyFormProps) {
  const t = useTranslate();
  const labels = useCaseLabels();
  const form = useApiForm(['name', 'kind', 'phone', 'email', 'hours'] as const);
  const [name, setName] = useState(party?.name ?? '');
  const [kind, setKind] = useState<PartyKind>(party?.kind ?? 'wijkteam');
  const [phone, setPhone] = useState(party?.phone ?? '');
  const [email, setEmail] = useState(party?.email ?? '');
  const [hours, setHours] = useState(party?.hours ?? '');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const fields = {
      name: name.trim(),
      kind,
      phone: phone.trim() || null,
      email: email.trim() || null,
      hours: hours.trim() || null,
    };
    void form.submit(
      async () =>
        onSaved(party ? await saveParty(party.id, { ...fields, active: party.active }) : await addParty(fields)),
      {
        name: fields.name ? undefined : t('field.nameRequired'),
        email:
          fields.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(fields.email) ? t('referrals.emailInvalid') : undefined,
      },
    );
  }

  return (
    <section className="od-panel" aria-labelledby="verwijzer-formulier">
      <form noValidate onSubmit={onSubmit}>
        <SectionHeading level={2} id="verwijzer-formulier" focusOnMount>
          {party ? t('directory.editTitle', { name: party.name }) : t('directory.addTitle')}
        </SectionHeading>
        <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
        <TextField
          id={form.fieldId('name')}
          label={t('field.name')}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={form.fieldErrors.name}
          maxLength={200}
        />
        <SelectField
          id={form.fieldId('kind')}
          label={t('directory.kind')}
          value={kind}
          onChange={(event) => setKind(event.target.value as PartyKind)}
          options={PARTY_KINDS.map((value) => ({ value, label: labels.referralKind(value) }))}
          error={form.fieldErrors.kind}
        />
        <TextField
          id={form.fieldId('phone')}
          type="tel"
          label={t('directory.phone')}
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
          error={form.fieldErrors.phone}
          maxLength={40}
        />
        <TextField
          id={form.fieldId('email')}
          type="email"
          label={t('field.email')}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={form.fieldErrors.email}
          maxLength={254}
        />
        <TextField
          id={form.fieldId('hours')}
          label={t('directory.hours')}
          description={t('directory.hoursHint')}
          value={hours}
          onChange={(event) => setHours(event.target.value)}
          error={form.fieldErrors.hours}
          maxLength={200}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary" busy={form.busy}>
            {t('directory.save')}
          </Button>
          <Button appearance="subtle" onClick={onCancel}>
            {t('action.cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
