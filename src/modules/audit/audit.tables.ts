import { bigserial, char, index, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * The audit log: who, in which role, for which municipality, did what to which object, when.
 * Append-only (the app's role may only INSERT and SELECT) and hash-chained: each row's hash covers
 * its content and the previous row's hash, so a changed or removed row breaks the chain.
 * Never message content, never an IP address.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorRole: text('actor_role'),
    municipalityCode: varchar('municipality_code', { length: 6 }),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    details: jsonb('details').notNull(),
    previousHash: char('previous_hash', { length: 64 }).notNull(),
    hash: char('hash', { length: 64 }).notNull(),
  },
  (table) => [
    index('audit_log_municipality_time').on(table.municipalityCode, table.occurredAt),
    index('audit_log_actor').on(table.actorUserId),
  ],
);
