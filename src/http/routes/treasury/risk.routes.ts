import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { getRiskOverview, postCreditLossProvision } from '../../../core/treasury/index.ts';
import { authorize } from '../../authorize.ts';
import { commandContext, inTransaction } from '../../command.ts';
import { problems, withExample } from '../../schemas.ts';
import { provisionExample, riskOverviewExample } from './risk.examples.ts';
import { ProvisionBody, ProvisionPosted, RiskOverview } from './risk.schemas.ts';

/** The hub's credit risk: DSO, CEI, roll rates, the PSAK 71 provision matrix and scores. */
export const riskRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/treasury/risk',
    {
      schema: {
        operationId: 'getRiskOverview',
        tags: ['treasury'],
        summary:
          'DSO and CEI (last 90 days), roll rates month by month (last 12 month ends), the provision matrix with its figures, and each cooperative’s risk score with its reasons',
        response: { 200: withExample(RiskOverview, riskOverviewExample), ...problems() },
      },
    },
    async (request) => {
      const hubId = await authorize(request, { kind: 'hub' });
      return getRiskOverview(deps.db, deps.clock, hubId);
    },
  );

  app.post(
    '/api/v1/treasury/provision',
    {
      schema: {
        operationId: 'postCreditLossProvision',
        tags: ['treasury'],
        summary:
          'Books the allowance (CKPN) at a month end: the provision matrix on that day, posting only the change from the allowance booked before; once per period end',
        body: withExample(ProvisionBody, provisionExample),
        response: { 200: ProvisionPosted, 201: ProvisionPosted, ...problems(409) },
      },
    },
    async (request, reply) => {
      const hubId = await authorize(request, { kind: 'hub' });
      const { created, ...r } = await inTransaction(request, (db) =>
        postCreditLossProvision(db, commandContext(request), hubId, request.body),
      );
      request.auditTarget = { type: 'credit_loss_provision', id: r.id };
      return reply.code(created ? 201 : 200).send(r);
    },
  );
};
