/** Every table, for drizzle and drizzle-kit. Each module owns its tables in `<module>.tables.ts`. */
export * from '../modules/municipalities/municipalities.tables.ts';
export * from '../modules/accounts/accounts.tables.ts';
export * from '../modules/audit/audit.tables.ts';
export * from '../modules/crypto/crypto.tables.ts';
export * from '../modules/conversations/conversations.tables.ts';
export * from '../modules/programme/programme.tables.ts';
export * from '../modules/roster/roster.tables.ts';
export * from '../modules/alerts/alerts.tables.ts';
export * from '../modules/cases/cases.tables.ts';
export * from '../modules/referrals/referrals.tables.ts';
