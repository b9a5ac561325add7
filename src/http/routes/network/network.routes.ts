import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listCooperatives } from '../../../core/dashboard/index.ts';
import {
  createCooperative,
  getCooperativeDetail,
  getQrisMerchant,
  setQrisMerchant,
} from '../../../core/network/index.ts';
import { todayWib } from '../../../core/shared/clock.ts';
import { authorize } from '../../authorize.ts';
import { inTransaction, runForCooperative } from '../../command.ts';
import { problems, withExample } from '../../schemas.ts';
import {
  cooperativeDetailExample,
  cooperativesExample,
  createCooperativeExample,
  qrisMerchantBodyExample,
  qrisMerchantExample,
} from './network.examples.ts';
import {
  CoopId,
  CooperativeDetail,
  Cooperatives,
  CooperativesQuery,
  CreateCooperativeBody,
  CreatedCooperative,
  QrisMerchant,
  QrisMerchantBody,
} from './network.schemas.ts';

/** The hub's network: its cooperatives and their QRIS merchant data (participation: participation.routes.ts). */
export const networkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/cooperatives',
    {
      schema: {
        operationId: 'listCooperatives',
        tags: ['cooperatives'],
        summary:
          "Cooperatives the caller may see, with this month's sales against the potential, balance, overdue, exposure and hold",
        querystring: CooperativesQuery,
        response: { 200: withExample(Cooperatives, cooperativesExample), ...problems() },
      },
    },
    async (request) => {
      const scope = await authorize(request, { kind: 'scope' });
      const { q, districtCode, cursor, limit } = request.query;
      return listCooperatives(deps.db, deps.clock, scope, {
        q,
        districtCode,
        cursor,
        limit: limit === undefined ? undefined : Number(limit),
      });
    },
  );

  app.post(
    '/api/v1/cooperatives',
    {
      schema: {
        operationId: 'createCooperative',
        tags: ['cooperatives'],
        summary: 'Register a KDKMP for an official village code (one per village)',
        body: withExample(CreateCooperativeBody, createCooperativeExample),
        response: { 201: CreatedCooperative, ...problems(404, 409) },
      },
    },
    async (request, reply) => {
      await authorize(request, { kind: 'hub' });
      const coop = await inTransaction(request, (db) =>
        createCooperative(db, request.body, deps.clock),
      );
      request.auditOrgId = coop.id;
      request.auditTarget = { type: 'cooperative', id: coop.id };
      return reply.code(201).send({
        id: coop.id,
        name: coop.name,
        villageCode: coop.villageCode ?? '',
        villageName: coop.villageName ?? '',
        districtName: coop.districtName ?? '',
      });
    },
  );

  app.get(
    '/api/v1/cooperatives/:id',
    {
      schema: {
        operationId: 'getCooperative',
        tags: ['cooperatives'],
        params: CoopId,
        response: {
          200: withExample(CooperativeDetail, cooperativeDetailExample),
          ...problems(404),
        },
      },
    },
    async (request) => {
      const coop = await authorize(request, { kind: 'cooperative', id: request.params.id });
      return getCooperativeDetail(deps.db, coop, todayWib(deps.clock));
    },
  );

  app.get(
    '/api/v1/cooperatives/:id/qris-merchant',
    {
      schema: {
        operationId: 'getQrisMerchant',
        tags: ['sales'],
        summary:
          "The cooperative's QRIS merchant data, for the cashier's dynamic QRIS; 404 NotFound when none is set",
        params: CoopId,
        response: { 200: withExample(QrisMerchant, qrisMerchantExample), ...problems(404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      await authorize(request, { kind: 'cooperative', id });
      return getQrisMerchant(deps.db, id);
    },
  );

  app.put(
    '/api/v1/cooperatives/:id/qris-merchant',
    {
      schema: {
        operationId: 'setQrisMerchant',
        tags: ['sales'],
        summary: "Sets or replaces the cooperative's QRIS merchant data",
        params: CoopId,
        body: withExample(QrisMerchantBody, qrisMerchantBodyExample),
        response: { 200: QrisMerchant, ...problems(404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const merchant = await runForCooperative(request, id, (db, ctx) =>
        setQrisMerchant(db, ctx, id, request.body),
      );
      request.auditTarget = { type: 'qris_merchant', id };
      return merchant;
    },
  );
};
