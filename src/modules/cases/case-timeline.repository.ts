import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/tenant.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { decryptOptionalCaseField, encryptCaseField } from './case-keys.ts';
import { caseEvents, cases } from './cases.tables.ts';

export type CaseEventKind = (typeof caseEvents.$inferInsert)['kind'];

/** One entry to add to a case's timeline. `text` is free text and is stored encrypted with the case key. */
export interface NewCaseEvent {
  caseId: string;
  municipalityCode: string;
  kind: CaseEventKind;
  actorUserId: string | null;
  text?: string | null;
  /** Codes and ids only (status from/to, step, referral id): never content. */
  details?: Record<string, string | number | boolean | null>;
  at: Date;
}

/**
 * Adds an entry to the timeline and marks the case as touched (which also clears an "untouched"
 * flag). Call it in the transaction of the change it records.
 */
export async function recordCaseEvent(keyring: Keyring, tx: Transaction, event: NewCaseEvent): Promise<string> {
  const id = randomUUID();
  const body = event.text
    ? await encryptCaseField(
        keyring,
        tx,
        {
          municipalityCode: event.municipalityCode,
          caseId: event.caseId,
          table: 'case_events',
          recordId: id,
          column: 'body',
        },
        event.text,
      )
    : null;
  await tx.insert(caseEvents).values({
    id,
    caseId: event.caseId,
    municipalityCode: event.municipalityCode,
    kind: event.kind,
    actorUserId: event.actorUserId,
    body,
    details: event.details ?? {},
    createdAt: event.at,
  });
  await tx
    .update(cases)
    .set({
      lastActivityAt: sql`greatest(${cases.lastActivityAt}, ${event.at.toISOString()}::timestamptz)`,
      staleFlaggedAt: null,
    })
    .where(eq(cases.id, event.caseId));
  return id;
}

/** A timeline entry, decrypted, with the actor's name. */
export interface CaseEventView {
  id: string;
  kind: CaseEventKind;
  at: Date;
  actor: { id: string; displayName: string } | null;
  text: string | null;
  details: Record<string, string | number | boolean | null>;
}

/** The case's timeline, oldest first, decrypted (the caller has checked access and audits the read). */
export async function listCaseEvents(
  keyring: Keyring,
  tx: Transaction,
  municipalityCode: string,
  caseId: string,
): Promise<CaseEventView[]> {
  const rows = await tx.execute<{
    id: string;
    kind: CaseEventKind;
    created_at: Date | string;
    actor_user_id: string | null;
    display_name: string | null;
    body: Buffer | null;
    details: Record<string, string | number | boolean | null>;
  }>(sql`
    SELECT e.id, e.kind, e.created_at, e.actor_user_id, u.display_name, e.body, e.details
      FROM case_events e LEFT JOIN staff_users u ON u.id = e.actor_user_id
     WHERE e.case_id = ${caseId}::uuid
     ORDER BY e.created_at, e.seq`);
  const views: CaseEventView[] = [];
  for (const row of rows.rows) {
    views.push({
      id: row.id,
      kind: row.kind,
      at: new Date(row.created_at),
      actor: row.actor_user_id ? { id: row.actor_user_id, displayName: row.display_name ?? '' } : null,
      text: await decryptOptionalCaseField(
        keyring,
        tx,
        { municipalityCode, caseId, table: 'case_events', recordId: row.id, column: 'body' },
        row.body,
      ),
      details: row.details,
    });
  }
  return views;
}
