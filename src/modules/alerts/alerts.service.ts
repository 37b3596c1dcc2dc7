import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/pool.ts';
import { inTenant, type Transaction } from '../../db/tenant.ts';
import { listResponders } from '../conversations/conversations.repository.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { Mailer } from '../mail/mailer.ts';
import { onDutyInTx, type OnDuty } from '../roster/roster.service.ts';
import {
  claimDelivery,
  escalationMinutes,
  insertAlert,
  insertDeliveries,
  raiseGroupedAlert,
  listNationalCoordinators,
  findStaffLocale,
  listStrandedDeliveries,
  lockAlert,
  lockDueAlerts,
  markDeliverySent,
  releaseDelivery,
  updateAlertStep,
  type AlertRow,
  type ClaimedDelivery,
  type NewAlert,
} from './alerts.repository.ts';
import { alertLocale, alertMail, type AlertLocale } from './alert-texts.ts';
import type { SmsGateway } from './sms-gateway.ts';

/**
 * On-call alerts. The alert row commits with what caused it; deliveries (one per person, channel and
 * step) are sent by jobs. A delivery is claimed with a lease before sending and marked sent after:
 * a second run sends nothing, and an instance that dies mid-send only lets the lease run out. The one
 * window left is "sent, then died before marking": that mail may go out twice (at-least-once).
 */

/** What raised an alert. */
export type AlertSource = 'conversation' | 'child_message' | 'walk_in' | 'phone';

/** The last step: the national coordinators. */
export const NATIONAL_STEP = 3;

/** A person to alert. */
export interface AlertRecipient {
  id: string | null;
  displayName: string;
  email: string;
  phone: string | null;
}

/** Hands deliveries to the job queue (pg-boss), or sends them at once (tests). */
export interface AlertQueue {
  enqueue(deliveries: Array<{ id: string; municipalityCode: string }>): Promise<void>;
}

/** What the alert services need. */
export interface AlertDeps {
  db: Database;
  mailer: Mailer;
  publicBaseUrl: string;
  clock?: () => Date;
  sms?: SmsGateway;
  queue?: AlertQueue;
  log?: (message: string) => void;
  /** Case keys: acknowledging a front-desk alert writes on the contact's case. */
  keyring?: Keyring;
}

const LEASE_SECONDS = 120;

const logOf = (deps: AlertDeps) => deps.log ?? ((message: string) => process.stderr.write(`${message}\n`));

/** The stored form of an acknowledgement token. */
export function ackTokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * Inserts the alert in the caller's transaction (one INSERT); call {@link dispatchAlert} after the
 * commit. An alert of its own: a child at the front desk or on the phone (children writing online
 * share one, see {@link raiseOrJoinGroupedAlert}).
 */
export async function insertAlertInTransaction(
  tx: Transaction,
  municipalityCode: string,
  source: AlertSource,
  conversationId: string | null,
  now: Date,
  id: string = randomUUID(),
): Promise<string> {
  await insertAlert(tx, { id, municipalityCode, source, conversationId, now });
  return id;
}

/** A grouped alert a child's message may raise; its id goes into the statement that stores the message. */
export function newGroupedAlert(
  municipalityCode: string,
  source: 'conversation' | 'child_message',
  conversationId: string | null,
  now: Date,
): NewAlert {
  return { id: randomUUID(), municipalityCode, source, conversationId, now };
}

/**
 * A child wrote online: every child who writes while the municipality's grouped alert runs (not
 * acknowledged, not exhausted) joins it — the person on duty is being called already, escalation
 * goes on as it was, and twenty children in ten minutes make one alert, not twenty. After an
 * acknowledgement or an exhausted chain, the next child raises a new one.
 *
 * The statement that stored the message recorded `joined` on the conversation (the repository's
 * groupedAlertIdFor): the running alert's id, or `alert.id` when none ran. Then this inserts that
 * alert and answers its id, to dispatch after the commit; undefined when the message joined a
 * running alert (nothing new to dispatch). Costs no statement when joining, one when raising.
 */
