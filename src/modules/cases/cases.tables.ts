import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  timestamp,
  text,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { staffUsers } from '../accounts/accounts.tables.ts';
import { frontDeskContacts } from '../alerts/alerts.tables.ts';
import { conversations } from '../conversations/conversations.tables.ts';
import { bytea } from '../crypto/crypto.tables.ts';
import { municipalities } from '../municipalities/municipalities.tables.ts';

/** Where a case stands: new → in progress → referred → follow-up → closed. */
export const caseStatus = pgEnum('case_status', ['new', 'in_progress', 'referred', 'follow_up', 'closed']);

/** How the child reached the municipality. */
export const caseOrigin = pgEnum('case_origin', ['conversation', 'walk_in', 'phone', 'manual']);

/** Whether the child agreed to a referral (recorded, with time and who recorded it, in the timeline). */
export const childConsent = pgEnum('child_consent', ['not_asked', 'given', 'refused']);

/** What a timeline entry records. */
export const caseEventKind = pgEnum('case_event_kind', [
  'created',
  'note',
  'call',
  'status',
  'assignment',
  'consent',
  'meldcode',
  'referral',
  'classification',
  'task',
  'break_glass',
  'export',
  'legal_hold',
]);

/**
 * A child's case: what the team does to get the child to safety. Its free text is encrypted under the
 * case's own key (`case_keys`), so destroying the key destroys the content (crypto-shredding).
 * Category, outcome and dates are metadata for figures and the deletion record; never content.
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey(),
    municipalityCode: varchar('municipality_code', { length: 6 })
      .notNull()
      .references(() => municipalities.code),
    origin: caseOrigin('origin').notNull(),
    /** The child's conversation; null when the case began elsewhere or the child deleted it. */
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
    frontDeskContactId: uuid('front_desk_contact_id').references(() => frontDeskContacts.id, { onDelete: 'set null' }),
    status: caseStatus('status').notNull().default('new'),
    /** A short description for the team (encrypted with the case key). */
    summary: bytea('summary'),
    /** Child Helpline International category and subcategory (codes from cases/classification.ts). */
    category: varchar('category', { length: 40 }),
    subcategory: varchar('subcategory', { length: 60 }),
    /** How the case ended (code from cases/classification.ts); set when closing. */
    outcome: varchar('outcome', { length: 40 }),
    childConsent: childConsent('child_consent').notNull().default('not_asked'),
    createdBy: uuid('created_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Anything recorded on the case; "untouched for N days" is measured from here. */
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull(),
    /** When the coordinator was told the case is untouched; cleared by any activity. */
    staleFlaggedAt: timestamp('stale_flagged_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Set on closing from the municipality's retention term; the case is destroyed after it. */
    destroyAfter: timestamp('destroy_after', { withTimezone: true }),
    /** A legal hold suspends destruction until it is lifted. */
    legalHoldSince: timestamp('legal_hold_since', { withTimezone: true }),
    legalHoldReason: text('legal_hold_reason'),
  },
  (table) => [
    unique('cases_id_municipality').on(table.id, table.municipalityCode),
    index('cases_municipality_status').on(table.municipalityCode, table.status, table.lastActivityAt),
    index('cases_destroy_after').on(table.destroyAfter),
    index('cases_conversation').on(table.conversationId),
    check('cases_closed', sql`(${table.status} = 'closed') = (${table.closedAt} IS NOT NULL)`),
  ],
);

/** Each case's own 256-bit key, wrapped by the municipality's data key. Deleting the row shreds the case. */
export const caseKeys = pgTable(
  'case_keys',
  {
    caseId: uuid('case_id').primaryKey(),
    municipalityCode: varchar('municipality_code', { length: 6 }).notNull(),
    /** format (1) ‖ data key version (4) ‖ nonce ‖ wrapped key ‖ tag. */
    wrappedKey: bytea('wrapped_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    foreignKey({
      name: 'case_keys_case_municipality',
      columns: [table.caseId, table.municipalityCode],
      foreignColumns: [cases.id, cases.municipalityCode],
    }).onDelete('cascade'),
  ],
);

