import { randomUUID } from 'node:crypto';
import { inTenant, type Transaction } from '../../db/tenant.ts';
import { apiError } from '../../http/api-errors.ts';
import type { Actor } from '../accounts/actor.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { auditCase, caseMunicipalityOf, openCase } from './case-access.ts';
import { decryptCaseField, decryptOptionalCaseField, encryptCaseField, type CaseFieldContext } from './case-keys.ts';
import { recordCaseEvent } from './case-timeline.repository.ts';
import type { CaseDeps } from './cases.types.ts';
import {
  departsFrom,
  isRequired,
  MELDCODE_STEPS,
  meldcodeStep,
  MIN_DEPARTURE_REASON_CHARS,
  type MeldcodeAnswers,
  type MeldcodeStepDefinition,
  type MeldcodeStepNumber,
} from './meldcode-steps.ts';
import {
  insertMeldcodeDecision,
  listMeldcodeDecisions,
  lockCaseForMeldcode,
  startCaseProgress,
  type MeldcodeDecisionRow,
} from './meldcode.repository.ts';
import type { MeldcodeDecisionRequest, MeldcodeDecisionView, MeldcodeView } from './meldcode.schema.ts';

/**
 * The Meldcode of a case as a guided workflow: five steps in order, each decision appended (the
 * latest counts, the history stays), answers and reasons sealed with the case key. Every service
 * starts with openCase: only assignees, the coordinator and a running break-the-glass grant get in.
 */

/** The Meldcode of the case, decrypted. Audited: 'case.meldcode_read'. */
export async function readMeldcode(deps: CaseDeps, actor: Actor, caseId: string): Promise<MeldcodeView> {
  const municipalityCode = caseMunicipalityOf(actor);
  return inTenant(deps.db, { kind: 'municipality', code: municipalityCode }, async (tx) => {
    const { via } = await openCase(tx, actor, caseId, deps.clock());
    const rows = await listMeldcodeDecisions(tx, caseId);
    const view = await meldcodeView(deps.keyring, tx, { municipalityCode, caseId, locale: actor.locale, rows });
    await auditCase(tx, actor, 'case.meldcode_read', caseId, { via });
    return view;
  });
}

/**
 * Records a decision in step `step`: the step before it must be decided, the required questions
 * answered, the decision one of the step's, and a departure from the default explained in writing.
 * Goes on the timeline and into the audit log in the same transaction; step 1 starts a new case.
 */
export async function decideMeldcodeStep(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  step: MeldcodeStepNumber,
  request: MeldcodeDecisionRequest,
): Promise<MeldcodeView> {
  const municipalityCode = caseMunicipalityOf(actor);
  return inTenant(deps.db, { kind: 'municipality', code: municipalityCode }, async (tx) => {
    const now = deps.clock();
    const { via } = await openCase(tx, actor, caseId, now);
    if ((await lockCaseForMeldcode(tx, caseId)) === 'closed') throw apiError('meldcode.case_closed');
    const rows = await listMeldcodeDecisions(tx, caseId);
    const previous = latestDecisions(rows);
    if (step > 1 && !previous.has(step - 1)) {
      const before = meldcodeStep((step - 1) as MeldcodeStepNumber);
      throw apiError('meldcode.step_out_of_order', {
        step,
        previous: before.step,
        previousTitleNl: before.title.nl,
        previousTitleEn: before.title.en,
      });
    }
    const definition = meldcodeStep(step);
    const answers = checkedAnswers(definition, request.answers);
    const option = definition.decisions.find((candidate) => candidate.code === request.decision);
    if (!option) {
      throw apiError(
        'meldcode.decision_invalid',
        {
          step,
          decision: request.decision,
          choicesNl: definition.decisions.map((choice) => choice.label.nl).join(', '),
          choicesEn: definition.decisions.map((choice) => choice.label.en).join(', '),
        },
        'decision',
      );
    }
    const decisions = new Map([...previous].map(([number, decided]) => [number, decided.decision]));
    const defaultCode = definition.defaultDecision(answers, decisions);
    const departs = departsFrom(definition, option.code, defaultCode);
    const reason = request.reason?.trim() || null;
    if (departs && (reason?.length ?? 0) < MIN_DEPARTURE_REASON_CHARS) {
      const label = definition.decisions.find((choice) => choice.code === defaultCode)!.label;
      throw apiError(
        'meldcode.reason_required',
        { defaultNl: label.nl, defaultEn: label.en, min: MIN_DEPARTURE_REASON_CHARS },
        'reason',
      );
    }

    const id = randomUUID();
    const field = (column: string): CaseFieldContext => ({
      municipalityCode,
      caseId,
      table: 'meldcode_decisions',
      recordId: id,
      column,
    });
    const decidedAt = strictlyAfter(rows, now);
    await insertMeldcodeDecision(tx, {
      id,
      caseId,
      municipalityCode,
      step,
      answers: await encryptCaseField(deps.keyring, tx, field('answers'), JSON.stringify(answers)),
      decision: option.code,
      reason: reason ? await encryptCaseField(deps.keyring, tx, field('reason'), reason) : null,
      departsFromDefault: departs,
      decidedBy: actor.userId,
      decidedAt,
    });
    const event = { caseId, municipalityCode, actorUserId: actor.userId, at: decidedAt };
    const started = step === 1 && (await startCaseProgress(tx, caseId));
    if (started) {
      await recordCaseEvent(deps.keyring, tx, {
        ...event,
        kind: 'status',
        details: { from: 'new', to: 'in_progress' },
      });
    }
    await recordCaseEvent(deps.keyring, tx, {
      ...event,
      kind: 'meldcode',
      text: reason,
      details: {
        step,
        decision: option.code,
        departsFromDefault: departs,
        ...(step === 2 ? { consultedVeiligThuis: answers.consulted_veilig_thuis === true } : {}),
      },
    });
    const after = await listMeldcodeDecisions(tx, caseId);
    const view = await meldcodeView(deps.keyring, tx, { municipalityCode, caseId, locale: actor.locale, rows: after });
    // Audit last: appending holds the audit chain's lock until the commit.
    if (started) await auditCase(tx, actor, 'case.status_changed', caseId, { from: 'new', to: 'in_progress', via });
    await auditCase(tx, actor, 'case.meldcode_decided', caseId, { step, decision: option.code, via });
    return view;
  });
}

