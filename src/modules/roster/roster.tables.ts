import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { staffUsers } from '../accounts/accounts.tables.ts';
import { municipalities } from '../municipalities/municipalities.tables.ts';

/** A shift is either the first person to alert or their deputy. */
export const rosterRole = pgEnum('roster_role', ['on_duty', 'deputy']);

/** A staff member on the last-resort team, with the phone number the front desk and the SMS alert use. */
export const rosterMembers = pgTable(
  'roster_members',
  {
    municipalityCode: varchar('municipality_code', { length: 6 })
      .notNull()
      .references(() => municipalities.code),
    userId: uuid('user_id').notNull(),
    phone: text('phone'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.municipalityCode, table.userId] }),
    foreignKey({
      name: 'roster_members_user_same_municipality',
      columns: [table.userId, table.municipalityCode],
      foreignColumns: [staffUsers.id, staffUsers.municipalityCode],
    }).onDelete('cascade'),
  ],
);

/**
 * One shift of the weekly pattern, in Europe/Amsterdam wall-clock minutes since midnight.
 * `end_minute <= start_minute` means the shift ends on the next day (it crosses midnight).
 */
export const rosterShifts = pgTable(
  'roster_shifts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityCode: varchar('municipality_code', { length: 6 })
      .notNull()
      .references(() => municipalities.code),
    /** ISO weekday of the shift's start: 1 = Monday … 7 = Sunday. */
    weekday: smallint('weekday').notNull(),
    startMinute: smallint('start_minute').notNull(),
    endMinute: smallint('end_minute').notNull(),
    userId: uuid('user_id').notNull(),
    role: rosterRole('role').notNull().default('on_duty'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('roster_shifts_municipality').on(table.municipalityCode, table.weekday),
    foreignKey({
      name: 'roster_shifts_user_same_municipality',
      columns: [table.userId, table.municipalityCode],
      foreignColumns: [staffUsers.id, staffUsers.municipalityCode],
    }).onDelete('cascade'),
    check('roster_shifts_weekday', sql`${table.weekday} BETWEEN 1 AND 7`),
    check(
      'roster_shifts_minutes',
      sql`${table.startMinute} BETWEEN 0 AND 1439 AND ${table.endMinute} BETWEEN 0 AND 1439`,
    ),
  ],
);

/**
 * A period in Europe/Amsterdam wall-clock time (start inclusive, end exclusive) in which a person's
 * shifts go to `replacement_user_id`, or to nobody when it is null (leave, holiday).
 */
export const rosterExceptions = pgTable(
  'roster_exceptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityCode: varchar('municipality_code', { length: 6 })
      .notNull()
      .references(() => municipalities.code),
    userId: uuid('user_id').notNull(),
    replacementUserId: uuid('replacement_user_id'),
    startsLocal: timestamp('starts_local', { withTimezone: false, mode: 'string' }).notNull(),
    endsLocal: timestamp('ends_local', { withTimezone: false, mode: 'string' }).notNull(),
    reason: text('reason'),
    createdBy: uuid('created_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('roster_exceptions_municipality').on(table.municipalityCode, table.startsLocal),
    foreignKey({
      name: 'roster_exceptions_user_same_municipality',
      columns: [table.userId, table.municipalityCode],
      foreignColumns: [staffUsers.id, staffUsers.municipalityCode],
    }).onDelete('cascade'),
    foreignKey({
      name: 'roster_exceptions_replacement_same_municipality',
      columns: [table.replacementUserId, table.municipalityCode],
      foreignColumns: [staffUsers.id, staffUsers.municipalityCode],
    }).onDelete('cascade'),
    check('roster_exceptions_period', sql`${table.endsLocal} > ${table.startsLocal}`),
  ],
);

/** Who is alerted, in order, after the person on duty and their deputy (e.g. the coordinator). */
export const rosterEscalationChain = pgTable(
  'roster_escalation_chain',
  {
    municipalityCode: varchar('municipality_code', { length: 6 })
      .notNull()
      .references(() => municipalities.code),
    position: integer('position').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.municipalityCode, table.position] }),
    uniqueIndex('roster_escalation_chain_user').on(table.municipalityCode, table.userId),
    foreignKey({
      name: 'roster_escalation_chain_user_same_municipality',
      columns: [table.userId, table.municipalityCode],
      foreignColumns: [staffUsers.id, staffUsers.municipalityCode],
    }).onDelete('cascade'),
  ],
);

/** Per-municipality roster settings; office hours and visiting address live in municipality_contact_routes. */
export const rosterSettings = pgTable('roster_settings', {
  municipalityCode: varchar('municipality_code', { length: 6 })
    .primaryKey()
    .references(() => municipalities.code),
  escalationMinutes: integer('escalation_minutes').notNull().default(10),
  responseTargetMinutes: integer('response_target_minutes').notNull().default(30),
  /** An agreed fallback for the hours without a shift (e.g. "Veilig Thuis regio X na 22:00"): counts as coverage. */
  fallbackAgreed: text('fallback_agreed'),
  /** The national coordinator's explicit, audited permission to be active despite gaps. */
  coverageOverrideReason: text('coverage_override_reason'),
  coverageOverrideBy: uuid('coverage_override_by').references(() => staffUsers.id, { onDelete: 'set null' }),
  coverageOverrideAt: timestamp('coverage_override_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
