import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { insertBareCase } from '../../../test/helpers/bare-case.ts';
import { testClock } from '../../../test/helpers/clock.ts';
import {
  AMSTERDAM,
  createConversationServiceWorld,
  ROTTERDAM,
  type ConversationServiceWorld,
} from '../../../test/helpers/conversation-service-world.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { ApiError, type ApiErrorId } from '../../http/api-errors.ts';
import type { Actor } from '../accounts/actor.ts';
import type { CaseDeps } from './cases.types.ts';
import type { MeldcodeDecisionRequest } from './meldcode.schema.ts';
import { decideMeldcodeStep, readMeldcode } from './meldcode.service.ts';

const SIGNALS = 'Blauwe plekken op de armen, vertelt dat papa slaat';
const ADVICE = 'Veilig Thuis adviseert een gesprek met de moeder';
const DEPARTURE = 'De moeder heeft het kind al naar haar zus gebracht, daar is het veilig.';

/** A decision with all of its step's required answers. */
const STEP: Record<1 | 2 | 3 | 5, MeldcodeDecisionRequest> = {
  1: { answers: { signals: SIGNALS, source: 'Het kind zelf', acute_danger: false }, decision: 'signals_mapped' },
  2: {
    answers: { colleague_consulted: true, consulted_veilig_thuis: true, consultation_advice: ADVICE },
    decision: 'consultation_recorded',
  },
  3: {
    answers: { child_said: 'Het gebeurt vaker', agreements: 'Morgen weer praten', no_false_promises: true },
    decision: 'conversation_held',
  },
  5: { answers: { child_informed: true }, decision: 'report_veilig_thuis' },
};
const UNSAFE = {
  suspicion: true,
  acute_unsafety: true,
  structural_unsafety: false,
  can_organise_help: true,
  help_accepted: true,
  lasting_safety: false,
};

/** Asserts a refusal with error `id` (and, when given, the field and words of the Dutch message). */
function refusedWith(id: ApiErrorId, field?: string, words?: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof ApiError, String(error));
    assert.equal(error.id, id);
    if (field) assert.equal(error.field, field);
    if (words) assert.match(error.messageIn('nl'), words);
    assert.doesNotMatch(error.messageIn('nl'), /\{\w+\}/, 'every placeholder filled');
    assert.doesNotMatch(error.messageIn('en'), /\{\w+\}/, 'every placeholder filled');
    return true;
  };
}

