import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listAuditEvents } from '../../../core/audit/index.ts';
import { authorize } from '../../authorize.ts';
import { problems, withExample } from '../../schemas.ts';
import { auditEventsExample } from './audit.examples.ts';
import { AuditEvents, AuditEventsQuery } from './audit.schemas.ts';

/** The hub admin's audit trail of the hub and its cooperatives. */
export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/audit-events',
    {
      schema: {
        operationId: 'listAuditEvents',
        tags: ['audit'],
        summary:
          'The audit trail of the hub and its cooperatives, newest first: who, when, what, request id, address',
        querystring: AuditEventsQuery,
        response: { 200: withExample(AuditEvents, auditEventsExample), ...problems() },
      },
    },
    async (request) => {
      const hubId = await authorize(request, { kind: 'hub' });
      const { limit, ...query } = request.query;
      // What was answered before this request is in the trail it reads.
      await deps.audit.flush();
      return listAuditEvents(deps.db, hubId, {
        ...query,
        limit: limit === undefined ? undefined : Number(limit),
      });
    },
  );
};
