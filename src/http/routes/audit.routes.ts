import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { findAuditEvents } from '../../core/audit/index.ts';
import { findParticipationsOfHub } from '../../core/network/index.ts';
import { callerHubId } from '../access.ts';
import { List, problems } from '../schemas.ts';

export function registerAuditRoutes(app: FastifyInstance) {
  const { deps } = app;
  app.get(
    '/api/v1/audit-events',
    {
      config: { roles: ['hub_admin'] },
      schema: {
        operationId: 'listAuditEvents',
        tags: ['audit'],
        summary:
          'The audit trail of the hub and its cooperatives: who, when, what, request id, address',
        querystring: Type.Object(
          { limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$' })) },
          { additionalProperties: false },
        ),
        response: {
          200: List(
            Type.Object({
              id: Type.String(),
              orgId: Type.String(),
              at: Type.String(),
              actorUserId: Type.Union([Type.String(), Type.Null()]),
              action: Type.String(),
              targetType: Type.String(),
              targetId: Type.String(),
              detail: Type.Unknown(),
              requestId: Type.Union([Type.String(), Type.Null()]),
              address: Type.Union([Type.String(), Type.Null()]),
            }),
          ),
          ...problems(),
        },
      },
    },
    async (request) => {
      const hubId = callerHubId(request, ['hub_admin']);
      const coops = (await findParticipationsOfHub(deps.db, hubId)).map((p) => p.orgId);
      const limit = Math.min(Number((request.query as { limit?: string }).limit ?? 100), 500);
      const events = await findAuditEvents(deps.db, [hubId, ...coops], limit);
      return { items: events.map((e) => ({ ...e, detail: JSON.parse(e.detail) as unknown })) };
    },
  );
}
