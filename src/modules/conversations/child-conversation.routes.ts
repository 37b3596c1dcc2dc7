import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement, type ReactElement } from 'react';
import { z } from 'zod';
import type { Database } from '../../db/pool.ts';
import type { ApiContext } from '../../http/api-context.ts';
import { sendHtmlOnce } from '../../http/compressed-body.ts';
import { NO_STORE } from '../../http/security-headers.ts';
import type { Translator } from '../../web/i18n/catalogue.ts';
import { ChildConversationPage } from '../../web/pages/child-conversation-page.tsx';
import type { FormNotice } from '../../web/pages/child-form-parts.tsx';
import { ConversationDeletedPage } from '../../web/pages/conversation-deleted-page.tsx';
import { DeleteConfirmPage } from '../../web/pages/delete-confirm-page.tsx';
import { ReadCodePage } from '../../web/pages/read-code-page.tsx';
import { availabilityForChildPages } from '../roster/roster.service.ts';
import { AlreadySentPage, WriteConfirmationPage } from '../../web/pages/write-confirmation-page.tsx';
import { WritePage } from '../../web/pages/write-page.tsx';
import { renderDocument } from '../../web/render.ts';
import { randomToken } from '../accounts/secrets.ts';
import type { MunicipalityRecord } from '../municipalities/municipalities.repository.ts';
import { resolveMunicipality } from '../municipalities/municipalities.service.ts';
import { conversationDepsOf } from './conversations.routes.ts';
import type { PageCache } from '../public-site/page-cache.ts';
import type { PublicSite } from '../public-site/public-site.ts';
import { generateCode } from './conversation-code.ts';
import { replyWithinHours } from './conversation-settings.repository.ts';
import { EMPTY_WRITE_FORM, parseCodeForm, parseWriteForm, replyError, replyText } from './child-form.schema.ts';
import {
  childReply,
  deleteConversationByChild,
  openConversation,
  startConversation,
} from './child-conversations.service.ts';
import type { CodeLookupFailure } from './conversations.types.ts';
import { claimCodeAttempt, claimMessage, messageClaims, releaseCodeAttempt } from './public-throttle.ts';

const slugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/) });

/** Which pages a municipality offers: writing only while active; reading also while paused. */
type Need = 'write' | 'read';

/**
 * The child's side of "write to the mayor", in every language. Every answer is no-store and sets
 * no cookie; the code travels only in POST bodies and in the HTML of no-store pages, never in a
 * URL (POST, then render: without cookies there is no other way to keep it out of URLs). Forms
 * are url-encoded, parsed only inside this scope.
 */
