import { sql } from 'drizzle-orm';
import type { Transaction } from '../../db/tenant.ts';
import { ALERTS_CHANNEL } from './alert-events.ts';

/** An alert as the sweep and the dispatcher see it. */
export interface AlertRow {
  id: string;
  municipalityCode: string;
  step: number;
  dispatchedStep: number | null;
  acknowledgedAt: Date | null;
  exhaustedAt: Date | null;
}

/** One delivery to send, as the job claims it. */
export interface ClaimedDelivery {
  id: string;
  alertId: string;
  municipalityCode: string;
  channel: 'email' | 'sms';
  address: string;
  acknowledged: boolean;
  userId: string | null;
  /** The person's language; null when the scope does not show their account (a national coordinator). */
  locale: string | null;
}

/** A new delivery row (the key makes a second insert of the same one a no-op). */
export interface NewDelivery {
  id: string;
  alertId: string;
  municipalityCode: string;
  step: number;
  userId: string | null;
  channel: 'email' | 'sms';
  address: string;
  now: Date;
}

const toDate = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string));

function alertRow(row: Record<string, unknown>): AlertRow {
  return {
    id: row.id as string,
    municipalityCode: row.municipality_code as string,
    step: Number(row.step),
    dispatchedStep: row.dispatched_step === null ? null : Number(row.dispatched_step),
    acknowledgedAt: toDate(row.acknowledged_at),
    exhaustedAt: toDate(row.exhausted_at),
  };
}

/** A new alert: step 0, nothing dispatched yet, so the sweep sends it even when this instance dies before it could. */
export interface NewAlert {
  id: string;
  municipalityCode: string;
  source: string;
  conversationId: string | null;
  now: Date;
}

/** An alert raised at the front desk (a child at the desk or on the phone): always one of its own. */
export async function insertAlert(tx: Transaction, alert: NewAlert): Promise<void> {
  // Also notifies the back offices (delivered at the commit, like a trigger's).
  await tx.execute(sql`
    WITH inserted AS (
      INSERT INTO alerts (id, municipality_code, source, conversation_id, created_at, step, next_escalation_at)
      VALUES (${alert.id}::uuid, ${alert.municipalityCode}, ${alert.source}::alert_source,
        ${alert.conversationId}::uuid, ${alert.now}, 0, ${alert.now})
      RETURNING id, municipality_code)
    SELECT pg_notify(${ALERTS_CHANNEL}, municipality_code || ':' || id || ':created') FROM inserted`);
}

/**
 * The id of the municipality's running grouped alert, or else `newAlertId`, as an SQL expression
 * (`alert_running_grouped`, migration 0022): the statement that stores a child's message records it
 * on the conversation, so joining a running alert costs the write path no statement of its own. When
 * it answered `newAlertId`, raise that alert with {@link raiseGroupedAlert} in the same transaction.
 */
export const groupedAlertIdFor = (municipalityCode: string, newAlertId: string) =>
  sql`coalesce(alert_running_grouped(${municipalityCode}), ${newAlertId}::uuid)`;

/**
 * Raises a grouped alert (a child writing online) whose conversation names it already; false when
 * another child's grouped alert came first and the conversation joined that one (`alert_raise_grouped`,
 * migration 0022). The unique index `alerts_grouped_running` decides such races: in a burst of
 * children writing at once the first INSERT wins, and the others wait for its commit.
 */
export async function raiseGroupedAlert(tx: Transaction, alert: NewAlert): Promise<boolean> {
  const result = await tx.execute<{ raised: boolean }>(sql`
    SELECT alert_raise_grouped(${alert.id}::uuid, ${alert.municipalityCode}, ${alert.source}::alert_source,
      ${alert.conversationId}::uuid, ${alert.now}) AS raised`);
  return result.rows[0]?.raised === true;
}

/** Locks one alert for dispatching (another instance working on it makes this answer undefined). */
export async function lockAlert(tx: Transaction, alertId: string): Promise<AlertRow | undefined> {
  const result = await tx.execute(sql`
    SELECT * FROM alerts WHERE id = ${alertId}::uuid FOR UPDATE SKIP LOCKED`);
  return result.rows[0] ? alertRow(result.rows[0]) : undefined;
}

/** Due alerts (by the app clock), locked; other instances skip them. */
export async function lockDueAlerts(tx: Transaction, now: Date, limit = 50): Promise<AlertRow[]> {
  const result = await tx.execute(sql`
    SELECT * FROM alerts
    WHERE (next_escalation_at <= ${now} OR dispatched_step IS NULL OR dispatched_step < step)
      AND acknowledged_at IS NULL AND exhausted_at IS NULL
    ORDER BY next_escalation_at LIMIT ${limit} FOR UPDATE SKIP LOCKED`);
  return result.rows.map(alertRow);
}

