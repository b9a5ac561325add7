import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listRegionsUnder } from '../../../core/network/index.ts';
import { DomainError } from '../../../core/shared/errors.ts';
import { authorize } from '../../authorize.ts';
import { problems, withExample } from '../../schemas.ts';
import { regionsExample } from './regions.examples.ts';
import { Regions, RegionsQuery } from './regions.schemas.ts';

/** The official Kemendagri regions (idn-area-data): national reference data for choosers. */
export const regionLookupRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/regions',
    {
      schema: {
        operationId: 'listRegions',
        tags: ['region'],
        summary:
          'The Kemendagri regions right below ?parent= (provinces without it; a district lists its villages), by code',
        querystring: RegionsQuery,
        response: { 200: withExample(Regions, regionsExample), ...problems(404) },
      },
    },
    async (request) => {
      await authorize(request, { kind: 'signedIn' });
      const items = await listRegionsUnder(request.query.parent);
      if (!items)
        throw new DomainError('NotFound', {
          message: `Kode wilayah ${request.query.parent} tidak dikenal Kemendagri`,
          messageEn: `Unknown Kemendagri region code ${request.query.parent}`,
        });
      return { items };
    },
  );
};
