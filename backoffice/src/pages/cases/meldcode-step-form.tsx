import { useState, type FormEvent } from 'react';
import {
  decideMeldcodeStep,
  departsFrom,
  isRequired,
  MAX_MELDCODE_TEXT_CHARS,
  meldcodeStep,
  MIN_DEPARTURE_REASON_CHARS,
  type MeldcodeAnswers,
  type MeldcodeStep,
  type MeldcodeStepNumber,
  type MeldcodeView,
} from '../../api/meldcode-api.ts';
import { FormErrorAlert, Notice } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { RadioGroup } from '../../components/radio-group.tsx';
import { TextAreaField } from '../../components/text-area-field.tsx';
import { useApiForm, type FieldErrors } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';

interface MeldcodeStepFormProps {
  caseId: string;
  step: MeldcodeStep;
  /** The latest decision of each earlier step (step 5's default follows step 4's). */
  previous: ReadonlyMap<number, string>;
  onDecided: (view: MeldcodeView) => void;
}

/**
 * One step's questions, its decision (the default preselected, and following the answers while they
 * are given) and a reason. The reason becomes required, with a warning, as soon as the chosen decision
 * departs from the default: the same rule the server applies (the step definitions are shared).
 */
export function MeldcodeStepForm({ caseId, step, previous, onDecided }: MeldcodeStepFormProps) {
  const t = useTranslate();
  const definition = meldcodeStep(step.step as MeldcodeStepNumber);
  const form = useApiForm(['answers', 'decision', 'reason', ...step.questions.map((question) => question.id)]);
  const [answers, setAnswers] = useState<MeldcodeAnswers>(() => ({ ...(step.latest?.answers ?? {}) }));
  const [chosen, setChosen] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const fallback = definition.defaultDecision(answers, previous);
  // A step with one decision (recording that it was done) has it chosen already.
  const only = step.decisions.length === 1 ? step.decisions[0]!.code : null;
  // Until the user picks one, the decision follows the default (which the answers can change).
  const decision = chosen ?? fallback ?? only ?? '';
  const departs = decision !== '' && departsFrom(definition, decision, fallback);
  const fallbackLabel = step.decisions.find((option) => option.code === fallback)?.label ?? '';
  const required = (id: string) => {
    const question = definition.questions.find((candidate) => candidate.id === id);
    return question ? isRequired(question, answers) : false;
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = reason.trim();
    const errors: FieldErrors<string> = {};
    for (const question of step.questions) {
      const answer = answers[question.id];
      if (required(question.id) && (answer === undefined || answer === ''))
        errors[question.id] = t('meldcode.answerMissing');
      if (typeof answer === 'string' && answer.length > MAX_MELDCODE_TEXT_CHARS)
        errors[question.id] = t('cases.tooLong', { max: MAX_MELDCODE_TEXT_CHARS });
    }
    if (!decision) errors['decision'] = t('meldcode.decisionMissing');
    if (departs && trimmed.length < MIN_DEPARTURE_REASON_CHARS)
      errors['reason'] = t('meldcode.reasonTooShort', { min: MIN_DEPARTURE_REASON_CHARS });
    // Answers the user emptied again are left out (a text answer must not be empty).
    const given = Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== ''));
    void form.submit(
      async () =>
        onDecided(
          await decideMeldcodeStep(caseId, step.step, { answers: given, decision, reason: trimmed || undefined }),
        ),
      errors,
    );
  }

  const yesNo = [
    { value: 'yes', label: t('common.yes') },
    { value: 'no', label: t('common.no') },
  ];
  return (
    <form noValidate onSubmit={onSubmit} className="od-meldcode__form">
      <FormErrorAlert message={form.formError ?? form.fieldErrors['answers']} alertRef={form.alertRef} />
      {step.questions.map((question) => {
        const label = required(question.id) ? question.text : t('meldcode.optional', { text: question.text });
        const answer = answers[question.id];
        return question.kind === 'yes_no' ? (
          <RadioGroup
            key={question.id}
            id={form.fieldId(question.id)}
            name={`stap-${step.step}-${question.id}`}
            legend={label}
            value={answer === true ? 'yes' : answer === false ? 'no' : ''}
            onChange={(value) => setAnswers({ ...answers, [question.id]: value === 'yes' })}
            options={yesNo}
            error={form.fieldErrors[question.id]}
          />
        ) : (
          <TextAreaField
            key={question.id}
            id={form.fieldId(question.id)}
            label={label}
            value={typeof answer === 'string' ? answer : ''}
            onChange={(event) => setAnswers({ ...answers, [question.id]: event.target.value })}
            error={form.fieldErrors[question.id]}
            rows={3}
          />
        );
      })}
      <RadioGroup
        id={form.fieldId('decision')}
        name={`stap-${step.step}-beslissing`}
        legend={t('meldcode.decision')}
        value={decision}
        onChange={setChosen}
        options={step.decisions.map((option) => ({
          value: option.code,
          label: option.code === fallback ? t('meldcode.defaultOption', { label: option.label }) : option.label,
        }))}
        error={form.fieldErrors['decision']}
      />
      {departs && (
        <Notice type="warning">
          <p className="nl-paragraph">{t('meldcode.departsWarning', { label: fallbackLabel })}</p>
        </Notice>
      )}
      <TextAreaField
        id={form.fieldId('reason')}
        label={departs ? t('meldcode.reasonRequired') : t('meldcode.reason')}
        description={t('meldcode.reasonHint', { min: MIN_DEPARTURE_REASON_CHARS })}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={form.fieldErrors['reason']}
        aria-required={departs || undefined}
        rows={3}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary" busy={form.busy}>
          {t('meldcode.submit', { step: step.step })}
        </Button>
      </ButtonGroup>
    </form>
  );
}
