import type { Database } from '../../db/pool.ts';
import { inTenant, type Transaction } from '../../db/tenant.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Mailer } from '../mail/mailer.ts';
import { currentParticipation, setParticipation } from '../programme/enrolment.repository.ts';
import { deleteProgressByKey } from '../programme/readiness.repository.ts';
import { ROSTER_ITEM_KEY } from '../programme/readiness.service.ts';
import { describePeriods } from './coverage-guard.ts';
import { coordinatorAddresses, listActiveMunicipalities } from './coverage-watch.repository.ts';
import { coverageInTx, type UncoveredPeriod } from './roster.service.ts';

/** What the coverage watch needs. */
export interface CoverageWatchDeps {
  db: Database;
  mailer: Mailer;
  publicBaseUrl: string;
  log: (message: string) => void;
}

/** A municipality the watch took out of public activity, and who was told. */
export interface Withdrawal {
  code: string;
  name: string;
  periods: UncoveredPeriod[];
  told: string[];
}

/** How often each instance looks (gaps come into the 14 days as time goes on, not from one minute to the next). */
export const COVERAGE_WATCH_INTERVAL_MS = 5 * 60_000;

/**
 * Finds active municipalities whose next 14 days (from `now`, the app clock) have uncovered hours
 * without an agreed fallback or an override — because time moved on, someone left the team, or an
 * override was withdrawn — and pauses each: children can no longer write (those who wrote can still
 * read their answers), the roster item of the readiness checklist is unticked, both audited in the
 * same transaction, and the municipal and national coordinators are e-mailed after the commit.
 * Safe on several instances at once: only the transaction that changes the state goes on.
 */
export async function runCoverageWatch(deps: CoverageWatchDeps, now: Date): Promise<Withdrawal[]> {
  const active = await inTenant(deps.db, { kind: 'national' }, (tx) => listActiveMunicipalities(tx));
  const withdrawn: Withdrawal[] = [];
  for (const municipality of active) {
    try {
      // The national scope: the national coordinators are told too.
      const withdrawal = await inTenant(deps.db, { kind: 'national' }, (tx) =>
        withdrawIfUncovered(tx, municipality, now),
      );
      if (!withdrawal) continue;
      withdrawn.push(withdrawal);
      await tell(deps, withdrawal);
    } catch (error) {
      deps.log(`coverage watch: ${municipality.code} failed (${error instanceof Error ? error.message : 'error'})`);
    }
  }
  return withdrawn;
}

async function withdrawIfUncovered(
  tx: Transaction,
  municipality: { code: string; name: string },
  now: Date,
): Promise<Withdrawal | undefined> {
  const { code } = municipality;
  if ((await currentParticipation(tx, code)) !== 'active') return undefined;
  const coverage = await coverageInTx(tx, code, now);
  if (coverage.mayBeActive) return undefined;
  // Another instance may have paused it a moment ago: then this one changes nothing and tells nobody.
  if (!(await setParticipation(tx, code, 'paused'))) return undefined;
  const details = { reason: 'roster_gaps', uncoveredPeriods: coverage.periods.length };
  await appendAudit(tx, systemAudit(code, 'programme.municipality_paused', 'municipality', code, details));
  const itemId = await deleteProgressByKey(tx, code, ROSTER_ITEM_KEY);
  if (itemId) {
    await appendAudit(
      tx,
      systemAudit(code, 'readiness.item_undone', 'readiness_item', itemId, { reason: 'roster_gaps' }),
    );
  }
  return { ...municipality, periods: coverage.periods, told: await coordinatorAddresses(tx, code) };
}

function systemAudit(
  code: string,
  action: string,
  objectType: string,
  objectId: string,
  details: Record<string, string | number>,
) {
  return { actorUserId: null, actorRole: 'system', municipalityCode: code, action, objectType, objectId, details };
}

/** The e-mail to the coordinators: Dutch, and nothing about any child. */
export function withdrawalMail(to: string, withdrawal: Pick<Withdrawal, 'name' | 'periods'>, publicBaseUrl: string) {
  const link = `${publicBaseUrl.replace(/\/+$/, '')}/beheer/rooster`;
  return {
    to,
    subject: `Gemeente ${withdrawal.name} staat op pauze: het rooster heeft gaten`,
    text: [
      `Het rooster van gemeente ${withdrawal.name} heeft de komende 14 dagen uren zonder dienst, en er is geen vervanging afgesproken en geen uitzondering gegeven.`,
      `Daarom staat de deelname van de gemeente nu op pauze: kinderen kunnen de burgemeester niet meer schrijven. Wie al schreef, kan de antwoorden nog lezen.`,
      `Onbezet: ${describePeriods(withdrawal.periods)}.`,
      `Vul het rooster aan of spreek een vervanging af, en vink daarna in de gereedheidslijst "Het rooster heeft geen gaten" weer aan: ${link}`,
    ].join('\n\n'),
  };
}

async function tell(deps: CoverageWatchDeps, withdrawal: Withdrawal): Promise<void> {
  for (const to of withdrawal.told) {
    try {
      await deps.mailer.send(withdrawalMail(to, withdrawal, deps.publicBaseUrl));
    } catch (error) {
      // The pause and its audit entries stand; the roster and readiness pages show it too.
      deps.log(
        `coverage watch: mail about ${withdrawal.code} failed (${error instanceof Error ? error.message : 'error'})`,
      );
    }
  }
}

/**
 * Runs the watch every `intervalMs` on this instance, with the app clock (tests move it). Answers
 * the stop function, which waits for a run in progress.
 */
export function startCoverageWatch(
  deps: CoverageWatchDeps,
  clock: () => Date,
  intervalMs = COVERAGE_WATCH_INTERVAL_MS,
): () => Promise<void> {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (running) return; // a slow run is not overtaken by the next one
    running = runCoverageWatch(deps, clock())
      .catch((error: Error) => deps.log(`coverage watch failed: ${error.message}`))
      .finally(() => (running = undefined));
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
