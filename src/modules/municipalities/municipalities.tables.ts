import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  char,
  check,
  date,
  index,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';

/** Whether a municipality takes part in the programme. Only `active` shows the ways to reach the mayor. */
export const participationState = pgEnum('participation_state', ['not_participating', 'enrolled', 'active', 'paused']);

/** The CBS municipal registry, with each municipality's participation. */
export const municipalities = pgTable(
  'municipalities',
  {
    code: varchar('code', { length: 6 }).primaryKey(),
    name: text('name').notNull(),
    slug: text('slug').notNull().unique(),
    /** The name folded for search: lower case, no diacritics or punctuation. */
    searchKey: text('search_key').notNull(),
    provinceCode: varchar('province_code', { length: 4 }).notNull(),
    provinceName: text('province_name').notNull(),
    /** Set when the municipality ended (a merger); its successor takes its links and postcodes. */
    endedOn: date('ended_on'),
    successorCode: varchar('successor_code', { length: 6 }).references((): AnyPgColumn => municipalities.code),
    participation: participationState('participation').notNull().default('not_participating'),
    /** True when demo data made this municipality active; a normal start undoes it. */
    isExample: boolean('is_example').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('municipalities_code_format', sql`${table.code} ~ '^GM[0-9]{4}$'`),
    check(
      'municipalities_successor_only_when_ended',
      sql`${table.successorCode} IS NULL OR ${table.endedOn} IS NOT NULL`,
    ),
  ],
);

/** Other names people use for a municipality: "Den Bosch", "Den Haag", former municipalities. */
export const municipalityAliases = pgTable(
  'municipality_aliases',
  {
    searchKey: text('search_key').notNull(),
    label: text('label').notNull(),
    municipalityCode: varchar('municipality_code', { length: 6 })
      .notNull()
      .references(() => municipalities.code),
  },
  (table) => [primaryKey({ columns: [table.searchKey, table.municipalityCode] })],
);

/** 4-digit postcode → the municipality holding most of its addresses (CBS). */
export const postcodeAreas = pgTable(
  'postcode_areas',
  {
    pc4: char('pc4', { length: 4 }).primaryKey(),
    municipalityCode: varchar('municipality_code', { length: 6 })
      .notNull()
      .references(() => municipalities.code),
    share: numeric('share', { precision: 5, scale: 4 }).notNull(),
  },
  (table) => [index('postcode_areas_municipality').on(table.municipalityCode)],
);

/** Simplified CBS boundary of a municipality, GeoJSON geometry in WGS84. */
export const municipalityBoundaries = pgTable('municipality_boundaries', {
  municipalityCode: varchar('municipality_code', { length: 6 })
    .primaryKey()
    .references(() => municipalities.code),
  geometry: jsonb('geometry').notNull(),
});

/** How a child reaches the mayor of an active municipality. */
export const municipalityContactRoutes = pgTable('municipality_contact_routes', {
  municipalityCode: varchar('municipality_code', { length: 6 })
    .primaryKey()
    .references(() => municipalities.code),
  visitAddress: text('visit_address'),
  visitHours: text('visit_hours'),
  phone: text('phone'),
  email: text('email'),
  confidentialAdviserName: text('confidential_adviser_name'),
  confidentialAdviserPhone: text('confidential_adviser_phone'),
  confidentialAdviserEmail: text('confidential_adviser_email'),
  /** Invented details from demo data, shown with a clear "example" label. */
  isExample: boolean('is_example').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Which version of each data file was imported, so a restart skips an unchanged import. */
export const registryImports = pgTable('registry_imports', {
  dataset: text('dataset').primaryKey(),
  sha256: char('sha256', { length: 64 }).notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});