export function registerChildConversationRoutes(
  app: FastifyInstance,
  context: ApiContext,
  site: PublicSite,
  cache: PageCache,
): void {
  const deps = conversationDepsOf(context);
  const config = { policy: 'public' as const };

  void app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 64 * 1024 });

    for (const t of site.translators) {
      const pages = new ChildPages(site, t, context.db, cache, context.clock);
      const base = `${t.prefix}/gemeente/:slug`;

      scope.get(`${base}/schrijf`, { config }, async (request, reply) => {
        const municipality = await pages.municipality(request, reply, 'write', '/schrijf');
        if (!municipality) return reply;
        return pages.writeForm(request, reply, municipality, 200, EMPTY_WRITE_FORM, []);
      });

      scope.post(`${base}/schrijf`, { config }, async (request, reply) => {
        const municipality = await pages.municipality(request, reply, 'write', '/schrijf');
        if (!municipality) return reply;
        const form = parseWriteForm(request.body);
        if (form.kind === 'invalid') {
          const notice: FormNotice | undefined = form.tokenValid ? undefined : { id: 'form.notice.tokenInvalid' };
          return pages.writeForm(request, reply, municipality, 400, form.values, form.errors, notice);
        }
        const now = context.clock();
        // A robot filled in the hidden field: it gets a page like everyone else's, and nothing is stored.
        if (form.honeypot) {
          const hours = await replyWithinHours(context.db, municipality.code);
          return pages.confirmation(request, reply, municipality, generateCode(), hours);
        }
        const limits = messageClaims(context.keyring, request.ip, municipality.code, form.input.message);
        const started = await startConversation(deps, municipality.code, form.input, now, limits);
        if (started.kind === 'refused') {
          const refused = started.refusal;
          const notice =
            refused.refusal === 'throttled'
              ? throttled('form.notice.tooManyMessages', refused.until, now, reply)
              : floodNotice(reply);
          return pages.writeForm(request, reply, municipality, 429, form.values, [], notice);
        }
        if (started.kind === 'duplicate') {
          return pages.send(request, reply, 200, createElement(AlreadySentPage, pages.props(municipality, '/schrijf')));
        }
        return pages.confirmation(request, reply, municipality, started.code, started.replyWithinHours);
      });

      scope.get(`${base}/lees`, { config }, async (request, reply) => {
        const municipality = await pages.municipality(request, reply, 'read', '/lees');
        if (!municipality) return reply;
        return pages.send(request, reply, 200, createElement(ReadCodePage, pages.props(municipality, '/lees')));
      });

      scope.post(`${base}/lees`, { config }, async (request, reply) => {
        const municipality = await pages.municipality(request, reply, 'read', '/lees');
        if (!municipality) return reply;
        const form = parseCodeForm(request.body);
        const opened = await withCode(request, reply, municipality, form.code, (now) =>
          openConversation(deps, municipality.code, form.code, now),
        );
        if (!opened) return reply;
        return pages.conversation(request, reply, municipality, 200, {
          conversation: opened.conversation,
          code: form.code,
        });
      });

      scope.post(`${base}/lees/antwoord`, { config }, async (request, reply) => {
        const municipality = await pages.municipality(request, reply, 'read', '/lees');
        if (!municipality) return reply;
        const form = parseCodeForm(request.body);
        const opened = await withCode(request, reply, municipality, form.code, (now) =>
          openConversation(deps, municipality.code, form.code, now),
        );
        if (!opened) return reply;
        const page = { conversation: opened.conversation, code: form.code, reply: form.message };
        const error = replyError(form.message);
        if (error) return pages.conversation(request, reply, municipality, 400, { ...page, errors: [error] });
        if (!form.token) {
          const notice: FormNotice = { id: 'form.notice.tokenInvalid' };
          return pages.conversation(request, reply, municipality, 400, { ...page, notice });
        }
        const now = context.clock();
        const text = replyText(form.message);
        const claim = await claimMessage(context.db, context.keyring, request.ip, municipality.code, text, now);
        if (claim.refusedUntil) {
          const notice = throttled('form.notice.tooManyMessages', claim.refusedUntil, now, reply);
          return pages.conversation(request, reply, municipality, 429, { ...page, notice });
        }
        if (claim.flood) {
          return pages.conversation(request, reply, municipality, 429, { ...page, notice: floodNotice(reply) });
        }
        const sent = await childReply(deps, municipality.code, form.code, text, form.token, now);
        if (sent.kind === 'not_found' || sent.kind === 'expired') {
          return pages.codeProblem(request, reply, municipality, sent.kind, form.code, deps.codeExpiryDays);
        }
        return pages.conversation(request, reply, municipality, 200, {
          conversation: sent.conversation,
          code: form.code,
          sent: true,
        });
      });

      scope.post(`${base}/lees/verwijder`, { config }, async (request, reply) => {
        const municipality = await pages.municipality(request, reply, 'read', '/lees');
        if (!municipality) return reply;
        const form = parseCodeForm(request.body);
        if (!form.confirmed) {
          // Ask once more, but only for a code that works: "are you sure?" for a wrong code helps nobody.
          const opened = await withCode(request, reply, municipality, form.code, (now) =>
            openConversation(deps, municipality.code, form.code, now),
          );
          if (!opened) return reply;
          const props = { ...pages.props(municipality, '/lees'), code: form.code };
          return pages.send(request, reply, 200, createElement(DeleteConfirmPage, props));
        }
        const deleted = await withCode(request, reply, municipality, form.code, (now) =>
          deleteConversationByChild(deps, municipality.code, form.code, now),
        );
        if (!deleted) return reply;
        return pages.send(
          request,
          reply,
          200,
          createElement(ConversationDeletedPage, pages.props(municipality, '/lees')),
        );
      });

      /**
       * Uses a code: counted against guessing first (per source and globally), given back when it was
       * right (also when it was right but expired). A missing code is a form error and costs no attempt.
       * Undefined: the answer (form again, 400/410/429) has been sent.
       */
      async function withCode<R extends { kind: string }>(
        request: FastifyRequest,
        reply: FastifyReply,
        municipality: MunicipalityRecord,
        code: string,
        use: (now: Date) => Promise<R>,
      ): Promise<Exclude<R, CodeLookupFailure> | undefined> {
        if (code === '') {
          const errors = [{ field: 'code', id: 'codeMissing' } as const];
          const props = { ...pages.props(municipality, '/lees'), errors };
          await pages.send(request, reply, 400, createElement(ReadCodePage, props));
          return undefined;
        }
        const now = context.clock();
        const claim = await claimCodeAttempt(context.db, context.keyring, request.ip, now);
        if (claim.refusedUntil) {
          const notice = throttled('form.notice.tooManyCodes', claim.refusedUntil, now, reply);
          const props = { ...pages.props(municipality, '/lees'), code, notice };
          await pages.send(request, reply, 429, createElement(ReadCodePage, props));
          return undefined;
        }
        const result = await use(now);
        if (result.kind !== 'not_found') await releaseCodeAttempt(context.db, context.keyring, request.ip);
        if (result.kind === 'not_found' || result.kind === 'expired') {
          const kind = result.kind;
          await pages.codeProblem(request, reply, municipality, kind, code, deps.codeExpiryDays);
          return undefined;
        }
        return result as Exclude<R, CodeLookupFailure>;
      }
    }
  });
}

