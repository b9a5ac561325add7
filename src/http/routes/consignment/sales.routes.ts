import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  createReturn,
  createStockCount,
  listSalesWithLines,
  recordSales,
} from '../../../core/consignment/index.ts';
import { markRefunded, markReversed } from '../../../core/corrections/index.ts';
import { getStockOnHand } from '../../../core/inventory/index.ts';
import { authorize } from '../../authorize.ts';
import { runForCooperative } from '../../command.ts';
import { pageLimit } from '../../cursor.ts';
import { problems, withExample } from '../../schemas.ts';
import {
  cooperativeStockExample,
  returnExample,
  saleListExample,
  salesExample,
  stockCountExample,
} from './sales.examples.ts';
import { IdParams } from './consignment.schemas.ts';
import {
  CooperativeStock,
  ReturnBody,
  ReturnCreated,
  SaleList,
  SaleListQuery,
  SalesBody,
  SalesResults,
  StockCountBody,
  StockCountResult,
} from './sales.schemas.ts';

/** At the cooperative: its sales, the goods it hands back, its stock counts and the stock it holds. */
export const salesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.post(
    '/api/v1/cooperatives/:id/sales',
    {
      schema: {
        operationId: 'recordSales',
        tags: ['sales'],
        summary:
          'Up to 500 sales a call, each accepted or rejected on its own; idempotent by sale id',
        params: IdParams,
        body: withExample(SalesBody, salesExample),
        response: { 200: SalesResults, ...problems(404, 422) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const results = await runForCooperative(request, id, (db, ctx) =>
        recordSales(db, ctx, id, request.body.sales),
      );
      app.metrics.countSales(results);
      request.auditTarget = {
        type: 'sales',
        id: `${results.filter((r) => r.status === 'created').length} created`,
      };
      return { results };
    },
  );

  app.get(
    '/api/v1/cooperatives/:id/sales',
    {
      schema: {
        operationId: 'listSales',
        tags: ['sales'],
        summary: "The cooperative's sales, newest first, with their lines",
        params: IdParams,
        querystring: SaleListQuery,
        response: { 200: withExample(SaleList, saleListExample), ...problems(404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      await authorize(request, { kind: 'cooperative', id });
      const page = await listSalesWithLines(deps.db, id, {
        ...request.query,
        limit: pageLimit(request.query.limit),
      });
      const items = await markReversed(deps.db, 'sale', page.items, undefined, id);
      return { ...page, items: await markRefunded(deps.db, id, items) };
    },
  );

  app.post(
    '/api/v1/cooperatives/:id/returns',
    {
      schema: {
        operationId: 'createReturn',
        tags: ['stock'],
        summary: 'Goods handed back to the hub',
        params: IdParams,
        body: withExample(ReturnBody, returnExample),
        response: { 200: ReturnCreated, 201: ReturnCreated, ...problems(404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const r = await runForCooperative(request, id, (db, ctx) =>
        createReturn(db, ctx, id, request.body),
      );
      request.auditTarget = { type: 'return', id: r.id };
      return reply.code(r.created ? 201 : 200).send({ id: r.id, number: r.number });
    },
  );

  app.post(
    '/api/v1/cooperatives/:id/stock-counts',
    {
      schema: {
        operationId: 'createStockCount',
        tags: ['stock'],
        summary:
          'A stock count (stok opname): shortages charged at the consignment price, surplus free',
        params: IdParams,
        body: withExample(StockCountBody, stockCountExample),
        response: { 200: StockCountResult, 201: StockCountResult, ...problems(404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const r = await runForCooperative(request, id, (db, ctx) =>
        createStockCount(db, ctx, id, request.body),
      );
      request.auditTarget = { type: 'stock_count', id: r.id };
      return reply.code(r.created ? 201 : 200).send({ id: r.id, number: r.number, lines: r.lines });
    },
  );

  app.get(
    '/api/v1/cooperatives/:id/stock',
    {
      schema: {
        operationId: 'getCooperativeStock',
        tags: ['stock'],
        params: IdParams,
        response: { 200: withExample(CooperativeStock, cooperativeStockExample), ...problems(404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      await authorize(request, { kind: 'cooperative', id });
      return { items: await getStockOnHand(deps.db, id) };
    },
  );
};
