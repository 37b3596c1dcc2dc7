import { useState } from 'react';
import { ErrorAlert, LiveRegion, Notice } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { PageHeading, SectionHeading } from '../../components/headings.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { errorText } from '../../components/error-text.ts';
import { fetchMunicipalities } from '../../api/team-api.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { TestimonialForm } from './testimonial-form.tsx';
import { fetchTestimonials, publishTestimonial, withdrawTestimonial, type Testimonial } from './testimonials-api.ts';

/** Mayors' testimonials: the national coordinator adds, changes, publishes and withdraws them. */
export function TestimonialsPage() {
  const t = useTranslate();
  const list = useApiData(fetchTestimonials, 'testimonials');
  const municipalities = useApiData(fetchMunicipalities, 'municipalities');
  const [status, setStatus] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [editing, setEditing] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const [newFormKey, setNewFormKey] = useState(0);

  const saved = (message: string) => {
    setStatus(message);
    setEditing(undefined);
    setNewFormKey((key) => key + 1);
    list.reload();
  };

  async function move(testimonial: Testimonial, action: 'publish' | 'withdraw') {
    setBusy(testimonial.id);
    setFailure(undefined);
    try {
      await (action === 'publish' ? publishTestimonial : withdrawTestimonial)(testimonial.id);
      saved(
        t(action === 'publish' ? 'testimonials.published' : 'testimonials.withdrawn', { name: testimonial.mayorName }),
      );
    } catch (error) {
      setFailure(errorText(error, t));
    } finally {
      setBusy(undefined);
    }
  }

  const options = municipalities.data?.municipalities ?? [];
  return (
    <>
      <PageHeading>{t('testimonials.title')}</PageHeading>
      <p className="nl-paragraph">{t('testimonials.intro')}</p>
      <LiveRegion>{status && <Notice type="ok">{status}</Notice>}</LiveRegion>
      {(list.error ?? failure) && <ErrorAlert>{list.error ?? failure}</ErrorAlert>}
      <section aria-labelledby="getuigenissen-lijst" className="od-sections">
        <SectionHeading level={2} id="getuigenissen-lijst">
          {t('testimonials.listTitle')}
        </SectionHeading>
        {list.data?.testimonials.length === 0 && <p className="nl-paragraph">{t('testimonials.none')}</p>}
        {list.data?.testimonials.map((testimonial) =>
          editing === testimonial.id ? (
            <TestimonialForm key={testimonial.id} testimonial={testimonial} municipalities={options} onSaved={saved} />
          ) : (
            <article key={testimonial.id} className="od-card" aria-labelledby={`getuigenis-${testimonial.id}`}>
              <SectionHeading level={3} id={`getuigenis-${testimonial.id}`}>
                {t('testimonials.cardTitle', {
                  name: testimonial.mayorName,
                  municipality: testimonial.municipalityName,
                })}
              </SectionHeading>
              <blockquote className="nl-paragraph">{testimonial.quote}</blockquote>
              <p className="nl-paragraph">
                {t(`testimonials.status.${testimonial.status}`)}
                {' · '}
                {testimonial.publishUntil
                  ? t('testimonials.period', { from: testimonial.publishFrom, until: testimonial.publishUntil })
                  : t('testimonials.periodOpen', { from: testimonial.publishFrom })}
                {' · '}
                {t(testimonial.visibleToday ? 'testimonials.visible' : 'testimonials.notVisible')}
                {testimonial.hasPhoto && ` · ${t('testimonials.hasPhoto')}`}
              </p>
              <ButtonGroup>
                <Button onClick={() => setEditing(testimonial.id)}>{t('testimonials.edit')}</Button>
                {testimonial.status === 'published' ? (
                  <Button busy={busy === testimonial.id} onClick={() => void move(testimonial, 'withdraw')}>
                    {t('testimonials.withdraw')}
                  </Button>
                ) : (
                  <Button
                    appearance="primary"
                    busy={busy === testimonial.id}
                    onClick={() => void move(testimonial, 'publish')}
                  >
                    {t('testimonials.publish')}
                  </Button>
                )}
              </ButtonGroup>
            </article>
          ),
        )}
      </section>
      <TestimonialForm key={`nieuw-${newFormKey}`} municipalities={options} onSaved={saved} />
    </>
  );
}
