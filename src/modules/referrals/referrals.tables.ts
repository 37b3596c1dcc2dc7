import {
  boolean,
  foreignKey,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { staffUsers } from '../accounts/accounts.tables.ts';
import { cases } from '../cases/cases.tables.ts';
import { bytea } from '../crypto/crypto.tables.ts';
import { municipalities } from '../municipalities/municipalities.tables.ts';

/** Where a case can be referred to. `directory` means a party from the municipality's own directory. */
export const referralKind = pgEnum('referral_kind', [
  'veilig_thuis_advice',
  'veilig_thuis_report',
  'police',
  'kindertelefoon',
  'wijkteam',
  'zorg_veiligheidshuis',
  'gp',
  'directory',
]);

/** prepared → sent → confirmed (the receiving party opened its link and confirmed) → feedback received. */
export const referralStatus = pgEnum('referral_status', ['prepared', 'sent', 'confirmed', 'feedback_received']);

/** A municipality's directory of parties it refers to: name, phone, e-mail, hours. */
export const referralParties = pgTable(
  'referral_parties',
  {
    id: uuid('id').primaryKey(),
    municipalityCode: varchar('municipality_code', { length: 6 })
      .notNull()
      .references(() => municipalities.code),
    name: text('name').notNull(),
    /** What kind of party this is (never `directory`). */
    kind: referralKind('kind').notNull(),
    phone: text('phone'),
    email: text('email'),
    hours: text('hours'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    unique('referral_parties_id_municipality').on(table.id, table.municipalityCode),
    index('referral_parties_municipality').on(table.municipalityCode, table.active),
  ],
);

/**
 * One referral of a case. The summary for the receiving party and their feedback are encrypted with
 * the case key. The receiving party confirms through a time-limited link; only the SHA-256 of its
 * token is stored.
 */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    municipalityCode: varchar('municipality_code', { length: 6 }).notNull(),
    kind: referralKind('kind').notNull(),
    partyId: uuid('party_id'),
    /** The receiving party as shown to the team ("Veilig Thuis", or the directory party's name). */
    recipientName: text('recipient_name').notNull(),
    summary: bytea('summary'),
    status: referralStatus('status').notNull().default('prepared'),
    linkTokenHash: bytea('link_token_hash'),
    linkExpiresAt: timestamp('link_expires_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    feedback: bytea('feedback'),
    feedbackAt: timestamp('feedback_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('referrals_link_token').on(table.linkTokenHash),
    index('referrals_case').on(table.caseId, table.createdAt),
    foreignKey({
      name: 'referrals_case_municipality',
      columns: [table.caseId, table.municipalityCode],
      foreignColumns: [cases.id, cases.municipalityCode],
    }).onDelete('cascade'),
    foreignKey({
      name: 'referrals_party_municipality',
      columns: [table.partyId, table.municipalityCode],
      foreignColumns: [referralParties.id, referralParties.municipalityCode],
    }),
  ],
);
