import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/access-control.ts';
import type { ApiContext } from '../../http/api-context.ts';
import { apiError } from '../../http/api-errors.ts';
import { apiRoute } from '../../http/api-route.ts';
import type { CaseDeps } from '../cases/cases.types.ts';
import {
  createReferralSchema,
  referralListSchema,
  referralSchema,
  sendReferralSchema,
  sendResultSchema,
} from './referrals.schema.ts';
import { createReferral, listReferrals, sendReferral } from './referrals.service.ts';

const caseParams = z.object({ id: z.string().uuid() });
const referralParams = caseParams.extend({ referralId: z.string().uuid() });

/** What the case services need, from the API context. */
export function referralDepsOf(context: ApiContext): CaseDeps {
  const { db, keyring, mailer, publicBaseUrl, clock } = context;
  return { db, keyring, mailer, publicBaseUrl, clock };
}

function caseIdOf(request: FastifyRequest): string {
  const parsed = caseParams.safeParse(request.params);
  if (!parsed.success) throw apiError('case.not_found');
  return parsed.data.id;
}

/** A case's referrals: list, prepare, send (the link is answered once). */
export function registerReferralRoutes(app: FastifyInstance, context: ApiContext): void {
  const { registry } = context;
  const deps = referralDepsOf(context);
  const base = '/api/v1/cases/:id/referrals';

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: base,
      policy: 'responder',
      summary: 'The referrals of a case (the read is audited)',
      response: referralListSchema,
    },
    async (request) => listReferrals(deps, actorOf(request), caseIdOf(request)),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: base,
      policy: 'responder',
      summary: "Prepare a referral (other parties than Veilig Thuis and the police need the child's consent)",
      body: createReferralSchema,
      response: referralSchema,
    },
    async (request, _reply, { body }) => createReferral(deps, actorOf(request), caseIdOf(request), body),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: `${base}/:referralId/send`,
      policy: 'responder',
      summary: 'Send a referral: a link for the receiving party (valid 14 days), e-mailed without content',
      body: sendReferralSchema,
      response: sendResultSchema,
    },
    async (request, _reply, { body }) => {
      const parsed = referralParams.safeParse(request.params);
      if (!parsed.success)
        throw apiError(caseParams.safeParse(request.params).success ? 'referral.not_found' : 'case.not_found');
      return sendReferral(deps, actorOf(request), parsed.data.id, parsed.data.referralId, { email: body.email });
    },
  );
}
