import { asc, desc, eq } from 'drizzle-orm';
import type { Transaction } from '../../db/tenant.ts';
import type { PartyKind } from './referral-kinds.ts';
import { referralParties } from './referrals.tables.ts';

/** A directory party as stored. */
export type PartyRow = typeof referralParties.$inferSelect;

/** What a party holds besides its id and municipality. */
export interface PartyFields {
  name: string;
  kind: PartyKind;
  phone: string | null;
  email: string | null;
  hours: string | null;
}

/** The parties in scope (row-level security: the transaction's municipality), active first, then by name. */
export function listPartyRows(tx: Transaction): Promise<PartyRow[]> {
  return tx
    .select()
    .from(referralParties)
    .orderBy(desc(referralParties.active), asc(referralParties.name), asc(referralParties.id));
}

/** One party, or undefined. */
export async function findPartyRow(tx: Transaction, id: string): Promise<PartyRow | undefined> {
  const [row] = await tx.select().from(referralParties).where(eq(referralParties.id, id));
  return row;
}

/** Adds a party (active). */
export async function insertPartyRow(
  tx: Transaction,
  party: PartyFields & { id: string; municipalityCode: string; now: Date },
): Promise<PartyRow> {
  const [row] = await tx
    .insert(referralParties)
    .values({
      id: party.id,
      municipalityCode: party.municipalityCode,
      name: party.name,
      kind: party.kind,
      phone: party.phone,
      email: party.email,
      hours: party.hours,
      active: true,
      createdAt: party.now,
      updatedAt: party.now,
    })
    .returning();
  return row!;
}

/** Changes a party; undefined when it is not in scope. */
export async function updatePartyRow(
  tx: Transaction,
  id: string,
  party: PartyFields & { active: boolean; now: Date },
): Promise<PartyRow | undefined> {
  const [row] = await tx
    .update(referralParties)
    .set({
      name: party.name,
      kind: party.kind,
      phone: party.phone,
      email: party.email,
      hours: party.hours,
      active: party.active,
      updatedAt: party.now,
    })
    .where(eq(referralParties.id, id))
    .returning();
  return row;
}
