import { z } from 'zod';
import { municipalityCodeSchema } from './accounts.schema.ts';

/** The municipality in an SSO route's path. */
export const ssoParamsSchema = z.object({ code: municipalityCodeSchema });

/**
 * A municipality's single sign-on settings as a coordinator sets them. The client secret may be left
 * out to keep the stored one; it is needed the first time.
 */
export const ssoSettingsRequestSchema = z.object({
  issuer: z
    .string()
    .trim()
    .url('must be the identity provider address (issuer), such as https://login.gemeente.nl')
    .max(500)
    .refine((value) => !/[?#]/.test(value), 'an issuer has no query or fragment'),
  clientId: z.string().trim().min(1).max(300),
  clientSecret: z.string().min(1).max(1000).optional(),
  enabled: z.boolean(),
});
export type SsoSettingsRequest = z.infer<typeof ssoSettingsRequestSchema>;

/** The settings as a coordinator sees them: never the secret itself. */
export const ssoSettingsViewSchema = z.object({
  municipalityCode: z.string(),
  configured: z.boolean(),
  issuer: z.string().nullable(),
  clientId: z.string().nullable(),
  hasSecret: z.boolean(),
  enabled: z.boolean(),
  /** What to register at the identity provider as the redirect URI. */
  redirectUri: z.string(),
  updatedAt: z.string().nullable(),
});
export type SsoSettingsView = z.infer<typeof ssoSettingsViewSchema>;

/** The municipalities a staff member can sign in through, for the sign-in page (public). */
export const ssoMunicipalityListSchema = z.object({
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type SsoMunicipalityList = z.infer<typeof ssoMunicipalityListSchema>;

/** The identity provider's answer on the callback (RFC 6749 §4.1.2); anything else is left to openid-client. */
export const ssoCallbackQuerySchema = z
  .object({
    state: z.string().max(500).optional(),
    code: z.string().max(2000).optional(),
    error: z.string().max(200).optional(),
  })
  .passthrough();
