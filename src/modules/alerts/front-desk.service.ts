import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { inTenant } from '../../db/tenant.ts';
import { apiError } from '../../http/api-errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { auditRoleOf } from '../accounts/actor.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { createFrontDeskCase } from '../cases/case-create.service.ts';
import { listResponders } from '../conversations/conversations.repository.ts';
import { encryptField } from '../crypto/index.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { onDutyInTx } from '../roster/roster.service.ts';
import { dispatchAlert, insertAlertInTransaction, type AlertDeps } from './alerts.service.ts';

/** The front desk ("Kind aan de balie"): who is on duty now, and registering a child at the desk or on the phone. */

const DESK_ROLES = new Set(['front_desk', 'responder', 'municipal_coordinator']);

/** The actor's municipality, when they may use the front desk screen. */
function deskMunicipality(actor: Actor): string {
  if (!actor.municipalityCode || !actor.roles.some((role) => DESK_ROLES.has(role))) throw apiError('auth.forbidden');
  return actor.municipalityCode;
}

/** Who to reach now: the people on duty, else their deputies, else the chain (name and phone). */
export async function frontDeskView(deps: AlertDeps, actor: Actor, now: Date) {
  const code = deskMunicipality(actor);
  const { roster, reach } = await inTenant(deps.db, { kind: 'municipality', code }, async (tx) => {
    const roster = await onDutyInTx(tx, code, now);
    const reach = roster.onDuty.length ? roster.onDuty : roster.deputies.length ? roster.deputies : roster.chain;
    // No roster at all: the alert goes to the whole team (see alerts.service.ts), so the desk sees them.
    return {
      roster,
      reach: reach.length > 0 ? reach : (await listResponders(tx, code)).map((p) => ({ ...p, phone: null })),
    };
  });
  return {
    onDuty: reach.map((person) => ({ displayName: person.displayName, phone: person.phone ?? null })),
    fallback: roster.onDuty.length === 0,
  };
}

/**
 * Registers a walk-in or phone contact (the short note encrypted, the registration audited), opens
 * its case (no assignee yet) and raises the alert in the same transaction; its first step is sent
 * after the commit. Whoever acknowledges the alert becomes the case's assignee.
 */
export async function registerFrontDeskContact(
  deps: AlertDeps & { keyring: Keyring },
  actor: Actor,
  input: { kind: 'walk_in' | 'phone'; note?: string },
  now: Date,
): Promise<{ alertId: string; caseId: string }> {
  const code = deskMunicipality(actor);
  const id = randomUUID();
  const { alertId, caseId } = await inTenant(deps.db, { kind: 'municipality', code }, async (tx) => {
    const note = input.note
      ? await encryptField(
          deps.keyring,
          tx,
          { municipalityCode: code, table: 'front_desk_contacts', recordId: id, column: 'note' },
          input.note,
        )
      : null;
    await tx.execute(sql`
      INSERT INTO front_desk_contacts (id, municipality_code, kind, note, registered_by, created_at)
      VALUES (${id}::uuid, ${code}, ${input.kind}::front_desk_contact_kind, ${note}, ${actor.userId}::uuid, ${now})`);
    await appendAudit(tx, {
      actorUserId: actor.userId,
      actorRole: auditRoleOf(actor),
      municipalityCode: code,
      action: 'front_desk.contact_registered',
      objectType: 'front_desk_contact',
      objectId: id,
      details: { kind: input.kind },
    });
    const caseId = await createFrontDeskCase(deps.keyring, tx, actor, {
      municipalityCode: code,
      contactId: id,
      kind: input.kind,
      note: input.note ?? null,
      now,
    });
    // The alert shares the contact's id, so acknowledging it finds the contact's case.
    return { alertId: await insertAlertInTransaction(tx, code, input.kind, null, now, id), caseId };
  });
  await dispatchAlert(deps, code, alertId, now);
  return { alertId: alertId, caseId };
}
