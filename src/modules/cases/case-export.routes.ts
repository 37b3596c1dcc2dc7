import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../http/access-control.ts';
import type { ApiContext } from '../../http/api-context.ts';
import { apiRoute } from '../../http/api-route.ts';
import { exportCasePdf } from './case-export.service.ts';
import { caseIdOf, followUpDepsOf } from './case-tasks.routes.ts';

/** The case file as a PDF for a referral (audited 'case.exported'). */
export function registerCaseExportRoutes(app: FastifyInstance, context: ApiContext) {
  const deps = followUpDepsOf(context);
  apiRoute(
    app,
    context.registry,
    {
      method: 'GET',
      url: '/api/v1/cases/:id/export.pdf',
      policy: 'responder',
      summary: 'The case file as an A4 PDF (the export is audited and on the timeline)',
      produces: 'application/pdf',
    },
    async (request, reply) => {
      const { pdf, filename } = await exportCasePdf(deps, actorOf(request), caseIdOf(request));
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(pdf);
    },
  );
}
