import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  checkDispatch,
  dispatchDeliveryOrder,
  receiveDeliveryOrder,
  suggestDeliveryQuantities,
} from '../../../core/consignment/index.ts';
import { todayWib } from '../../../core/shared/clock.ts';
import { authorize } from '../../authorize.ts';
import { commandContext, inTransaction } from '../../command.ts';
import { problems, withExample } from '../../schemas.ts';
import { authorizedOrder } from './authorized-order.ts';
import {
  deliverySuggestionsExample,
  dispatchCheckExample,
  dispatchExample,
  receiveExample,
} from './consignment.examples.ts';
import {
  DeliveryOrderState,
  DeliverySuggestions,
  DispatchBody,
  DispatchCheck,
  IdParams,
  ReceiveBody,
} from './consignment.schemas.ts';

/**
 * Goods on their way: what to send a cooperative next, whether a draft may
 * leave (exposure, hold, stock), dispatching it, and its receipt line by line.
 */
export const dispatchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/cooperatives/:id/delivery-suggestion',
    {
      schema: {
        operationId: 'suggestDeliveryQuantities',
        tags: ['documents'],
        summary:
          "Suggested quantities for the cooperative's next delivery: the sales of the hub's sales window (28 days by default) scaled to its replenishment cover (14 days by default), less its stock and goods in transit",
        params: IdParams,
        response: {
          200: withExample(DeliverySuggestions, deliverySuggestionsExample),
          ...problems(404, 422),
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      await authorize(request, { kind: 'cooperative', id });
      return suggestDeliveryQuantities(deps.db, id, todayWib(deps.clock));
    },
  );

  app.get(
    '/api/v1/delivery-orders/:id/dispatch-check',
    {
      schema: {
        operationId: 'checkDispatch',
        tags: ['documents'],
        summary:
          'What dispatching a draft would meet today (exposure against the limit, shipping hold, warehouse stock), by the rule the dispatch enforces',
        params: IdParams,
        response: {
          200: withExample(DispatchCheck, dispatchCheckExample),
          ...problems(404, 409, 422),
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      await authorizedOrder(request, id);
      return checkDispatch(deps.db, deps.clock, id);
    },
  );

  app.post(
    '/api/v1/delivery-orders/:id/dispatch',
    {
      schema: {
        operationId: 'dispatchDeliveryOrder',
        tags: ['documents'],
        summary:
          'Send a draft: refused past the exposure limit or on shipping hold unless a hub admin overrides with a reason',
        params: IdParams,
        body: Type.Optional(withExample(DispatchBody, dispatchExample)),
        response: { 200: DeliveryOrderState, ...problems(404, 409, 422) },
      },
    },
    async (request) => {
      const { id } = request.params;
      await authorizedOrder(request, id);
      request.auditTarget = { type: 'delivery_order', id };
      const override = request.body?.override;
      if (override) request.auditDetail = { override: true, reason: override.reason.trim() };
      return inTransaction(request, (db) =>
        dispatchDeliveryOrder(db, commandContext(request), id, request.body ?? {}),
      );
    },
  );

  app.post(
    '/api/v1/delivery-orders/:id/receive',
    {
      schema: {
        operationId: 'receiveDeliveryOrder',
        tags: ['documents'],
        summary: 'The cooperative receives the goods line by line; shortages are the hub’s loss',
        params: IdParams,
        body: withExample(ReceiveBody, receiveExample),
        response: { 200: DeliveryOrderState, ...problems(404, 409, 422) },
      },
    },
    async (request) => {
      const { id } = request.params;
      await authorizedOrder(request, id);
      return inTransaction(request, (db) =>
        receiveDeliveryOrder(db, commandContext(request), id, request.body),
      );
    },
  );
};
