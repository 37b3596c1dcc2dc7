/**
 * The Meldcode huiselijk geweld en kindermishandeling as data: five steps, each with its questions,
 * the decisions it allows and the rule that proposes one. The service checks answers and order
 * against this; the back office shows it. See ../../../../shared/domain.md and docs/ARCHITECTURE.md.
 */

/** A text in both languages of the back office. */
export interface Bilingual {
  nl: string;
  en: string;
}

export type MeldcodeStepNumber = 1 | 2 | 3 | 4 | 5;
export type MeldcodeAnswer = string | boolean;
export type MeldcodeAnswers = Record<string, MeldcodeAnswer>;

/** One question of a step. */
export interface MeldcodeQuestion {
  id: string;
  kind: 'yes_no' | 'text';
  required: boolean;
  /** Required only when this other yes/no question of the step was answered yes. */
  requiredWhenYes?: string;
  text: Bilingual;
}

/** A decision a step allows; `honours` names other defaults this one also satisfies (no departure). */
export interface MeldcodeDecisionOption {
  code: string;
  label: Bilingual;
  honours?: readonly string[];
}

/** One step of the Meldcode. */
export interface MeldcodeStepDefinition {
  step: MeldcodeStepNumber;
  title: Bilingual;
  guidance: Bilingual;
  questions: readonly MeldcodeQuestion[];
  decisions: readonly MeldcodeDecisionOption[];
  /**
   * The decision the answers point to (null: no default, any decision is fine). `previous` holds the
   * latest decision of each earlier step. Departing from a default needs a written reason.
   */
  defaultDecision(answers: MeldcodeAnswers, previous: ReadonlyMap<number, string>): string | null;
}

/** A written reason for departing from the default must be at least this long. */
export const MIN_DEPARTURE_REASON_CHARS = 20;
/** The longest free-text answer or reason. */
export const MAX_MELDCODE_TEXT_CHARS = 4000;

const yes = (answers: MeldcodeAnswers, id: string) => answers[id] === true;

const REPORT: MeldcodeDecisionOption = {
  code: 'report_veilig_thuis',
  label: { nl: 'Melden bij Veilig Thuis', en: 'Report to Veilig Thuis' },
};
const ORGANISE_HELP: MeldcodeDecisionOption = {
  code: 'organise_help',
  label: { nl: 'Hulp organiseren (en de effecten volgen)', en: 'Organise help (and follow its effects)' },
};

