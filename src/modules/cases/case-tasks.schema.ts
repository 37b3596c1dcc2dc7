import { z } from 'zod';

/**
 * The API contract of a case's follow-up tasks (JSON under /api/v1/cases/:id/tasks). A task's title
 * is content (encrypted with the case key); its due date and assignee are not.
 */

/** The longest task title. */
export const TASK_TITLE_MAX_CHARS = 300;

/** One task as the back office sees it; `overdue` is due and not done, at the time of the request. */
export const taskSchema = z.object({
  id: z.string().uuid(),
  title: z.string(),
  dueAt: z.string(),
  assignee: z.object({ id: z.string().uuid(), displayName: z.string() }).nullable(),
  doneAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  overdue: z.boolean(),
});
export type TaskView = z.infer<typeof taskSchema>;

/** GET /api/v1/cases/:id/tasks — open tasks first (earliest due first), then the done ones. */
export const taskListSchema = z.object({ tasks: z.array(taskSchema) });

/** POST /api/v1/cases/:id/tasks. */
export const createTaskRequestSchema = z.object({
  title: z
    .string({ error: 'must be text' })
    .trim()
    .min(1, 'must not be empty')
    .max(TASK_TITLE_MAX_CHARS, `must be at most ${TASK_TITLE_MAX_CHARS} characters`),
  dueAt: z.iso.datetime({ offset: true, error: 'must be a date and time (ISO 8601)' }),
  assigneeUserId: z.string().uuid('must be a user id').nullable().optional(),
});
export type CreateTaskRequest = z.infer<typeof createTaskRequestSchema>;

/** The `:id` and `:taskId` of a task route. */
export const taskParamsSchema = z.object({ id: z.string().uuid(), taskId: z.string().uuid() });
