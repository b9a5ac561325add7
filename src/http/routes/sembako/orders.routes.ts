import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import {
  cancelOrder,
  findOrderForPickup,
  findProgramOrder,
  listParticipantDeductions,
  listParticipantOrders,
  pickupOrder,
  placeOrder,
} from '../../../core/sembako/index.ts';
import { isDomainError } from '../../../core/shared/errors.ts';
import { authorize } from '../../authorize.ts';
import { commandContext, inTransaction } from '../../command.ts';
import { problems, withExample } from '../../schemas.ts';
import {
  cancelledOrderExample,
  myDeductionsExample,
  myOrdersExample,
  orderAtPickupExample,
  pickedUpOrderExample,
  pickupExample,
  placeOrderExample,
  placedOrderExample,
} from './sembako.examples.ts';
import {
  CancelledOrder,
  MyDeductionList,
  MyOrderList,
  OrderAtPickup,
  OrderParams,
  PickedUpOrder,
  PickupBody,
  PickupQuery,
  PlaceOrderBody,
  PlacedOrder,
  ProgramParams,
} from './sembako.schemas.ts';

/**
 * The program and NIP of the caller's own records: the rules of the "my" reads
 * grant participants only (never the program office), so a roster row is there.
 */
async function ownRecords(request: FastifyRequest, programId: string) {
  const { program, participant } = await authorize(request, { kind: 'participant', programId });
  if (!participant)
    throw new Error("a participant's own read was granted without their roster row");
  return { program, nip: participant.nip };
}

/**
 * Orders of Sembako packages: participants (or the program office) place and
 * cancel them and read their own; the pickup cooperative's staff look an
 * order up by its code and hand the package over.
 */
export const sembakoOrderRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/programs/:programId/pickups',
    {
      schema: {
        operationId: 'findOrderByPickupCode',
        tags: ['sembako'],
        summary:
          "The order behind a pickup code (typed, or a scanned QR payload), for the pickup cooperative's staff before the hand-over: participant, package contents, status",
        params: ProgramParams,
        querystring: PickupQuery,
        response: { 200: withExample(OrderAtPickup, orderAtPickupExample), ...problems(404) },
      },
    },
    async (request) =>
      // Only the pickup cooperative's own staff learn whose order it is; anyone else gets the
      // answer of an unknown code (a 403 would tell that the code exists).
      findOrderForPickup(deps.db, request.params.programId, request.query.code, (id) =>
        authorize(request, { kind: 'cooperative', id }).then(
          () => true,
          (e: unknown) => {
            if (isDomainError(e) && e.code === 'Forbidden') return false;
            throw e;
          },
        ),
      ),
  );

  app.post(
    '/api/v1/programs/:programId/orders',
    {
      schema: {
        operationId: 'placeOrder',
        tags: ['sembako'],
        summary:
          'Order a package (a participant for themself, or the program admin): inside the ordering window, up to the orders per period; idempotent by id',
        params: ProgramParams,
        body: withExample(PlaceOrderBody, placeOrderExample),
        response: {
          200: PlacedOrder,
          201: withExample(PlacedOrder, placedOrderExample),
          ...problems(404, 409),
        },
      },
    },
    async (request, reply) => {
      const { programId } = request.params;
      const { program, participant } = await authorize(request, {
        kind: 'participant',
        programId,
      });
      // A participant orders for themself: placeOrder checks the NIP is theirs.
      const r = await inTransaction(request, (db) =>
        placeOrder(db, commandContext(request), programId, request.body, { program, participant }),
      );
      request.auditTarget = { type: 'sembako_order', id: r.id };
      const { created, ...out } = r;
      return reply.code(created ? 201 : 200).send(out);
    },
  );

  app.post(
    '/api/v1/programs/:programId/orders/:orderId/cancel',
    {
      schema: {
        operationId: 'cancelOrder',
        tags: ['sembako'],
        summary: 'Cancel an order until it is picked up',
        params: OrderParams,
        response: {
          200: withExample(CancelledOrder, cancelledOrderExample),
          ...problems(404, 409),
        },
      },
    },
    async (request) => {
      const { programId, orderId } = request.params;
      const { order } = await findProgramOrder(deps.db, programId, orderId);
      // The program office, or the participant who placed it.
      await authorize(request, { kind: 'participant', programId, nip: order.nip });
      request.auditTarget = { type: 'sembako_order', id: orderId };
      const o = await inTransaction(request, (db) =>
        cancelOrder(db, commandContext(request), programId, orderId),
      );
      return { id: o.id, status: o.status };
    },
  );

  app.post(
    '/api/v1/programs/:programId/orders/:orderId/pickup',
    {
      schema: {
        operationId: 'pickupOrder',
        tags: ['sembako'],
        summary:
          "The pickup cooperative's staff hand the package over against its one-time code; recorded as a payroll sale there, with the cash taken for the participant's failed deductions owed at this cooperative (cashCollected = the lookup's cashDue total)",
        params: OrderParams,
        body: withExample(PickupBody, pickupExample),
        response: {
          200: withExample(PickedUpOrder, pickedUpOrderExample),
          ...problems(404, 409, 422),
        },
      },
    },
    async (request) => {
      const { programId, orderId } = request.params;
      request.auditTarget = { type: 'sembako_order', id: orderId };
      return inTransaction(request, async (db) => {
        const { order } = await findProgramOrder(db, programId, orderId);
        await authorize(request, { kind: 'cooperative', id: order.pickupCooperativeId }, db);
        const { code, cashCollected } = request.body;
        return pickupOrder(db, commandContext(request), programId, orderId, code, {
          cashCollected,
        });
      });
    },
  );

  app.get(
    '/api/v1/programs/:programId/my/orders',
    {
      schema: {
        operationId: 'listMyOrders',
        tags: ['sembako'],
        summary:
          "The signed-in participant's orders, with the pickup code and QR payload while it can be used",
        params: ProgramParams,
        response: { 200: withExample(MyOrderList, myOrdersExample), ...problems(404) },
      },
    },
    async (request) => {
      const me = await ownRecords(request, request.params.programId);
      return { items: await listParticipantOrders(deps.db, me.program, me.nip) };
    },
  );

  app.get(
    '/api/v1/programs/:programId/my/deductions',
    {
      schema: {
        operationId: 'listMyDeductions',
        tags: ['sembako'],
        summary:
          "The signed-in participant's payroll deductions per period: due, deducted, carried into a later file or owed in cash at the next pickup, open",
        params: ProgramParams,
        response: { 200: withExample(MyDeductionList, myDeductionsExample), ...problems(404) },
      },
    },
    async (request) => {
      const me = await ownRecords(request, request.params.programId);
      return { items: await listParticipantDeductions(deps.db, me.program, me.nip) };
    },
  );
};
