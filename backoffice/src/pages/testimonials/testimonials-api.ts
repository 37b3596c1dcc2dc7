/** Testimonials (national coordinator): list, add, change, publish and withdraw. */
import type { z } from 'zod';
import type {
  testimonialInputSchema,
  testimonialListSchema,
} from '../../../../src/modules/testimonials/testimonials.schema.ts';
import { apiRequest } from '../../api/api-client.ts';

export type TestimonialList = z.infer<typeof testimonialListSchema>;
export type Testimonial = TestimonialList['testimonials'][number];
export type TestimonialRequest = z.input<typeof testimonialInputSchema>;

const id = (value: string) => encodeURIComponent(value);

export const fetchTestimonials = () => apiRequest<TestimonialList>('GET', '/testimonials');
export const createTestimonial = (body: TestimonialRequest) =>
  apiRequest<{ id: string }>('POST', '/testimonials', { body });
export const changeTestimonial = (testimonial: string, body: TestimonialRequest) =>
  apiRequest<unknown>('PUT', `/testimonials/${id(testimonial)}`, { body });
export const publishTestimonial = (testimonial: string) =>
  apiRequest<unknown>('POST', `/testimonials/${id(testimonial)}/publish`);
export const withdrawTestimonial = (testimonial: string) =>
  apiRequest<unknown>('POST', `/testimonials/${id(testimonial)}/withdraw`);
