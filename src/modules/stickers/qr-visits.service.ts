import { eq } from 'drizzle-orm';
import type { Database } from '../../db/pool.ts';
import { inTenant } from '../../db/tenant.ts';
import { scopeOf, type Actor } from '../accounts/actor.ts';
import { municipalities } from '../municipalities/municipalities.tables.ts';
import { incrementQrVisits, listQrVisits } from './stickers.repository.ts';
import { requireOwnMunicipality } from './stickers.service.ts';

/**
 * Counts a visit through a sticker's QR code for the municipality the visitor lands on (after a
 * merger, the successor), in that municipality's scope. Nothing about the visitor is stored.
 */
export async function recordQrVisit(db: Database, landingSlug: string, now: Date): Promise<void> {
  const [municipality] = await db
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(eq(municipalities.slug, landingSlug));
  if (!municipality) return;
  await inTenant(db, { kind: 'municipality', code: municipality.code }, (tx) =>
    incrementQrVisits(tx, municipality.code, now),
  );
}

/** QR visits per month: a national coordinator all (or one) municipality, a municipal coordinator their own. */
export async function qrVisitFigures(db: Database, actor: Actor, municipalityCode?: string) {
  if (municipalityCode) requireOwnMunicipality(actor, municipalityCode);
  const rows = await inTenant(db, scopeOf(actor), (tx) => listQrVisits(tx, municipalityCode));
  return { rows };
}