/** Sets Retry-After and says in whole minutes (at least one) how long to wait. */
function throttled(
  id: 'form.notice.tooManyMessages' | 'form.notice.tooManyCodes',
  until: Date,
  now: Date,
  reply: FastifyReply,
): FormNotice {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  reply.header('retry-after', String(seconds));
  return { id, values: { count: Math.max(1, Math.ceil(seconds / 60)) } };
}

/** The same text too often for one municipality: try again after the flood window (10 minutes). */
function floodNotice(reply: FastifyReply): FormNotice {
  reply.header('retry-after', '600');
  return { id: 'form.notice.flood' };
}

/** Stands for the code while the confirmation page is rendered once (see ChildPages.confirmationAround). */
const CODE_PLACEHOLDER = 'opendeur-code-placeholder-7d1f';
/** What a code looks like (generateCode): nothing HTML would need escaped. */
const CODE_TEXT = /^[a-z]+(-[a-z]+)*-\d+$/;

type Availability = Awaited<ReturnType<typeof availabilityForChildPages>>;

/** Rendering and the municipality check, for one language. */
class ChildPages {
  private readonly confirmations = new WeakMap<
    MunicipalityRecord,
    WeakMap<Availability, Map<number, { before: string; after: string } | null>>
  >();

  constructor(
    private readonly site: PublicSite,
    private readonly t: Translator,
    private readonly db: Database,
    private readonly cache: PageCache,
    private readonly clock: () => Date,
  ) {}

  /** Who is there now, from the roster: only on these no-store pages, never on the cached municipality page. */
  async availability(municipality: MunicipalityRecord) {
    return availabilityForChildPages(this.db, municipality.code, this.clock());
  }

  /** The props every child page needs; `path` (after the slug) is where the language switch leads. */
  props(municipality: MunicipalityRecord, path: '/schrijf' | '/lees') {
    const sitePath = `/gemeente/${municipality.slug}${path}`;
    return { context: this.site.context(this.t.locale, sitePath), municipality };
  }

  /**
   * The municipality of the URL when it offers this page; otherwise the answer is already sent
   * (404 unknown, 301/308 merged into another, 303 to its page when it does not take part).
   */
  async municipality(
    request: FastifyRequest,
    reply: FastifyReply,
    need: Need,
    path: '/schrijf' | '/lees' = '/lees',
  ): Promise<MunicipalityRecord | undefined> {
    const params = slugParams.safeParse(request.params);
    const slug = params.success ? params.data.slug : undefined;
    // Every message looks its municipality up: remembered until the registry announces a change.
    const loaded = slug
      ? await this.cache.remember(`municipality:${slug}`, () => resolveMunicipality(this.db, slug))
      : undefined;
    reply.header('cache-control', NO_STORE);
    if (!loaded || loaded.kind === 'unknown') {
      await this.site.notFound(request, reply);
      return undefined;
    }
    const route = request.routeOptions.url ?? path;
    const suffix = route.slice(route.indexOf(':slug') + ':slug'.length);
    if (loaded.kind === 'moved') {
      // 308 keeps a POST a POST, body and all: the code still never enters a URL.
      await reply.redirect(this.t.href(`/gemeente/${loaded.slug}${suffix}`), request.method === 'GET' ? 301 : 308);
      return undefined;
    }
    const { participation } = loaded.municipality;
    if (participation !== 'active' && !(need === 'read' && participation === 'paused')) {
      await reply.redirect(this.t.href(`/gemeente/${loaded.municipality.slug}`), 303);
      return undefined;
    }
    return loaded.municipality;
  }

