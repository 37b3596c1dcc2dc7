import { useState, type FormEvent } from 'react';
import {
  addTask,
  fetchCaseAssignees,
  fetchTasks,
  markTaskDone,
  TASK_TITLE_MAX_CHARS,
  type CaseTask,
} from '../../api/cases-api.ts';
import { ErrorAlert, FormErrorAlert } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { errorText } from '../../components/error-text.ts';
import { SectionHeading } from '../../components/headings.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useApiForm } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { useFormatDate } from './case-labels.ts';

interface TasksSectionProps {
  caseId: string;
  /** A task was added or done (the case's timeline has a new entry). */
  onChanged: () => void;
}

/** Follow-up: tasks with a due date (reminded by e-mail), "te laat" when overdue, marked done. */
export function TasksSection({ caseId, onChanged }: TasksSectionProps) {
  const t = useTranslate();
  const formatDate = useFormatDate();
  const tasks = useApiData(() => fetchTasks(caseId), caseId);
  const [doing, setDoing] = useState<string>();
  const [doneError, setDoneError] = useState<string>();

  function changed() {
    tasks.reload();
    onChanged();
  }

  async function done(task: CaseTask) {
    setDoing(task.id);
    setDoneError(undefined);
    try {
      await markTaskDone(caseId, task.id);
      changed();
    } catch (failure) {
      setDoneError(errorText(failure, t));
    } finally {
      setDoing(undefined);
    }
  }

  const list = tasks.data?.tasks ?? [];
  return (
    <section aria-labelledby="taken" className="od-panel">
      <SectionHeading level={2} id="taken">
        {t('tasks.title')}
      </SectionHeading>
      {tasks.error && <ErrorAlert>{tasks.error}</ErrorAlert>}
      {doneError && <ErrorAlert>{doneError}</ErrorAlert>}
      {tasks.data && list.length === 0 && <p className="nl-paragraph">{t('tasks.none')}</p>}
      {list.length > 0 && (
        <ul className="od-plain-list od-tasks">
          {list.map((task) => (
            <li key={task.id} className="od-task">
              <span className="od-cell-title od-break">{task.title}</span>
              <span className="od-cell-detail">
                {t('tasks.due', { date: formatDate(task.dueAt) })}
                {' · '}
                {task.assignee ? task.assignee.displayName : t('tasks.nobody')}
              </span>
              {task.doneAt ? (
                <span className="od-tag">{t('tasks.doneOn', { date: formatDate(task.doneAt) })}</span>
              ) : (
                <>
                  {task.overdue && <span className="od-tag od-tag--warning">{t('tasks.overdue')}</span>}
                  <Button
                    busy={doing === task.id}
                    aria-label={t('tasks.markDoneFor', { title: task.title })}
                    onClick={() => void done(task)}
                  >
                    {t('tasks.markDone')}
                  </Button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <NewTaskForm caseId={caseId} onAdded={changed} />
    </section>
  );
}

/** Today in the user's time zone as YYYY-MM-DD (the date input's format). */
function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

function NewTaskForm({ caseId, onAdded }: { caseId: string; onAdded: () => void }) {
  const t = useTranslate();
  const form = useApiForm(['title', 'dueAt', 'assigneeUserId'] as const);
  const assignees = useApiData(fetchCaseAssignees, 'case-assignees');
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [assignee, setAssignee] = useState('');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = title.trim();
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(due);
    void form.submit(
      async () => {
        // The end of the chosen day in the user's time zone: a task due "today" is not late this morning.
        const dueAt = new Date(`${due}T17:00:00`).toISOString();
        await addTask(caseId, { title: trimmed, dueAt, assigneeUserId: assignee || null });
        setTitle('');
        setDue('');
        setAssignee('');
        onAdded();
      },
      {
        title: trimmed ? undefined : t('tasks.titleMissing'),
        dueAt: !valid ? t('tasks.dueMissing') : due < today() ? t('tasks.dueInPast') : undefined,
      },
    );
  }

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="taak-nieuw">
      <SectionHeading level={3} id="taak-nieuw">
        {t('tasks.new.title')}
      </SectionHeading>
      <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
      <TextField
        id={form.fieldId('title')}
        label={t('tasks.new.what')}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        error={form.fieldErrors.title}
        maxLength={TASK_TITLE_MAX_CHARS}
      />
      <TextField
        id={form.fieldId('dueAt')}
        type="date"
        label={t('tasks.new.due')}
        min={today()}
        value={due}
        onChange={(event) => setDue(event.target.value)}
        error={form.fieldErrors.dueAt}
      />
      <SelectField
        id={form.fieldId('assigneeUserId')}
        label={t('tasks.new.assignee')}
        value={assignee}
        onChange={(event) => setAssignee(event.target.value)}
        options={[
          { value: '', label: t('tasks.nobody') },
          ...(assignees.data?.assignees ?? []).map((person) => ({ value: person.id, label: person.displayName })),
        ]}
        error={form.fieldErrors.assigneeUserId}
      />
      <ButtonGroup>
        <Button type="submit" busy={form.busy}>
          {t('tasks.new.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
