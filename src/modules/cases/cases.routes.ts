import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/access-control.ts';
import type { ApiContext } from '../../http/api-context.ts';
import { apiError } from '../../http/api-errors.ts';
import { apiRoute } from '../../http/api-route.ts';
import { breakGlass } from './break-glass.service.ts';
import { caseForConversation, createCase } from './case-create.service.ts';
import { readCase } from './case-detail.service.ts';
import {
  assignRequestSchema,
  breakGlassRequestSchema,
  caseAssigneeListSchema,
  caseDetailSchema,
  caseIdSchema,
  caseListQuerySchema,
  caseListSchema,
  classificationListSchema,
  classificationRequestSchema,
  consentRequestSchema,
  createCaseRequestSchema,
  eventRequestSchema,
  statusRequestSchema,
  summaryRequestSchema,
} from './cases.schema.ts';
import {
  addCaseEvent,
  assignCase,
  changeStatus,
  listCaseAssigneeOptions,
  listCases,
  setClassification,
  setConsent,
  unassignCase,
  updateSummary,
} from './cases.service.ts';
import type { CaseDeps } from './cases.types.ts';
import { caseMunicipalityOf } from './case-access.ts';
import { classificationIn } from './classification.ts';

const idParams = z.object({ id: z.string().uuid() });
const assigneeParams = z.object({ id: z.string().uuid(), userId: z.string().uuid() });

/** The case id of a request; a malformed one is as unknown as a missing one. */
function caseIdOf(request: FastifyRequest): string {
  const parsed = idParams.safeParse(request.params);
  if (!parsed.success) throw apiError('case.not_found');
  return parsed.data.id;
}

/** What the case services need, taken from the API context. */
export function caseDepsOf(context: ApiContext): CaseDeps {
  const { db, keyring, mailer, publicBaseUrl, clock } = context;
  return { db, keyring, mailer, publicBaseUrl, clock };
}

/**
 * Cases for a municipality's responders and coordinator: list, create (by hand or from a
 * conversation), read, change, assign, notes and calls, consent, classification and breaking the
 * glass. Policy 'responder' lets them in; the services decide per case (openCase, deny by default).
 */
export function registerCaseRoutes(app: FastifyInstance, context: ApiContext): void {
  const { registry } = context;
  const deps = caseDepsOf(context);
  const base = '/api/v1/cases';
  const route = <B extends z.ZodType | undefined>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    summary: string,
    body: B,
    handler: (request: FastifyRequest, body: B extends z.ZodType ? z.infer<B> : undefined) => Promise<unknown>,
    response: z.ZodType = caseDetailSchema,
  ) =>
    apiRoute(app, registry, { method, url, policy: 'responder', summary, body, response }, (request, _reply, input) =>
      handler(request, input.body as B extends z.ZodType ? z.infer<B> : undefined),
    );

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: base,
      policy: 'responder',
      summary: 'Cases of my municipality (metadata only): the ones I can open, or all of them',
      query: caseListQuerySchema,
      response: caseListSchema,
    },
    async (request, _reply, { query }) => listCases(deps, actorOf(request), query.view ?? 'mine'),
  );

  route(
    'GET',
    `${base}/classification`,
    'Case categories (Child Helpline International) and closing outcomes',
    undefined,
    async (request) => {
      const actor = actorOf(request);
      caseMunicipalityOf(actor);
      return classificationIn(actor.locale);
    },
    classificationListSchema,
  );

  route(
    'GET',
    `${base}/assignees`,
    'Who a case can be assigned to',
    undefined,
    async (request) => listCaseAssigneeOptions(deps, actorOf(request)),
    caseAssigneeListSchema,
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: base,
      policy: 'responder',
      summary: 'Open a case for a walk-in, a phone call or by hand (I become its assignee)',
      body: createCaseRequestSchema,
      response: caseIdSchema,
    },
    async (request, reply, { body }) => {
      reply.code(201);
      return createCase(deps, actorOf(request), {
        origin: body.origin,
        ...(body.summary ? { summary: body.summary } : {}),
      });
    },
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: '/api/v1/conversations/:id/case',
      policy: 'responder',
      summary: "The conversation's case, made if it has none (201; I become its assignee)",
      response: caseIdSchema,
    },
    async (request, reply) => {
      const parsed = idParams.safeParse(request.params);
      if (!parsed.success) throw apiError('conversation.not_found');
      const { id, created } = await caseForConversation(deps, actorOf(request), parsed.data.id);
      reply.code(created ? 201 : 200);
      return { id };
    },
  );

  route('GET', `${base}/:id`, 'A whole case with its timeline (the read is audited)', undefined, async (request) =>
    readCase(deps, actorOf(request), caseIdOf(request)),
  );

  route('PATCH', `${base}/:id`, "Change the case's short description", summaryRequestSchema, async (request, body) =>
    updateSummary(deps, actorOf(request), caseIdOf(request), body.summary),
  );

  route(
    'POST',
    `${base}/:id/status`,
    'Move the case to another status (closing needs a category and an outcome)',
    statusRequestSchema,
    async (request, body) =>
      changeStatus(deps, actorOf(request), caseIdOf(request), {
        status: body.status,
        ...(body.outcome ? { outcome: body.outcome } : {}),
      }),
  );

  route('POST', `${base}/:id/assignees`, 'Add a colleague to the case', assignRequestSchema, async (request, body) =>
    assignCase(deps, actorOf(request), caseIdOf(request), body.userId),
  );

  route('DELETE', `${base}/:id/assignees/:userId`, 'Take a colleague off the case', undefined, async (request) => {
    const parsed = assigneeParams.safeParse(request.params);
    if (!parsed.success) throw apiError('case.not_found');
    return unassignCase(deps, actorOf(request), parsed.data.id, parsed.data.userId);
  });

  route(
    'POST',
    `${base}/:id/events`,
    'Write a note or a phone call on the timeline',
    eventRequestSchema,
    (request, body) => addCaseEvent(deps, actorOf(request), caseIdOf(request), body),
  );

  route(
    'PUT',
    `${base}/:id/consent`,
    "Record the child's consent to a referral",
    consentRequestSchema,
    async (request, body) =>
      setConsent(deps, actorOf(request), caseIdOf(request), {
        consent: body.consent,
        ...(body.note ? { note: body.note } : {}),
      }),
  );

  route(
    'PUT',
    `${base}/:id/classification`,
    'Set the category and subcategory of the case',
    classificationRequestSchema,
    async (request, body) =>
      setClassification(deps, actorOf(request), caseIdOf(request), {
        category: body.category,
        subcategory: body.subcategory ?? null,
      }),
  );

  route(
    'POST',
    `${base}/:id/break-glass`,
    'Open a case I am not assigned to, with a written reason (audited; the coordinator is told)',
    breakGlassRequestSchema,
    async (request, body) => breakGlass(deps, actorOf(request), caseIdOf(request), body.reason),
  );
}
