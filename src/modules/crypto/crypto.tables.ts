import { customType, integer, pgTable, primaryKey, timestamp, varchar } from 'drizzle-orm/pg-core';

/** PostgreSQL `bytea` as a Node Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * One municipality's data keys (envelope encryption at rest). Each key is 32 random bytes, stored only
 * wrapped (AES-256-GCM) by a version of the master key, which lives in a file outside the database.
 * Rotating the master key re-wraps these rows; the data keys themselves, and so every ciphertext, stay.
 */
export const municipalityDataKeys = pgTable(
  'municipality_data_keys',
  {
    municipalityCode: varchar('municipality_code', { length: 6 }).notNull(),
    version: integer('version').notNull(),
    /** nonce (12) ‖ encrypted key (32) ‖ tag (16). */
    wrappedKey: bytea('wrapped_key').notNull(),
    masterKeyVersion: integer('master_key_version').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.municipalityCode, table.version] })],
);
