import type { PublicTestimonial } from '../modules/testimonials/testimonials.repository.ts';
import type { PageContext } from './page-context.ts';

/** The public URL of a testimonial's photo (served only while it is published and in its period). */
export function testimonialPhotoUrl(id: string): string {
  return `/getuigenissen/${id}/foto`;
}

/** Mayors' quotes as figures; text only through React, so a quote can never become markup. */
export function TestimonialCards({
  context,
  testimonials,
  headingId,
  title,
}: {
  context: PageContext;
  testimonials: PublicTestimonial[];
  headingId: string;
  title: string;
}) {
  const { t } = context;
  if (testimonials.length === 0) return null;
  return (
    <section className="od-testimonials" aria-labelledby={headingId}>
      <h2 id={headingId} className="nl-heading nl-heading--level-2">
        {title}
      </h2>
      {testimonials.map((testimonial) => (
        <figure key={testimonial.id} className="od-card od-testimonial">
          {testimonial.hasPhoto && (
            <img
              className="od-testimonial-photo"
              src={testimonialPhotoUrl(testimonial.id)}
              alt={t.t('national.testimonialPhoto', { name: testimonial.mayorName })}
              width={96}
              height={96}
            />
          )}
          <blockquote className="od-testimonial-quote">
            <p className="nl-paragraph">{testimonial.quote}</p>
          </blockquote>
          <figcaption className="nl-paragraph">
            {t.t('national.testimonialBy', {
              name: testimonial.mayorName,
              municipality: testimonial.municipalityName,
            })}
          </figcaption>
        </figure>
      ))}
    </section>
  );
}
