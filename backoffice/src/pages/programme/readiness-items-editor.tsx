import { useState, type FormEvent } from 'react';
import { ErrorAlert, FormErrorAlert, LiveRegion, Notice } from '../../components/alerts.tsx';
import { Button } from '../../components/buttons.tsx';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { SectionHeading } from '../../components/headings.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useApiForm } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import {
  changeReadinessItem,
  createReadinessItem,
  fetchReadinessItems,
  type ItemRequest,
  type ReadinessItem,
} from './programme-api.ts';

/** The national coordinator edits the checklist: title, description, order, on or off; and adds items. */
export function ReadinessItemsEditor() {
  const t = useTranslate();
  const items = useApiData(fetchReadinessItems, 'readiness-items');
  const [status, setStatus] = useState<string>();
  const saved = (message: string) => {
    setStatus(message);
    items.reload();
  };
  const next = Math.max(0, ...(items.data?.items.map((item) => item.position) ?? [0])) + 1;
  return (
    <section aria-labelledby="punten-bewerken" className="od-sections">
      <SectionHeading level={2} id="punten-bewerken">
        {t('programme.items.title')}
      </SectionHeading>
      <LiveRegion>{status && <Notice type="ok">{status}</Notice>}</LiveRegion>
      {items.error && <ErrorAlert>{items.error}</ErrorAlert>}
      {items.data?.items.map((item) => (
        <ItemForm key={item.id} item={item} onSaved={saved} />
      ))}
      <ItemForm key={`new-${next}`} position={next} onSaved={saved} />
    </section>
  );
}

function ItemForm({
  item,
  position,
  onSaved,
}: {
  item?: ReadinessItem;
  position?: number;
  onSaved: (message: string) => void;
}) {
  const t = useTranslate();
  const form = useApiForm(['title', 'description', 'position'] as const);
  const [title, setTitle] = useState(item?.title ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [order, setOrder] = useState(String(item?.position ?? position ?? 1));
  const [active, setActive] = useState(item?.active ?? true);
  const headingId = `punt-bewerken-${item?.id ?? 'nieuw'}`;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const number = Number(order);
    const errors = {
      ...(title.trim() === '' ? { title: t('programme.items.titleMissing') } : {}),
      ...(!Number.isInteger(number) || number < 0 ? { position: t('programme.items.positionInvalid') } : {}),
    };
    void form.submit(async () => {
      const request: ItemRequest = { title: title.trim(), description: description.trim(), position: number, active };
      if (item) await changeReadinessItem(item.id, request);
      else await createReadinessItem(request);
      onSaved(t(item ? 'programme.items.saved' : 'programme.items.added', { title: request.title }));
    }, errors);
  }

  return (
    <form className="od-card" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <SectionHeading level={3} id={headingId}>
        {item ? item.title : t('programme.items.new')}
      </SectionHeading>
      <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
      <TextField
        id={form.fieldId('title')}
        label={t('programme.items.titleLabel')}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        error={form.fieldErrors.title}
        maxLength={200}
      />
      <TextField
        id={form.fieldId('description')}
        label={t('programme.items.descriptionLabel')}
        value={description}
        onChange={(event) => setDescription(event.target.value)}
        error={form.fieldErrors.description}
        maxLength={2000}
      />
      <TextField
        id={form.fieldId('position')}
        label={t('programme.items.positionLabel')}
        inputMode="numeric"
        value={order}
        onChange={(event) => setOrder(event.target.value)}
        error={form.fieldErrors.position}
      />
      <CheckboxField
        id={`${form.fieldId('title')}-active`}
        label={t('programme.items.activeLabel')}
        checked={active}
        onChange={setActive}
      />
      <Button type="submit" busy={form.busy}>
        {t(item ? 'programme.items.save' : 'programme.items.add')}
      </Button>
    </form>
  );
}