/** Records the step now reached and when to escalate further (or that nobody is left). */
export async function updateAlertStep(
  tx: Transaction,
  alertId: string,
  values: { step: number; dispatchedStep: number | null; nextEscalationAt: Date; exhaustedAt: Date | null },
): Promise<void> {
  await tx.execute(sql`
    UPDATE alerts SET step = ${values.step}, dispatched_step = ${values.dispatchedStep},
      next_escalation_at = ${values.nextEscalationAt}, exhausted_at = ${values.exhaustedAt}
    WHERE id = ${alertId}::uuid`);
}

/** Inserts deliveries; ones that exist already (same key) are skipped. Answers the new ids. */
export async function insertDeliveries(tx: Transaction, deliveries: NewDelivery[]): Promise<string[]> {
  const ids: string[] = [];
  for (const d of deliveries) {
    const key = `${d.alertId}:${d.step}:${d.channel}:${d.userId ?? d.address}`;
    const result = await tx.execute(sql`
      INSERT INTO alert_deliveries (id, alert_id, municipality_code, step, user_id, channel, address,
        idempotency_key, created_at)
      VALUES (${d.id}::uuid, ${d.alertId}::uuid, ${d.municipalityCode}, ${d.step}, ${d.userId}::uuid,
        ${d.channel}::alert_channel, ${d.address}, ${key}, ${d.now})
      ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`);
    if (result.rows[0]) ids.push(result.rows[0].id as string);
  }
  return ids;
}

/**
 * Claims a delivery for sending: only when unsent and nobody holds a live claim. The lease is in
 * database time (it is about processes dying, not about the app clock tests move).
 */
export async function claimDelivery(
  tx: Transaction,
  deliveryId: string,
  ackTokenHash: Buffer | null,
  leaseSeconds: number,
): Promise<ClaimedDelivery | undefined> {
  const result = await tx.execute(sql`
    UPDATE alert_deliveries d
    SET claimed_until = now() + make_interval(secs => ${leaseSeconds}), attempts = d.attempts + 1,
      ack_token_hash = COALESCE(${ackTokenHash}, d.ack_token_hash)
    FROM alerts a
    WHERE d.id = ${deliveryId}::uuid AND a.id = d.alert_id AND d.sent_at IS NULL
      AND (d.claimed_until IS NULL OR d.claimed_until < now())
    RETURNING d.id, d.alert_id, d.municipality_code, d.channel, d.address, d.user_id,
      (a.acknowledged_at IS NOT NULL) AS acknowledged,
      (SELECT u.locale FROM staff_users u WHERE u.id = d.user_id) AS locale`);
  const row = result.rows[0];
  if (!row) return undefined;
  return {
    id: row.id as string,
    alertId: row.alert_id as string,
    municipalityCode: row.municipality_code as string,
    channel: row.channel as 'email' | 'sms',
    address: row.address as string,
    acknowledged: row.acknowledged === true,
    userId: (row.user_id as string | null) ?? null,
    locale: (row.locale as string | null) ?? null,
  };
}

/** Marks a claimed delivery as sent. */
export async function markDeliverySent(tx: Transaction, deliveryId: string, now: Date): Promise<void> {
  await tx.execute(sql`
    UPDATE alert_deliveries SET sent_at = ${now}, last_error = NULL WHERE id = ${deliveryId}::uuid`);
}

/** Gives a failed claim back at once (claimed_until = now: the last attempt's end), with the reason. */
export async function releaseDelivery(tx: Transaction, deliveryId: string, error: string): Promise<void> {
  await tx.execute(sql`
    UPDATE alert_deliveries SET claimed_until = now(), last_error = ${error} WHERE id = ${deliveryId}::uuid`);
}

/**
 * Unsent deliveries of open alerts whose job may be lost: never tried 30 s after creation (the
 * instance died before enqueueing), or last tried over 10 min ago (the job ran out of retries).
 */
export async function listStrandedDeliveries(
  tx: Transaction,
  now: Date,
): Promise<Array<{ id: string; municipalityCode: string }>> {
  const result = await tx.execute(sql`
    SELECT d.id, d.municipality_code FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id
    WHERE d.sent_at IS NULL AND a.acknowledged_at IS NULL
      AND ((d.attempts = 0 AND d.created_at < ${now}::timestamptz - interval '30 seconds')
        OR (d.attempts > 0 AND d.claimed_until < now() - interval '10 minutes'))
    LIMIT 200`);
  return result.rows.map((row) => ({ id: row.id as string, municipalityCode: row.municipality_code as string }));
}

