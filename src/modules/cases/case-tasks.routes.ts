import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/access-control.ts';
import type { ApiContext } from '../../http/api-context.ts';
import { apiError } from '../../http/api-errors.ts';
import { apiRoute } from '../../http/api-route.ts';
import { createTaskRequestSchema, taskListSchema, taskParamsSchema, taskSchema } from './case-tasks.schema.ts';
import { completeTask, createTask, listTasks } from './case-tasks.service.ts';
import type { CaseDeps } from './cases.types.ts';

const caseParams = z.object({ id: z.string().uuid() });

/** What the case services need, taken from the API context. */
export function followUpDepsOf(context: ApiContext): CaseDeps {
  const { db, keyring, mailer, publicBaseUrl, clock } = context;
  return { db, keyring, mailer, publicBaseUrl, clock };
}

/** The case id of a request; a malformed one is as unknown as a missing one. */
export function caseIdOf(request: FastifyRequest): string {
  const parsed = caseParams.safeParse(request.params);
  if (!parsed.success) throw apiError('case.not_found');
  return parsed.data.id;
}

function taskIdsOf(request: FastifyRequest): { caseId: string; taskId: string } {
  const caseId = caseIdOf(request);
  const parsed = taskParamsSchema.safeParse(request.params);
  if (!parsed.success) throw apiError('case_task.not_found');
  return { caseId, taskId: parsed.data.taskId };
}

/** A case's follow-up tasks: list, add, mark done. Access per case is the services' rule (openCase). */
export function registerCaseTaskRoutes(app: FastifyInstance, context: ApiContext) {
  const { registry } = context;
  const deps = followUpDepsOf(context);

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: '/api/v1/cases/:id/tasks',
      policy: 'responder',
      summary: "A case's follow-up tasks (the read is audited)",
      response: taskListSchema,
    },
    async (request) => listTasks(deps, actorOf(request), caseIdOf(request)),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: '/api/v1/cases/:id/tasks',
      policy: 'responder',
      summary: 'Add a follow-up task with a due date (a reminder goes out once when it is overdue)',
      body: createTaskRequestSchema,
      response: taskSchema,
    },
    async (request, _reply, { body }) => createTask(deps, actorOf(request), caseIdOf(request), body),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: '/api/v1/cases/:id/tasks/:taskId/done',
      policy: 'responder',
      summary: 'Mark a follow-up task done',
      response: taskSchema,
    },
    async (request) => {
      const { caseId, taskId } = taskIdsOf(request);
      return completeTask(deps, actorOf(request), caseId, taskId);
    },
  );
}
