import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listMemberPurchases } from '../../../core/consignment/index.ts';
import { todayWib } from '../../../core/shared/clock.ts';
import { authorize } from '../../authorize.ts';
import { problems, withExample } from '../../schemas.ts';
import { memberPurchasesExample } from './purchases.examples.ts';
import {
  MemberPurchases,
  MemberPurchasesParams,
  MemberPurchasesQuery,
} from './purchases.schemas.ts';

/** What a member bought at their cooperative: the sales the cashier recorded with their memberId. */
export const memberPurchaseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/cooperatives/:id/members/:memberId/purchases',
    {
      schema: {
        operationId: 'listMemberPurchases',
        tags: ['members'],
        summary:
          "A member's purchases in a year, newest first: each sale less what was refunded, reversed sales left out",
        params: MemberPurchasesParams,
        querystring: MemberPurchasesQuery,
        response: { 200: withExample(MemberPurchases, memberPurchasesExample), ...problems(404) },
      },
    },
    async (request) => {
      const { id, memberId } = request.params;
      await authorize(request, { kind: 'cooperative', id });
      const year = Number(request.query.year ?? todayWib(deps.clock).slice(0, 4));
      return listMemberPurchases(deps.db, id, memberId, year);
    },
  );
};
