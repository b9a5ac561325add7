import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { getCooperativeBalance } from '../../../core/consignment/index.ts';
import { markReversed } from '../../../core/corrections/index.ts';
import {
  closeSettlementPeriod,
  closedStatementsOf,
  getNetworkAging,
  getPayTo,
  listCooperativePayments,
  listCooperativeStatements,
  listNetworkStatements,
  recordPayment,
  toPayment,
  withAdjustments,
} from '../../../core/settlement/index.ts';
import { authorize } from '../../authorize.ts';
import { commandContext, inTransaction, runForCooperative } from '../../command.ts';
import { renderStatementPdf } from '../../pdf/statement-pdf.ts';
import { problems, withExample } from '../../schemas.ts';
import {
  balanceExample,
  closeSettlementExample,
  networkAgingExample,
  networkStatementsExample,
  paymentsExample,
  recordPaymentExample,
  statementPdfExample,
  statementsExample,
} from './settlement.examples.ts';
import {
  Balance,
  CloseSettlementBody,
  ClosedStatements,
  CooperativeStatementList,
  CooperativeParams,
  NetworkAging,
  NetworkStatementList,
  NetworkStatementsQuery,
  NumberQuery,
  Payment,
  PaymentList,
  PdfBytes,
  RecordPaymentBody,
  StatementParams,
} from './settlement.schemas.ts';

/**
 * Settlement between the hub and its cooperatives: one cooperative's
 * balance, statements (also as PDF) and payments; the hub's period close,
 * its network's aging and statements.
 */
export const settlementRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/cooperatives/:id/balance',
    {
      schema: {
        operationId: 'getCooperativeBalance',
        tags: ['settlement'],
        params: CooperativeParams,
        response: { 200: withExample(Balance, balanceExample), ...problems(404, 422) },
      },
    },
    async (request) => {
      const { id } = request.params;
      await authorize(request, { kind: 'cooperative', id });
      return getCooperativeBalance(deps.db, deps.clock, id);
    },
  );

  app.get(
    '/api/v1/cooperatives/:id/statements',
    {
      schema: {
        operationId: 'listStatements',
        tags: ['settlement'],
        summary:
          "The cooperative's statements, newest first, with what is outstanding, and how to pay them (the hub's bank account, the cooperative's payment reference); `q` finds them by number (TK/…)",
        params: CooperativeParams,
        querystring: NumberQuery,
        response: {
          200: withExample(CooperativeStatementList, statementsExample),
          ...problems(404, 422),
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      await authorize(request, { kind: 'cooperative', id });
      const [items, payTo] = await Promise.all([
        listCooperativeStatements(deps.db, deps.clock, id, request.query.q),
        getPayTo(deps.db, id),
      ]);
      return { items: await withAdjustments(deps.db, items, id), payTo };
    },
  );

  app.get(
    '/api/v1/cooperatives/:id/statements/:statementId/pdf',
    {
      schema: {
        operationId: 'getStatementPdf',
        tags: ['settlement'],
        summary:
          "A statement as PDF: the period's numbers and the documents behind them (sales per day and product, counts, payments, netted subsidy)",
        params: StatementParams,
        response: {
          200: {
            description: 'The statement (application/pdf)',
            content: {
              'application/pdf': {
                schema: PdfBytes,
                example: statementPdfExample,
              },
            },
          },
          ...problems(404),
        },
      },
    },
    async (request, reply) => {
      const { id, statementId } = request.params;
      await authorize(request, { kind: 'cooperative', id });
      const pdf = await renderStatementPdf(deps.db, deps.clock, id, statementId);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="tagihan-${pdf.periodEnd}.pdf"`)
        .send(pdf.bytes);
    },
  );

  app.get(
    '/api/v1/cooperatives/:id/payments',
    {
      schema: {
        operationId: 'listPayments',
        tags: ['settlement'],
        summary: "The cooperative's payments, newest first; `q` finds them by number (PB/…)",
        params: CooperativeParams,
        querystring: NumberQuery,
        response: { 200: withExample(PaymentList, paymentsExample), ...problems(404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      await authorize(request, { kind: 'cooperative', id });
      const items = await listCooperativePayments(deps.db, id, request.query.q);
      return { items: await markReversed(deps.db, 'payment', items) };
    },
  );

  app.post(
    '/api/v1/cooperatives/:id/payments',
    {
      schema: {
        operationId: 'recordPayment',
        tags: ['settlement'],
        summary:
          'A payment from the cooperative to the hub; allocated to the oldest open statement first',
        params: CooperativeParams,
        body: withExample(RecordPaymentBody, recordPaymentExample),
        response: { 200: Payment, 201: Payment, ...problems(404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const result = await runForCooperative(request, id, (db, ctx) =>
        recordPayment(db, ctx, id, request.body),
      );
      request.auditTarget = { type: 'payment', id: result.id };
      return reply.code(result.created ? 201 : 200).send(toPayment(result));
    },
  );

  app.post(
    '/api/v1/settlements/close',
    {
      schema: {
        operationId: 'closeSettlementPeriod',
        tags: ['settlement'],
        summary:
          'Issue the statements of the period ending periodEnd (idempotent per cooperative and period)',
        body: withExample(CloseSettlementBody, closeSettlementExample),
        response: { 200: ClosedStatements, ...problems(404, 409, 422) },
      },
    },
    async (request) => {
      const hubId = await authorize(request, { kind: 'hub' });
      const body = request.body;
      if (body.cooperativeId)
        await authorize(request, { kind: 'cooperative', id: body.cooperativeId });
      const statements = await inTransaction(request, (db) =>
        closeSettlementPeriod(db, commandContext(request), hubId, body),
      );
      request.auditTarget = { type: 'settlement_period', id: body.periodEnd };
      return { statements: await closedStatementsOf(deps.db, deps.clock, statements) };
    },
  );

  app.get(
    '/api/v1/settlements/aging',
    {
      schema: {
        operationId: 'getNetworkAging',
        tags: ['settlement'],
        summary:
          "Every participating cooperative's balance by days past due (as getCooperativeBalance computes it), with network totals",
        response: { 200: withExample(NetworkAging, networkAgingExample), ...problems() },
      },
    },
    async (request) => {
      const hubId = await authorize(request, { kind: 'hub' });
      return getNetworkAging(deps.db, deps.clock, hubId);
    },
  );

  app.get(
    '/api/v1/settlements/statements',
    {
      schema: {
        operationId: 'listNetworkStatements',
        tags: ['settlement'],
        summary:
          "The statements of the hub's cooperatives, newest period first, with what is still outstanding, days past due and each cooperative's payment reference; `q` finds them by number",
        querystring: NetworkStatementsQuery,
        response: {
          200: withExample(NetworkStatementList, networkStatementsExample),
          ...problems(),
        },
      },
    },
    async (request) => {
      const hubId = await authorize(request, { kind: 'hub' });
      const items = await listNetworkStatements(deps.db, deps.clock, hubId, request.query);
      return { items: await withAdjustments(deps.db, items) };
    },
  );
};
