import { useState, type FormEvent } from 'react';
import { FormErrorAlert, LiveRegion, Notice } from '../../components/alerts.tsx';
import { Button } from '../../components/buttons.tsx';
import { SectionHeading } from '../../components/headings.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TableRegion } from '../../components/table-region.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApiForm } from '../../components/use-api-form.ts';
import type { MessageId } from '../../i18n/messages.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { saveShifts, type RosterShift, type RosterView } from '../../api/roster-api.ts';
import { CoverageOverrideField, useCoverageOverride } from './coverage-override.tsx';
import { memberName, minuteText, parseMinute } from './roster-format.ts';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

interface ShiftsSectionProps {
  code: string;
  view: RosterView;
  canEdit: boolean;
  onSaved: () => void;
}

/** The weekly pattern: rows are added and removed here and saved together. */
export function ShiftsSection({ code, view, canEdit, onSaved }: ShiftsSectionProps) {
  const t = useTranslate();
  const form = useApiForm(['shifts'] as const);
  const override = useCoverageOverride();
  const [shifts, setShifts] = useState<RosterShift[]>(() =>
    view.shifts.map(({ weekday, startMinute, endMinute, userId, role }) => ({
      weekday,
      startMinute,
      endMinute,
      userId,
      role,
    })),
  );
  const [status, setStatus] = useState<string>();
  const weekday = (day: number) => t(`roster.weekday.${day}` as MessageId);

  function save() {
    setStatus(undefined);
    void form.submit(async () => {
      await override.run((reason) => saveShifts(code, shifts, reason));
      setStatus(t('roster.shifts.saved'));
      onSaved();
    });
  }
  function remove(index: number) {
    setShifts(shifts.filter((_, i) => i !== index));
    setStatus(t('roster.shifts.removed'));
  }

  return (
    <section className="od-card" aria-labelledby="weekpatroon">
      <SectionHeading level={2} id="weekpatroon">
        {t('roster.shifts.title')}
      </SectionHeading>
      <p className="nl-paragraph">{t('roster.shifts.intro')}</p>
      <FormErrorAlert message={form.formError ?? form.fieldErrors.shifts} alertRef={form.alertRef} />
      {shifts.length === 0 ? (
        <p className="nl-paragraph">{t('roster.shifts.none')}</p>
      ) : (
        <TableRegion captionId="diensten-caption">
          <table className="utrecht-table utrecht-table--html-table">
            <caption className="utrecht-table__caption od-visually-hidden" id="diensten-caption">
              {t('roster.shifts.title')}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {(['weekday', 'from', 'to', 'person', 'role'] as const).map((column) => (
                  <th className="utrecht-table__header-cell" scope="col" key={column}>
                    {t(`roster.shifts.${column}`)}
                  </th>
                ))}
                {canEdit && (
                  <th className="utrecht-table__header-cell" scope="col">
                    <span className="od-visually-hidden">{t('table.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {shifts.map((shift, index) => (
                <tr
                  className="utrecht-table__row"
                  key={`${shift.weekday}-${shift.startMinute}-${shift.userId}-${index}`}
                >
                  <th className="utrecht-table__header-cell" scope="row">
                    {weekday(shift.weekday)}
                  </th>
                  <td className="utrecht-table__cell">{minuteText(shift.startMinute)}</td>
                  <td className="utrecht-table__cell">
                    {minuteText(shift.endMinute)}
                    {shift.endMinute <= shift.startMinute && ` ${t('roster.shifts.nextDay')}`}
                  </td>
                  <td className="utrecht-table__cell">{memberName(view.team, shift.userId)}</td>
                  <td className="utrecht-table__cell">{t(`roster.role.${shift.role}`)}</td>
                  {canEdit && (
                    <td className="utrecht-table__cell">
                      <Button
                        appearance="subtle"
                        aria-label={t('roster.shifts.removeNamed', {
                          day: weekday(shift.weekday),
                          from: minuteText(shift.startMinute),
                          name: memberName(view.team, shift.userId),
                        })}
                        onClick={() => remove(index)}
                      >
                        {t('action.remove')}
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {canEdit && <AddShiftForm view={view} onAdd={(shift) => setShifts([...shifts, shift])} />}
      <CoverageOverrideField id="weekpatroon-reden" override={override} />
      {canEdit && (
        <Button appearance="primary" onClick={save} busy={form.busy}>
          {t('roster.shifts.save')}
        </Button>
      )}
      <LiveRegion>{status && <Notice type="ok">{status}</Notice>}</LiveRegion>
    </section>
  );
}

function AddShiftForm({ view, onAdd }: { view: RosterView; onAdd: (shift: RosterShift) => void }) {
  const t = useTranslate();
  const form = useApiForm(['weekday', 'from', 'to', 'person', 'role'] as const);
  const [weekday, setWeekday] = useState('1');
  const [from, setFrom] = useState('09:00');
  const [to, setTo] = useState('17:00');
  const [person, setPerson] = useState('');
  const [role, setRole] = useState<RosterShift['role']>('on_duty');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const startMinute = parseMinute(from);
    const endMinute = parseMinute(to);
    const errors = {
      from: startMinute === undefined ? t('roster.shifts.timeFormat') : undefined,
      to: endMinute === undefined ? t('roster.shifts.timeFormat') : undefined,
      person: person ? undefined : t('roster.shifts.personMissing'),
    };
    void form.submit(async () => {
      onAdd({ weekday: Number(weekday), startMinute: startMinute!, endMinute: endMinute!, userId: person, role });
    }, errors);
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="dienst-toevoegen">
      <SectionHeading level={3} id="dienst-toevoegen">
        {t('roster.shifts.addTitle')}
      </SectionHeading>
      <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
      <SelectField
        id={form.fieldId('weekday')}
        label={t('roster.shifts.weekday')}
        value={weekday}
        onChange={(event) => setWeekday(event.target.value)}
        options={WEEKDAYS.map((day) => ({ value: String(day), label: t(`roster.weekday.${day}`) }))}
      />
      <TextField
        id={form.fieldId('from')}
        label={t('roster.shifts.from')}
        type="time"
        value={from}
        onChange={(event) => setFrom(event.target.value)}
        error={form.fieldErrors.from}
      />
      <TextField
        id={form.fieldId('to')}
        label={t('roster.shifts.to')}
        description={t('roster.shifts.toHint')}
        type="time"
        value={to}
        onChange={(event) => setTo(event.target.value)}
        error={form.fieldErrors.to}
      />
      <SelectField
        id={form.fieldId('person')}
        label={t('roster.shifts.person')}
        value={person}
        onChange={(event) => setPerson(event.target.value)}
        error={form.fieldErrors.person}
        options={[
          { value: '', label: t('roster.choosePerson') },
          ...view.team.map((member) => ({ value: member.id, label: member.displayName })),
        ]}
      />
      <SelectField
        id={form.fieldId('role')}
        label={t('roster.shifts.role')}
        value={role}
        onChange={(event) => setRole(event.target.value as RosterShift['role'])}
        options={[
          { value: 'on_duty', label: t('roster.role.on_duty') },
          { value: 'deputy', label: t('roster.role.deputy') },
        ]}
      />
      <Button type="submit">{t('roster.shifts.add')}</Button>
    </form>
  );
}
