import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { getCooperativeDashboard } from '../../../core/dashboard/index.ts';
import { authorize } from '../../authorize.ts';
import { problems, withExample } from '../../schemas.ts';
import { CooperativeParams } from '../settlement/settlement.schemas.ts';
import { cooperativeDashboardExample } from './dashboard.examples.ts';
import { CooperativeDashboard } from './dashboard.schemas.ts';

/** A cooperative's home screen in one request. */
export const dashboardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/cooperatives/:id/dashboard',
    {
      schema: {
        operationId: 'getCooperativeDashboard',
        tags: ['cooperatives'],
        summary:
          "A cooperative at a glance in one request: today's and this month's sales against the participation's monthly sales potential (Rp 200 juta unless changed), balance and aging, the next amount due, the latest subsidy decision, stock with days of cover (the sales of the hub's sales window, 28 days by default), the latest 12 statements",
        params: CooperativeParams,
        response: {
          200: withExample(CooperativeDashboard, cooperativeDashboardExample),
          ...problems(404, 422),
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      await authorize(request, { kind: 'cooperative', id });
      return getCooperativeDashboard(deps.db, deps.clock, id);
    },
  );
};
