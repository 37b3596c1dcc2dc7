import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert, FormErrorAlert, LiveRegion, Notice } from '../../components/alerts.tsx';
import { Button } from '../../components/buttons.tsx';
import { PageHeading, SectionHeading } from '../../components/headings.tsx';
import { MunicipalityPicker } from '../../components/municipality-picker.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useApiForm } from '../../components/use-api-form.ts';
import { useFormatDateTime, useTranslate } from '../../i18n/use-translate.ts';
import { isNationalCoordinator } from '../../session/roles.ts';
import { useSession } from '../../session/session-store.ts';
import {
  fetchReadiness,
  fileAsBase64,
  tickReadinessItem,
  untickReadinessItem,
  type ReadinessView,
} from './programme-api.ts';
import { ReadinessItemsEditor } from './readiness-items-editor.tsx';

/**
 * The readiness checklist: a municipal coordinator ticks their own municipality's items; a national
 * coordinator picks a municipality to follow its progress and edits the items themselves.
 */
export function ReadinessPage() {
  const t = useTranslate();
  const session = useSession();
  const national = isNationalCoordinator(session);
  const [searchParams] = useSearchParams();
  const code = national ? searchParams.get('gemeente') || null : (session?.user.municipalityCode ?? null);
  const [, setPickedName] = useState<string>();
  return (
    <>
      <PageHeading>{t('programme.readiness.title')}</PageHeading>
      <p className="nl-paragraph">{t('programme.readiness.intro')}</p>
      {national && (
        <MunicipalityPicker
          id="gereedheid-gemeente"
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
      {code && <Progress key={code} code={code} canTick={!national} />}
      {national && <ReadinessItemsEditor />}
    </>
  );
}

function Progress({ code, canTick }: { code: string; canTick: boolean }) {
  const t = useTranslate();
  const view = useApiData(() => fetchReadiness(code), `readiness:${code}`);
  const [status, setStatus] = useState<string>();
  if (view.error) return <ErrorAlert>{view.error}</ErrorAlert>;
  if (!view.data) return <p className="nl-paragraph">{t('app.loading')}</p>;
  const data = view.data;
  const changed = (message: string) => {
    setStatus(message);
    view.reload();
  };
  return (
    <section aria-labelledby="voortgang" className="od-sections">
      <SectionHeading level={2} id="voortgang">
        {t('programme.readiness.progress', { name: data.municipalityName, done: data.done, total: data.total })}
      </SectionHeading>
      <LiveRegion>{status && <Notice type="ok">{status}</Notice>}</LiveRegion>
      <p className="nl-paragraph od-lead">{t(`programme.participation.${participationKey(data)}`)}</p>
      {data.participation === 'active' && !data.complete && (
        <Notice type="warning">{t('programme.readiness.gapWhileActive')}</Notice>
      )}
      {data.items.map((item) => (
        <ItemCard key={item.id} code={code} item={item} canTick={canTick} onChanged={changed} />
      ))}
    </section>
  );
}

function participationKey(view: ReadinessView): 'active' | 'enrolled' | 'paused' | 'not_participating' {
  const known = ['active', 'enrolled', 'paused'] as const;
  return (known as readonly string[]).includes(view.participation)
    ? (view.participation as (typeof known)[number])
    : 'not_participating';
}

type Item = ReadinessView['items'][number];

function ItemCard({
  code,
  item,
  canTick,
  onChanged,
}: {
  code: string;
  item: Item;
  canTick: boolean;
  onChanged: (message: string) => void;
}) {
  const t = useTranslate();
  const formatDateTime = useFormatDateTime();
  const form = useApiForm(['note', 'photo'] as const);
  const [note, setNote] = useState(item.note ?? '');
  const [photo, setPhoto] = useState<File>();
  const headingId = `punt-${item.id}`;

  function onTick(event: FormEvent) {
    event.preventDefault();
    void form.submit(async () => {
      const body: { note?: string; photo?: string } = {};
      if (note.trim()) body.note = note.trim();
      if (photo) body.photo = await fileAsBase64(photo);
      await tickReadinessItem(code, item.id, body);
      onChanged(t('programme.readiness.ticked', { title: item.title }));
    });
  }
  function onUntick() {
    void form.submit(async () => {
      await untickReadinessItem(code, item.id);
      onChanged(t('programme.readiness.unticked', { title: item.title }));
    });
  }

  return (
    <article className="od-card" aria-labelledby={headingId}>
      <SectionHeading level={3} id={headingId}>
        {item.title}
      </SectionHeading>
      {item.description && <p className="nl-paragraph">{item.description}</p>}
      <p className="nl-paragraph">
        <strong>
          {item.done && item.doneAt
            ? t('programme.readiness.doneAt', { when: formatDateTime(item.doneAt) })
            : t('programme.readiness.notDone')}
        </strong>
        {item.note && ` — ${item.note}`}
        {!item.active && ` (${t('programme.readiness.inactive')})`}
      </p>
      {canTick && (
        <form onSubmit={onTick} noValidate aria-label={t('programme.readiness.tickForm', { title: item.title })}>
          <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
          <TextField
            id={form.fieldId('note')}
            label={t('programme.readiness.noteLabel')}
            description={item.key === 'sticker_on_door' ? t('programme.readiness.stickerHint') : undefined}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            error={form.fieldErrors.note}
            maxLength={500}
          />
          {item.key === 'sticker_on_door' && (
            <div className="utrecht-form-field utrecht-form-field--text utrecht-form-field--distanced">
              <div className="utrecht-form-field__label">
                <label className="utrecht-form-label" htmlFor={form.fieldId('photo')}>
                  {t('programme.readiness.photoLabel')}
                </label>
              </div>
              {form.fieldErrors.photo && (
                <div
                  className="utrecht-form-field-description utrecht-form-field-description--invalid"
                  id={`${form.fieldId('photo')}-error`}
                >
                  {form.fieldErrors.photo}
                </div>
              )}
              <div className="utrecht-form-field__input">
                <input
                  id={form.fieldId('photo')}
                  type="file"
                  accept="image/jpeg,image/png"
                  aria-describedby={form.fieldErrors.photo ? `${form.fieldId('photo')}-error` : undefined}
                  onChange={(event) => setPhoto(event.target.files?.[0])}
                />
              </div>
            </div>
          )}
          <Button type="submit" appearance={item.done ? 'secondary' : 'primary'} busy={form.busy}>
            {t(item.done ? 'programme.readiness.update' : 'programme.readiness.tick')}
          </Button>{' '}
          {item.done && (
            <Button onClick={onUntick} busy={form.busy}>
              {t('programme.readiness.untick')}
            </Button>
          )}
        </form>
      )}
    </article>
  );
}
