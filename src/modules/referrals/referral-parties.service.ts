import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { inTenant, type Transaction } from '../../db/tenant.ts';
import { apiError } from '../../http/api-errors.ts';
import { auditRoleOf, type Actor } from '../accounts/actor.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { caseMunicipalityOf, isCaseCoordinator } from '../cases/case-access.ts';
import type { CaseDeps } from '../cases/cases.types.ts';
import {
  findPartyRow,
  insertPartyRow,
  listPartyRows,
  updatePartyRow,
  type PartyFields,
  type PartyRow,
} from './referral-parties.repository.ts';
import type { PartyInput, PartyUpdate, PartyView } from './referral-parties.schema.ts';

/**
 * The municipality's directory of parties it refers to. Its responders and coordinator read it;
 * only the coordinator changes it. It holds no content about a child, so reading is not audited.
 */

const emailSchema = z.email();

/** True for an address that looks like one (name@domain.tld). */
export function isEmailAddress(value: string): boolean {
  return emailSchema.safeParse(value).success;
}

/** A phone number as people write it: digits with spaces, hyphens, dots or brackets, maybe + first. */
export function isPhoneNumber(value: string): boolean {
  return /^\+?[0-9]{3,15}$/.test(value.replace(/[\s\-.()]/g, ''));
}

function checked(input: PartyInput): PartyFields {
  if (input.phone && !isPhoneNumber(input.phone)) throw apiError('referral_party.phone_invalid', {}, 'phone');
  if (input.email && !isEmailAddress(input.email)) throw apiError('referral_party.email_invalid', {}, 'email');
  return { name: input.name, kind: input.kind, phone: input.phone, email: input.email, hours: input.hours };
}

function coordinatorOf(actor: Actor): string {
  const municipalityCode = caseMunicipalityOf(actor);
  if (!isCaseCoordinator(actor)) throw apiError('auth.forbidden');
  return municipalityCode;
}

/** The directory of the actor's municipality. */
export async function listParties(deps: Pick<CaseDeps, 'db'>, actor: Actor): Promise<{ parties: PartyView[] }> {
  const code = caseMunicipalityOf(actor);
  const rows = await inTenant(deps.db, { kind: 'municipality', code }, (tx) => listPartyRows(tx));
  return { parties: rows.map(partyView) };
}

/** Adds a party (coordinator only). Audited: 'referral_party.created'. */
export async function createParty(
  deps: Pick<CaseDeps, 'db' | 'clock'>,
  actor: Actor,
  input: PartyInput,
): Promise<PartyView> {
  const code = coordinatorOf(actor);
  const fields = checked(input);
  return inTenant(deps.db, { kind: 'municipality', code }, async (tx) => {
    const row = await insertPartyRow(tx, { ...fields, id: randomUUID(), municipalityCode: code, now: deps.clock() });
    await auditParty(tx, actor, 'referral_party.created', row.id);
    return partyView(row);
  });
}

/** Changes a party or switches it on or off (coordinator only). Audited: 'referral_party.updated'. */
export async function updateParty(
  deps: Pick<CaseDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  input: PartyUpdate,
): Promise<PartyView> {
  const code = coordinatorOf(actor);
  const fields = checked(input);
  return inTenant(deps.db, { kind: 'municipality', code }, async (tx) => {
    if (!(await findPartyRow(tx, id))) throw apiError('referral_party.not_found');
    const row = await updatePartyRow(tx, id, { ...fields, active: input.active, now: deps.clock() });
    if (!row) throw apiError('referral_party.not_found');
    await auditParty(tx, actor, 'referral_party.updated', id, { active: input.active });
    return partyView(row);
  });
}

function auditParty(tx: Transaction, actor: Actor, action: string, id: string, details: Record<string, boolean> = {}) {
  return appendAudit(tx, {
    actorUserId: actor.userId,
    actorRole: auditRoleOf(actor),
    municipalityCode: actor.municipalityCode,
    action,
    objectType: 'referral_party',
    objectId: id,
    details,
  });
}

/** The API's view of a stored party. */
export function partyView(row: PartyRow): PartyView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as PartyView['kind'],
    phone: row.phone,
    email: row.email,
    hours: row.hours,
    active: row.active,
  };
}
