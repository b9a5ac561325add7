import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createCommodityCeiling, listCommodityCeilings } from '../../../core/catalog/index.ts';
import { authorize } from '../../authorize.ts';
import { inTransaction } from '../../command.ts';
import { problems, withExample } from '../../schemas.ts';
import { ceilingsExample, createCeilingExample } from './ceilings.examples.ts';
import {
  CeilingsQuery,
  CommodityCeiling,
  CommodityCeilings,
  CreateCeilingBody,
} from './ceilings.schemas.ts';

/**
 * The regulated consumer ceilings (HET/HAP): national data, the same for every
 * hub, maintained by hub admins as regulations change.
 */
export const ceilingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/ceilings',
    {
      schema: {
        operationId: 'listCommodityCeilings',
        tags: ['catalog'],
        summary:
          'The regulated ceilings (HET/HAP) per kg or litre, national data shared by every hub: by commodity, the national ones before the provinces’, latest first',
        querystring: CeilingsQuery,
        response: { 200: withExample(CommodityCeilings, ceilingsExample), ...problems() },
      },
    },
    async (request) => {
      await authorize(request, { kind: 'signedIn' });
      return { items: await listCommodityCeilings(deps.db, request.query) };
    },
  );

  app.post(
    '/api/v1/ceilings',
    {
      schema: {
        operationId: 'createCommodityCeiling',
        tags: ['catalog'],
        summary:
          'A new regulated ceiling (national data, for every hub) from its date: a province’s own beats the national one, the latest on or before a sale’s date applies',
        body: withExample(CreateCeilingBody, createCeilingExample),
        response: { 201: CommodityCeiling, ...problems(409) },
      },
    },
    async (request, reply) => {
      await authorize(request, { kind: 'hub' });
      const ceiling = await inTransaction(request, (db) =>
        createCommodityCeiling(db, request.body),
      );
      request.auditTarget = { type: 'commodity_ceiling', id: ceiling.id };
      return reply.code(201).send(ceiling);
    },
  );
};
