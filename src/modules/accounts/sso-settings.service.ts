import type { Database } from '../../db/pool.ts';
import { inTenant, type TenantScope } from '../../db/tenant.ts';
import { apiError } from '../../http/api-errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { findMunicipalityByCode } from '../municipalities/municipalities.repository.ts';
import { auditRoleOf, type Actor } from './actor.ts';
import { deleteSsoConfig, findSsoConfig, upsertSsoConfig, type SsoConfig } from './sso.repository.ts';
import type { SsoSettingsRequest, SsoSettingsView } from './sso.schema.ts';
import { discoverIssuer, issuerAllowed, ssoRedirectUri, type IssuerCache } from './sso.service.ts';

/** What saving settings needs besides the database. */
export interface SsoSettingsEnvironment {
  publicBaseUrl: string;
  issuers: IssuerCache;
  now: Date;
  /** Checks the identity provider before enabled settings are saved (tests may replace it). */
  discover?: typeof discoverIssuer;
}

/**
 * The scope a coordinator changes SSO settings in: a national coordinator any municipality, a
 * municipal coordinator only their own.
 */
async function settingsScope(db: Database, actor: Actor, municipalityCode: string): Promise<TenantScope> {
  if (!actor.roles.includes('national_coordinator') && actor.municipalityCode !== municipalityCode) {
    throw apiError('auth.forbidden');
  }
  if (!(await findMunicipalityByCode(db, municipalityCode))) throw apiError('sso.unknown_municipality');
  return { kind: 'municipality', code: municipalityCode };
}

/** A municipality's SSO settings, without the client secret. */
export async function getSsoSettings(
  db: Database,
  actor: Actor,
  municipalityCode: string,
  publicBaseUrl: string,
): Promise<SsoSettingsView> {
  const scope = await settingsScope(db, actor, municipalityCode);
  const settings = await inTenant(db, scope, (tx) => findSsoConfig(tx, municipalityCode));
  return view(municipalityCode, settings, publicBaseUrl);
}

/**
 * Creates or replaces a municipality's SSO settings. A left-out secret keeps the stored one. Enabled
 * settings are checked against the identity provider first, so a typo shows now, not at sign-in.
 */
export async function saveSsoSettings(
  db: Database,
  actor: Actor,
  municipalityCode: string,
  request: SsoSettingsRequest,
  environment: SsoSettingsEnvironment,
): Promise<SsoSettingsView> {
  const scope = await settingsScope(db, actor, municipalityCode);
  if (!issuerAllowed(request.issuer, environment.publicBaseUrl)) throw apiError('sso.issuer_insecure', {}, 'issuer');
  const existing = await inTenant(db, scope, (tx) => findSsoConfig(tx, municipalityCode));
  const clientSecret = request.clientSecret ?? existing?.clientSecret;
  if (!clientSecret) throw apiError('sso.secret_required', {}, 'clientSecret');
  if (request.enabled) {
    try {
      await (environment.discover ?? discoverIssuer)({
        issuer: request.issuer,
        clientId: request.clientId,
        clientSecret,
      });
    } catch {
      throw apiError('sso.issuer_unreachable', {}, 'issuer');
    }
  }
  const settings: SsoConfig = {
    issuer: request.issuer,
    clientId: request.clientId,
    clientSecret,
    enabled: request.enabled,
    updatedAt: environment.now,
  };
  await inTenant(db, scope, async (tx) => {
    await upsertSsoConfig(tx, municipalityCode, settings);
    await appendAudit(tx, {
      ...auditEntry(actor, municipalityCode, 'sso.configured'),
      details: { issuer: request.issuer, enabled: request.enabled, secretChanged: request.clientSecret !== undefined },
    });
  });
  environment.issuers.forget(municipalityCode);
  return view(municipalityCode, settings, environment.publicBaseUrl);
}

/** Removes a municipality's SSO settings (and any sign-in in flight). */
export async function removeSsoSettings(
  db: Database,
  actor: Actor,
  municipalityCode: string,
  issuers: IssuerCache,
): Promise<void> {
  const scope = await settingsScope(db, actor, municipalityCode);
  await inTenant(db, scope, async (tx) => {
    if (!(await deleteSsoConfig(tx, municipalityCode))) throw apiError('not_found');
    await appendAudit(tx, auditEntry(actor, municipalityCode, 'sso.removed'));
  });
  issuers.forget(municipalityCode);
}

function view(municipalityCode: string, settings: SsoConfig | undefined, publicBaseUrl: string): SsoSettingsView {
  return {
    municipalityCode,
    configured: settings !== undefined,
    issuer: settings?.issuer ?? null,
    clientId: settings?.clientId ?? null,
    hasSecret: Boolean(settings?.clientSecret),
    enabled: settings?.enabled ?? false,
    redirectUri: ssoRedirectUri(publicBaseUrl),
    updatedAt: settings?.updatedAt.toISOString() ?? null,
  };
}

function auditEntry(actor: Actor, municipalityCode: string, action: string) {
  return {
    actorUserId: actor.userId,
    actorRole: auditRoleOf(actor),
    municipalityCode,
    action,
    objectType: 'municipality',
    objectId: municipalityCode,
  };
}
