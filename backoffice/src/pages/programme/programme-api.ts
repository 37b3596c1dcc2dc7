/** The programme's API: applications (national), the readiness checklist and municipal settings. */
import type { z } from 'zod';
import type { applicationListSchema } from '../../../../src/modules/programme/enrolment.schema.ts';
import type { municipalSettingsViewSchema } from '../../../../src/modules/programme/municipal-settings.schema.ts';
import type {
  readinessItemListSchema,
  readinessViewSchema,
} from '../../../../src/modules/programme/readiness.schema.ts';
import { apiRequest } from '../../api/api-client.ts';

export type ApplicationList = z.infer<typeof applicationListSchema>;
export type Application = ApplicationList['applications'][number];
export type ReadinessItems = z.infer<typeof readinessItemListSchema>;
export type ReadinessItem = ReadinessItems['items'][number];
export type ReadinessView = z.infer<typeof readinessViewSchema>;
export type MunicipalSettings = z.infer<typeof municipalSettingsViewSchema>;
export type ContactRoutes = MunicipalSettings['contact'];

const base = '/programme';
const code = (value: string) => encodeURIComponent(value);

export const fetchApplications = () => apiRequest<ApplicationList>('GET', `${base}/applications`);
export const recordPhoneCheck = (id: string, note: string) =>
  apiRequest<unknown>('POST', `${base}/applications/${code(id)}/phone-check`, { body: { note } });
export const approveApplication = (id: string) =>
  apiRequest<{ invited: boolean; alreadyHasAccount: boolean }>('POST', `${base}/applications/${code(id)}/approve`);
export const rejectApplication = (id: string, reason: string) =>
  apiRequest<unknown>('POST', `${base}/applications/${code(id)}/reject`, { body: { reason } });

export const fetchReadinessItems = () => apiRequest<ReadinessItems>('GET', `${base}/readiness-items`);
export type ItemRequest = { title: string; description: string; position: number; active: boolean };
export const createReadinessItem = (item: ItemRequest) =>
  apiRequest<{ id: string }>('POST', `${base}/readiness-items`, { body: item });
export const changeReadinessItem = (id: string, item: ItemRequest) =>
  apiRequest<unknown>('PUT', `${base}/readiness-items/${code(id)}`, { body: item });
export const fetchReadiness = (municipality: string) =>
  apiRequest<ReadinessView>('GET', `${base}/readiness/${code(municipality)}`);
export const tickReadinessItem = (municipality: string, itemId: string, body: { note?: string; photo?: string }) =>
  apiRequest<unknown>('PUT', `${base}/readiness/${code(municipality)}/items/${code(itemId)}`, { body });
export const untickReadinessItem = (municipality: string, itemId: string) =>
  apiRequest<unknown>('DELETE', `${base}/readiness/${code(municipality)}/items/${code(itemId)}`);

export const fetchSettings = (municipality: string) =>
  apiRequest<MunicipalSettings>('GET', `${base}/settings/${code(municipality)}`);
export const saveContactRoutes = (municipality: string, contact: ContactRoutes) =>
  apiRequest<unknown>('PUT', `${base}/settings/${code(municipality)}/contact`, { body: contact });
export const saveAppearance = (municipality: string, body: { accentColour: string | null; languages: string[] }) =>
  apiRequest<unknown>('PUT', `${base}/settings/${code(municipality)}/appearance`, { body });
export const saveLogo = (municipality: string, image: string) =>
  apiRequest<unknown>('PUT', `${base}/settings/${code(municipality)}/logo`, { body: { image } });

/** A chosen file as base64 (without the data: prefix), for the JSON upload. */
export function fileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve((reader.result as string).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
