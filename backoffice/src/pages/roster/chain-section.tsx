import { useState, type FormEvent } from 'react';
import { FormErrorAlert, LiveRegion, Notice } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { SectionHeading } from '../../components/headings.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { useApiForm } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { saveChain, type RosterView } from '../../api/roster-api.ts';
import { CoverageOverrideField, useCoverageOverride } from './coverage-override.tsx';
import { memberName } from './roster-format.ts';

interface ChainSectionProps {
  code: string;
  view: RosterView;
  canEdit: boolean;
  onSaved: () => void;
}

/** Who is alerted, in this order, after whoever is on duty and their deputy do not respond. */
export function ChainSection({ code, view, canEdit, onSaved }: ChainSectionProps) {
  const t = useTranslate();
  const form = useApiForm(['userIds', 'add'] as const);
  const override = useCoverageOverride();
  const [chain, setChain] = useState<string[]>(view.chain);
  const [toAdd, setToAdd] = useState('');
  const [status, setStatus] = useState<string>();
  const candidates = view.team.filter((member) => !chain.includes(member.id));

  function move(index: number, by: -1 | 1) {
    const next = [...chain];
    [next[index], next[index + by]] = [next[index + by]!, next[index]!];
    setChain(next);
    setStatus(t('roster.chain.moved', { name: memberName(view.team, chain[index]!), position: index + by + 1 }));
  }
  function onAdd(event: FormEvent) {
    event.preventDefault();
    void form.submit(
      async () => {
        setChain([...chain, toAdd]);
        setStatus(t('roster.chain.addedLocally', { name: memberName(view.team, toAdd) }));
        setToAdd('');
      },
      toAdd ? {} : { add: t('roster.shifts.personMissing') },
    );
  }
  function save() {
    setStatus(undefined);
    void form.submit(async () => {
      await override.run((reason) => saveChain(code, chain, reason));
      setStatus(t('roster.chain.saved'));
      onSaved();
    });
  }

  return (
    <section className="od-card" aria-labelledby="escalatie">
      <SectionHeading level={2} id="escalatie">
        {t('roster.chain.title')}
      </SectionHeading>
      <p className="nl-paragraph">{t('roster.chain.intro')}</p>
      <FormErrorAlert message={form.formError ?? form.fieldErrors.userIds} alertRef={form.alertRef} />
      {chain.length === 0 ? (
        <p className="nl-paragraph">{t('roster.chain.none')}</p>
      ) : (
        <ol className="utrecht-ordered-list" aria-label={t('roster.chain.title')}>
          {chain.map((id, index) => {
            const name = memberName(view.team, id);
            return (
              <li className="utrecht-ordered-list__item" key={id}>
                {name}
                {canEdit && (
                  <ButtonGroup>
                    {index > 0 && (
                      <Button
                        appearance="subtle"
                        aria-label={t('roster.chain.upNamed', { name })}
                        onClick={() => move(index, -1)}
                      >
                        {t('roster.chain.up')}
                      </Button>
                    )}
                    {index < chain.length - 1 && (
                      <Button
                        appearance="subtle"
                        aria-label={t('roster.chain.downNamed', { name })}
                        onClick={() => move(index, 1)}
                      >
                        {t('roster.chain.down')}
                      </Button>
                    )}
                    <Button
                      appearance="subtle"
                      aria-label={t('roster.chain.removeNamed', { name })}
                      onClick={() => {
                        setChain(chain.filter((other) => other !== id));
                        setStatus(t('roster.chain.removedLocally', { name }));
                      }}
                    >
                      {t('action.remove')}
                    </Button>
                  </ButtonGroup>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {canEdit && candidates.length > 0 && (
        <form onSubmit={onAdd} noValidate aria-label={t('roster.chain.addTitle')}>
          <SelectField
            id={form.fieldId('add')}
            label={t('roster.chain.addLabel')}
            value={toAdd}
            onChange={(event) => setToAdd(event.target.value)}
            error={form.fieldErrors.add}
            options={[
              { value: '', label: t('roster.choosePerson') },
              ...candidates.map((member) => ({ value: member.id, label: member.displayName })),
            ]}
          />
          <Button type="submit">{t('roster.chain.add')}</Button>
        </form>
      )}
      <CoverageOverrideField id="escalatie-reden" override={override} />
      {canEdit && (
        <Button appearance="primary" onClick={save} busy={form.busy}>
          {t('roster.chain.save')}
        </Button>
      )}
      <LiveRegion>{status && <Notice type="ok">{status}</Notice>}</LiveRegion>
    </section>
  );
}
