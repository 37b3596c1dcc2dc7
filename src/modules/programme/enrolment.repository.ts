import { desc, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/tenant.ts';
import { municipalities } from '../municipalities/municipalities.tables.ts';
import { enrolmentApplications } from './programme.tables.ts';

/** A new application, as stored (the token only as its hash). */
export interface NewApplicationRow {
  municipalityCode: string;
  applicantName: string;
  applicantRole: string;
  email: string;
  phone: string;
  pledgeAcceptedAt: Date;
  emailTokenHash: string;
  emailTokenExpiresAt: Date;
  createdAt: Date;
}

/** Stores an application; row-level security needs the municipality's (or national) scope. */
export async function insertApplication(tx: Transaction, row: NewApplicationRow): Promise<string> {
  const [created] = await tx.insert(enrolmentApplications).values(row).returning({ id: enrolmentApplications.id });
  return created!.id;
}

const applicationColumns = {
  id: enrolmentApplications.id,
  municipalityCode: enrolmentApplications.municipalityCode,
  municipalityName: municipalities.name,
  municipalitySlug: municipalities.slug,
  participation: municipalities.participation,
  applicantName: enrolmentApplications.applicantName,
  applicantRole: enrolmentApplications.applicantRole,
  email: enrolmentApplications.email,
  phone: enrolmentApplications.phone,
  status: enrolmentApplications.status,
  createdAt: enrolmentApplications.createdAt,
  emailVerifiedAt: enrolmentApplications.emailVerifiedAt,
  phoneCheckNote: enrolmentApplications.phoneCheckNote,
  phoneCheckedAt: enrolmentApplications.phoneCheckedAt,
  decidedAt: enrolmentApplications.decidedAt,
  decisionNote: enrolmentApplications.decisionNote,
};

/** An application joined with its municipality. */
export type ApplicationRecord = Awaited<ReturnType<typeof listApplicationRows>>[number];

/** Every application the scope may see, newest first. */
export async function listApplicationRows(tx: Transaction) {
  return tx
    .select(applicationColumns)
    .from(enrolmentApplications)
    .innerJoin(municipalities, eq(municipalities.code, enrolmentApplications.municipalityCode))
    .orderBy(desc(enrolmentApplications.createdAt));
}

/** One application, locked for the decision being made on it. */
export async function findApplicationForUpdate(tx: Transaction, id: string): Promise<ApplicationRecord | undefined> {
  const [row] = await tx
    .select(applicationColumns)
    .from(enrolmentApplications)
    .innerJoin(municipalities, eq(municipalities.code, enrolmentApplications.municipalityCode))
    .where(eq(enrolmentApplications.id, id))
    .for('update', { of: enrolmentApplications });
  return row;
}

/** Changes an application's verification or decision fields. */
export async function updateApplication(
  tx: Transaction,
  id: string,
  set: Partial<typeof enrolmentApplications.$inferInsert>,
): Promise<void> {
  await tx.update(enrolmentApplications).set(set).where(eq(enrolmentApplications.id, id));
}

/** Marks the application of this token hash verified (once, before expiry); which one it was. */
export async function confirmApplicationEmail(
  tx: Transaction,
  hash: string,
  now: Date,
): Promise<{ applicationId: string; municipalityCode: string } | undefined> {
  const result = await tx.execute<{ application_id: string; municipality_code: string }>(
    sql`SELECT * FROM enrolment_confirm_email(${hash}, ${now.toISOString()}::timestamptz)`,
  );
  const row = result.rows[0];
  return row ? { applicationId: row.application_id, municipalityCode: row.municipality_code } : undefined;
}

/**
 * Moves a municipality's participation through the definer function (the app may not write the
 * registry); it checks the transaction's scope. True when the state changed.
 */
export async function setParticipation(
  tx: Transaction,
  code: string,
  state: 'enrolled' | 'active' | 'paused' | 'not_participating',
): Promise<boolean> {
  const result = await tx.execute<{ changed: boolean }>(
    sql`SELECT programme_set_participation(${code}, ${state}::participation_state) AS changed`,
  );
  return result.rows[0]?.changed === true;
}

/** The municipality's participation now, read inside the transaction. */
export async function currentParticipation(tx: Transaction, code: string): Promise<string | undefined> {
  const [row] = await tx
    .select({ participation: municipalities.participation })
    .from(municipalities)
    .where(eq(municipalities.code, code));
  return row?.participation;
}
