/**
 * Types of the API contract, taken from the server's zod schemas (type-only: no zod in the bundle).
 * Where the contract is silent, the SPA's assumption is written here and marked CONTRACT ASSUMPTION.
 */
import type { z } from 'zod';
import type {
  acceptInvitationRequestSchema,
  changePasswordRequestSchema,
  invitationRequestSchema,
  invitationViewSchema,
  passkeyListSchema,
  recoveryCodesViewSchema,
  sessionListSchema,
  sessionViewSchema,
  setupRequestSchema,
  signInRequestSchema,
  StaffRole,
  teamViewSchema,
  totpEnrolmentSchema,
} from '../../../src/modules/accounts/accounts.schema.ts';
import type {
  ssoMunicipalityListSchema,
  ssoSettingsRequestSchema,
  ssoSettingsViewSchema,
} from '../../../src/modules/accounts/sso.schema.ts';

export type { StaffRole };
export type SessionView = z.infer<typeof sessionViewSchema>;
export type SessionUser = SessionView['user'];
export type SetupRequest = z.input<typeof setupRequestSchema>;
export type SignInRequest = z.input<typeof signInRequestSchema>;
export type TotpEnrolment = z.infer<typeof totpEnrolmentSchema>;
export type RecoveryCodesView = z.infer<typeof recoveryCodesViewSchema>;
export type ChangePasswordRequest = z.input<typeof changePasswordRequestSchema>;
export type SessionList = z.infer<typeof sessionListSchema>;
export type ActiveSession = SessionList['sessions'][number];
export type PasskeyList = z.infer<typeof passkeyListSchema>;
export type Passkey = PasskeyList['passkeys'][number];
export type InvitationRequest = z.input<typeof invitationRequestSchema>;
export type InvitationView = z.infer<typeof invitationViewSchema>;
export type AcceptInvitationRequest = z.input<typeof acceptInvitationRequestSchema>;
export type TeamView = z.infer<typeof teamViewSchema>;
export type TeamMember = TeamView['members'][number];
export type OpenInvitation = TeamView['invitations'][number];
export type SsoMunicipalityList = z.infer<typeof ssoMunicipalityListSchema>;
export type SsoSettingsView = z.infer<typeof ssoSettingsViewSchema>;
export type SsoSettingsRequest = z.input<typeof ssoSettingsRequestSchema>;

/** GET /api/v1/municipalities (named in the brief, not in accounts.schema.ts). */
export interface MunicipalityList {
  municipalities: Array<{ code: string; name: string }>;
}

/**
 * GET /api/v1/audit (src/modules/audit/audit.routes.ts): `{ entries: [...] }`, newest first.
 * `actorDisplayName` is null for the system and for an actor out of the reader's sight (a national
 * coordinator, for a privacy officer); the page then shows the actor's id.
 */
export interface AuditEntry {
  id: number;
  occurredAt: string;
  actorUserId: string | null;
  actorDisplayName?: string | null;
  actorRole: string | null;
  municipalityCode: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  details: Record<string, string | number | boolean | null>;
}
export interface AuditList {
  entries: AuditEntry[];
}

/** The audit filters as query parameters of GET /api/v1/audit and /api/v1/audit.csv. */
export interface AuditQuery {
  from?: string;
  to?: string;
  action?: string;
  actor?: string;
}

/** GET /api/v1/audit/verify */
export interface AuditChainVerdict {
  intact: boolean;
  brokenId?: number;
  reason?: string;
}
