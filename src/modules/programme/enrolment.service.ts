import type { Database } from '../../db/pool.ts';
import { inTenant } from '../../db/tenant.ts';
import { ApiError, apiError } from '../../http/api-errors.ts';
import { auditRoleOf, type Actor } from '../accounts/actor.ts';
import { createInvitation } from '../accounts/invitations.service.ts';
import { randomToken, tokenHash } from '../accounts/secrets.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Mailer } from '../mail/mailer.ts';
import { findMunicipalityByCode } from '../municipalities/municipalities.repository.ts';
import {
  confirmApplicationEmail,
  currentParticipation,
  findApplicationForUpdate,
  insertApplication,
  listApplicationRows,
  setParticipation,
  updateApplication,
  type ApplicationRecord,
} from './enrolment.repository.ts';
import type { ApplicantRole, ApplicationInput } from './enrolment.schema.ts';

/** How long the e-mail confirmation link works. */
export const CONFIRM_TTL_MS = 72 * 60 * 60_000;

/** Where e-mails go and which address their links use. */
export interface Delivery {
  mailer: Mailer;
  baseUrl: string;
}

/**
 * Whether an e-mail address looks like one of the municipality's own. Heuristic, on purpose only a
 * warning (the national coordinator decides, after the phone check): the registrable part of the
 * domain (the label before the top-level domain, e.g. "gemeenteamsterdam" in
 * "bestuur.gemeenteamsterdam.nl"), without hyphens, must contain the municipality's slug without
 * hyphens. That covers "amsterdam.nl", "gemeenteamsterdam.nl", "gemeente-amsterdam.nl" and
 * "s-hertogenbosch.nl". It misses shared service organisations and slugs with a province suffix
 * ("bergen-nh" for bergen.nl): those are warned about and checked by phone.
 */
export function emailDomainLooksOwn(email: string, municipalitySlug: string): boolean {
  const domain = email.split('@')[1]?.toLowerCase() ?? '';
  const labels = domain.split('.').filter(Boolean);
  if (labels.length < 2) return false;
  const registrable = labels[labels.length - 2]!.replace(/-/g, '');
  const slug = municipalitySlug.toLowerCase().replace(/-/g, '');
  return slug.length > 0 && registrable.includes(slug);
}

/** What the applicant is told after submitting. */
export interface SubmittedApplication {
  municipalityName: string;
  domainWarning: boolean;
}

/**
 * Stores an application in its municipality's scope and e-mails a confirmation link (72 hours; only
 * the token's SHA-256 is stored). `confirmPath` is the confirmation page in the applicant's language.
 */
export async function submitApplication(
  db: Database,
  input: ApplicationInput,
  delivery: Delivery & { confirmPath: string },
  now: Date,
): Promise<SubmittedApplication | { kind: 'unknown_municipality' }> {
  const municipality = await findMunicipalityByCode(db, input.municipalityCode);
  if (!municipality || municipality.endedOn) return { kind: 'unknown_municipality' };
  const token = randomToken();
  await inTenant(db, { kind: 'municipality', code: municipality.code }, async (tx) => {
    const id = await insertApplication(tx, {
      municipalityCode: municipality.code,
      applicantName: input.name,
      applicantRole: input.role,
      email: input.email,
      phone: input.phone,
      pledgeAcceptedAt: now,
      emailTokenHash: tokenHash(token),
      emailTokenExpiresAt: new Date(now.getTime() + CONFIRM_TTL_MS),
      createdAt: now,
    });
    await appendAudit(tx, {
      actorUserId: null,
      actorRole: null,
      municipalityCode: municipality.code,
      action: 'enrolment.applied',
      objectType: 'enrolment_application',
      objectId: id,
      details: { role: input.role },
    });
  });
  await delivery.mailer.send({
    to: input.email,
    subject: `Bevestig uw aanmelding voor opendeur (${municipality.name})`,
    text: confirmationText(input.name, municipality.name, `${delivery.baseUrl}${delivery.confirmPath}?token=${token}`),
  });
  return { municipalityName: municipality.name, domainWarning: !emailDomainLooksOwn(input.email, municipality.slug) };
}

function confirmationText(name: string, municipality: string, link: string): string {
  return [
    `Beste ${name},`,
    '',
    `U hebt gemeente ${municipality} aangemeld voor opendeur: de burgemeester als laatste toevlucht voor kinderen.`,
    'Bevestig dat dit uw e-mailadres is. Open deze link en klik op de knop (de link werkt 72 uur):',
    link,
    '',
    'Daarna belt de landelijke coördinator u om de aanmelding te controleren.',
    'Hebt u zich niet aangemeld? Dan kunt u deze e-mail negeren.',
  ].join('\n');
}

