import { useState, type FormEvent } from 'react';
import { CASE_TEXT_MAX_CHARS } from '../../api/cases-api.ts';
import { prepareReferral, REFERRAL_KINDS, type Party, type ReferralKind } from '../../api/referrals-api.ts';
import { FormErrorAlert } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { SectionHeading } from '../../components/headings.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextAreaField } from '../../components/text-area-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApiForm } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { useCaseLabels } from './case-labels.ts';

interface NewReferralFormProps {
  caseId: string;
  /** The municipality's directory (inactive parties are not offered). */
  parties: Party[];
  onPrepared: () => void;
}

/** Prepare a referral: to whom (a kind of help, or a party of the directory) and a summary for them. */
export function NewReferralForm({ caseId, parties, onPrepared }: NewReferralFormProps) {
  const t = useTranslate();
  const labels = useCaseLabels();
  const form = useApiForm(['kind', 'partyId', 'recipientName', 'summary'] as const);
  const [kind, setKind] = useState<ReferralKind>('veilig_thuis_advice');
  const [partyId, setPartyId] = useState('');
  const [recipientName, setRecipientName] = useState('');
  const [summary, setSummary] = useState('');
  const active = parties.filter((party) => party.active);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const name = recipientName.trim();
    const text = summary.trim();
    void form.submit(
      async () => {
        await prepareReferral(caseId, {
          kind,
          ...(kind === 'directory' ? { partyId } : name ? { recipientName: name } : {}),
          ...(text ? { summary: text } : {}),
        });
        setPartyId('');
        setRecipientName('');
        setSummary('');
        onPrepared();
      },
      {
        partyId: kind === 'directory' && !partyId ? t('referrals.partyMissing') : undefined,
        summary: text.length > CASE_TEXT_MAX_CHARS ? t('cases.tooLong', { max: CASE_TEXT_MAX_CHARS }) : undefined,
      },
    );
  }

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="verwijzing-nieuw">
      <SectionHeading level={3} id="verwijzing-nieuw">
        {t('referrals.new.title')}
      </SectionHeading>
      <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
      <SelectField
        id={form.fieldId('kind')}
        label={t('referrals.new.kind')}
        value={kind}
        onChange={(event) => setKind(event.target.value as ReferralKind)}
        options={REFERRAL_KINDS.map((value) => ({ value, label: labels.referralKind(value) }))}
        error={form.fieldErrors.kind}
      />
      {kind === 'directory' ? (
        <SelectField
          id={form.fieldId('partyId')}
          label={t('referrals.new.party')}
          description={active.length === 0 ? t('referrals.new.noParties') : undefined}
          value={partyId}
          onChange={(event) => setPartyId(event.target.value)}
          options={[
            { value: '', label: t('referrals.new.choose') },
            ...active.map((party) => ({ value: party.id, label: party.name })),
          ]}
          error={form.fieldErrors.partyId}
        />
      ) : (
        <TextField
          id={form.fieldId('recipientName')}
          label={t('referrals.new.recipient')}
          description={t('referrals.new.recipientHint')}
          value={recipientName}
          onChange={(event) => setRecipientName(event.target.value)}
          error={form.fieldErrors.recipientName}
          maxLength={200}
        />
      )}
      <TextAreaField
        id={form.fieldId('summary')}
        label={t('referrals.new.summary')}
        description={t('referrals.new.summaryHint')}
        value={summary}
        onChange={(event) => setSummary(event.target.value)}
        error={form.fieldErrors.summary}
        rows={4}
      />
      <ButtonGroup>
        <Button type="submit" busy={form.busy}>
          {t('referrals.new.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
