import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/alerts.tsx';
import { PageHeading } from '../../components/headings.tsx';
import { MunicipalityPicker } from '../../components/municipality-picker.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { isNationalCoordinator } from '../../session/roles.ts';
import { useSession } from '../../session/session-store.ts';
import { fetchRoster } from '../../api/roster-api.ts';
import { ChainSection } from './chain-section.tsx';
import { CoverageSection } from './coverage-section.tsx';
import { ExceptionsSection } from './exceptions-section.tsx';
import { FiguresSection } from './figures-section.tsx';
import { RosterSettingsSection } from './roster-settings-section.tsx';
import { ShiftsSection } from './shifts-section.tsx';
import './roster.css';

/**
 * The roster: a municipal coordinator edits their municipality's weekly pattern, exceptions, escalation
 * chain and settings; a national coordinator picks a municipality, reads it and may allow it to be
 * active despite gaps.
 */
export function RosterPage() {
  const t = useTranslate();
  const session = useSession();
  const national = isNationalCoordinator(session);
  const [searchParams] = useSearchParams();
  const code = national ? searchParams.get('gemeente') || null : (session?.user.municipalityCode ?? null);
  const [pickedName, setPickedName] = useState<string>();
  return (
    <>
      <PageHeading>{t('roster.title')}</PageHeading>
      <p className="nl-paragraph">{t('roster.intro')}</p>
      {national && (
        <MunicipalityPicker
          id="rooster-gemeente"
          selected={code}
          onNameKnown={setPickedName}
          labels={{
            form: t('programme.picker.formLabel'),
            select: t('field.municipality'),
            none: t('programme.picker.none'),
            submit: t('programme.picker.show'),
          }}
        />
      )}
      {code && (
        <Roster
          key={code}
          code={code}
          name={national ? (pickedName ?? code) : (session?.user.municipalityName ?? code)}
          national={national}
        />
      )}
    </>
  );
}

function Roster({ code, name, national }: { code: string; name: string; national: boolean }) {
  const t = useTranslate();
  const roster = useApiData(() => fetchRoster(code), `roster:${code}`);
  if (roster.error) return <ErrorAlert>{roster.error}</ErrorAlert>;
  if (!roster.data) return <p className="nl-paragraph">{t('app.loading')}</p>;
  const view = roster.data;
  const canEdit = !national;
  return (
    <div className="od-sections od-roster">
      <p className="nl-paragraph od-lead">{t('roster.scope', { name })}</p>
      <CoverageSection code={code} view={view} national={national} onChanged={roster.reload} />
      <ShiftsSection code={code} view={view} canEdit={canEdit} onSaved={roster.reload} />
      <ExceptionsSection code={code} view={view} canEdit={canEdit} onChanged={roster.reload} />
      <ChainSection code={code} view={view} canEdit={canEdit} onSaved={roster.reload} />
      <RosterSettingsSection code={code} view={view} canEdit={canEdit} onSaved={roster.reload} />
      <FiguresSection code={code} />
    </div>
  );
}
