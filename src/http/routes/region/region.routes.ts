import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { getRegionOverview, getRegionTrends } from '../../../core/region/index.ts';
import { authorize } from '../../authorize.ts';
import { problems, withExample } from '../../schemas.ts';
import { regionOverviewExample, regionTrendsExample } from './region.examples.ts';
import {
  RegionOverview,
  RegionOverviewQuery,
  RegionTrends,
  RegionTrendsQuery,
} from './region.schemas.ts';

/**
 * The city office's overview of its region, a hub's of its network (the
 * scope `authorize` grants: an office's region codes, a hub user's hubs).
 */
export const regionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/region/overview',
    {
      schema: {
        operationId: 'getRegionOverview',
        tags: ['region'],
        summary:
          'Cooperatives by kecamatan for one month: participation, sales, subsidy handed over (month and year), overdue and holds at the month end',
        querystring: RegionOverviewQuery,
        response: { 200: withExample(RegionOverview, regionOverviewExample), ...problems(422) },
      },
    },
    async (request) => {
      const scope = await authorize(request, { kind: 'scope' });
      return getRegionOverview(deps.db, deps.clock, scope, { month: request.query.month });
    },
  );

  app.get(
    '/api/v1/region/trends',
    {
      schema: {
        operationId: 'getRegionTrends',
        tags: ['region'],
        summary:
          'Month by month (the current month last): sales, subsidy handed over, overdue at the month end, cooperatives that sold',
        querystring: RegionTrendsQuery,
        response: { 200: withExample(RegionTrends, regionTrendsExample), ...problems() },
      },
    },
    async (request) => {
      const scope = await authorize(request, { kind: 'scope' });
      const { months } = request.query;
      return getRegionTrends(deps.db, deps.clock, scope, {
        months: months === undefined ? undefined : Number(months),
      });
    },
  );
};
