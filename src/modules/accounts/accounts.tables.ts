import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  customType,
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
import { municipalities } from '../municipalities/municipalities.tables.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** What a staff member may do. A user may hold several roles, all in one municipality. */
export const staffRole = pgEnum('staff_role', [
  'national_coordinator',
  'municipal_coordinator',
  'responder',
  'front_desk',
  'privacy_officer',
]);

/** Town-hall staff and national coordinators (who belong to no municipality). */
export const staffUsers = pgTable(
  'staff_users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityCode: varchar('municipality_code', { length: 6 }).references(() => municipalities.code),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    totpSecret: text('totp_secret'),
    /** A new authenticator being set up: it replaces totp_secret only once confirmed with a code. */
    totpPendingSecret: text('totp_pending_secret'),
    totpConfirmedAt: timestamp('totp_confirmed_at', { withTimezone: true }),
    /** The last TOTP time step used, so a code cannot be used twice. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    active: boolean('active').notNull().default(true),
    locale: varchar('locale', { length: 8 }).notNull().default('nl'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('staff_users_email').on(sql`lower(${table.email})`),
    index('staff_users_municipality').on(table.municipalityCode),
  ],
);

/** Roles per user. A national coordinator has no municipality; every other role needs one. */
export const staffRoles = pgTable(
  'staff_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    municipalityCode: varchar('municipality_code', { length: 6 }).references(() => municipalities.code),
    role: staffRole('role').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.role] }),
    check('staff_roles_scope', sql`(${table.role} = 'national_coordinator') = (${table.municipalityCode} IS NULL)`),
  ],
);

/** Single-use recovery codes, stored as keyed hashes. */
export const staffRecoveryCodes = pgTable(
  'staff_recovery_codes',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    municipalityCode: varchar('municipality_code', { length: 6 }),
    codeHash: char('code_hash', { length: 64 }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.userId, table.codeHash] })],
);

/** Passkeys (WebAuthn credentials). */
export const staffPasskeys = pgTable(
  'staff_passkeys',
  {
    credentialId: text('credential_id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    municipalityCode: varchar('municipality_code', { length: 6 }),
    publicKey: bytea('public_key').notNull(),
    counter: bigint('counter', { mode: 'number' }).notNull().default(0),
    transports: text('transports')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (table) => [index('staff_passkeys_user').on(table.userId)],
);

/**
 * Sessions, stored server-side so they can be revoked. The cookie holds a random token; we keep
 * only its SHA-256. No IP address is stored.
 */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    tokenHash: char('token_hash', { length: 64 }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    municipalityCode: varchar('municipality_code', { length: 6 }),
    /** 'password' until the second factor is done, then 'full'. */
    stage: varchar('stage', { length: 16 }).notNull(),
    csrfToken: char('csrf_token', { length: 43 }).notNull(),
    /** The pending WebAuthn challenge of this session (passkey registration or sign-in), single use. */
    webauthnChallenge: text('webauthn_challenge'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [index('staff_sessions_user').on(table.userId)],
);

/** Invitations by e-mail: a single-use link, valid 72 hours. */
export const staffInvitations = pgTable(
  'staff_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: char('token_hash', { length: 64 }).notNull().unique(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    municipalityCode: varchar('municipality_code', { length: 6 }).references(() => municipalities.code),
    roles: staffRole('roles').array().notNull(),
    invitedBy: uuid('invited_by').references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (table) => [index('staff_invitations_municipality').on(table.municipalityCode)],
);

/** The one-time setup link printed at first run, to create the first national coordinator. */
export const setupTokens = pgTable('setup_tokens', {
  tokenHash: char('token_hash', { length: 64 }).primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/** Failed sign-in counters per account and per source (keyed hashes only), shared by all instances. */
export const signInThrottle = pgTable('sign_in_throttle', {
  key: char('key', { length: 64 }).primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
});

/** Random server-side keys shared by all instances (e.g. for keyed hashes of sign-in sources). */
export const serverSecrets = pgTable('server_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Single sign-on with OpenID Connect, per municipality (optional). */
export const municipalitySso = pgTable('municipality_sso', {
  municipalityCode: varchar('municipality_code', { length: 6 })
    .primaryKey()
    .references(() => municipalities.code),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  clientSecret: text('client_secret').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An OpenID Connect sign-in in flight: state, nonce and PKCE verifier, valid 10 minutes, single use. */
export const ssoLoginStates = pgTable('sso_login_states', {
  stateHash: char('state_hash', { length: 64 }).primaryKey(),
  municipalityCode: varchar('municipality_code', { length: 6 })
    .notNull()
    .references(() => municipalities.code),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});