/** A staff member's language (national scope finds national coordinators too). */
export async function findStaffLocale(tx: Transaction, userId: string): Promise<string | null> {
  const result = await tx.execute(sql`SELECT locale FROM staff_users WHERE id = ${userId}::uuid`);
  return (result.rows[0]?.locale as string | undefined) ?? null;
}

/** Active national coordinators (national scope). */
export async function listNationalCoordinators(
  tx: Transaction,
): Promise<Array<{ id: string; displayName: string; email: string; phone: string | null }>> {
  const result = await tx.execute(sql`
    SELECT u.id, u.display_name, u.email FROM staff_users u
    WHERE u.active AND EXISTS (SELECT 1 FROM staff_roles r WHERE r.user_id = u.id AND r.role = 'national_coordinator')
    ORDER BY u.display_name, u.id`);
  return result.rows.map((row) => ({
    id: row.id as string,
    displayName: row.display_name as string,
    email: row.email as string,
    phone: null,
  }));
}

/** Minutes without acknowledgement before the next step (roster_settings, default 10). */
export async function escalationMinutes(tx: Transaction, municipalityCode: string): Promise<number> {
  const result = await tx.execute(sql`
    SELECT escalation_minutes FROM roster_settings WHERE municipality_code = ${municipalityCode}`);
  const minutes = result.rows[0]?.escalation_minutes;
  return minutes === undefined || minutes === null ? 10 : Number(minutes);
}

/**
 * Acknowledges an open alert (and notifies the back offices at the commit); answers its municipality
 * and step, or undefined when it was acknowledged already (or is not visible).
 */
export async function acknowledgeAlert(
  tx: Transaction,
  alertId: string,
  userId: string | null,
  now: Date,
): Promise<{ municipalityCode: string; step: number } | undefined> {
  const result = await tx.execute(sql`
    WITH acknowledged AS (
      UPDATE alerts SET acknowledged_at = ${now}, acknowledged_by = ${userId}::uuid
      WHERE id = ${alertId}::uuid AND acknowledged_at IS NULL RETURNING id, municipality_code, step)
    SELECT municipality_code, step, pg_notify(${ALERTS_CHANNEL}, municipality_code || ':' || id || ':acknowledged')
      FROM acknowledged`);
  const row = result.rows[0];
  return row ? { municipalityCode: row.municipality_code as string, step: Number(row.step) } : undefined;
}

/** The delivery an acknowledgement token belongs to (tokens are per delivery, stored hashed), with its person's roles. */
export async function findDeliveryByToken(
  tx: Transaction,
  tokenHash: Buffer,
): Promise<
  | {
      alertId: string;
      userId: string | null;
      roles: string[];
      municipalityCode: string;
      channel: 'email' | 'sms';
      acknowledgedAt: Date | null;
    }
  | undefined
> {
  const result = await tx.execute(sql`
    SELECT d.alert_id, d.user_id, d.municipality_code, d.channel, a.acknowledged_at,
      ARRAY(SELECT r.role::text FROM staff_roles r WHERE r.user_id = d.user_id ORDER BY r.role) AS roles
    FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id WHERE d.ack_token_hash = ${tokenHash}`);
  const row = result.rows[0];
  if (!row) return undefined;
  return {
    alertId: row.alert_id as string,
    userId: (row.user_id as string | null) ?? null,
    roles: (row.roles as string[] | null) ?? [],
    municipalityCode: row.municipality_code as string,
    channel: row.channel as 'email' | 'sms',
    acknowledgedAt: toDate(row.acknowledged_at),
  };
}

/**
 * Open (unacknowledged) alerts of one municipality, newest first. A grouped alert counts the children
 * still waiting for an answer among those it told the team about (front-desk alerts: null).
 */
export async function listOpenAlerts(
  tx: Transaction,
  municipalityCode: string,
): Promise<
  Array<{
    id: string;
    source: string;
    conversationId: string | null;
    createdAt: Date;
    step: number;
    waitingChildren: number | null;
  }>
> {
  const result = await tx.execute(sql`
    SELECT a.id, a.source, a.conversation_id, a.created_at, a.step,
      CASE WHEN a.grouped THEN (SELECT count(*) FROM conversations c WHERE c.alert_id = a.id
        AND c.closed_at IS NULL AND (c.last_staff_reply_at IS NULL OR c.last_staff_reply_at < c.last_child_message_at))
      END AS waiting_children
    FROM alerts a
    WHERE a.municipality_code = ${municipalityCode} AND a.acknowledged_at IS NULL
    ORDER BY a.created_at DESC LIMIT 100`);
  return result.rows.map((row) => ({
    id: row.id as string,
    source: row.source as string,
    conversationId: (row.conversation_id as string | null) ?? null,
    createdAt: new Date(row.created_at as string),
    step: Number(row.step),
    waitingChildren: row.waiting_children === null ? null : Number(row.waiting_children),
  }));
}
