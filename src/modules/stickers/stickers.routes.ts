import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/access-control.ts';
import type { ApiContext } from '../../http/api-context.ts';
import { apiError } from '../../http/api-errors.ts';
import { apiRoute } from '../../http/api-route.ts';
import type { HelpLines } from '../../web/help-lines.ts';
import { qrVisitFigures } from './qr-visits.service.ts';
import type { PrintFormat } from './sticker-pdf.ts';
import { changeOrderStatus, listStickerOrders, placeOrder } from './sticker-orders.service.ts';
import {
  municipalityCodeParam,
  qrVisitsViewSchema,
  stickerOrderListSchema,
  stickerOrderRequestSchema,
  stickerOrderStatusRequestSchema,
  stickerQuerySchema,
} from './stickers.schema.ts';
import { stickerPdfFor } from './stickers.service.ts';

const codeParams = z.object({ code: municipalityCodeParam });
const orderParams = z.object({ id: z.string().uuid() });

/** Stickers and posters (PDF), orders of printed ones, and the QR visit figures. */
export function registerStickerRoutes(app: FastifyInstance, context: ApiContext, helpLines: HelpLines) {
  const { db, clock, registry } = context;

  for (const format of ['sticker', 'poster'] as const satisfies readonly PrintFormat[]) {
    apiRoute(
      app,
      registry,
      {
        method: 'GET',
        url: `/api/v1/stickers/:code/${format}.pdf`,
        policy: 'coordinator',
        summary:
          format === 'sticker' ? 'The A6 door sticker as a print-ready PDF' : 'The A4 poster as a print-ready PDF',
        query: stickerQuerySchema,
        produces: 'application/pdf',
      },
      async (request: FastifyRequest, reply: FastifyReply, { query }) => {
        const params = codeParams.safeParse(request.params);
        if (!params.success) throw apiError('sticker.unknown_municipality');
        const { pdf, filename } = await stickerPdfFor(
          db,
          actorOf(request),
          { code: params.data.code, format, language: query.lang },
          { publicBaseUrl: context.publicBaseUrl, helpLines },
        );
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .send(pdf);
      },
    );
  }

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: '/api/v1/sticker-orders',
      policy: 'coordinator',
      summary: 'Sticker orders: all for the national coordinator, their own for a municipality',
      response: stickerOrderListSchema,
    },
    async (request) => listStickerOrders(db, actorOf(request)),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: '/api/v1/sticker-orders',
      policy: 'coordinator',
      summary: 'Order printed stickers and posters (municipal coordinator)',
      body: stickerOrderRequestSchema,
      response: z.object({ id: z.string().uuid() }),
    },
    async (request, reply, { body }) => {
      const created = await placeOrder(db, actorOf(request), body, clock());
      reply.code(201);
      return created;
    },
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: '/api/v1/sticker-orders/:id/status',
      policy: 'national',
      summary: 'Approve, ship or reject an order',
      body: stickerOrderStatusRequestSchema,
    },
    async (request, _reply, { body }) => {
      const params = orderParams.safeParse(request.params);
      if (!params.success) throw apiError('sticker_order.not_found');
      await changeOrderStatus(db, actorOf(request), params.data.id, body, {
        mailer: context.mailer,
        publicBaseUrl: context.publicBaseUrl,
        now: clock(),
      });
    },
  );

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: '/api/v1/qr-visits',
      policy: 'coordinator',
      summary: 'Visits through the stickers’ QR codes per municipality per month',
      query: z.object({ municipality: municipalityCodeParam.optional() }),
      response: qrVisitsViewSchema,
    },
    async (request, _reply, { query }) => qrVisitFigures(db, actorOf(request), query.municipality),
  );
}
