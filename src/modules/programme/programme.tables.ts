import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { staffUsers } from '../accounts/accounts.tables.ts';
import { bytea } from '../crypto/crypto.tables.ts';
import { municipalities } from '../municipalities/municipalities.tables.ts';

/** An application to take part: submitted → e-mail verified → approved (or rejected). */
export const applicationStatus = pgEnum('application_status', ['submitted', 'email_verified', 'approved', 'rejected']);

/** A mayor's or official's application for their municipality, verified by the national coordinator. */
export const enrolmentApplications = pgTable(
  'enrolment_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityCode: varchar('municipality_code', { length: 6 })
      .notNull()
      .references(() => municipalities.code),
    applicantName: text('applicant_name').notNull(),
    applicantRole: text('applicant_role').notNull(),
    email: text('email').notNull(),
    phone: text('phone').notNull(),
    pledgeAcceptedAt: timestamp('pledge_accepted_at', { withTimezone: true }).notNull(),
    status: applicationStatus('status').notNull().default('submitted'),
    /** SHA-256 of the e-mail confirmation token (the token itself is only in the e-mail). */
    emailTokenHash: char('email_token_hash', { length: 64 }),
    emailTokenExpiresAt: timestamp('email_token_expires_at', { withTimezone: true }),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    phoneCheckNote: text('phone_check_note'),
    phoneCheckedAt: timestamp('phone_checked_at', { withTimezone: true }),
    phoneCheckedBy: uuid('phone_checked_by').references(() => staffUsers.id),
    decidedBy: uuid('decided_by').references(() => staffUsers.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('enrolment_applications_status').on(table.status, table.createdAt),
    uniqueIndex('enrolment_applications_email_token').on(table.emailTokenHash),
  ],
);

/** The readiness checklist ("logistieke ingrepen"), edited by the national coordinator. */
export const readinessItems = pgTable('readiness_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stable key for built-in items (e.g. 'sticker_on_door'); null for items the coordinator added. */
  key: text('key').unique(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  position: integer('position').notNull(),
  active: boolean('active').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A municipality's progress on one checklist item. */
export const readinessProgress = pgTable(
  'readiness_progress',
  {
    municipalityCode: varchar('municipality_code', { length: 6 })
      .notNull()
      .references(() => municipalities.code),
    itemId: uuid('item_id')
      .notNull()
      .references(() => readinessItems.id, { onDelete: 'cascade' }),
    doneAt: timestamp('done_at', { withTimezone: true }).notNull(),
    doneBy: uuid('done_by').notNull(),
    /** E.g. the date the sticker went on the door, or where the DPIA is filed. */
    note: text('note'),
    photo: bytea('photo'),
    photoType: text('photo_type'),
  },
  (table) => [
    primaryKey({ columns: [table.municipalityCode, table.itemId] }),
    foreignKey({
      name: 'readiness_progress_user_same_municipality',
      columns: [table.doneBy],
      foreignColumns: [staffUsers.id],
    }),
    check('readiness_photo_type', sql`(${table.photo} IS NULL) = (${table.photoType} IS NULL)`),
  ],
);

/** A toolkit page; its text lives in versions. */
export const toolkitPages = pgTable('toolkit_pages', {
  slug: text('slug').primaryKey(),
  position: integer('position').notNull(),
  currentVersion: integer('current_version').notNull(),
});

/** Every version of every toolkit page: who changed what, when. */
export const toolkitPageVersions = pgTable(
  'toolkit_page_versions',
  {
    slug: text('slug')
      .notNull()
      .references(() => toolkitPages.slug, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    bodyMarkdown: text('body_markdown').notNull(),
    /** Null for the versions shipped with opendeur. */
    editedBy: uuid('edited_by').references(() => staffUsers.id),
    editedAt: timestamp('edited_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.slug, table.version] })],
);

/** A sticker order moves requested → approved → shipped (or rejected). */
export const stickerOrderStatus = pgEnum('sticker_order_status', ['requested', 'approved', 'shipped', 'rejected']);

/** Printed stickers and posters ordered by a municipality. */
export const stickerOrders = pgTable(
  'sticker_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityCode: varchar('municipality_code', { length: 6 })
      .notNull()
      .references(() => municipalities.code),
    stickers: integer('stickers').notNull().default(0),
    posters: integer('posters').notNull().default(0),
    deliveryAddress: text('delivery_address').notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email').notNull(),
    status: stickerOrderStatus('status').notNull().default('requested'),
    orderedBy: uuid('ordered_by').notNull(),
    statusNote: text('status_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('sticker_orders_municipality').on(table.municipalityCode, table.createdAt),
    foreignKey({
      name: 'sticker_orders_user_same_municipality',
      columns: [table.orderedBy, table.municipalityCode],
      foreignColumns: [staffUsers.id, staffUsers.municipalityCode],
    }),
    check(
      'sticker_orders_quantity',
      sql`${table.stickers} BETWEEN 0 AND 10000 AND ${table.posters} BETWEEN 0 AND 1000
      AND ${table.stickers} + ${table.posters} > 0`,
    ),
  ],
);

/** Visits through the sticker's QR code (/g/{code}) per municipality per month: a count, nothing personal. */
export const qrVisits = pgTable(
  'qr_visits',
  {
    municipalityCode: varchar('municipality_code', { length: 6 })
      .notNull()
      .references(() => municipalities.code),
    month: date('month').notNull(),
    visits: integer('visits').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.municipalityCode, table.month] })],
);

/** A testimonial moves draft → published → withdrawn. */
export const testimonialStatus = pgEnum('testimonial_status', ['draft', 'published', 'withdrawn']);

/** A mayor's quote, shown on the national page and the municipality's page while published and in period. */
export const testimonials = pgTable(
  'testimonials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityCode: varchar('municipality_code', { length: 6 })
      .notNull()
      .references(() => municipalities.code),
    mayorName: text('mayor_name').notNull(),
    quote: text('quote').notNull(),
    photo: bytea('photo'),
    photoType: text('photo_type'),
    /** Who consented to publishing the photo, how and when (required with a photo). */
    photoConsent: text('photo_consent'),
    publishFrom: date('publish_from').notNull(),
    publishUntil: date('publish_until'),
    status: testimonialStatus('status').notNull().default('draft'),
    createdBy: uuid('created_by').references(() => staffUsers.id),
    publishedBy: uuid('published_by').references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('testimonials_published').on(table.status, table.publishFrom),
    check('testimonials_photo_consent', sql`${table.photo} IS NULL OR ${table.photoConsent} IS NOT NULL`),
    check('testimonials_photo_type', sql`(${table.photo} IS NULL) = (${table.photoType} IS NULL)`),
    check('testimonials_period', sql`${table.publishUntil} IS NULL OR ${table.publishUntil} >= ${table.publishFrom}`),
  ],
);

/** A municipality's look and languages on the child's pages. */
export const municipalityAppearance = pgTable(
  'municipality_appearance',
  {
    municipalityCode: varchar('municipality_code', { length: 6 })
      .primaryKey()
      .references(() => municipalities.code),
    /** #rrggbb; contrast ≥ 4.5:1 against white checked on save. */
    accentColour: char('accent_colour', { length: 7 }),
    logo: bytea('logo'),
    logoType: text('logo_type'),
    /** Locales offered on the municipality's page, besides Dutch. */
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`ARRAY['nl']::text[]`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('appearance_accent_colour', sql`${table.accentColour} IS NULL OR ${table.accentColour} ~ '^#[0-9a-f]{6}$'`),
    check('appearance_logo_type', sql`(${table.logo} IS NULL) = (${table.logoType} IS NULL)`),
  ],
);
