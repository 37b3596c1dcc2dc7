import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/pool.ts';
import type { Transaction } from '../../db/tenant.ts';
import { staffUsers } from '../accounts/accounts.tables.ts';
import { auditLog } from './audit.tables.ts';

/** One audit entry to append; never message content, never an IP address. */
export interface AuditEntry {
  actorUserId: string | null;
  actorRole: string | null;
  municipalityCode: string | null;
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  details?: Record<string, string | number | boolean | null>;
}

/** Appends to the hash chain inside the caller's transaction (so it commits with the action). */
export async function appendAudit(tx: Transaction | Database, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`SELECT audit_append(
    ${entry.actorUserId}::uuid, ${entry.actorRole}, ${entry.municipalityCode}, ${entry.action},
    ${entry.objectType ?? null}, ${entry.objectId ?? null}, ${JSON.stringify(entry.details ?? {})}::jsonb)`);
}

/** The first break in the chain, or undefined when it is intact. */
export async function verifyAuditChain(
  db: Database | Transaction,
): Promise<{ brokenId: number; reason: string } | undefined> {
  const result = await db.execute<{ broken_id: string; reason: string }>(
    sql`SELECT broken_id, reason FROM audit_verify()`,
  );
  const row = result.rows[0];
  return row ? { brokenId: Number(row.broken_id), reason: row.reason } : undefined;
}

/** Filters for reading the log; row-level security limits it to the reader's municipality. */
export interface AuditFilter {
  municipalityCode?: string;
  actorUserId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  limit?: number;
  beforeId?: number;
}

/**
 * Audit entries, newest first, with the actor's current name. The name comes through row-level
 * security: an actor the reader may not see (a national coordinator, for a privacy officer) has none.
 */
export async function listAudit(tx: Transaction, filter: AuditFilter) {
  const conditions: SQL[] = [];
  if (filter.municipalityCode) conditions.push(eq(auditLog.municipalityCode, filter.municipalityCode));
  if (filter.actorUserId) conditions.push(eq(auditLog.actorUserId, filter.actorUserId));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.from) conditions.push(gte(auditLog.occurredAt, filter.from));
  if (filter.to) conditions.push(lte(auditLog.occurredAt, filter.to));
  if (filter.beforeId) conditions.push(sql`${auditLog.id} < ${filter.beforeId}`);
  return tx
    .select({
      id: auditLog.id,
      occurredAt: auditLog.occurredAt,
      actorUserId: auditLog.actorUserId,
      actorDisplayName: staffUsers.displayName,
      actorRole: auditLog.actorRole,
      municipalityCode: auditLog.municipalityCode,
      action: auditLog.action,
      objectType: auditLog.objectType,
      objectId: auditLog.objectId,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(staffUsers, eq(staffUsers.id, auditLog.actorUserId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(Math.min(filter.limit ?? 100, 10_000));
}
