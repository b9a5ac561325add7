import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  ROLES,
  roleFitsOrganization,
  createUser,
  findUsersOfOrganizations,
  type Role,
} from '../../core/access/index.ts';
import { findParticipationsOfHub } from '../../core/network/index.ts';
import { DomainError } from '../../core/shared/errors.ts';
import { authOf, authorizeCooperative, callerHubId } from '../access.ts';
import { Id, Text, problems } from '../schemas.ts';
import { inTransaction } from './tx.ts';
import { findOrganizationById } from '../../core/network/index.ts';

export function registerUserRoutes(app: FastifyInstance) {
  const { deps } = app;
  app.post(
    '/api/v1/users',
    {
      config: { roles: ['hub_admin', 'coop_manager'] },
      schema: {
        operationId: 'createUser',
        tags: ['users'],
        summary:
          "Create a user of the caller's hub, of one of its cooperatives, or (a manager) of the manager's cooperative",
        body: Type.Object(
          {
            email: Type.String({ minLength: 3, maxLength: 254 }),
            name: Text(200),
            password: Type.String({ minLength: 8, maxLength: 200 }),
            orgId: Id,
            role: Type.Union(ROLES.map((r) => Type.Literal(r))),
          },
          {
            additionalProperties: false,
            examples: [
              {
                email: 'kasir@kdkmp.demo',
                name: 'Kasir',
                password: 'rahasia-sekali',
                orgId: '…',
                role: 'coop_cashier',
              },
            ],
          },
        ),
        response: {
          201: Type.Object({ id: Type.String(), email: Type.String(), name: Type.String() }),
          ...problems(404, 409),
        },
      },
    },
    async (request, reply) => {
      const body = request.body as {
        email: string;
        name: string;
        password: string;
        orgId: string;
        role: Role;
      };
      const auth = authOf(request);
      const org = await findOrganizationById(deps.db, body.orgId);
      if (!org)
        throw new DomainError('NotFound', {
          message: 'Organisasi tidak ditemukan',
          messageEn: 'Organization not found',
        });
      if (!roleFitsOrganization(org.kind, body.role))
        throw new DomainError('ValidationFailed', {
          message: 'Peran tidak cocok dengan jenis organisasi',
          messageEn: 'The role does not fit the kind of organization',
          details: [{ path: '/role', message: `not a role of a ${org.kind}` }],
        });
      if (org.kind === 'cooperative') {
        await authorizeCooperative(deps.db, request, org.id, 'write', [
          'hub_admin',
          'coop_manager',
        ]);
      } else if (org.kind === 'hub') {
        if (callerHubId(request, ['hub_admin']) !== org.id)
          throw new DomainError('Forbidden', {
            message: 'Bukan hub Anda',
            messageEn: 'Not your hub',
          });
      } else if (!auth.memberships.some((m) => m.role === 'hub_admin')) {
        throw new DomainError('Forbidden', {
          message: 'Hanya admin hub',
          messageEn: 'Hub admins only',
        });
      }
      request.auditOrgId = org.id;
      const user = await inTransaction(app, (db) =>
        createUser(
          db,
          {
            email: body.email,
            name: body.name,
            password: body.password,
            memberships: [{ orgId: org.id, role: body.role }],
          },
          deps.clock,
        ),
      );
      request.auditTarget = { type: 'user', id: user.id };
      return reply.code(201).send(user);
    },
  );

  app.get(
    '/api/v1/users',
    {
      config: { roles: ['hub_admin', 'coop_manager'] },
      schema: {
        operationId: 'listUsers',
        tags: ['users'],
        summary:
          "Users of the caller's hub and its cooperatives (a manager: of the manager's cooperative)",
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                email: Type.String(),
                name: Type.String(),
                disabled: Type.Boolean(),
                orgId: Type.String(),
                orgName: Type.String(),
                role: Type.String(),
              }),
            ),
          }),
          ...problems(),
        },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const orgIds = new Set<string>();
      for (const m of auth.memberships) {
        if (m.role === 'hub_admin') {
          orgIds.add(m.orgId);
          for (const p of await findParticipationsOfHub(deps.db, m.orgId)) orgIds.add(p.orgId);
        }
        if (m.role === 'coop_manager') orgIds.add(m.orgId);
      }
      const rows = await findUsersOfOrganizations(deps.db, [...orgIds]);
      return { items: rows.map((r) => ({ ...r, disabled: r.disabled === 1 })) };
    },
  );
}