  async writeForm(
    request: FastifyRequest,
    reply: FastifyReply,
    municipality: MunicipalityRecord,
    status: number,
    values: Parameters<typeof WritePage>[0]['values'],
    errors: Parameters<typeof WritePage>[0]['errors'],
    notice?: FormNotice,
  ) {
    const availability = await this.availability(municipality);
    const props = {
      ...this.props(municipality, '/schrijf'),
      values,
      errors,
      notice,
      token: randomToken(),
      availability,
    };
    return this.send(request, reply, status, createElement(WritePage, props));
  }

  async confirmation(
    request: FastifyRequest,
    reply: FastifyReply,
    municipality: MunicipalityRecord,
    code: string,
    hours: number,
  ) {
    const availability = await this.availability(municipality);
    const page = this.confirmationAround(municipality, hours, availability);
    if (!page || !CODE_TEXT.test(code)) {
      return this.send(request, reply, 200, this.confirmationPage(municipality, code, hours, availability));
    }
    reply.code(200).header('cache-control', NO_STORE);
    return sendHtmlOnce(request, reply, page.before + code + page.after);
  }

  private confirmationPage(municipality: MunicipalityRecord, code: string, hours: number, availability: Availability) {
    // The language switch leads to the read page: switching language must not resend the form.
    const props = { ...this.props(municipality, '/lees'), code, replyWithinHours: hours, availability };
    return createElement(WriteConfirmationPage, props);
  }

  /**
   * The confirmation page without its code, rendered once for each municipality record, reply time and
   * availability (the roster's answer, reused for 30 s): every child who writes meanwhile gets the
   * same page but for the code, so the code is put in between instead of rendering it all again.
   * Keyed by object identity, so a new municipality record (after a registry change) or a new
   * availability renders anew; undefined when the page does not hold the placeholder exactly once.
   */
  private confirmationAround(municipality: MunicipalityRecord, hours: number, availability: Availability) {
    let byAvailability = this.confirmations.get(municipality);
    if (!byAvailability) this.confirmations.set(municipality, (byAvailability = new WeakMap()));
    let byHours = byAvailability.get(availability);
    if (!byHours)
      byAvailability.set(availability, (byHours = new Map<number, { before: string; after: string } | null>()));
    let page = byHours.get(hours);
    if (page === undefined) {
      const parts = renderDocument(this.confirmationPage(municipality, CODE_PLACEHOLDER, hours, availability)).split(
        CODE_PLACEHOLDER,
      );
      page = parts.length === 2 ? { before: parts[0]!, after: parts[1]! } : null;
      byHours.set(hours, page);
    }
    return page ?? undefined;
  }

  conversation(
    request: FastifyRequest,
    reply: FastifyReply,
    municipality: MunicipalityRecord,
    status: number,
    page: Omit<Parameters<typeof ChildConversationPage>[0], 'context' | 'municipality' | 'token'>,
  ) {
    const props = { ...this.props(municipality, '/lees'), ...page, token: randomToken() };
    return this.send(request, reply, status, createElement(ChildConversationPage, props));
  }

  /** A wrong code (400, typed code kept to fix a typo) or an expired one (410, what to do instead). */
  codeProblem(
    request: FastifyRequest,
    reply: FastifyReply,
    municipality: MunicipalityRecord,
    kind: 'not_found' | 'expired',
    code: string,
    expiryDays: number,
  ) {
    const base = this.props(municipality, '/lees');
    if (kind === 'expired') {
      return this.send(request, reply, 410, createElement(ReadCodePage, { ...base, expiredAfterDays: expiryDays }));
    }
    const errors = [{ field: 'code', id: 'codeWrong' } as const];
    return this.send(request, reply, 400, createElement(ReadCodePage, { ...base, code, errors }));
  }

  send(request: FastifyRequest, reply: FastifyReply, status: number, page: ReactElement) {
    reply.code(status).header('cache-control', NO_STORE);
    return sendHtmlOnce(request, reply, renderDocument(page));
  }
}
