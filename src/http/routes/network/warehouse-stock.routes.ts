import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { getWarehouseStock } from '../../../core/consignment/index.ts';
import { authorize } from '../../authorize.ts';
import { problems, withExample } from '../../schemas.ts';
import { warehouseStockExample } from './warehouse-stock.examples.ts';
import { WarehouseParams, WarehouseStock } from './warehouse-stock.schemas.ts';

/** The stock of one of the caller's hub's warehouses: on hand, on the way, reserved. */
export const warehouseStockRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/hub/warehouses/:id/stock',
    {
      schema: {
        operationId: 'getWarehouseStock',
        tags: ['hub'],
        summary:
          "A warehouse's stock by product: units on hand (Σ of its stock moves) and their cost value, units dispatched from it not yet received, units on its draft delivery orders",
        params: WarehouseParams,
        response: { 200: withExample(WarehouseStock, warehouseStockExample), ...problems(404) },
      },
    },
    async (request) => {
      const hubId = await authorize(request, { kind: 'hub' });
      return getWarehouseStock(deps.db, hubId, request.params.id);
    },
  );
};
