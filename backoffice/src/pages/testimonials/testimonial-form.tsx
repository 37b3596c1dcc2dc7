import { useState, type FormEvent } from 'react';
import { FormErrorAlert } from '../../components/alerts.tsx';
import { Button } from '../../components/buttons.tsx';
import { SectionHeading } from '../../components/headings.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApiForm } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { fileAsBase64 } from '../programme/programme-api.ts';
import { changeTestimonial, createTestimonial, type Testimonial, type TestimonialRequest } from './testimonials-api.ts';

const FIELDS = [
  'municipalityCode',
  'mayorName',
  'quote',
  'photo',
  'photoConsent',
  'publishFrom',
  'publishUntil',
] as const;
const MAX_QUOTE = 600;
const MAX_PHOTO = 1024 * 1024;

/** Adds a testimonial (as a draft) or changes one; a photo needs the recorded consent. */
export function TestimonialForm({
  testimonial,
  municipalities,
  onSaved,
}: {
  testimonial?: Testimonial;
  municipalities: Array<{ code: string; name: string }>;
  onSaved: (message: string) => void;
}) {
  const t = useTranslate();
  const form = useApiForm(FIELDS);
  const [municipalityCode, setMunicipalityCode] = useState(testimonial?.municipalityCode ?? '');
  const [mayorName, setMayorName] = useState(testimonial?.mayorName ?? '');
  const [quote, setQuote] = useState(testimonial?.quote ?? '');
  const [photo, setPhoto] = useState<File>();
  const [removePhoto, setRemovePhoto] = useState(false);
  const [photoConsent, setPhotoConsent] = useState(testimonial?.photoConsent ?? '');
  const [publishFrom, setPublishFrom] = useState(testimonial?.publishFrom ?? '');
  const [publishUntil, setPublishUntil] = useState(testimonial?.publishUntil ?? '');
  const headingId = `getuigenis-${testimonial?.id ?? 'nieuw'}`;
  const willHavePhoto = Boolean(photo) || (Boolean(testimonial?.hasPhoto) && !removePhoto);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors = {
      ...(municipalityCode ? {} : { municipalityCode: t('testimonials.municipalityMissing') }),
      ...(mayorName.trim().length < 2 ? { mayorName: t('testimonials.nameMissing') } : {}),
      ...(quote.trim().length < 10 || quote.length > MAX_QUOTE ? { quote: t('testimonials.quoteInvalid') } : {}),
      ...(photo && photo.size > MAX_PHOTO ? { photo: t('testimonials.photoTooBig') } : {}),
      ...(willHavePhoto && !photoConsent.trim() ? { photoConsent: t('testimonials.consentMissing') } : {}),
      ...(publishFrom ? {} : { publishFrom: t('testimonials.fromMissing') }),
      ...(publishUntil && publishFrom && publishUntil < publishFrom
        ? { publishUntil: t('testimonials.untilBeforeFrom') }
        : {}),
    };
    void form.submit(async () => {
      const request: TestimonialRequest = {
        municipalityCode,
        mayorName: mayorName.trim(),
        quote: quote.trim(),
        photoConsent: photoConsent.trim() || null,
        publishFrom,
        publishUntil: publishUntil || null,
        ...(photo ? { photo: await fileAsBase64(photo) } : removePhoto ? { photo: null } : {}),
      };
      if (testimonial) await changeTestimonial(testimonial.id, request);
      else await createTestimonial(request);
      onSaved(t(testimonial ? 'testimonials.saved' : 'testimonials.added', { name: request.mayorName }));
    }, errors);
  }

  return (
    <form className="od-card" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <SectionHeading level={testimonial ? 3 : 2} id={headingId}>
        {testimonial ? t('testimonials.editTitle', { name: testimonial.mayorName }) : t('testimonials.newTitle')}
      </SectionHeading>
      <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
      <SelectField
        id={form.fieldId('municipalityCode')}
        label={t('field.municipality')}
        value={municipalityCode}
        onChange={(event) => setMunicipalityCode(event.target.value)}
        error={form.fieldErrors.municipalityCode}
        options={[
          { value: '', label: t('testimonials.chooseMunicipality') },
          ...municipalities.map((m) => ({ value: m.code, label: m.name })),
        ]}
      />
      <TextField
        id={form.fieldId('mayorName')}
        label={t('testimonials.mayorName')}
        value={mayorName}
        onChange={(event) => setMayorName(event.target.value)}
        error={form.fieldErrors.mayorName}
        maxLength={120}
        autoComplete="off"
      />
      <TextField
        id={form.fieldId('quote')}
        label={t('testimonials.quote')}
        description={t('testimonials.quoteHint', { max: MAX_QUOTE, count: quote.length })}
        value={quote}
        onChange={(event) => setQuote(event.target.value)}
        error={form.fieldErrors.quote}
        maxLength={MAX_QUOTE}
      />
      <div className="utrecht-form-field utrecht-form-field--text utrecht-form-field--distanced">
        <div className="utrecht-form-field__label">
          <label className="utrecht-form-label" htmlFor={form.fieldId('photo')}>
            {t('testimonials.photo')}
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
            accept="image/png,image/jpeg"
            aria-describedby={form.fieldErrors.photo ? `${form.fieldId('photo')}-error` : undefined}
            onChange={(event) => setPhoto(event.target.files?.[0])}
          />
        </div>
      </div>
      {testimonial?.hasPhoto && (
        <p className="nl-paragraph">
          <label>
            <input type="checkbox" checked={removePhoto} onChange={(event) => setRemovePhoto(event.target.checked)} />{' '}
            {t('testimonials.removePhoto')}
          </label>
        </p>
      )}
      <TextField
        id={form.fieldId('photoConsent')}
        label={t('testimonials.consent')}
        description={t('testimonials.consentHint')}
        value={photoConsent}
        onChange={(event) => setPhotoConsent(event.target.value)}
        error={form.fieldErrors.photoConsent}
        maxLength={1000}
      />
      <TextField
        id={form.fieldId('publishFrom')}
        label={t('testimonials.from')}
        type="date"
        value={publishFrom}
        onChange={(event) => setPublishFrom(event.target.value)}
        error={form.fieldErrors.publishFrom}
      />
      <TextField
        id={form.fieldId('publishUntil')}
        label={t('testimonials.until')}
        description={t('testimonials.untilHint')}
        type="date"
        value={publishUntil}
        onChange={(event) => setPublishUntil(event.target.value)}
        error={form.fieldErrors.publishUntil}
      />
      <Button type="submit" appearance="primary" busy={form.busy}>
        {t(testimonial ? 'testimonials.save' : 'testimonials.add')}
      </Button>
    </form>
  );
}
