import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  createOrganization,
  listOrganizations,
  organizationItemOf,
} from '../../../core/network/index.ts';
import { authorize } from '../../authorize.ts';
import { inTransaction } from '../../command.ts';
import { problems, withExample } from '../../schemas.ts';
import { createOrganizationExample, organizationsExample } from './organizations.examples.ts';
import {
  CreateOrganizationBody,
  Organization,
  Organizations,
  OrganizationsQuery,
} from './organizations.schemas.ts';

/**
 * The government bodies (a Dinas, a Pemkot) and employers the network works
 * with: set up by hub admins, national (not per hub).
 */
export const organizationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/organizations',
    {
      schema: {
        operationId: 'listOrganizations',
        tags: ['organizations'],
        summary:
          'Government bodies and employers (national: every hub sees them all), by name; ?kind= for one kind',
        querystring: OrganizationsQuery,
        response: { 200: withExample(Organizations, organizationsExample), ...problems() },
      },
    },
    async (request) => {
      await authorize(request, { kind: 'hub' });
      return { items: await listOrganizations(deps.db, request.query.kind) };
    },
  );

  app.post(
    '/api/v1/organizations',
    {
      schema: {
        operationId: 'createOrganization',
        tags: ['organizations'],
        summary:
          'A government body (a Dinas; a Pemkot as program sponsor) or a payroll employer for a Kemendagri region; one per kind, name and region',
        body: withExample(CreateOrganizationBody, createOrganizationExample),
        response: { 201: Organization, ...problems(409) },
      },
    },
    async (request, reply) => {
      // The creating hub stays the audit trail's organization.
      await authorize(request, { kind: 'hub' });
      const { kind, name, regionCode } = request.body;
      const org = await inTransaction(request, (db) =>
        createOrganization(db, { kind, name, regionCode }, deps.clock),
      );
      request.auditTarget = { type: 'organization', id: org.id };
      return reply.code(201).send(await organizationItemOf({ ...org, kind }));
    },
  );
};
