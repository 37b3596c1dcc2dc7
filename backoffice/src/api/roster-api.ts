/** The roster API: weekly pattern, exceptions, escalation chain, settings, coverage and figures. */
import type { z } from 'zod';
import type {
  exceptionRequestSchema,
  figuresSchema,
  rosterViewSchema,
  settingsRequestSchema,
  shiftSchema,
} from '../../../src/modules/roster/roster.schema.ts';
import { apiRequest } from './api-client.ts';

export type RosterView = z.infer<typeof rosterViewSchema>;
export type RosterShift = z.infer<typeof shiftSchema>;
export type RosterException = RosterView['exceptions'][number];
export type RosterMember = RosterView['team'][number];
export type RosterGap = RosterView['coverage']['periods'][number];
export type ExceptionRequest = z.input<typeof exceptionRequestSchema>;
export type RosterSettingsRequest = z.input<typeof settingsRequestSchema>;
export type RosterFigures = z.infer<typeof figuresSchema>;

const base = (code: string) => `/roster/${encodeURIComponent(code)}`;

export const fetchRoster = (code: string) => apiRequest<RosterView>('GET', base(code));
/**
 * The changes below take `coverageOverrideReason`: on an active municipality, a change that leaves
 * gaps is refused (`roster.gaps_while_active`) unless it carries a written reason.
 */
export const saveShifts = (code: string, shifts: RosterShift[], coverageOverrideReason?: string) =>
  apiRequest<RosterView>('PUT', `${base(code)}/shifts`, { body: { shifts, coverageOverrideReason } });
export const addException = (code: string, body: ExceptionRequest) =>
  apiRequest<{ id: string }>('POST', `${base(code)}/exceptions`, { body });
export const removeException = (code: string, id: string, coverageOverrideReason?: string) =>
  apiRequest<unknown>('DELETE', `${base(code)}/exceptions/${encodeURIComponent(id)}`, {
    query: { coverageOverrideReason },
  });
export const saveChain = (code: string, userIds: string[], coverageOverrideReason?: string) =>
  apiRequest<unknown>('PUT', `${base(code)}/chain`, { body: { userIds, coverageOverrideReason } });
export const saveRosterSettings = (code: string, body: RosterSettingsRequest) =>
  apiRequest<unknown>('PUT', `${base(code)}/settings`, { body });
/** The national coordinator's permission to be active despite gaps; null withdraws it. */
export const setCoverageOverride = (code: string, reason: string | null) =>
  apiRequest<unknown>('PUT', `${base(code)}/coverage-override`, { body: { reason } });
export const fetchFigures = (code: string) => apiRequest<RosterFigures>('GET', `${base(code)}/figures`);
