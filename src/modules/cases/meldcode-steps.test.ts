import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { departsFrom, isRequired, MELDCODE_STEPS, meldcodeStep } from './meldcode-steps.ts';

const weigh = (answers: Record<string, boolean>) => meldcodeStep(4).defaultDecision(answers, new Map());
const suspected = { suspicion: true, acute_unsafety: false, structural_unsafety: false };

describe('Meldcode steps', () => {
  it('has five steps in order, each with Dutch and English texts, questions and decisions', () => {
    assert.deepEqual(
      MELDCODE_STEPS.map((step) => step.step),
      [1, 2, 3, 4, 5],
    );
    for (const step of MELDCODE_STEPS) {
      for (const text of [step.title, step.guidance, ...step.questions.map((question) => question.text)]) {
        assert.ok(text.nl.length > 0 && text.en.length > 0);
      }
      assert.ok(step.decisions.length > 0);
    }
    assert.match(meldcodeStep(1).guidance.nl, /112/);
    assert.deepEqual(
      meldcodeStep(5).decisions.map((decision) => decision.code),
      ['report_veilig_thuis', 'organise_help', 'report_and_help', 'no_further_action'],
    );
  });

  it('makes reporting the default in step 4 when there is acute or structural unsafety', () => {
    assert.equal(weigh({ ...suspected, acute_unsafety: true, can_organise_help: true }), 'report_veilig_thuis');
    assert.equal(
      weigh({
        ...suspected,
        structural_unsafety: true,
        can_organise_help: true,
        help_accepted: true,
        lasting_safety: true,
      }),
      'report_veilig_thuis',
    );
    // Unsafety wins even over a "no suspicion" answer.
    assert.equal(weigh({ suspicion: false, acute_unsafety: true }), 'report_veilig_thuis');
  });

  it('follows the afwegingskader otherwise: no suspicion, help that works, else report', () => {
    assert.equal(weigh({}), null, 'no default before the questions are answered');
    assert.equal(weigh({ suspicion: false }), 'no_suspicion');
    const help = { can_organise_help: true, help_accepted: true, lasting_safety: true };
    assert.equal(weigh({ ...suspected, ...help }), 'organise_help');
    for (const missing of Object.keys(help)) {
      assert.equal(weigh({ ...suspected, ...help, [missing]: false }), 'report_veilig_thuis', missing);
    }
  });

  it("proposes step 5's decision from step 4's and lets 'report and help' honour both", () => {
    const five = meldcodeStep(5);
    assert.equal(five.defaultDecision({}, new Map([[4, 'report_veilig_thuis']])), 'report_veilig_thuis');
    assert.equal(five.defaultDecision({}, new Map([[4, 'organise_help']])), 'organise_help');
    assert.equal(five.defaultDecision({}, new Map([[4, 'no_suspicion']])), 'no_further_action');
    assert.equal(departsFrom(five, 'report_and_help', 'report_veilig_thuis'), false);
    assert.equal(departsFrom(five, 'report_and_help', 'organise_help'), false);
    assert.equal(departsFrom(five, 'no_further_action', 'report_veilig_thuis'), true);
    assert.equal(departsFrom(five, 'organise_help', 'report_veilig_thuis'), true);
    assert.equal(departsFrom(five, 'report_and_help', 'no_further_action'), true);
    assert.equal(departsFrom(meldcodeStep(3), 'conversation_held', null), false);
  });

  it('asks for the advice of Veilig Thuis only when Veilig Thuis was consulted', () => {
    const advice = meldcodeStep(2).questions.find((question) => question.id === 'consultation_advice')!;
    assert.equal(isRequired(advice, { consulted_veilig_thuis: false }), false);
    assert.equal(isRequired(advice, { consulted_veilig_thuis: true }), true);
  });
});