/** The answers as stored: only the step's questions, each of its kind, text trimmed (empty text is no answer). */
function checkedAnswers(definition: MeldcodeStepDefinition, given: Record<string, string | boolean>): MeldcodeAnswers {
  const answers: MeldcodeAnswers = {};
  for (const [answerId, value] of Object.entries(given)) {
    const question = definition.questions.find((candidate) => candidate.id === answerId);
    if (!question)
      throw apiError('meldcode.answer_unknown', { step: definition.step, answerId }, `answers.${answerId}`);
    const expected = question.kind === 'yes_no' ? 'boolean' : 'string';
    if (typeof value !== expected) {
      throw apiError(
        'meldcode.answer_invalid',
        {
          questionNl: question.text.nl,
          questionEn: question.text.en,
          expectedNl: question.kind === 'yes_no' ? 'ja of nee' : 'tekst',
          expectedEn: question.kind === 'yes_no' ? 'yes or no' : 'text',
        },
        `answers.${answerId}`,
      );
    }
    const answer = typeof value === 'string' ? value.trim() : value;
    if (answer !== '') answers[answerId] = answer;
  }
  for (const question of definition.questions) {
    if (answers[question.id] === undefined && isRequired(question, answers)) {
      throw apiError(
        'meldcode.answer_missing',
        { step: definition.step, questionNl: question.text.nl, questionEn: question.text.en },
        `answers.${question.id}`,
      );
    }
  }
  return answers;
}

/** The latest decision of each step. */
function latestDecisions(rows: MeldcodeDecisionRow[]): Map<number, MeldcodeDecisionRow> {
  const latest = new Map<number, MeldcodeDecisionRow>();
  for (const row of rows) latest.set(row.step, row);
  return latest;
}

/**
 * The time to record a decision at: now, or just after the case's last decision when the clock has
 * not moved since (history order is by time, and a stopped test clock must not make it ambiguous).
 */
function strictlyAfter(rows: MeldcodeDecisionRow[], now: Date): Date {
  const last = rows.at(-1)?.decidedAt;
  return last && last.getTime() >= now.getTime() ? new Date(last.getTime() + 1) : now;
}

async function meldcodeView(
  keyring: Keyring,
  tx: Transaction,
  input: { municipalityCode: string; caseId: string; locale: 'nl' | 'en'; rows: MeldcodeDecisionRow[] },
): Promise<MeldcodeView> {
  const { municipalityCode, caseId, locale, rows } = input;
  const decrypt = async (row: MeldcodeDecisionRow): Promise<MeldcodeDecisionView> => {
    const context = (column: string) => ({
      municipalityCode,
      caseId,
      table: 'meldcode_decisions',
      recordId: row.id,
      column,
    });
    return {
      answers: JSON.parse(await decryptCaseField(keyring, tx, context('answers'), row.answers)) as MeldcodeAnswers,
      decision: row.decision,
      reason: await decryptOptionalCaseField(keyring, tx, context('reason'), row.reason),
      departsFromDefault: row.departsFromDefault,
      decidedBy: row.decidedBy ? { id: row.decidedBy, displayName: row.decidedByName ?? '' } : null,
      decidedAt: row.decidedAt.toISOString(),
    };
  };
  const latest = latestDecisions(rows);
  const decisions = new Map([...latest].map(([step, row]) => [step, row.decision]));
  const steps: MeldcodeView['steps'] = [];
  for (const definition of MELDCODE_STEPS) {
    const own: MeldcodeDecisionView[] = [];
    for (const row of rows) if (row.step === definition.step) own.unshift(await decrypt(row));
    const current = own[0] ?? null;
    const defaultCode = definition.defaultDecision(current?.answers ?? {}, decisions);
    steps.push({
      step: definition.step,
      title: definition.title[locale],
      guidance: definition.guidance[locale],
      questions: definition.questions.map((question) => ({
        id: question.id,
        text: question.text[locale],
        kind: question.kind,
        required: question.required,
      })),
      decisions: definition.decisions.map((choice) => ({
        code: choice.code,
        label: choice.label[locale],
        isDefault: choice.code === defaultCode,
      })),
      latest: current,
      history: own.slice(1),
    });
  }
  const open = MELDCODE_STEPS.find((definition) => !latest.has(definition.step));
  return { currentStep: open?.step ?? null, steps };
}