for (const target of databaseTargets()) {
  describe(`the Meldcode of a case (${target.name})`, () => {
    let world: ConversationServiceWorld;
    let deps: CaseDeps;
    let responder: Actor;
    let colleague: Actor;
    let coordinator: Actor;
    let rotterdam: Actor;
    const clock = testClock();

    const newCase = (assignees = [responder.userId], status: 'new' | 'closed' = 'new') =>
      insertBareCase(world.database.app.db, world.keyring, {
        municipalityCode: AMSTERDAM,
        assignees,
        status,
        now: clock(),
      });
    const decide = (actor: Actor, caseId: string, step: 1 | 2 | 3 | 4 | 5, request: MeldcodeDecisionRequest) =>
      decideMeldcodeStep(deps, actor, caseId, step, request);
    /** Decides steps 1 up to and including `last` with the standard answers (step 4: acute unsafety, report). */
    async function walk(caseId: string, last: number) {
      for (const step of [1, 2, 3, 4, 5] as const) {
        if (step > last) return;
        clock.minutes(1);
        await decide(
          responder,
          caseId,
          step,
          step === 4 ? { answers: UNSAFE, decision: 'report_veilig_thuis' } : STEP[step],
        );
      }
    }
    const events = (caseId: string) =>
      world.database.asOwner<{ kind: string; details: Record<string, unknown>; body: Buffer | null }>(
        'SELECT kind, details, body FROM case_events WHERE case_id = $1 ORDER BY created_at, id',
        [caseId],
      );
    const audits = (caseId: string) =>
      world.database.asOwner<{ action: string; actor_user_id: string; details: Record<string, unknown> }>(
        'SELECT action, actor_user_id, details FROM audit_log WHERE object_id = $1 ORDER BY id',
        [caseId],
      );

    before(async () => {
      world = await createConversationServiceWorld(target);
      deps = { db: world.database.app.db, keyring: world.keyring, mailer: world.mailer, publicBaseUrl: '', clock };
      responder = await world.addStaff({ municipalityCode: AMSTERDAM, roles: ['responder'], name: 'Bea Beantwoorder' });
      colleague = await world.addStaff({ municipalityCode: AMSTERDAM, roles: ['responder'], name: 'Cor Collega' });
      coordinator = await world.addStaff({
        municipalityCode: AMSTERDAM,
        roles: ['municipal_coordinator'],
        name: 'Co Coördinator',
      });
      rotterdam = await world.addStaff({ municipalityCode: ROTTERDAM, roles: ['responder'], name: 'Rob Rotterdam' });
    });
    after(async () => {
      await world?.close();
    });

    it('walks the five steps in order, starts the case, and records each decision on the timeline and in the audit log', async () => {
      const caseId = await newCase();
      const fresh = await readMeldcode(deps, responder, caseId);
      assert.equal(fresh.currentStep, 1);
      assert.deepEqual(
        fresh.steps.map((step) => [step.step, step.latest, step.history.length]),
        [1, 2, 3, 4, 5].map((step) => [step, null, 0]),
      );
      assert.equal(fresh.steps[0]!.title, 'Signalen in kaart brengen');
      assert.ok(fresh.steps[0]!.questions.some((question) => question.id === 'acute_danger' && question.required));

      await walk(caseId, 5);
      const done = await readMeldcode(deps, responder, caseId);
      assert.equal(done.currentStep, null);
      assert.deepEqual(
        done.steps.map((step) => step.latest?.decision),
        ['signals_mapped', 'consultation_recorded', 'conversation_held', 'report_veilig_thuis', 'report_veilig_thuis'],
      );
      assert.deepEqual(done.steps[0]!.latest!.answers, STEP[1].answers);
      assert.deepEqual(done.steps[0]!.latest!.decidedBy, { id: responder.userId, displayName: 'Bea Beantwoorder' });

      const [row] = await world.database.asOwner<{ status: string }>('SELECT status FROM cases WHERE id = $1', [
        caseId,
      ]);
      assert.equal(row!.status, 'in_progress');
      const timeline = await events(caseId);
      assert.deepEqual(
        timeline.filter((event) => event.kind === 'status').map((event) => event.details),
        [{ from: 'new', to: 'in_progress' }],
      );
      assert.deepEqual(
        timeline
          .filter((event) => event.kind === 'meldcode')
          .map((event) => [event.details.step, event.details.decision]),
        [
          [1, 'signals_mapped'],
          [2, 'consultation_recorded'],
          [3, 'conversation_held'],
          [4, 'report_veilig_thuis'],
          [5, 'report_veilig_thuis'],
        ],
      );
      const audit = await audits(caseId);
      assert.deepEqual(
        audit.filter((entry) => entry.action === 'case.meldcode_decided').map((entry) => entry.details),
        [1, 2, 3, 4, 5].map((step) => ({
          step,
          decision: done.steps[step - 1]!.latest!.decision,
          via: 'assignee',
        })),
      );
      assert.ok(audit.some((entry) => entry.action === 'case.status_changed'));
      assert.equal(audit.filter((entry) => entry.action === 'case.meldcode_read').length, 2);
      assert.ok(audit.every((entry) => entry.actor_user_id === responder.userId));
    });

    it('refuses a step before the one before it is decided, naming that step in Dutch', async () => {
      const caseId = await newCase();
      await assert.rejects(
        decide(responder, caseId, 2, STEP[2]),
        refusedWith('meldcode.step_out_of_order', undefined, /stap 1 .*Signalen in kaart brengen/),
      );
      await walk(caseId, 2);
      await assert.rejects(
        decide(responder, caseId, 4, { answers: UNSAFE, decision: 'report_veilig_thuis' }),
        refusedWith('meldcode.step_out_of_order', undefined, /stap 3/),
      );
      assert.equal((await readMeldcode(deps, responder, caseId)).currentStep, 3);
    });

    it('checks the answers: required questions by name, unknown questions, kinds, and the decision', async () => {
      const caseId = await newCase();
      const withoutSource = Object.fromEntries(Object.entries(STEP[1].answers).filter(([id]) => id !== 'source'));
      await assert.rejects(
        decide(responder, caseId, 1, { ...STEP[1], answers: withoutSource }),
        refusedWith('meldcode.answer_missing', 'answers.source', /"Van wie komen de signalen\?"/),
      );
      await assert.rejects(
        decide(responder, caseId, 1, { ...STEP[1], answers: { ...STEP[1].answers, signals: '   ' } }),
        refusedWith('meldcode.answer_missing', 'answers.signals', /Welke signalen/),
      );
      await assert.rejects(
        decide(responder, caseId, 1, { ...STEP[1], answers: { ...STEP[1].answers, mood: 'bang' } }),
        refusedWith('meldcode.answer_unknown', 'answers.mood'),
      );
      await assert.rejects(
        decide(responder, caseId, 1, { ...STEP[1], answers: { ...STEP[1].answers, acute_danger: 'nee' } }),
        refusedWith('meldcode.answer_invalid', 'answers.acute_danger', /ja of nee/),
      );
      await assert.rejects(
        decide(responder, caseId, 1, { ...STEP[1], decision: 'report_veilig_thuis' }),
        refusedWith('meldcode.decision_invalid', 'decision', /Signalen vastgelegd/),
      );
      await walk(caseId, 1);
      await assert.rejects(
        decide(responder, caseId, 2, {
          answers: { colleague_consulted: true, consulted_veilig_thuis: true },
          decision: 'consultation_recorded',
        }),
        refusedWith('meldcode.answer_missing', 'answers.consultation_advice', /Welk advies kreeg u\?/),
      );
      await decide(responder, caseId, 2, {
        answers: { colleague_consulted: true, consulted_veilig_thuis: false },
        decision: 'consultation_recorded',
      });
      await assert.rejects(
        decide(responder, caseId, 3, { ...STEP[3], answers: { child_said: 'Niets' } }),
        refusedWith('meldcode.answer_missing', 'answers.no_false_promises', /niets beloofd/),
      );
    });

    it('records the consultation of Veilig Thuis in step 2 on the timeline', async () => {
      const caseId = await newCase();
      await walk(caseId, 2);
      const consultation = (await events(caseId)).find(
        (event) => event.kind === 'meldcode' && event.details.step === 2,
      );
      assert.deepEqual(consultation?.details, {
        step: 2,
        decision: 'consultation_recorded',
        departsFromDefault: false,
        consultedVeiligThuis: true,
      });
      const view = await readMeldcode(deps, responder, caseId);
      assert.equal(view.steps[1]!.latest!.answers.consultation_advice, ADVICE);
    });

    it('makes reporting the default in step 4 with acute unsafety, and needs a written reason to depart', async () => {
      const caseId = await newCase();
      await walk(caseId, 3);
      const organise = { answers: UNSAFE, decision: 'organise_help' };
      await assert.rejects(
        decide(responder, caseId, 4, organise),
        refusedWith('meldcode.reason_required', 'reason', /Melden bij Veilig Thuis.*minstens 20 tekens/),
      );
      await assert.rejects(
        decide(responder, caseId, 4, { ...organise, reason: 'Is al veilig nu.   ' }),
        refusedWith('meldcode.reason_required'),
      );
      clock.minutes(1);
      const view = await decide(responder, caseId, 4, { ...organise, reason: DEPARTURE });
      const four = view.steps[3]!;
      assert.deepEqual(
        four.decisions.filter((decision) => decision.isDefault).map((decision) => decision.code),
        ['report_veilig_thuis'],
      );
      assert.equal(four.latest!.decision, 'organise_help');
      assert.equal(four.latest!.departsFromDefault, true);
      assert.equal(four.latest!.reason, DEPARTURE);
      const [stored] = await world.database.asOwner<{ departs_from_default: boolean }>(
        'SELECT departs_from_default FROM meldcode_decisions WHERE case_id = $1 AND step = 4',
        [caseId],
      );
      assert.equal(stored!.departs_from_default, true);
      const entry = (await events(caseId)).find((event) => event.details.step === 4)!;
      assert.equal(entry.details.departsFromDefault, true);
      assert.ok(entry.body, 'the reason is on the timeline (encrypted)');

      // Step 5 then proposes what step 4 decided; departing from that needs a reason too.
      assert.equal(view.steps[4]!.decisions.find((decision) => decision.isDefault)?.code, 'organise_help');
      await assert.rejects(
        decide(responder, caseId, 5, { answers: { child_informed: true }, decision: 'no_further_action' }),
        refusedWith('meldcode.reason_required', 'reason', /Hulp organiseren/),
      );
      const five = await decide(responder, caseId, 5, {
        answers: { child_informed: true },
        decision: 'report_and_help',
      });
      assert.equal(five.steps[4]!.latest!.departsFromDefault, false);
    });

    it('makes reporting the default with structural unsafety; following it needs no reason', async () => {
      const caseId = await newCase();
      await walk(caseId, 3);
      const structural = { ...UNSAFE, acute_unsafety: false, structural_unsafety: true, lasting_safety: true };
      await assert.rejects(
        decide(responder, caseId, 4, { answers: structural, decision: 'no_suspicion' }),
        refusedWith('meldcode.reason_required'),
      );
      const view = await decide(responder, caseId, 4, { answers: structural, decision: 'report_veilig_thuis' });
      assert.equal(view.steps[3]!.decisions.find((decision) => decision.isDefault)?.code, 'report_veilig_thuis');
      assert.equal(view.steps[3]!.latest!.departsFromDefault, false);
      assert.equal(view.steps[3]!.latest!.reason, null);
      assert.equal(view.currentStep, 5);
    });

    it('keeps the history when a step is decided again; the latest counts', async () => {
      const caseId = await newCase();
      await walk(caseId, 2);
      clock.minutes(1);
      const again = { ...STEP[1], answers: { ...STEP[1].answers, acute_danger: true }, decision: 'emergency_called' };
      await assert.rejects(decide(colleague, caseId, 1, again), refusedWith('case.access_denied'));
      const redone = await decide(coordinator, caseId, 1, again);
      const one = redone.steps[0]!;
      assert.equal(one.latest!.decision, 'emergency_called');
      assert.equal(one.latest!.decidedBy?.id, coordinator.userId);
      assert.deepEqual(
        one.history.map((decision) => decision.decision),
        ['signals_mapped'],
      );
      assert.equal(redone.steps[1]!.latest!.decision, 'consultation_recorded', 'later steps stay');
      const [count] = await world.database.asOwner<{ n: number }>(
        'SELECT count(*)::int AS n FROM meldcode_decisions WHERE case_id = $1 AND step = 1',
        [caseId],
      );
      assert.equal(count!.n, 2);
      const statusEvents = (await events(caseId)).filter((event) => event.kind === 'status');
      assert.equal(statusEvents.length, 1, 'only the first decision of step 1 starts the case');
    });

    it('keeps answers and reasons encrypted at rest: the raw rows hold no plaintext', async () => {
      const caseId = await newCase();
      await walk(caseId, 3);
      await decide(responder, caseId, 4, { answers: UNSAFE, decision: 'organise_help', reason: DEPARTURE });
      const raw = await world.database.asOwner<{ row: string }>(
        `SELECT row_to_json(d)::text || coalesce(encode(d.answers, 'escape'), '') || coalesce(encode(d.reason, 'escape'), '') AS row
           FROM meldcode_decisions d WHERE case_id = $1
         UNION ALL
         SELECT row_to_json(e)::text || coalesce(encode(e.body, 'escape'), '') FROM case_events e WHERE case_id = $1`,
        [caseId],
      );
      const dump = raw.map((row) => row.row).join('\n');
      assert.ok(dump.length > 0);
      for (const secret of [SIGNALS, ADVICE, DEPARTURE, 'Het kind zelf', 'Morgen weer praten', 'consultation_advice']) {
        assert.ok(!dump.includes(secret), `no plaintext "${secret}" at rest`);
      }
    });

    it('lets only assignees, the coordinator and a break-the-glass grant in', async () => {
      const caseId = await newCase();
      await assert.rejects(readMeldcode(deps, colleague, caseId), refusedWith('case.access_denied'));
      await assert.rejects(decide(colleague, caseId, 1, STEP[1]), refusedWith('case.access_denied'));
      await assert.rejects(readMeldcode(deps, rotterdam, caseId), refusedWith('case.not_found'));
      await assert.rejects(readMeldcode(deps, responder, randomUUID()), refusedWith('case.not_found'));
      assert.equal((await readMeldcode(deps, coordinator, caseId)).currentStep, 1);

      await world.database.asOwner(
        `INSERT INTO case_access_grants (id, case_id, municipality_code, user_id, reason, granted_at, expires_at)
         VALUES ($1, $2, $3, $4, '\\x00', $5, $5::timestamptz + interval '8 hours')`,
        [randomUUID(), caseId, AMSTERDAM, colleague.userId, clock()],
      );
      await decide(colleague, caseId, 1, STEP[1]);
      const [decided] = (await audits(caseId)).filter((entry) => entry.action === 'case.meldcode_decided');
      assert.deepEqual(decided!.details, { step: 1, decision: 'signals_mapped', via: 'break_glass' });
    });

    it('refuses to add to the Meldcode of a closed case', async () => {
      const caseId = await newCase([responder.userId], 'closed');
      await assert.rejects(decide(responder, caseId, 1, STEP[1]), refusedWith('meldcode.case_closed'));
      assert.equal((await readMeldcode(deps, responder, caseId)).currentStep, 1);
    });
  });
}
