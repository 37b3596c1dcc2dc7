import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { fetchMunicipalities } from '../api/team-api.ts';
import { useTranslate } from '../i18n/use-translate.ts';
import { ErrorAlert } from './alerts.tsx';
import { Button } from './buttons.tsx';
import { SelectField } from './select-field.tsx';
import { useApiData } from './use-api-data.ts';

const NONE = '';

/** What the picker says; the team page's words unless given. */
export interface MunicipalityPickerLabels {
  /** Names the form (its landmark). */
  form: string;
  select: string;
  /** The first option, for "no municipality" (the national team, or "choose one"). */
  none: string;
  submit: string;
}

interface MunicipalityPickerProps {
  /** The municipality shown now; null: none (the national team, or nothing chosen yet). */
  selected: string | null;
  /** Tells the page the selected municipality's name once the list is in. */
  onNameKnown: (name: string | undefined) => void;
  labels?: MunicipalityPickerLabels;
  /** The select's id (unique on the page). */
  id?: string;
}

/**
 * For national coordinators: which municipality a page is about, kept in `?gemeente=` so the view can
 * be shared. A select plus a button (not a select that navigates on change), so moving through the
 * options by keyboard changes nothing until the user says so.
 */
export function MunicipalityPicker({ selected, onNameKnown, labels, id = 'team-gemeente' }: MunicipalityPickerProps) {
  const t = useTranslate();
  const words = labels ?? {
    form: t('team.picker.formLabel'),
    select: t('team.picker.label'),
    none: t('team.picker.national'),
    submit: t('team.picker.show'),
  };
  const [, setSearchParams] = useSearchParams();
  const list = useApiData(fetchMunicipalities, 'municipalities');
  const [choice, setChoice] = useState(selected ?? NONE);
  const municipalities = list.data?.municipalities;

  // Back and forward change the URL, not this form: follow them.
  useEffect(() => setChoice(selected ?? NONE), [selected]);

  useEffect(() => {
    onNameKnown(municipalities?.find((municipality) => municipality.code === selected)?.name);
  }, [municipalities, selected, onNameKnown]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSearchParams(choice === NONE ? {} : { gemeente: choice });
  }

  const options = [
    { value: NONE, label: words.none },
    ...[...(municipalities ?? [])]
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
      .map((municipality) => ({ value: municipality.code, label: `${municipality.name} (${municipality.code})` })),
  ];

  return (
    <form className="od-inline-form" onSubmit={onSubmit} aria-label={words.form}>
      {list.error && <ErrorAlert>{list.error}</ErrorAlert>}
      <SelectField
        id={id}
        label={words.select}
        options={options}
        value={choice}
        onChange={(event) => setChoice(event.target.value)}
      />
      <Button type="submit">{words.submit}</Button>
    </form>
  );
}
