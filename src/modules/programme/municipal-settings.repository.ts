import { eq } from 'drizzle-orm';
import type { Database } from '../../db/pool.ts';
import type { Transaction } from '../../db/tenant.ts';
import { municipalityContactRoutes } from '../municipalities/municipalities.tables.ts';
import type { ContactRoutesInput } from './municipal-settings.schema.ts';
import { municipalityAppearance } from './programme.tables.ts';

/** Stores the contact routes (a real municipality's own: never marked as example). */
export async function upsertContactRoutes(tx: Transaction, code: string, contact: ContactRoutesInput, now: Date) {
  await tx
    .insert(municipalityContactRoutes)
    .values({ municipalityCode: code, ...contact, isExample: false, updatedAt: now })
    .onConflictDoUpdate({
      target: municipalityContactRoutes.municipalityCode,
      set: { ...contact, isExample: false, updatedAt: now },
    });
}

/** A municipality's appearance: public (the child's page shows it), so no scope is needed to read. */
export async function findAppearance(db: Database | Transaction, code: string) {
  const [row] = await db
    .select({
      accentColour: municipalityAppearance.accentColour,
      languages: municipalityAppearance.languages,
      logoType: municipalityAppearance.logoType,
      updatedAt: municipalityAppearance.updatedAt,
    })
    .from(municipalityAppearance)
    .where(eq(municipalityAppearance.municipalityCode, code));
  return row;
}

/** The logo's bytes and type. */
export async function findLogo(db: Database, code: string) {
  const [row] = await db
    .select({ logo: municipalityAppearance.logo, type: municipalityAppearance.logoType })
    .from(municipalityAppearance)
    .where(eq(municipalityAppearance.municipalityCode, code));
  return row?.logo && row.type ? { logo: row.logo, type: row.type } : undefined;
}

/** Sets part of the appearance, creating the row when the municipality has none yet. */
export async function upsertAppearance(
  tx: Transaction,
  code: string,
  set: Partial<{ accentColour: string | null; languages: string[]; logo: Buffer | null; logoType: string | null }>,
  now: Date,
) {
  await tx
    .insert(municipalityAppearance)
    .values({ municipalityCode: code, ...set, updatedAt: now })
    .onConflictDoUpdate({ target: municipalityAppearance.municipalityCode, set: { ...set, updatedAt: now } });
}
