import { useEffect, useState, type FormEvent } from 'react';
import {
  CASE_STATUSES,
  changeStatus,
  fetchClassification,
  saveClassification,
  type CaseDetail,
  type CaseStatus,
  type Classification,
} from '../../api/cases-api.ts';
import { ErrorAlert, FormErrorAlert } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { SectionHeading } from '../../components/headings.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useApiForm } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { CaseAssignees } from './case-assignees.tsx';
import { ConsentForm } from './consent-form.tsx';
import { useCaseLabels } from './case-labels.ts';

export interface CaseChangeProps {
  detail: CaseDetail;
  onChanged: (detail: CaseDetail, message: string) => void;
}

/** Handling the case: status (closing asks category and outcome), classification, consent, assignees. */
export function CaseHandling({ detail, onChanged }: CaseChangeProps) {
  const t = useTranslate();
  const classification = useApiData(fetchClassification, 'classification');
  return (
    <section aria-labelledby="afhandeling" className="od-panel">
      <SectionHeading level={2} id="afhandeling">
        {t('cases.handling.title')}
      </SectionHeading>
      {classification.error && <ErrorAlert>{classification.error}</ErrorAlert>}
      <StatusForm detail={detail} onChanged={onChanged} classification={classification.data} />
      <ClassificationForm detail={detail} onChanged={onChanged} classification={classification.data} />
      <ConsentForm detail={detail} onChanged={onChanged} />
      <CaseAssignees detail={detail} onChanged={onChanged} />
    </section>
  );
}

interface WithClassification extends CaseChangeProps {
  classification: Classification | undefined;
}

function StatusForm({ detail, onChanged, classification }: WithClassification) {
  const t = useTranslate();
  const labels = useCaseLabels();
  const form = useApiForm(['status', 'category', 'outcome'] as const);
  const [status, setStatus] = useState<CaseStatus>(detail.status);
  const [category, setCategory] = useState(detail.category ?? '');
  const [outcome, setOutcome] = useState(detail.outcome ?? '');
  useEffect(() => setStatus(detail.status), [detail.status]);
  useEffect(() => setCategory(detail.category ?? ''), [detail.category]);
  const closing = status === 'closed' && detail.status !== 'closed';

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void form.submit(
      async () => {
        if (closing && category !== detail.category) await saveClassification(detail.id, category, null);
        const updated = await changeStatus(detail.id, status, closing ? outcome : undefined);
        onChanged(updated, t('cases.status.changed', { status: labels.status(updated.status) }));
      },
      {
        status: status === detail.status ? t('cases.status.unchanged') : undefined,
        category: closing && !category ? t('cases.close.categoryMissing') : undefined,
        outcome: closing && !outcome ? t('cases.close.outcomeMissing') : undefined,
      },
    );
  }

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="status-wijzigen">
      <SectionHeading level={3} id="status-wijzigen">
        {t('cases.status.title')}
      </SectionHeading>
      <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
      <SelectField
        id={form.fieldId('status')}
        label={t('cases.status.label')}
        value={status}
        onChange={(event) => setStatus(event.target.value as CaseStatus)}
        options={CASE_STATUSES.map((value) => ({ value, label: labels.status(value) }))}
        error={form.fieldErrors.status}
      />
      {closing && (
        <>
          <p className="nl-paragraph">{t('cases.close.intro')}</p>
          <SelectField
            id={form.fieldId('category')}
            label={t('cases.classification.category')}
            value={category}
            onChange={(event) => setCategory(event.target.value)}
            options={[
              { value: '', label: t('cases.choose') },
              ...(classification?.categories ?? []).map((item) => ({ value: item.code, label: item.label })),
            ]}
            error={form.fieldErrors.category}
          />
          <SelectField
            id={form.fieldId('outcome')}
            label={t('cases.close.outcome')}
            value={outcome}
            onChange={(event) => setOutcome(event.target.value)}
            options={[
              { value: '', label: t('cases.choose') },
              ...(classification?.outcomes ?? []).map((item) => ({ value: item.code, label: item.label })),
            ]}
            error={form.fieldErrors.outcome}
          />
        </>
      )}
      <ButtonGroup>
        <Button type="submit" busy={form.busy}>
          {closing ? t('cases.close.submit') : t('cases.status.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

function ClassificationForm({ detail, onChanged, classification }: WithClassification) {
  const t = useTranslate();
  const form = useApiForm(['category', 'subcategory'] as const);
  const [category, setCategory] = useState(detail.category ?? '');
  const [subcategory, setSubcategory] = useState(detail.subcategory ?? '');
  useEffect(() => setCategory(detail.category ?? ''), [detail.category]);
  useEffect(() => setSubcategory(detail.subcategory ?? ''), [detail.subcategory]);
  const subcategories = classification?.categories.find((item) => item.code === category)?.subcategories ?? [];

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void form.submit(
      async () =>
        onChanged(await saveClassification(detail.id, category, subcategory || null), t('cases.classification.saved')),
      { category: category ? undefined : t('cases.close.categoryMissing') },
    );
  }

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="classificatie">
      <SectionHeading level={3} id="classificatie">
        {t('cases.classification.title')}
      </SectionHeading>
      <p className="nl-paragraph">{t('cases.classification.intro')}</p>
      <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
      <SelectField
        id={form.fieldId('category')}
        label={t('cases.classification.category')}
        value={category}
        onChange={(event) => {
          setCategory(event.target.value);
          setSubcategory('');
        }}
        options={[
          { value: '', label: t('cases.choose') },
          ...(classification?.categories ?? []).map((item) => ({ value: item.code, label: item.label })),
        ]}
        error={form.fieldErrors.category}
      />
      {subcategories.length > 0 && (
        <SelectField
          id={form.fieldId('subcategory')}
          label={t('cases.classification.subcategory')}
          value={subcategory}
          onChange={(event) => setSubcategory(event.target.value)}
          options={[
            { value: '', label: t('cases.classification.noSubcategory') },
            ...subcategories.map((item) => ({ value: item.code, label: item.label })),
          ]}
          error={form.fieldErrors.subcategory}
        />
      )}
      <ButtonGroup>
        <Button type="submit" busy={form.busy}>
          {t('cases.classification.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
