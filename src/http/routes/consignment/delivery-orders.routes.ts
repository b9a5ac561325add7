import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  cancelDeliveryOrder,
  createDeliveryOrder,
  getDeliveryNote,
  getDeliveryOrderDetail,
  listDeliveryOrders,
} from '../../../core/consignment/index.ts';
import { markReversed } from '../../../core/corrections/index.ts';
import { authorize } from '../../authorize.ts';
import { commandContext, inTransaction, runForCooperative } from '../../command.ts';
import { pageLimit } from '../../cursor.ts';
import { deliveryNoteFileName, renderDeliveryNote } from '../../pdf/delivery-note.ts';
import { problems, withExample } from '../../schemas.ts';
import { authorizedOrder } from './authorized-order.ts';
import {
  cancelledExample,
  deliveryNotePdfExample,
  deliveryOrderDetailExample,
  deliveryOrderExample,
  deliveryOrderListExample,
} from './consignment.examples.ts';
import {
  DeliveryOrderBody,
  DeliveryOrderCreated,
  DeliveryOrderDetail,
  DeliveryOrderList,
  DeliveryOrderListQuery,
  DeliveryOrderState,
  IdParams,
  PdfFile,
} from './consignment.schemas.ts';

/** Delivery orders (surat jalan), consigned goods from a hub warehouse to a cooperative: drafts, lists, the printed note. */
export const deliveryOrderRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.post(
    '/api/v1/delivery-orders',
    {
      schema: {
        operationId: 'createDeliveryOrder',
        tags: ['documents'],
        summary: 'A draft delivery order (surat jalan) valued at consignment prices',
        body: withExample(DeliveryOrderBody, deliveryOrderExample),
        response: {
          200: DeliveryOrderCreated,
          201: DeliveryOrderCreated,
          ...problems(404, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const r = await runForCooperative(request, request.body.cooperativeId, (db, ctx) =>
        createDeliveryOrder(db, ctx, request.body),
      );
      request.auditTarget = { type: 'delivery_order', id: r.id };
      return reply
        .code(r.created ? 201 : 200)
        .send({ id: r.id, number: r.number, status: r.status, value: r.value });
    },
  );

  app.get(
    '/api/v1/delivery-orders',
    {
      schema: {
        operationId: 'listDeliveryOrders',
        tags: ['documents'],
        summary:
          'Delivery orders the caller may see, newest first; `q` finds them by number (SJ/…)',
        querystring: DeliveryOrderListQuery,
        response: {
          200: withExample(DeliveryOrderList, deliveryOrderListExample),
          ...problems(404),
        },
      },
    },
    async (request) => {
      const { cooperativeId, status, q, limit, cursor } = request.query;
      let filter: { coopIds?: string[]; hubId?: string };
      if (cooperativeId) {
        await authorize(request, { kind: 'cooperative', id: cooperativeId });
        filter = { coopIds: [cooperativeId] };
      } else {
        // A hub user sees their hub's orders; cooperative staff their cooperatives'.
        const scope = await authorize(request, { kind: 'scope' });
        const hubId = scope.hubIds[0];
        filter = hubId ? { hubId } : { coopIds: scope.cooperativeIds };
      }
      const page = await listDeliveryOrders(
        deps.db,
        { ...filter, status, q },
        { limit: pageLimit(limit), cursor },
      );
      // A received order shows its current receipt's state (one received again after a reversal is
      // not reversed); one sent back to "dispatched" by a reversal shows its first receipt's.
      const items = await markReversed(deps.db, 'delivery_receipt', page.items, (o) =>
        o.status === 'received' ? (o.receiptId ?? o.id) : o.id,
      );
      return { ...page, items };
    },
  );

  app.get(
    '/api/v1/delivery-orders/:id',
    {
      schema: {
        operationId: 'getDeliveryOrder',
        tags: ['documents'],
        params: IdParams,
        response: {
          200: withExample(DeliveryOrderDetail, deliveryOrderDetailExample),
          ...problems(404),
        },
      },
    },
    async (request) =>
      getDeliveryOrderDetail(deps.db, await authorizedOrder(request, request.params.id)),
  );

  app.post(
    '/api/v1/delivery-orders/:id/cancel',
    {
      schema: {
        operationId: 'cancelDeliveryOrder',
        tags: ['documents'],
        summary: 'Cancel a draft',
        params: IdParams,
        response: {
          200: withExample(DeliveryOrderState, cancelledExample),
          ...problems(404, 409),
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      await authorizedOrder(request, id);
      return inTransaction(request, (db) => cancelDeliveryOrder(db, commandContext(request), id));
    },
  );

  app.get(
    '/api/v1/delivery-orders/:id/surat-jalan.pdf',
    {
      schema: {
        operationId: 'getDeliveryNotePdf',
        tags: ['documents'],
        summary:
          'The surat jalan (delivery note) of a dispatched or received order as PDF: its number, lines, total quantity and net weight, blanks for the vehicle and driver, signature boxes',
        params: IdParams,
        response: {
          200: {
            description: 'The delivery note, application/pdf',
            content: {
              'application/pdf': {
                schema: PdfFile,
                example: deliveryNotePdfExample,
              },
            },
          },
          ...problems(404, 409),
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const order = await authorizedOrder(request, id);
      const pdf = await renderDeliveryNote(await getDeliveryNote(deps.db, order));
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${deliveryNoteFileName(order.number)}"`)
        .send(pdf);
    },
  );
};
