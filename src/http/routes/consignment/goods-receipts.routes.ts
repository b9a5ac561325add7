import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createGoodsReceipt, listGoodsReceipts } from '../../../core/consignment/index.ts';
import { markReversed } from '../../../core/corrections/index.ts';
import { authorize } from '../../authorize.ts';
import { commandContext, inTransaction } from '../../command.ts';
import { pageLimit } from '../../cursor.ts';
import { problems, withExample } from '../../schemas.ts';
import { goodsReceiptExample, goodsReceiptListExample } from './consignment.examples.ts';
import {
  GoodsReceiptBody,
  GoodsReceiptCreated,
  GoodsReceiptList,
  GoodsReceiptListQuery,
} from './consignment.schemas.ts';

/** Goods from suppliers into the hub's warehouses. */
export const goodsReceiptRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.post(
    '/api/v1/goods-receipts',
    {
      schema: {
        operationId: 'createGoodsReceipt',
        tags: ['documents'],
        summary: 'Goods from a supplier into a hub warehouse (moving-average cost)',
        body: withExample(GoodsReceiptBody, goodsReceiptExample),
        response: { 200: GoodsReceiptCreated, 201: GoodsReceiptCreated, ...problems(409, 422) },
      },
    },
    async (request, reply) => {
      const hubId = await authorize(request, { kind: 'hub' });
      const r = await inTransaction(request, (db) =>
        createGoodsReceipt(db, commandContext(request), hubId, request.body),
      );
      request.auditTarget = { type: 'goods_receipt', id: r.id };
      return reply
        .code(r.created ? 201 : 200)
        .send({ id: r.id, number: r.number, totalCost: r.totalCost });
    },
  );

  app.get(
    '/api/v1/goods-receipts',
    {
      schema: {
        operationId: 'listGoodsReceipts',
        tags: ['documents'],
        summary: "The hub's goods receipts, newest first",
        querystring: GoodsReceiptListQuery,
        response: { 200: withExample(GoodsReceiptList, goodsReceiptListExample), ...problems() },
      },
    },
    async (request) => {
      const hubId = await authorize(request, { kind: 'hub' });
      const page = await listGoodsReceipts(deps.db, hubId, {
        limit: pageLimit(request.query.limit),
        cursor: request.query.cursor,
        q: request.query.q,
      });
      return { ...page, items: await markReversed(deps.db, 'goods_receipt', page.items) };
    },
  );
};
