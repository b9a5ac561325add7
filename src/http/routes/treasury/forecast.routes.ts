import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { getCashFlowForecast } from '../../../core/treasury/index.ts';
import { authorize } from '../../authorize.ts';
import { problems, withExample } from '../../schemas.ts';
import { forecastExample } from './forecast.examples.ts';
import { CashFlowForecast, ForecastQuery } from './forecast.schemas.ts';

/** The hub's 13-week cash forecast, with the method's backtest on its own history. */
export const forecastRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/treasury/forecast',
    {
      schema: {
        operationId: 'getCashFlowForecast',
        tags: ['treasury'],
        summary:
          'Cash week by week (Monday–Sunday WIB, the current week first): collections expected from open statements and unbilled sales by each cooperative’s own days late, supplier invoices due, subsidy payouts, closing cash from today’s Kas + Bank; with the backtest’s MAPE beside a naive baseline’s',
        querystring: ForecastQuery,
        response: { 200: withExample(CashFlowForecast, forecastExample), ...problems() },
      },
    },
    async (request) => {
      const hubId = await authorize(request, { kind: 'hub' });
      const { weeks } = request.query;
      return getCashFlowForecast(deps.db, deps.clock, hubId, {
        weeks: weeks === undefined ? undefined : Number(weeks),
      });
    },
  );
};
