import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { correctDeliveryReceipt, refundSale } from '../../../core/corrections/index.ts';
import { loadDeliveryOrder } from '../../../core/consignment/index.ts';
import { authorize } from '../../authorize.ts';
import { commandContext, inTransaction } from '../../command.ts';
import { problems, withExample } from '../../schemas.ts';
import { receiptCorrectionExample, refundExample } from './partial.examples.ts';
import {
  OrderParams,
  ReceiptCorrection,
  ReceiptCorrectionBody,
  Refund,
  RefundBody,
  SaleParams,
} from './partial.schemas.ts';

/** Partial corrections: part of a sale given back by its buyer; a receipt corrected for units found (or missing) later. */
export const partialCorrectionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/v1/cooperatives/:id/sales/:saleId/refund',
    {
      schema: {
        operationId: 'refundSale',
        tags: ['corrections'],
        summary:
          'A buyer gives back part of a sale: the units back to the store at their cost, the exact share of the sale reversed in both books, dated today (the next statement shows it); the same id again → the first result',
        params: SaleParams,
        body: withExample(RefundBody, refundExample),
        response: { 200: Refund, 201: Refund, ...problems(404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { id, saleId } = request.params;
      const result = await inTransaction(request, async (db) => {
        await authorize(request, { kind: 'cooperative', id }, db);
        const auth = request.auth!;
        return refundSale(
          db,
          commandContext(request),
          { userId: auth.id, memberships: auth.memberships },
          id,
          saleId,
          request.body,
        );
      });
      request.auditTarget = { type: 'sale', id: saleId };
      request.auditDetail = { refundId: result.id, reason: request.body.reason };
      const { created, ...body } = result;
      return reply.code(created ? 201 : 200).send(body);
    },
  );

  app.post(
    '/api/v1/delivery-orders/:id/receipt-corrections',
    {
      schema: {
        operationId: 'correctDeliveryReceipt',
        tags: ['corrections'],
        summary:
          'Units of a received delivery found later (+, from the hub’s loss to the store) or found missing later (−), valued as receiving them would have; the units received stay within 0…dispatched',
        params: OrderParams,
        body: withExample(ReceiptCorrectionBody, receiptCorrectionExample),
        response: {
          200: ReceiptCorrection,
          201: ReceiptCorrection,
          ...problems(404, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const result = await inTransaction(request, async (db) => {
        const order = await loadDeliveryOrder(db, id);
        await authorize(request, { kind: 'cooperative', id: order.orgId }, db);
        const auth = request.auth!;
        return correctDeliveryReceipt(
          db,
          commandContext(request),
          { userId: auth.id, memberships: auth.memberships },
          id,
          request.body,
        );
      });
      request.auditTarget = { type: 'delivery_order', id };
      request.auditDetail = { correctionId: result.id, reason: request.body.reason };
      const { created, ...body } = result;
      return reply.code(created ? 201 : 200).send(body);
    },
  );
};
