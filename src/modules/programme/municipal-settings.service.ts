import type { Database } from '../../db/pool.ts';
import { inTenant } from '../../db/tenant.ts';
import { apiError } from '../../http/api-errors.ts';
import { auditRoleOf, type Actor } from '../accounts/actor.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { findContactRoutes, findMunicipalityByCode } from '../municipalities/municipalities.repository.ts';
import { isDutchPhoneNumber, isEmailAddress } from './enrolment.schema.ts';
import { contrastWithWhite, decodeImage, MIN_CONTRAST } from './municipal-settings.images.ts';
import { findAppearance, upsertAppearance, upsertContactRoutes } from './municipal-settings.repository.ts';
import type { ContactRoutesInput } from './municipal-settings.schema.ts';
import { coordinatorScope } from './readiness.service.ts';

/** A logo on the child's page: PNG or JPEG up to 200 kB. */
export const LOGO_MAX_BYTES = 200 * 1024;

/** The site's languages, for the choice of languages a municipality offers. */
export interface SiteLanguages {
  available: Array<{ locale: string; name: string }>;
}

/** Everything on a municipality's settings page. */
export async function settingsOf(db: Database, actor: Actor, code: string, languages: SiteLanguages) {
  coordinatorScope(actor, code);
  const municipality = await findMunicipalityByCode(db, code);
  if (!municipality || municipality.endedOn) throw apiError('programme.unknown_municipality');
  const [contact, appearance] = await Promise.all([findContactRoutes(db, code), findAppearance(db, code)]);
  return {
    municipalityCode: code,
    municipalityName: municipality.name,
    municipalitySlug: municipality.slug,
    contact: {
      visitAddress: contact?.visitAddress ?? null,
      visitHours: contact?.visitHours ?? null,
      phone: contact?.phone ?? null,
      email: contact?.email ?? null,
      confidentialAdviserName: contact?.confidentialAdviserName ?? null,
      confidentialAdviserPhone: contact?.confidentialAdviserPhone ?? null,
      confidentialAdviserEmail: contact?.confidentialAdviserEmail ?? null,
    },
    accentColour: appearance?.accentColour ?? null,
    hasLogo: appearance?.logoType != null,
    languages: appearance?.languages ?? ['nl'],
    availableLanguages: languages.available,
  };
}

/** Saves the contact routes after checking phone numbers and e-mail addresses. */
export async function saveContactRoutes(
  db: Database,
  actor: Actor,
  code: string,
  contact: ContactRoutesInput,
  now: Date,
) {
  const scope = coordinatorScope(actor, code);
  for (const field of ['phone', 'confidentialAdviserPhone'] as const) {
    const value = contact[field];
    if (value && !isDutchPhoneNumber(value)) throw apiError('programme.phone_invalid', {}, field);
  }
  for (const field of ['email', 'confidentialAdviserEmail'] as const) {
    const value = contact[field];
    if (value && !isEmailAddress(value)) throw apiError('programme.email_invalid', {}, field);
  }
  await inTenant(db, scope, async (tx) => {
    await upsertContactRoutes(tx, code, contact, now);
    await appendAudit(tx, audit(actor, code, 'settings.contact_routes_changed'));
  });
}

/**
 * Saves the accent colour and languages. A colour with less than 4.5:1 contrast against white is
 * refused with its ratio (links and buttons in that colour must stay readable).
 */
export async function saveAppearance(
  db: Database,
  actor: Actor,
  code: string,
  input: { accentColour: string | null; languages: string[] },
  languages: SiteLanguages,
  now: Date,
) {
  const scope = coordinatorScope(actor, code);
  const colour = input.accentColour?.toLowerCase() ?? null;
  if (colour) {
    const ratio = contrastWithWhite(colour);
    if (ratio < MIN_CONTRAST) {
      throw apiError(
        'programme.contrast_too_low',
        { ratio: (Math.floor(ratio * 100) / 100).toFixed(2) },
        'accentColour',
      );
    }
  }
  const known = new Set(languages.available.map((language) => language.locale));
  if (input.languages.some((locale) => !known.has(locale)))
    throw apiError('programme.language_unknown', {}, 'languages');
  const chosen = ['nl', ...new Set(input.languages.filter((locale) => locale !== 'nl'))];
  await inTenant(db, scope, async (tx) => {
    await upsertAppearance(tx, code, { accentColour: colour, languages: chosen }, now);
    await appendAudit(tx, {
      ...audit(actor, code, 'settings.appearance_changed'),
      details: { accentColour: colour, languages: chosen.join(',') },
    });
  });
}

/** Replaces the logo (PNG or JPEG by its bytes, ≤ 200 kB), or removes it with `image` null. */
export async function saveLogo(db: Database, actor: Actor, code: string, image: string | null, now: Date) {
  const scope = coordinatorScope(actor, code);
  const decoded = image === null ? null : decodeImage(image, LOGO_MAX_BYTES);
  if (decoded === undefined) throw apiError('programme.logo_invalid', {}, 'image');
  await inTenant(db, scope, async (tx) => {
    await upsertAppearance(tx, code, { logo: decoded?.bytes ?? null, logoType: decoded?.type ?? null }, now);
    await appendAudit(tx, audit(actor, code, decoded ? 'settings.logo_changed' : 'settings.logo_removed'));
  });
}

/** The per-municipality stylesheet: the accent colour on links and primary buttons. */
export function accentStylesheet(colour: string | null | undefined): string {
  if (!colour || !/^#[0-9a-f]{6}$/.test(colour)) return '';
  const tokens = [
    '--basis-color-action-1-inverse-bg-default',
    '--basis-color-action-1-inverse-bg-hover',
    '--basis-color-action-1-inverse-bg-active',
    '--basis-color-action-2-color-default',
    '--basis-color-action-2-color-hover',
    '--basis-color-action-2-color-active',
  ];
  return `.voorbeeld-theme{${tokens.map((token) => `${token}:${colour}`).join(';')}}\n`;
}

function audit(actor: Actor, code: string, action: string) {
  return {
    actorUserId: actor.userId,
    actorRole: auditRoleOf(actor),
    municipalityCode: code,
    action,
    objectType: 'municipality',
    objectId: code,
  };
}
