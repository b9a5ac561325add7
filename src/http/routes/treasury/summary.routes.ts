import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { getHubSummary } from '../../../core/dashboard/index.ts';
import { authorize } from '../../authorize.ts';
import { problems, withExample } from '../../schemas.ts';
import { hubSummaryExample } from './summary.examples.ts';
import { HubSummary } from './summary.schemas.ts';

/** The hub's summary at the top of the network: cash, forecast, exposure, overdue, bank lines. */
export const hubSummaryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/treasury/summary',
    {
      schema: {
        operationId: 'getHubSummary',
        tags: ['treasury'],
        summary:
          'The hub’s day: cash today and the 13-week forecast with its backtest, total exposure against total limits, overdue now and at the last six month ends, unmatched bank lines, the provision and the ten riskiest cooperatives',
        response: { 200: withExample(HubSummary, hubSummaryExample), ...problems() },
      },
    },
    async (request) => {
      const hubId = await authorize(request, { kind: 'hub' });
      return getHubSummary(deps.db, deps.clock, hubId);
    },
  );
};
