/** The team of a municipality (or the national coordinators): members, invitations, roles. */
import { apiRequest } from './api-client.ts';
import type { InvitationRequest, MunicipalityList, StaffRole, TeamView } from './contract-types.ts';

/** GET /api/v1/team[?municipality=GMxxxx] — without a code: the user's own team. */
export function fetchTeam(municipalityCode?: string): Promise<TeamView> {
  return apiRequest('GET', '/team', { query: { municipality: municipalityCode } });
}

/** GET /api/v1/municipalities — for the national coordinator's picker. */
export function fetchMunicipalities(): Promise<MunicipalityList> {
  return apiRequest('GET', '/municipalities');
}

/** POST /api/v1/invitations — the server e-mails the link. */
export function inviteStaffMember(request: InvitationRequest): Promise<unknown> {
  return apiRequest('POST', '/invitations', { body: request });
}

/** PUT /api/v1/team/{id}/roles */
export function changeRoles(userId: string, roles: StaffRole[]): Promise<unknown> {
  return apiRequest('PUT', `/team/${encodeURIComponent(userId)}/roles`, { body: { roles } });
}

/** POST /api/v1/team/{id}/deactivate */
export function deactivateMember(userId: string): Promise<unknown> {
  return apiRequest('POST', `/team/${encodeURIComponent(userId)}/deactivate`);
}
