import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { staffUsers } from '../accounts/accounts.tables.ts';
import { bytea } from '../crypto/crypto.tables.ts';
import { municipalities } from '../municipalities/municipalities.tables.ts';

/** What made an alert: the child online, or a child at the desk or on the phone. */
export const alertSource = pgEnum('alert_source', ['conversation', 'child_message', 'walk_in', 'phone']);

/** How one person is told. */
export const alertChannel = pgEnum('alert_channel', ['email', 'sms']);

/** How a front-desk contact came in. */
export const frontDeskContactKind = pgEnum('front_desk_contact_kind', ['walk_in', 'phone']);

/**
 * "A child is waiting": raised on a new conversation, a child's message or a front-desk contact, and
 * escalated step by step (0 on duty, 1 deputies, 2 chain, 3 national) until someone acknowledges.
 */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey(),
    municipalityCode: varchar('municipality_code', { length: 6 })
      .notNull()
      .references(() => municipalities.code),
    source: alertSource('source').notNull(),
    conversationId: uuid('conversation_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    step: integer('step').notNull().default(0),
    /** The step whose deliveries exist; below `step` (or null) means the sweep still has to send them. */
    dispatchedStep: integer('dispatched_step'),
    nextEscalationAt: timestamp('next_escalation_at', { withTimezone: true }).notNull(),
    exhaustedAt: timestamp('exhausted_at', { withTimezone: true }),
    /**
     * Shared by every child who writes online while it runs (not acknowledged, not exhausted): at most
     * one such alert per municipality. False for the front desk's alerts and for alerts from before.
     */
    grouped: boolean('grouped').notNull().default(false),
  },
  (table) => [
    index('alerts_due').on(table.nextEscalationAt),
    index('alerts_municipality_open').on(table.municipalityCode, table.createdAt),
    // A child's message looks for the running grouped alert to join; a second one cannot be inserted.
    uniqueIndex('alerts_grouped_running')
      .on(table.municipalityCode)
      .where(sql`${table.grouped} AND ${table.acknowledgedAt} IS NULL AND ${table.exhaustedAt} IS NULL`),
  ],
);

/** One message to one person for one step; the idempotency key makes a second insert or send a no-op. */
export const alertDeliveries = pgTable(
  'alert_deliveries',
  {
    id: uuid('id').primaryKey(),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => alerts.id, { onDelete: 'cascade' }),
    municipalityCode: varchar('municipality_code', { length: 6 }).notNull(),
    step: integer('step').notNull(),
    /** Null for an address that is no staff account (a configured national address). */
    userId: uuid('user_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    channel: alertChannel('channel').notNull(),
    /** E-mail address or phone number, kept only as long as the alert. */
    address: text('address').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    /** An instance has taken the send until this moment; after it, another may try again. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** SHA-256 of the one-click acknowledgement token in the e-mail (e-mail deliveries only). */
    ackTokenHash: bytea('ack_token_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('alert_deliveries_idempotency').on(table.idempotencyKey),
    uniqueIndex('alert_deliveries_ack_token').on(table.ackTokenHash),
    index('alert_deliveries_alert').on(table.alertId),
  ],
);

/** A child at the desk or on the phone, registered by staff; the short note is encrypted. */
export const frontDeskContacts = pgTable('front_desk_contacts', {
  id: uuid('id').primaryKey(),
  municipalityCode: varchar('municipality_code', { length: 6 })
    .notNull()
    .references(() => municipalities.code),
  kind: frontDeskContactKind('kind').notNull(),
  note: bytea('note'),
  registeredBy: uuid('registered_by').references(() => staffUsers.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
