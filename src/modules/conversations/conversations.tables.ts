import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { staffUsers } from '../accounts/accounts.tables.ts';
import { bytea } from '../crypto/crypto.tables.ts';
import { municipalities } from '../municipalities/municipalities.tables.ts';

/** Where a conversation stands for the team: new (nobody answered), open, waiting for the child, closed. */
export const conversationStatus = pgEnum('conversation_status', ['new', 'open', 'waiting', 'closed']);

/** How the child said we may reach them. Only `code` (the default) leaves no trace outside this site. */
export const contactPreference = pgEnum('contact_preference', ['code', 'phone', 'email']);

/** The age range a child may give (optional); ranges, never a birth date. */
export const ageRange = pgEnum('age_range', ['under_12', '12_15', '16_18', 'over_18']);

/** Who wrote a message that the child sees. Internal notes live in their own table. */
export const messageAuthor = pgEnum('message_author', ['child', 'staff']);

/**
 * One child's conversation with a municipality. The child is known only by the keyed hash of their
 * code; name and contact details are encrypted (see modules/crypto) and optional.
 */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey(),
    municipalityCode: varchar('municipality_code', { length: 6 })
      .notNull()
      .references(() => municipalities.code),
    /** HMAC-SHA256 of the normalised code, keyed from the master key file (never stored in the database). */
    codeHash: bytea('code_hash').notNull(),
    status: conversationStatus('status').notNull().default('new'),
    /** Encrypted (AES-256-GCM, AAD municipality/table/id/column); null when the child gave none. */
    childName: bytea('child_name'),
    ageRange: ageRange('age_range'),
    contactPreference: contactPreference('contact_preference').notNull().default('code'),
    /** Encrypted phone number or e-mail address; null when the preference is `code`. */
    contactDetail: bytea('contact_detail'),
    assignedUserId: uuid('assigned_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastChildMessageAt: timestamp('last_child_message_at', { withTimezone: true }).notNull().defaultNow(),
    lastStaffReplyAt: timestamp('last_staff_reply_at', { withTimezone: true }),
    /** Any message on either side; the code expires after N days without activity. */
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /**
     * The grouped alert that told the team about the child's latest message: the one running when the
     * child wrote, or the one that message raised (see alerts.repository). No foreign key: joining a
     * running alert must not lock its row, which every child writing in that municipality shares.
     */
    alertId: uuid('alert_id'),
  },
  (table) => [
    uniqueIndex('conversations_code_hash').on(table.codeHash),
    index('conversations_alert').on(table.alertId),
    unique('conversations_id_municipality').on(table.id, table.municipalityCode),
    index('conversations_inbox').on(table.municipalityCode, table.status, table.lastChildMessageAt.desc()),
    foreignKey({
      name: 'conversations_assignee_same_municipality',
      columns: [table.assignedUserId, table.municipalityCode],
      foreignColumns: [staffUsers.id, staffUsers.municipalityCode],
    }),
    check(
      'conversations_contact_detail',
      sql`(${table.contactPreference} = 'code') = (${table.contactDetail} IS NULL)`,
    ),
  ],
);

/** What the child and the team wrote to each other. The body is encrypted. */
export const conversationMessages = pgTable(
  'conversation_messages',
  {
    id: uuid('id').primaryKey(),
    conversationId: uuid('conversation_id').notNull(),
    municipalityCode: varchar('municipality_code', { length: 6 }).notNull(),
    author: messageAuthor('author').notNull(),
    /** The staff member who replied; null for the child. */
    authorUserId: uuid('author_user_id'),
    body: bytea('body').notNull(),
    /**
     * Keyed hash of the form's one-time token, so a form sent twice (reload, double tap) stores one
     * message. Null for staff replies.
     */
    submissionHash: bytea('submission_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('conversation_messages_conversation').on(table.conversationId, table.createdAt),
    uniqueIndex('conversation_messages_submission').on(table.submissionHash),
    foreignKey({
      name: 'conversation_messages_conversation_municipality',
      columns: [table.conversationId, table.municipalityCode],
      foreignColumns: [conversations.id, conversations.municipalityCode],
    }).onDelete('cascade'),
    foreignKey({
      name: 'conversation_messages_author_same_municipality',
      columns: [table.authorUserId, table.municipalityCode],
      foreignColumns: [staffUsers.id, staffUsers.municipalityCode],
    }),
    check('conversation_messages_author', sql`(${table.author} = 'staff') = (${table.authorUserId} IS NOT NULL)`),
  ],
);

/** The team's internal notes on a conversation: never shown to the child. The body is encrypted. */
export const conversationNotes = pgTable(
  'conversation_notes',
  {
    id: uuid('id').primaryKey(),
    conversationId: uuid('conversation_id').notNull(),
    municipalityCode: varchar('municipality_code', { length: 6 }).notNull(),
    authorUserId: uuid('author_user_id').notNull(),
    body: bytea('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('conversation_notes_conversation').on(table.conversationId, table.createdAt),
    foreignKey({
      name: 'conversation_notes_conversation_municipality',
      columns: [table.conversationId, table.municipalityCode],
      foreignColumns: [conversations.id, conversations.municipalityCode],
    }).onDelete('cascade'),
    foreignKey({
      name: 'conversation_notes_author_same_municipality',
      columns: [table.authorUserId, table.municipalityCode],
      foreignColumns: [staffUsers.id, staffUsers.municipalityCode],
    }),
  ],
);

/** When each staff member last read each conversation: the inbox's unread marker. */
export const conversationReads = pgTable(
  'conversation_reads',
  {
    conversationId: uuid('conversation_id').notNull(),
    userId: uuid('user_id').notNull(),
    municipalityCode: varchar('municipality_code', { length: 6 }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.conversationId, table.userId] }),
    foreignKey({
      name: 'conversation_reads_conversation_municipality',
      columns: [table.conversationId, table.municipalityCode],
      foreignColumns: [conversations.id, conversations.municipalityCode],
    }).onDelete('cascade'),
    foreignKey({
      name: 'conversation_reads_user_municipality',
      columns: [table.userId, table.municipalityCode],
      foreignColumns: [staffUsers.id, staffUsers.municipalityCode],
    }).onDelete('cascade'),
  ],
);

/** What a municipality tells a child about its answer; the roster will make it live. */
export const municipalityConversationSettings = pgTable(
  'municipality_conversation_settings',
  {
    municipalityCode: varchar('municipality_code', { length: 6 })
      .primaryKey()
      .references(() => municipalities.code),
    /** "You get an answer within … hours", shown after sending. */
    replyWithinHours: integer('reply_within_hours').notNull().default(24),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('conversation_settings_reply_hours', sql`${table.replyWithinHours} BETWEEN 1 AND 168`)],
);

/**
 * Counters for the child's side (code guesses per source and globally, messages per source, floods of
 * one text): keyed hashes and windows only — never an address or a message. Rows expire with their window.
 */
export const publicThrottle = pgTable(
  'public_throttle',
  {
    key: text('key').primaryKey(),
    count: integer('count').notNull().default(0),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('public_throttle_window').on(table.windowStartedAt)],
);
