import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listReturns, listStockCounts } from '../../../core/consignment/index.ts';
import { markReversed } from '../../../core/corrections/index.ts';
import { authorize } from '../../authorize.ts';
import { pageLimit } from '../../cursor.ts';
import { problems, withExample } from '../../schemas.ts';
import { IdParams } from './consignment.schemas.ts';
import { returnListExample, stockCountListExample } from './stock-documents.examples.ts';
import { ReturnList, StockCountList, StockDocumentListQuery } from './stock-documents.schemas.ts';

/** The cooperative's returns and stock counts, to find one by number and see (or undo) it. */
export const stockDocumentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/cooperatives/:id/returns',
    {
      schema: {
        operationId: 'listReturns',
        tags: ['stock'],
        summary: "The cooperative's returns to the hub, newest first, with their lines",
        params: IdParams,
        querystring: StockDocumentListQuery,
        response: { 200: withExample(ReturnList, returnListExample), ...problems(404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      await authorize(request, { kind: 'cooperative', id });
      const page = await listReturns(deps.db, id, {
        limit: pageLimit(request.query.limit),
        cursor: request.query.cursor,
        q: request.query.q,
      });
      return { ...page, items: await markReversed(deps.db, 'return', page.items) };
    },
  );

  app.get(
    '/api/v1/cooperatives/:id/stock-counts',
    {
      schema: {
        operationId: 'listStockCounts',
        tags: ['stock'],
        summary: "The cooperative's stock counts (stok opname), newest first, with each difference",
        params: IdParams,
        querystring: StockDocumentListQuery,
        response: { 200: withExample(StockCountList, stockCountListExample), ...problems(404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      await authorize(request, { kind: 'cooperative', id });
      const page = await listStockCounts(deps.db, id, {
        limit: pageLimit(request.query.limit),
        cursor: request.query.cursor,
        q: request.query.q,
      });
      return { ...page, items: await markReversed(deps.db, 'stock_count', page.items) };
    },
  );
};
