import { useState, type FormEvent } from 'react';
import { addAssignee, fetchCaseAssignees, removeAssignee, type Person } from '../../api/cases-api.ts';
import { ErrorAlert, FormErrorAlert } from '../../components/alerts.tsx';
import { Button } from '../../components/buttons.tsx';
import { ConfirmAction } from '../../components/confirm-action.tsx';
import { errorText } from '../../components/error-text.ts';
import { SectionHeading } from '../../components/headings.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useApiForm } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import type { CaseChangeProps } from './case-handling.tsx';

/** Who handles the case: only they and the coordinator can open it. Add a colleague, or remove one. */
export function CaseAssignees({ detail, onChanged }: CaseChangeProps) {
  const t = useTranslate();
  const people = useApiData(fetchCaseAssignees, 'case-assignees');
  const form = useApiForm(['userId'] as const);
  const [chosen, setChosen] = useState('');
  const [removing, setRemoving] = useState<string>();
  const [removeError, setRemoveError] = useState<string>();
  const candidates = (people.data?.assignees ?? []).filter(
    (person) => !detail.assignees.some((assignee) => assignee.id === person.id),
  );

  function onAdd(event: FormEvent) {
    event.preventDefault();
    void form.submit(
      async () => {
        const updated = await addAssignee(detail.id, chosen);
        const name = candidates.find((person) => person.id === chosen)?.displayName ?? '';
        setChosen('');
        onChanged(updated, t('cases.assignees.added', { name }));
      },
      { userId: chosen ? undefined : t('cases.assignees.chooseMissing') },
    );
  }

  async function remove(person: Person) {
    setRemoving(person.id);
    setRemoveError(undefined);
    try {
      onChanged(await removeAssignee(detail.id, person.id), t('cases.assignees.removed', { name: person.displayName }));
    } catch (failure) {
      setRemoveError(errorText(failure, t));
    } finally {
      setRemoving(undefined);
    }
  }

  return (
    <div aria-labelledby="behandelaars" role="group">
      <SectionHeading level={3} id="behandelaars">
        {t('cases.assignees.title')}
      </SectionHeading>
      {people.error && <ErrorAlert>{people.error}</ErrorAlert>}
      {removeError && <ErrorAlert>{removeError}</ErrorAlert>}
      {detail.assignees.length === 0 ? (
        <p className="nl-paragraph">{t('cases.assignees.nobody')}</p>
      ) : (
        <ul className="od-plain-list od-assignees">
          {detail.assignees.map((person) => (
            <li key={person.id} className="od-assignee">
              <span>{person.displayName}</span>
              <ConfirmAction
                label={t('action.remove')}
                accessibleLabel={t('cases.assignees.removeFor', { name: person.displayName })}
                question={t('cases.assignees.removeQuestion', { name: person.displayName })}
                busy={removing === person.id}
                onConfirm={() => remove(person)}
              />
            </li>
          ))}
        </ul>
      )}
      <form className="od-inline-form" noValidate onSubmit={onAdd}>
        <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
        <SelectField
          id={form.fieldId('userId')}
          label={t('cases.assignees.add')}
          value={chosen}
          onChange={(event) => setChosen(event.target.value)}
          options={[
            { value: '', label: t('cases.choose') },
            ...candidates.map((person) => ({ value: person.id, label: person.displayName })),
          ]}
          error={form.fieldErrors.userId}
        />
        <Button type="submit" busy={form.busy}>
          {t('cases.assignees.addSubmit')}
        </Button>
      </form>
    </div>
  );
}