/** Confirms the e-mail address behind a link; false when the link is unknown, used or expired. */
export async function confirmEmail(db: Database, token: string, now: Date): Promise<boolean> {
  // The definer function finds the row by its hash; the national scope lets the audit entry be written.
  return inTenant(db, { kind: 'national' }, async (tx) => {
    const confirmed = await confirmApplicationEmail(tx, tokenHash(token), now);
    if (!confirmed) return false;
    await appendAudit(tx, {
      actorUserId: null,
      actorRole: null,
      municipalityCode: confirmed.municipalityCode,
      action: 'enrolment.email_confirmed',
      objectType: 'enrolment_application',
      objectId: confirmed.applicationId,
    });
    return true;
  });
}

/** Every application, newest first, with the domain warning. National coordinators only. */
export async function listApplications(db: Database) {
  const rows = await inTenant(db, { kind: 'national' }, (tx) => listApplicationRows(tx));
  return { applications: rows.map(toView) };
}

function toView(row: ApplicationRecord) {
  return {
    id: row.id,
    municipalityCode: row.municipalityCode,
    municipalityName: row.municipalityName,
    participation: row.participation,
    applicantName: row.applicantName,
    applicantRole: row.applicantRole as ApplicantRole,
    email: row.email,
    phone: row.phone,
    status: row.status,
    domainWarning: !emailDomainLooksOwn(row.email, row.municipalitySlug),
    createdAt: row.createdAt.toISOString(),
    emailVerifiedAt: row.emailVerifiedAt?.toISOString() ?? null,
    phoneCheckNote: row.phoneCheckNote,
    phoneCheckedAt: row.phoneCheckedAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionNote: row.decisionNote,
  };
}

/** Records that the applicant was phoned and what was found, before a decision. */
export async function recordPhoneCheck(db: Database, actor: Actor, id: string, note: string, now: Date) {
  await inTenant(db, { kind: 'national' }, async (tx) => {
    const application = await openApplication(tx, id);
    await updateApplication(tx, id, { phoneCheckNote: note, phoneCheckedAt: now, phoneCheckedBy: actor.userId });
    await appendAudit(tx, entry(actor, application, 'enrolment.phone_checked'));
  });
}

/**
 * Approves a verified application (e-mail confirmed and phone checked): the municipality becomes
 * enrolled (an active or paused one keeps its state) and the applicant is invited as its coordinator.
 */
export async function approveApplication(db: Database, actor: Actor, id: string, delivery: Delivery, now: Date) {
  const application = await inTenant(db, { kind: 'national' }, async (tx) => {
    const found = await openApplication(tx, id);
    if (found.status !== 'email_verified' || !found.phoneCheckedAt) throw apiError('programme.application_not_ready');
    await updateApplication(tx, id, { status: 'approved', decidedAt: now, decidedBy: actor.userId });
    if ((await currentParticipation(tx, found.municipalityCode)) === 'not_participating') {
      await setParticipation(tx, found.municipalityCode, 'enrolled');
    }
    await appendAudit(tx, entry(actor, found, 'enrolment.approved'));
    return found;
  });
  try {
    await createInvitation(
      db,
      actor,
      {
        email: application.email,
        displayName: application.applicantName,
        municipalityCode: application.municipalityCode,
        roles: ['municipal_coordinator'],
      },
      delivery,
      now,
    );
    return { invited: true, alreadyHasAccount: false };
  } catch (error) {
    // Someone who already has an account (e.g. a second application) needs no invitation.
    if (error instanceof ApiError && error.id === 'invitation.email_taken') {
      return { invited: false, alreadyHasAccount: true };
    }
    throw error;
  }
}

/** Rejects an open application with a reason (kept for the national coordinator, not sent). */
export async function rejectApplication(db: Database, actor: Actor, id: string, reason: string, now: Date) {
  await inTenant(db, { kind: 'national' }, async (tx) => {
    const application = await openApplication(tx, id);
    await updateApplication(tx, id, {
      status: 'rejected',
      decidedAt: now,
      decidedBy: actor.userId,
      decisionNote: reason,
      emailTokenHash: null,
      emailTokenExpiresAt: null,
    });
    await appendAudit(tx, entry(actor, application, 'enrolment.rejected'));
  });
}

async function openApplication(tx: Parameters<Parameters<typeof inTenant>[2]>[0], id: string) {
  const application = await findApplicationForUpdate(tx, id);
  if (!application) throw apiError('programme.application_not_found');
  if (application.status === 'approved' || application.status === 'rejected') {
    throw apiError('programme.application_decided');
  }
  return application;
}

function entry(actor: Actor, application: ApplicationRecord, action: string) {
  return {
    actorUserId: actor.userId,
    actorRole: auditRoleOf(actor),
    municipalityCode: application.municipalityCode,
    action,
    objectType: 'enrolment_application',
    objectId: application.id,
  };
}
