import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { findUsersOfOrganizations } from '../../core/access/index.ts';
import { findAuditEventsPage } from '../../core/audit/index.ts';
import {
  findCooperatives,
  findOrganizationById,
  findParticipationsOfHub,
} from '../../core/network/index.ts';
import { addDays } from '../../core/shared/business-date.ts';
import { callerHubId } from '../access.ts';
import { PageQuery, decodeCursor, pageOf } from '../cursor.ts';
import { BusinessDate, List, problems } from '../schemas.ts';

/** The start of a WIB business date as an ISO instant (audit events store instants). */
const wibStart = (date: string) => new Date(`${date}T00:00:00+07:00`).toISOString();

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
          'The audit trail of the hub and its cooperatives, newest first: who, when, what, request id, address',
        querystring: Type.Object(
          {
            action: Type.Optional(
              Type.String({
                maxLength: 100,
                description: 'operationId of the command, e.g. recordPayment',
              }),
            ),
            targetType: Type.Optional(
              Type.String({ maxLength: 100, description: 'document or entity, e.g. payment' }),
            ),
            from: Type.Optional(BusinessDate),
            to: Type.Optional(BusinessDate),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: {
          200: List(
            Type.Object({
              id: Type.String(),
              orgId: Type.String(),
              orgName: Type.Union([Type.String(), Type.Null()]),
              at: Type.String(),
              actorUserId: Type.Union([Type.String(), Type.Null()]),
              actorName: Type.Union([Type.String(), Type.Null()]),
              actorEmail: Type.Union([Type.String(), Type.Null()]),
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
      const q = request.query as {
        action?: string;
        targetType?: string;
        from?: string;
        to?: string;
        limit?: string;
        cursor?: string;
      };
      // What was answered before this request is in the trail it reads.
      await deps.audit.flush();
      const orgIds = [
        hubId,
        ...(await findParticipationsOfHub(deps.db, hubId)).map((p) => p.orgId),
      ];
      const limit = Math.min(Math.max(Number(q.limit ?? 100), 1), 500);
      const c = decodeCursor(q.cursor);
      const rows = await findAuditEventsPage(deps.db, {
        orgIds,
        action: q.action,
        targetType: q.targetType,
        fromAt: q.from ? wibStart(q.from) : undefined,
        toAt: q.to ? wibStart(addDays(q.to, 1)) : undefined,
        before: c ? { at: c[0], id: c[1] } : undefined,
        limit: limit + 1,
      });
      const page = pageOf(rows, limit, (e) => [e.at, e.id]);
      const users = new Map<string, { name: string; email: string; orgName: string }>();
      for (const u of await findUsersOfOrganizations(deps.db, orgIds))
        users.set(u.id, { name: u.name, email: u.email, orgName: u.orgName });
      const orgNames = new Map<string, string>(
        (await findCooperatives(deps.db, { hubIds: [hubId], limit: 1_000_000 })).map((o) => [
          o.id,
          o.name,
        ]),
      );
      const hub = await findOrganizationById(deps.db, hubId);
      if (hub) orgNames.set(hub.id, hub.name);
      return {
        ...page,
        items: page.items.map((e) => {
          const u = e.actorUserId ? users.get(e.actorUserId) : undefined;
          return {
            ...e,
            orgName: orgNames.get(e.orgId) ?? null,
            actorName: u?.name ?? null,
            actorEmail: u?.email ?? null,
            detail: JSON.parse(e.detail) as unknown,
          };
        }),
      };
    },
  );
}