export async function raiseOrJoinGroupedAlert(
  tx: Transaction,
  alert: NewAlert & { conversationId: string },
  joined: string,
): Promise<string | undefined> {
  if (joined !== alert.id) return undefined;
  return (await raiseGroupedAlert(tx, alert)) ? alert.id : undefined;
}

/** Raises an alert in its own transaction and dispatches it (front desk, or callers without a transaction). */
export async function raiseAlert(
  deps: AlertDeps,
  municipalityCode: string,
  source: AlertSource,
  conversationId: string | null,
  now: Date,
): Promise<string | undefined> {
  const id = await inTenant(deps.db, { kind: 'municipality', code: municipalityCode }, (tx) =>
    insertAlertInTransaction(tx, municipalityCode, source, conversationId, now),
  );
  if (id) await dispatchAlert(deps, municipalityCode, id, now);
  return id;
}

/** Who gets step `step` of an alert; an empty list means "go on to the next step". */
async function recipientsFor(
  tx: Transaction,
  municipalityCode: string,
  step: number,
  rosterNow: () => Promise<OnDuty>,
): Promise<AlertRecipient[]> {
  if (step >= NATIONAL_STEP) return listNationalCoordinators(tx);
  const roster = await rosterNow();
  if (step === 0 && roster.onDuty.length + roster.deputies.length + roster.chain.length === 0) {
    // No roster yet: the whole team is told, as before rosters existed.
    const team = await listResponders(tx, municipalityCode);
    return team.map((person) => ({ id: person.id, displayName: person.displayName, email: person.email, phone: null }));
  }
  const people = step === 0 ? roster.onDuty : step === 1 ? roster.deputies : roster.chain;
  return people.map((person) => ({ ...person, phone: person.phone ?? null }));
}

/**
 * Brings one locked alert to where it should be at `now`: sends the current step if that was never
 * done, or moves on a step when its time is up; steps without anybody are skipped.
 */
async function advance(deps: AlertDeps, tx: Transaction, alert: AlertRow, now: Date, dueBy: Date | null) {
  let step = alert.step;
  if (alert.dispatchedStep !== null && alert.dispatchedStep >= step) {
    if (dueBy === null) return [];
    step += 1;
  }
  const minutes = await escalationMinutes(tx, alert.municipalityCode);
  // Looked up once for all the steps this call may walk through (empty steps are skipped at once),
  // inside this transaction: a second pooled connection while holding one could exhaust the pool.
  let roster: Promise<OnDuty> | undefined;
  const rosterNow = () => (roster ??= onDutyInTx(tx, alert.municipalityCode, now));
  for (; step <= NATIONAL_STEP; step++) {
    const recipients = await recipientsFor(tx, alert.municipalityCode, step, rosterNow);
    if (recipients.length === 0) continue;
    const deliveries = recipients.flatMap((person) => [
      { channel: 'email' as const, address: person.email, person },
      ...(deps.sms && person.phone ? [{ channel: 'sms' as const, address: person.phone, person }] : []),
    ]);
    if (!deps.sms && recipients.some((person) => person.phone))
      logOf(deps)(`alert ${alert.id}: no SMS gateway configured, SMS skipped`);
    const ids = await insertDeliveries(
      tx,
      deliveries.map((d) => ({
        id: randomUUID(),
        alertId: alert.id,
        municipalityCode: alert.municipalityCode,
        step,
        userId: d.person.id,
        channel: d.channel,
        address: d.address,
        now,
      })),
    );
    await updateAlertStep(tx, alert.id, {
      step,
      dispatchedStep: step,
      nextEscalationAt: new Date(now.getTime() + minutes * 60_000),
      exhaustedAt: null,
    });
    return ids.map((id) => ({ id, municipalityCode: alert.municipalityCode }));
  }
  await updateAlertStep(tx, alert.id, {
    step: NATIONAL_STEP,
    dispatchedStep: NATIONAL_STEP,
    nextEscalationAt: now,
    exhaustedAt: now,
  });
  logOf(deps)(`alert ${alert.id}: escalation chain exhausted without acknowledgement`);
  return [];
}

