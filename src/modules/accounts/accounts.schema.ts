import { z } from 'zod';

/**
 * The back office's API contract for accounts, sessions, invitations and the team (JSON under
 * /api/v1). The SPA and the server both use these schemas; the OpenAPI document is generated from them.
 */

export const staffRoleSchema = z.enum([
  'national_coordinator',
  'municipal_coordinator',
  'responder',
  'front_desk',
  'privacy_officer',
]);
export type StaffRole = z.infer<typeof staffRoleSchema>;

export const municipalityCodeSchema = z.string().regex(/^GM\d{4}$/, 'must be a CBS code such as GM0363');
const email = z.string().trim().toLowerCase().email('must be an e-mail address').max(254);
const password = z.string().min(1).max(256);
const displayName = z.string().trim().min(1).max(120);
const totpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'must be 6 digits');

/** The signed-in user as the SPA sees it. `stage` 'password' means: second factor still to do. */
export const sessionViewSchema = z.object({
  user: z.object({
    id: z.string().uuid(),
    email: z.string(),
    displayName: z.string(),
    municipalityCode: z.string().nullable(),
    municipalityName: z.string().nullable(),
    roles: z.array(staffRoleSchema),
    locale: z.enum(['nl', 'en']),
  }),
  stage: z.enum(['password', 'full']),
  /** Which second factors the user has; none yet means: enrol one now. */
  secondFactors: z.object({ totp: z.boolean(), passkeys: z.number().int(), recoveryCodesLeft: z.number().int() }),
  csrfToken: z.string(),
  expiresAt: z.string(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

/** GET /api/v1/csrf → a token for the x-csrf-token header of state changes before signing in. */
export const csrfViewSchema = z.object({ csrfToken: z.string() });

/** POST /api/v1/setup — the first national coordinator, with the one-time token from the server log. */
export const setupRequestSchema = z.object({ token: z.string().min(20).max(100), email, displayName, password });

/** POST /api/v1/session — password sign-in (first step). */
export const signInRequestSchema = z.object({ email, password });

/** POST /api/v1/session/totp — second step with an authenticator code. */
export const totpRequestSchema = z.object({ code: totpCode });

/** POST /api/v1/session/recovery-code — second step with a recovery code. */
export const recoveryCodeRequestSchema = z.object({ code: z.string().trim().min(8).max(32) });

/** POST /api/v1/account/totp → start enrolment: the secret to scan. */
export const totpEnrolmentSchema = z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() });

/** POST /api/v1/account/totp/confirm — finish enrolment; answers with new recovery codes if the user had none. */
export const totpConfirmRequestSchema = z.object({ code: totpCode });
export const recoveryCodesViewSchema = z.object({ recoveryCodes: z.array(z.string()) });

/** POST /api/v1/account/password */
export const changePasswordRequestSchema = z.object({ currentPassword: password, newPassword: password });

/** GET /api/v1/account/sessions */
export const sessionListSchema = z.object({
  sessions: z.array(
    z.object({
      id: z.string(),
      current: z.boolean(),
      userAgent: z.string().nullable(),
      createdAt: z.string(),
      lastSeenAt: z.string(),
    }),
  ),
});

/** GET /api/v1/account/passkeys */
export const passkeyListSchema = z.object({
  passkeys: z.array(
    z.object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() }),
  ),
});

/** POST /api/v1/invitations */
export const invitationRequestSchema = z.object({
  email,
  displayName,
  municipalityCode: municipalityCodeSchema.nullable(),
  roles: z.array(staffRoleSchema).min(1).max(5),
});

/** GET /api/v1/invitations/{token} — what the invitation is for (without signing in). */
export const invitationViewSchema = z.object({
  email: z.string(),
  displayName: z.string(),
  municipalityName: z.string().nullable(),
  roles: z.array(staffRoleSchema),
  expiresAt: z.string(),
});

/** POST /api/v1/invitations/{token}/accept */
export const acceptInvitationRequestSchema = z.object({ password });

/** GET /api/v1/team?municipality=GM0363 */
export const teamViewSchema = z.object({
  members: z.array(
    z.object({
      id: z.string().uuid(),
      email: z.string(),
      displayName: z.string(),
      municipalityCode: z.string().nullable(),
      roles: z.array(staffRoleSchema),
      active: z.boolean(),
      secondFactor: z.boolean(),
    }),
  ),
  invitations: z.array(
    z.object({
      id: z.string().uuid(),
      email: z.string(),
      displayName: z.string(),
      roles: z.array(staffRoleSchema),
      expiresAt: z.string(),
      accepted: z.boolean(),
    }),
  ),
});

/** PUT /api/v1/team/{id}/roles */
export const rolesRequestSchema = z.object({ roles: z.array(staffRoleSchema).min(1).max(5) });

/** Every API error: a stable id to program against and a message for people. */
export const apiErrorSchema = z.object({
  error: z.object({ id: z.string(), message: z.string(), field: z.string().optional() }),
});
