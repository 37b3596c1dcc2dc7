import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { inTenant } from '../../db/tenant.ts';
import { actorOf } from '../../http/access-control.ts';
import type { ApiContext } from '../../http/api-context.ts';
import { apiRoute } from '../../http/api-route.ts';
import { auditRoleOf, scopeOf, type Actor } from '../accounts/actor.ts';
import { appendAudit, listAudit, verifyAuditChain, type AuditFilter } from './audit.repository.ts';
import { csvField } from './csv.ts';

const filterSchema = z.object({
  municipality: z
    .string()
    .regex(/^GM\d{4}$/)
    .optional(),
  actor: z.string().uuid().optional(),
  action: z
    .string()
    .regex(/^[a-z_.]{1,64}$/)
    .optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  before: z.coerce.number().int().positive().optional(),
});

const entrySchema = z.object({
  id: z.number(),
  occurredAt: z.string(),
  actorUserId: z.string().nullable(),
  /** The actor's name as the reader may see it; null for the system or an actor out of the reader's sight. */
  actorDisplayName: z.string().nullable(),
  actorRole: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

/** The audit log for privacy officers (their municipality) and national coordinators (all). */
export function registerAuditRoutes(app: FastifyInstance, context: ApiContext) {
  const { db, registry } = context;

  const read = (actor: Actor, query: z.infer<typeof filterSchema>, action: string, limit?: number) =>
    inTenant(db, scopeOf(actor), async (tx) => {
      const filter: AuditFilter = {
        municipalityCode: query.municipality,
        actorUserId: query.actor,
        action: query.action,
        from: query.from,
        to: query.to,
        limit: limit ?? query.limit,
        beforeId: query.before,
      };
      const rows = await listAudit(tx, filter);
      // Reading the log is itself recorded: who looked, with which filter (never the result).
      await appendAudit(tx, {
        actorUserId: actor.userId,
        actorRole: auditRoleOf(actor),
        municipalityCode: actor.municipalityCode,
        action,
        objectType: 'audit_log',
        details: { filter: JSON.stringify(query) },
      });
      return rows;
    });

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: '/api/v1/audit',
      policy: 'audit-reader',
      summary: 'Audit entries, newest first',
      query: filterSchema,
      response: z.object({ entries: z.array(entrySchema) }),
    },
    async (request, _reply, { query }) => {
      const rows = await read(actorOf(request), query, 'audit.viewed');
      return {
        entries: rows.map((row) => ({
          ...row,
          occurredAt: row.occurredAt.toISOString(),
          details: row.details as Record<string, unknown>,
        })),
      };
    },
  );

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: '/api/v1/audit.csv',
      policy: 'audit-reader',
      summary: 'Audit entries as CSV',
      query: filterSchema,
      produces: 'text/csv',
    },
    async (request, reply, { query }) => {
      const rows = await read(actorOf(request), query, 'audit.exported', 10_000);
      const header = [
        'id',
        'occurred_at',
        'actor_user_id',
        'actor_name',
        'actor_role',
        'municipality_code',
        'action',
        'object_type',
        'object_id',
        'details',
      ];
      const lines = rows.map((row) =>
        [
          row.id,
          row.occurredAt.toISOString(),
          row.actorUserId,
          row.actorDisplayName,
          row.actorRole,
          row.municipalityCode,
          row.action,
          row.objectType,
          row.objectId,
          JSON.stringify(row.details),
        ]
          .map(csvField)
          .join(','),
      );
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="opendeur-audit.csv"');
      return [header.join(','), ...lines].join('\r\n') + '\r\n';
    },
  );

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: '/api/v1/audit/verify',
      policy: 'audit-reader',
      summary: 'Check the hash chain of the whole audit log',
      response: z.object({ intact: z.boolean(), brokenId: z.number().optional(), reason: z.string().optional() }),
    },
    async () => {
      const broken = await verifyAuditChain(db);
      return broken ? { intact: false, brokenId: broken.brokenId, reason: broken.reason } : { intact: true };
    },
  );
}