/** The five steps, in order. */
export const MELDCODE_STEPS: readonly MeldcodeStepDefinition[] = [
  {
    step: 1,
    title: { nl: 'Signalen in kaart brengen', en: 'Map the signals' },
    guidance: {
      nl: 'Schrijf op wat u ziet en hoort, en van wie: feiten, geen interpretaties. Is het kind nu in acuut gevaar? Bel dan direct 112.',
      en: 'Write down what you see and hear, and from whom: facts, not interpretations. Is the child in acute danger now? Call 112 at once.',
    },
    questions: [
      {
        id: 'signals',
        kind: 'text',
        required: true,
        text: { nl: 'Welke signalen ziet of hoort u?', en: 'What signals do you see or hear?' },
      },
      {
        id: 'source',
        kind: 'text',
        required: true,
        text: { nl: 'Van wie komen de signalen?', en: 'Who do the signals come from?' },
      },
      {
        id: 'acute_danger',
        kind: 'yes_no',
        required: true,
        text: { nl: 'Is er nu acuut gevaar?', en: 'Is there acute danger now?' },
      },
    ],
    decisions: [
      {
        code: 'signals_mapped',
        label: { nl: 'Signalen vastgelegd, door naar stap 2', en: 'Signals recorded, on to step 2' },
      },
      { code: 'emergency_called', label: { nl: 'Acuut gevaar: 112 gebeld', en: 'Acute danger: 112 called' } },
    ],
    defaultDecision: (answers) => (yes(answers, 'acute_danger') ? 'emergency_called' : null),
  },
  {
    step: 2,
    title: {
      nl: 'Collegiale consultatie en zo nodig advies van Veilig Thuis',
      en: 'Consult a colleague and, if needed, Veilig Thuis',
    },
    guidance: {
      nl: 'Bespreek de signalen met een collega of aandachtsfunctionaris. Vraag zo nodig advies aan Veilig Thuis (0800-2000, gratis, dag en nacht; dat kan anoniem).',
      en: 'Discuss the signals with a colleague or the designated officer. If needed, ask Veilig Thuis for advice (0800-2000, free, day and night; it can be anonymous).',
    },
    questions: [
      {
        id: 'colleague_consulted',
        kind: 'yes_no',
        required: true,
        text: { nl: 'Hebt u een collega geraadpleegd?', en: 'Did you consult a colleague?' },
      },
      {
        id: 'consulted_veilig_thuis',
        kind: 'yes_no',
        required: true,
        text: { nl: 'Hebt u Veilig Thuis om advies gevraagd?', en: 'Did you ask Veilig Thuis for advice?' },
      },
      {
        id: 'consultation_advice',
        kind: 'text',
        required: false,
        requiredWhenYes: 'consulted_veilig_thuis',
        text: { nl: 'Welk advies kreeg u?', en: 'What advice did you get?' },
      },
    ],
    decisions: [
      {
        code: 'consultation_recorded',
        label: { nl: 'Overleg vastgelegd, door naar stap 3', en: 'Consultation recorded, on to step 3' },
      },
    ],
    defaultDecision: () => null,
  },
  {
    step: 3,
    title: { nl: 'Gesprek met het kind en de betrokkenen', en: 'Talk with the child and those involved' },
    guidance: {
      nl: 'Vertel het kind wat u gezien en gehoord hebt en luister. Beloof geen geheimhouding en niets wat u niet kunt waarmaken; zeg eerlijk wat u gaat doen.',
      en: 'Tell the child what you saw and heard, and listen. Do not promise secrecy or anything you cannot keep; say honestly what you will do.',
    },
    questions: [
      {
        id: 'child_said',
        kind: 'text',
        required: true,
        text: { nl: 'Wat vertelde het kind?', en: 'What did the child say?' },
      },
      { id: 'agreements', kind: 'text', required: false, text: { nl: 'Wat is afgesproken?', en: 'What was agreed?' } },
      {
        id: 'no_false_promises',
        kind: 'yes_no',
        required: true,
        text: { nl: 'Hebt u niets beloofd wat u niet kunt waarmaken?', en: 'Did you promise nothing you cannot keep?' },
      },
    ],
    decisions: [
      {
        code: 'conversation_held',
        label: { nl: 'Gesprek gevoerd, door naar stap 4', en: 'Conversation held, on to step 4' },
      },
    ],
    defaultDecision: () => null,
  },
  {
    step: 4,
    title: { nl: 'Wegen met het afwegingskader', en: 'Weigh using the afwegingskader' },
    guidance: {
      nl: 'Beantwoord de vragen van het afwegingskader op volgorde. Bij acute of structurele onveiligheid meldt u altijd bij Veilig Thuis; wijkt u daarvan af, schrijf dan waarom.',
      en: 'Answer the afwegingskader questions in order. With acute or structural unsafety you always report to Veilig Thuis; if you depart from that, write why.',
    },
    questions: [
      {
        id: 'suspicion',
        kind: 'yes_no',
        required: true,
        text: {
          nl: 'Is er een vermoeden van huiselijk geweld of kindermishandeling?',
          en: 'Is there a suspicion of domestic violence or child abuse?',
        },
      },
      {
        id: 'acute_unsafety',
        kind: 'yes_no',
        required: false,
        requiredWhenYes: 'suspicion',
        text: { nl: 'Is er sprake van acute onveiligheid?', en: 'Is there acute unsafety?' },
      },
      {
        id: 'structural_unsafety',
        kind: 'yes_no',
        required: false,
        requiredWhenYes: 'suspicion',
        text: { nl: 'Is er sprake van structurele onveiligheid?', en: 'Is there structural unsafety?' },
      },
      {
        id: 'can_organise_help',
        kind: 'yes_no',
        required: false,
        requiredWhenYes: 'suspicion',
        text: { nl: 'Kunt u passende hulp bieden of organiseren?', en: 'Can you offer or organise suitable help?' },
      },
      {
        id: 'help_accepted',
        kind: 'yes_no',
        required: false,
        requiredWhenYes: 'suspicion',
        text: { nl: 'Aanvaarden de betrokkenen die hulp?', en: 'Do those involved accept that help?' },
      },
      {
        id: 'lasting_safety',
        kind: 'yes_no',
        required: false,
        requiredWhenYes: 'suspicion',
        text: { nl: 'Leidt de hulp tot duurzame veiligheid?', en: 'Does the help lead to lasting safety?' },
      },
    ],
    decisions: [
      REPORT,
      ORGANISE_HELP,
      {
        code: 'no_suspicion',
        label: { nl: 'Geen vermoeden: geen melding of hulp nodig', en: 'No suspicion: no report or help needed' },
      },
    ],
    defaultDecision: (answers) => {
      if (answers.suspicion === undefined) return null;
      // Safety first: unsafety always points to a report, whatever else was answered.
      if (yes(answers, 'acute_unsafety') || yes(answers, 'structural_unsafety')) return 'report_veilig_thuis';
      if (!yes(answers, 'suspicion')) return 'no_suspicion';
      const helpWorks = ['can_organise_help', 'help_accepted', 'lasting_safety'].every((id) => yes(answers, id));
      return helpWorks ? 'organise_help' : 'report_veilig_thuis';
    },
  },
  {
    step: 5,
    title: { nl: 'Beslissen: hulp organiseren en/of melden', en: 'Decide: organise help and/or report' },
    guidance: {
      nl: 'Besluit op grond van de afweging in stap 4. Wijkt u af van wat stap 4 aangeeft, schrijf dan waarom. Vertel het kind wat er nu gebeurt.',
      en: 'Decide on the basis of the weighing in step 4. If you depart from what step 4 points to, write why. Tell the child what happens now.',
    },
    questions: [
      {
        id: 'child_informed',
        kind: 'yes_no',
        required: true,
        text: { nl: 'Weet het kind wat er nu gaat gebeuren?', en: 'Does the child know what happens now?' },
      },
      {
        id: 'next_steps',
        kind: 'text',
        required: false,
        text: { nl: 'Wat zijn de vervolgstappen?', en: 'What are the next steps?' },
      },
    ],
    decisions: [
      REPORT,
      ORGANISE_HELP,
      {
        code: 'report_and_help',
        label: { nl: 'Melden bij Veilig Thuis én hulp organiseren', en: 'Report to Veilig Thuis and organise help' },
        honours: ['report_veilig_thuis', 'organise_help'],
      },
      { code: 'no_further_action', label: { nl: 'Geen verdere actie', en: 'No further action' } },
    ],
    defaultDecision: (_answers, previous) => {
      const weighed = previous.get(4);
      if (weighed === 'report_veilig_thuis' || weighed === 'organise_help') return weighed;
      return weighed === 'no_suspicion' ? 'no_further_action' : null;
    },
  },
];

/** The definition of step `step` (1–5). */
export function meldcodeStep(step: MeldcodeStepNumber): MeldcodeStepDefinition {
  return MELDCODE_STEPS[step - 1]!;
}

/** Whether `decision` departs from `defaultCode` (a decision may honour several defaults). */
export function departsFrom(definition: MeldcodeStepDefinition, decision: string, defaultCode: string | null): boolean {
  if (defaultCode === null || decision === defaultCode) return false;
  const option = definition.decisions.find((candidate) => candidate.code === decision);
  return !option?.honours?.includes(defaultCode);
}

/** Whether a question must be answered, given the other answers of the step. */
export function isRequired(question: MeldcodeQuestion, answers: MeldcodeAnswers): boolean {
  return question.required || (question.requiredWhenYes !== undefined && yes(answers, question.requiredWhenYes));
}
