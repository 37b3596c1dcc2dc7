/**
 * Single sign-on through a municipality's own identity provider (OpenID Connect): which
 * municipalities offer it (before signing in), and a coordinator's settings.
 */
import { apiRequest, apiUrl } from './api-client.ts';
import type { SsoMunicipalityList, SsoSettingsRequest, SsoSettingsView } from './contract-types.ts';

const settingsPath = (code: string) => `/municipalities/${encodeURIComponent(code)}/sso`;

/** GET /api/v1/sso/municipalities — public: the municipalities with single sign-on switched on. */
export function fetchSsoMunicipalities(): Promise<SsoMunicipalityList> {
  return apiRequest('GET', '/sso/municipalities', { unauthorizedIsAnswer: true });
}

/**
 * Where the browser goes to sign in through `code`'s identity provider: the server answers with a
 * redirect to it, so this is a full page load, not a fetch.
 */
export function ssoStartUrl(code: string): string {
  return apiUrl(`/sso/${encodeURIComponent(code)}/start`);
}

/** GET /api/v1/municipalities/{code}/sso — never the client secret itself. */
export function fetchSsoSettings(code: string): Promise<SsoSettingsView> {
  return apiRequest('GET', settingsPath(code));
}

/** PUT /api/v1/municipalities/{code}/sso — without `clientSecret` the stored one is kept. */
export function saveSsoSettings(code: string, request: SsoSettingsRequest): Promise<SsoSettingsView> {
  return apiRequest('PUT', settingsPath(code), { body: request });
}

/** DELETE /api/v1/municipalities/{code}/sso */
export function removeSsoSettings(code: string): Promise<void> {
  return apiRequest('DELETE', settingsPath(code));
}