/** The responders assigned to a case; with the coordinator, the only ones who see it without breaking the glass. */
export const caseAssignees = pgTable(
  'case_assignees',
  {
    caseId: uuid('case_id').notNull(),
    userId: uuid('user_id').notNull(),
    municipalityCode: varchar('municipality_code', { length: 6 }).notNull(),
    assignedBy: uuid('assigned_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.caseId, table.userId] }),
    index('case_assignees_user').on(table.userId),
    foreignKey({
      name: 'case_assignees_case_municipality',
      columns: [table.caseId, table.municipalityCode],
      foreignColumns: [cases.id, cases.municipalityCode],
    }).onDelete('cascade'),
    foreignKey({
      name: 'case_assignees_user_municipality',
      columns: [table.userId, table.municipalityCode],
      foreignColumns: [staffUsers.id, staffUsers.municipalityCode],
    }).onDelete('cascade'),
  ],
);

/**
 * The case's timeline: who did what and when. `body` is free text (encrypted with the case key);
 * `details` holds only codes and ids (status from/to, step, referral id), never content.
 */
export const caseEvents = pgTable(
  'case_events',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    municipalityCode: varchar('municipality_code', { length: 6 }).notNull(),
    kind: caseEventKind('kind').notNull(),
    actorUserId: uuid('actor_user_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    body: bytea('body'),
    details: jsonb('details').$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Insertion order: entries written in one transaction share a time and keep the order they were written in. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (table) => [
    index('case_events_case').on(table.caseId, table.createdAt),
    foreignKey({
      name: 'case_events_case_municipality',
      columns: [table.caseId, table.municipalityCode],
      foreignColumns: [cases.id, cases.municipalityCode],
    }).onDelete('cascade'),
  ],
);

/**
 * One recorded decision in a Meldcode step (1–5): the answers to the step's questions and the
 * reason (both encrypted with the case key), the decision code, who and when. Append-only: a step
 * taken again adds a row, the latest counts.
 */
export const meldcodeDecisions = pgTable(
  'meldcode_decisions',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    municipalityCode: varchar('municipality_code', { length: 6 }).notNull(),
    step: smallint('step').notNull(),
    /** JSON of the step's answers (question id → answer), encrypted. */
    answers: bytea('answers').notNull(),
    decision: varchar('decision', { length: 40 }).notNull(),
    /** Why; required where the step departs from its default (step 4: not reporting despite unsafety). */
    reason: bytea('reason'),
    /** True when this decision departs from the afwegingskader's default. */
    departsFromDefault: boolean('departs_from_default').notNull().default(false),
    decidedBy: uuid('decided_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('meldcode_decisions_case').on(table.caseId, table.step, table.decidedAt),
    check('meldcode_decisions_step', sql`${table.step} BETWEEN 1 AND 5`),
    foreignKey({
      name: 'meldcode_decisions_case_municipality',
      columns: [table.caseId, table.municipalityCode],
      foreignColumns: [cases.id, cases.municipalityCode],
    }).onDelete('cascade'),
  ],
);

/** Follow-up tasks with a due date; a reminder goes to the assignee (or the case's team) once when due. */
export const caseTasks = pgTable(
  'case_tasks',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    municipalityCode: varchar('municipality_code', { length: 6 }).notNull(),
    /** Encrypted with the case key. */
    title: bytea('title').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    assigneeUserId: uuid('assignee_user_id'),
    createdBy: uuid('created_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (table) => [
    index('case_tasks_case').on(table.caseId, table.dueAt),
    index('case_tasks_open_due')
      .on(table.dueAt)
      .where(sql`${table.doneAt} IS NULL`),
    foreignKey({
      name: 'case_tasks_case_municipality',
      columns: [table.caseId, table.municipalityCode],
      foreignColumns: [cases.id, cases.municipalityCode],
    }).onDelete('cascade'),
    foreignKey({
      name: 'case_tasks_assignee_municipality',
      columns: [table.assigneeUserId, table.municipalityCode],
      foreignColumns: [staffUsers.id, staffUsers.municipalityCode],
    }),
  ],
);

/**
 * "Break the glass": a colleague outside the case's team opens it with a written reason (encrypted
 * with the case key), for a limited time. Audited, and the coordinator is told.
 */
export const caseAccessGrants = pgTable(
  'case_access_grants',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    municipalityCode: varchar('municipality_code', { length: 6 }).notNull(),
    userId: uuid('user_id').notNull(),
    reason: bytea('reason').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('case_access_grants_case_user').on(table.caseId, table.userId, table.expiresAt),
    foreignKey({
      name: 'case_access_grants_case_municipality',
      columns: [table.caseId, table.municipalityCode],
      foreignColumns: [cases.id, cases.municipalityCode],
    }).onDelete('cascade'),
    foreignKey({
      name: 'case_access_grants_user_municipality',
      columns: [table.userId, table.municipalityCode],
      foreignColumns: [staffUsers.id, staffUsers.municipalityCode],
    }).onDelete('cascade'),
  ],
);

/** What remains of a destroyed case: metadata only (no content, no key), for accountability and figures. */
export const caseDeletions = pgTable(
  'case_deletions',
  {
    id: uuid('id').primaryKey(),
    /** The destroyed case's id (no foreign key: the case is gone). */
    caseId: uuid('case_id').notNull(),
    municipalityCode: varchar('municipality_code', { length: 6 })
      .notNull()
      .references(() => municipalities.code),
    origin: caseOrigin('origin').notNull(),
    category: varchar('category', { length: 40 }),
    outcome: varchar('outcome', { length: 40 }),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    destroyedAt: timestamp('destroyed_at', { withTimezone: true }).notNull(),
    /** Which rule destroyed it: 'retention' (term ended). */
    rule: varchar('rule', { length: 20 }).notNull(),
  },
  (table) => [index('case_deletions_municipality').on(table.municipalityCode, table.destroyedAt)],
);

/** Per municipality: how long closed cases are kept, and when an untouched case is flagged. */
export const municipalityCaseSettings = pgTable(
  'municipality_case_settings',
  {
    municipalityCode: varchar('municipality_code', { length: 6 })
      .primaryKey()
      .references(() => municipalities.code),
    /** Months after closing for a case that was referred or reported (default 240: Jeugdwet art. 7.3.8). */
    retentionMonthsReferred: integer('retention_months_referred').notNull().default(240),
    /** Months after closing for any other case (default 60; see docs/OPERATIONS.md). */
    retentionMonthsOther: integer('retention_months_other').notNull().default(60),
    /** A case not touched for this many days is flagged to the coordinator. */
    staleAfterDays: integer('stale_after_days').notNull().default(7),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('case_settings_retention_referred', sql`${table.retentionMonthsReferred} BETWEEN 1 AND 1200`),
    check('case_settings_retention_other', sql`${table.retentionMonthsOther} BETWEEN 1 AND 1200`),
    check('case_settings_stale', sql`${table.staleAfterDays} BETWEEN 1 AND 365`),
  ],
);
