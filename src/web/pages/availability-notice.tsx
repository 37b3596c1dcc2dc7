import type { PageContext } from '../page-context.ts';

/** What the roster says about now (from availabilityNow), as the child's pages show it. */
export type AvailabilityView =
  { kind: 'staffed'; expectedMinutes: number } | { kind: 'unstaffed'; nextShiftStart: Date | null };

/**
 * Honest availability: someone there now and the usual wait, or nobody now, when the message will
 * be read, and who to call instead. Only on no-store pages: it changes by the minute.
 */
export function AvailabilityNotice({
  context,
  availability,
}: {
  context: PageContext;
  availability: AvailabilityView;
}) {
  const { t, helpLines } = context;
  if (availability.kind === 'staffed') {
    return (
      <p className="nl-paragraph od-availability" data-availability="staffed">
        {t.t('availability.staffed', { count: availability.expectedMinutes })}
      </p>
    );
  }
  const when = availability.nextShiftStart
    ? new Intl.DateTimeFormat(t.locale, {
        timeZone: 'Europe/Amsterdam',
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        hour: '2-digit',
        minute: '2-digit',
      }).format(availability.nextShiftStart)
    : undefined;
  const { kindertelefoon, emergency } = helpLines;
  const hours = typeof kindertelefoon.hours === 'string' ? { from: '0:00', to: '24:00' } : kindertelefoon.hours;
  return (
    <div className="od-card od-availability" data-availability="unstaffed">
      <p className="nl-paragraph">
        {when ? t.t('availability.unstaffed', { when }) : t.t('availability.unstaffedUnknown')}
      </p>
      <p className="nl-paragraph">
        {t.t('availability.talkNow', {
          number: kindertelefoon.number,
          from: hours.from,
          to: hours.to,
          emergency: emergency.number,
        })}
      </p>
    </div>
  );
}