/** Sends step 0 of a fresh alert (after the commit that stored it); never rejects. */
export async function dispatchAlert(deps: AlertDeps, municipalityCode: string, alertId: string, now: Date) {
  try {
    // The national scope, as in the sweep: the last step reaches the national coordinators.
    const queued = await inTenant(deps.db, { kind: 'national' }, async (tx) => {
      const alert = await lockAlert(tx, alertId);
      if (!alert || alert.acknowledgedAt || alert.exhaustedAt) return [];
      return advance(deps, tx, alert, now, null);
    });
    await enqueue(deps, queued);
  } catch (error) {
    // The sweep sends what was not dispatched here.
    logOf(deps)(`alert ${alertId}: dispatch failed (${error instanceof Error ? error.message : 'error'})`);
  }
}

async function enqueue(deps: AlertDeps, deliveries: Array<{ id: string; municipalityCode: string }>) {
  if (deliveries.length === 0) return;
  if (deps.queue) await deps.queue.enqueue(deliveries);
  else for (const d of deliveries) await deliverAlert(deps, d.id, d.municipalityCode);
}

/**
 * The escalation sweep at `now` (the app clock): dispatches alerts never dispatched, moves unacknowledged
 * ones whose time is up to the next step, and re-enqueues deliveries whose job was lost. Safe to run
 * on several instances at once (rows are locked with SKIP LOCKED).
 */
export async function runEscalationSweep(deps: AlertDeps, now: Date): Promise<{ escalated: number }> {
  const { queued, escalated } = await inTenant(deps.db, { kind: 'national' }, async (tx) => {
    const due = await lockDueAlerts(tx, now);
    const queued: Array<{ id: string; municipalityCode: string }> = [];
    for (const alert of due) queued.push(...(await advance(deps, tx, alert, now, now)));
    queued.push(...(await listStrandedDeliveries(tx, now)));
    return { queued, escalated: due.length };
  });
  await enqueue(deps, queued);
  return { escalated };
}

/**
 * The language of the person a delivery is for: their account's, read with the claim; a national
 * coordinator's account is outside the municipality's scope, so it is looked up nationally.
 */
async function recipientLocale(deps: AlertDeps, claimed: ClaimedDelivery): Promise<AlertLocale> {
  if (claimed.locale !== null || claimed.userId === null) return alertLocale(claimed.locale);
  const userId = claimed.userId;
  return alertLocale(await inTenant(deps.db, { kind: 'national' }, (tx) => findStaffLocale(tx, userId)));
}

async function municipalityName(db: Database, code: string): Promise<string> {
  const result = await db.execute(sql`SELECT name FROM municipalities WHERE code = ${code}`);
  return (result.rows[0]?.name as string | undefined) ?? code;
}

/**
 * Sends one delivery (the 'alert.deliver' job). Rejects when sending failed, so the job is retried;
 * a delivery already sent, held by another instance, or of an acknowledged alert is left alone.
 */
export async function deliverAlert(
  deps: AlertDeps,
  deliveryId: string,
  municipalityCode: string,
): Promise<'sent' | 'skipped'> {
  const scope = { kind: 'municipality', code: municipalityCode } as const;
  const token = randomBytes(32).toString('base64url');
  const claimed = await inTenant(deps.db, scope, (tx) =>
    claimDelivery(tx, deliveryId, ackTokenHash(token), LEASE_SECONDS),
  );
  if (!claimed || claimed.acknowledged) return 'skipped';
  try {
    const name = await municipalityName(deps.db, municipalityCode);
    const link = `${deps.publicBaseUrl.replace(/\/+$/, '')}/alerts/bevestig?token=${token}`;
    const mail = alertMail(claimed.address, name, link, await recipientLocale(deps, claimed));
    if (claimed.channel === 'email') await deps.mailer.send(mail);
    else if (deps.sms) await deps.sms.send({ to: claimed.address, text: mail.text });
    else throw new Error('no SMS gateway configured');
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 200) : 'error';
    await inTenant(deps.db, scope, (tx) => releaseDelivery(tx, deliveryId, reason));
    throw error;
  }
  await inTenant(deps.db, scope, (tx) => markDeliverySent(tx, deliveryId, (deps.clock ?? (() => new Date()))()));
  return 'sent';
}
