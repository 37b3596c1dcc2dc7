import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf } from '../../http/access-control.ts';
import type { ApiContext } from '../../http/api-context.ts';
import { ApiError } from '../../http/api-errors.ts';
import { apiRoute } from '../../http/api-route.ts';
import { passkeyListSchema, recoveryCodesViewSchema, sessionViewSchema } from './accounts.schema.ts';
import {
  passkeyIdParamsSchema,
  passkeyOptionsSchema,
  passkeyRegistrationRequestSchema,
  passkeySignInRequestSchema,
} from './passkeys.schema.ts';
import {
  completeWithPasskey,
  finishPasskeyRegistration,
  listPasskeys,
  relyingPartyOf,
  removePasskey,
  startPasskeyRegistration,
  startPasskeySignIn,
} from './passkeys.service.ts';
import { attemptSource, finishEnrolmentSignIn, sendNewSession } from './session.routes.ts';

/** Passkeys (WebAuthn): adding and removing them on the account page, and signing in with one (step two). */
export function registerPasskeyRoutes(app: FastifyInstance, context: ApiContext) {
  const { db, clock, registry } = context;
  const rp = relyingPartyOf(context.publicBaseUrl);
  const source = attemptSource;

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: '/api/v1/account/passkeys/options',
      policy: 'second-factor',
      summary: 'Start adding a passkey: WebAuthn creation options',
      response: passkeyOptionsSchema,
    },
    async (request) => startPasskeyRegistration(db, actorOf(request), rp, clock()),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: '/api/v1/account/passkeys',
      policy: 'second-factor',
      summary: 'Store a new passkey; answers new recovery codes if none are left',
      body: passkeyRegistrationRequestSchema,
      response: recoveryCodesViewSchema,
    },
    async (request, reply, { body }) => {
      const actor = actorOf(request);
      const recoveryCodes = await logRejection(request, finishPasskeyRegistration(db, actor, rp, body, clock()));
      await finishEnrolmentSignIn(context, request, reply, actor, 'passkey_enrolment');
      return { recoveryCodes };
    },
  );

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: '/api/v1/account/passkeys',
      policy: 'staff',
      summary: 'My passkeys',
      response: passkeyListSchema,
    },
    async (request) => ({
      passkeys: await listPasskeys(db, actorOf(request)),
    }),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'DELETE',
      url: '/api/v1/account/passkeys/:id',
      policy: 'staff',
      summary: 'Remove one of my passkeys (not the last second factor)',
    },
    async (request) => {
      const { id } = passkeyIdParamsSchema.parse(request.params);
      await removePasskey(db, actorOf(request), id);
    },
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: '/api/v1/session/passkey/options',
      policy: 'second-factor',
      summary: 'Step two with a passkey: WebAuthn request options',
      response: passkeyOptionsSchema,
    },
    async (request) => startPasskeySignIn(db, actorOf(request), rp, clock()),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: '/api/v1/session/passkey',
      policy: 'second-factor',
      summary: 'Step two: a passkey assertion',
      body: passkeySignInRequestSchema,
      response: sessionViewSchema,
    },
    async (request, reply, { body }) => {
      const issued = await logRejection(
        request,
        completeWithPasskey(db, actorOf(request), rp, body.response, source(request), clock()),
      );
      return sendNewSession(context, request, reply, issued);
    },
  );
}

/** Why a passkey was refused goes to the log (the client gets only the error id and message). */
async function logRejection<T>(request: FastifyRequest, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ApiError && typeof error.cause === 'string') {
      request.log.info({ error: error.id, reason: error.cause }, 'passkey refused');
    }
    throw error;
  }
}
