import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  getPeriodDemand,
  getProgramReconciliation,
  importPayrollResults,
  listPayrollDeductions,
  payrollCsv,
  payrollXlsx,
  proposeDeliveryOrders,
  recordSponsorPayment,
  toSponsorPayment,
} from '../../../core/sembako/index.ts';
import { authorize } from '../../authorize.ts';
import { commandContext, inTransaction } from '../../command.ts';
import { problems, withExample } from '../../schemas.ts';
import {
  demandExample,
  payrollCsvExample,
  payrollResultsExample,
  proposedDeliveryOrdersExample,
  reconciliationExample,
  sponsorPaymentBodyExample,
  sponsorPaymentExample,
} from './periods.examples.ts';
import {
  DemandList,
  PayrollFile,
  PayrollQuery,
  PayrollResults,
  ProposedDeliveryOrders,
  Reconciliation,
  SponsorPayment,
  SponsorPaymentBody,
  XLSX,
} from './periods.schemas.ts';
import { PeriodParams, csvBody, csvOf } from './sembako.schemas.ts';

/**
 * A program period's supply and money: the hub sees the demand and proposes
 * deliveries; the program office exports the payroll deductions and imports
 * their results; the sponsor's payment is recorded; both reconcile.
 */
export const sembakoPeriodRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/programs/:programId/periods/:month/demand',
    {
      schema: {
        operationId: 'getPeriodDemand',
        tags: ['sembako'],
        summary: 'Units per cooperative and product: ordered, picked up, pending',
        params: PeriodParams,
        response: { 200: withExample(DemandList, demandExample), ...problems(404) },
      },
    },
    async (request) => {
      const { programId, month } = request.params;
      await authorize(request, { kind: 'program', id: programId });
      return { items: (await getPeriodDemand(deps.db, programId, month)).items };
    },
  );

  app.post(
    '/api/v1/programs/:programId/periods/:month/delivery-orders',
    {
      schema: {
        operationId: 'proposeDeliveryOrders',
        tags: ['sembako'],
        summary:
          "Draft delivery orders from the program's hub covering each cooperative's pending demand minus the stock there, in transit or on drafts",
        params: PeriodParams,
        response: {
          201: withExample(ProposedDeliveryOrders, proposedDeliveryOrdersExample),
          ...problems(404),
        },
      },
    },
    async (request, reply) => {
      const { programId, month } = request.params;
      const program = await authorize(request, { kind: 'program', id: programId });
      // The delivery orders are the hub's.
      request.auditOrgId = program.hubId;
      request.auditTarget = { type: 'sembako_period', id: `${programId}/${month}` };
      const items = await inTransaction(request, (db) =>
        proposeDeliveryOrders(db, commandContext(request), programId, month),
      );
      return reply.code(201).send({ items });
    },
  );

  app.get(
    '/api/v1/programs/:programId/periods/:month/payroll-deductions',
    {
      schema: {
        operationId: 'exportPayrollDeductions',
        tags: ['sembako'],
        summary:
          'The payroll-deduction file per OPD (nip, nama, opd, jumlah, periode) for the packages picked up in the period',
        params: PeriodParams,
        querystring: PayrollQuery,
        response: {
          200: PayrollFile(payrollCsvExample),
          ...problems(404),
        },
      },
    },
    async (request, reply) => {
      const { programId, month } = request.params;
      const { opd, format } = request.query;
      await authorize(request, { kind: 'program', id: programId });
      const rows = await listPayrollDeductions(deps.db, programId, month, opd);
      const name = `potongan-gaji-${month}${opd ? `-${opd.replace(/[^A-Za-z0-9]+/g, '-')}` : ''}`;
      if (format === 'xlsx')
        return reply
          .type(XLSX)
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(Buffer.from(payrollXlsx(rows)));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .send(payrollCsv(rows));
    },
  );

  app.post(
    '/api/v1/programs/:programId/periods/:month/payroll-results',
    {
      schema: {
        operationId: 'importPayrollResults',
        tags: ['sembako'],
        summary:
          "The payroll office's result (CSV nip,jumlah,status berhasil|gagal): per-row results; failed deductions stay open",
        params: PeriodParams,
        body: csvBody(
          'nip,jumlah,status',
          'nip,jumlah,status\n198503152010011002,50000,berhasil\n',
        ),
        response: {
          200: withExample(PayrollResults, payrollResultsExample),
          ...problems(404),
        },
      },
    },
    async (request) => {
      const { programId, month } = request.params;
      await authorize(request, { kind: 'program', id: programId });
      request.auditTarget = { type: 'sembako_payroll', id: `${programId}/${month}` };
      return inTransaction(request, (db) =>
        importPayrollResults(db, commandContext(request), programId, month, csvOf(request.body)),
      );
    },
  );

  app.post(
    '/api/v1/programs/:programId/periods/:month/sponsor-payments',
    {
      schema: {
        operationId: 'recordSponsorPayment',
        tags: ['sembako'],
        summary:
          "The sponsor's transfer, received at the hub on the cooperatives' behalf and credited to each cooperative's balance for its picked-up packages; idempotent by id",
        params: PeriodParams,
        body: withExample(SponsorPaymentBody, sponsorPaymentBodyExample),
        response: {
          200: SponsorPayment,
          201: withExample(SponsorPayment, sponsorPaymentExample),
          ...problems(404, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const { programId, month } = request.params;
      await authorize(request, { kind: 'program', id: programId });
      const { body } = request;
      request.auditTarget = { type: 'sembako_sponsor_payment', id: body.id };
      const r = await inTransaction(request, (db) =>
        recordSponsorPayment(db, commandContext(request), programId, month, body),
      );
      return reply.code(r.created ? 201 : 200).send(toSponsorPayment(r));
    },
  );

  app.get(
    '/api/v1/programs/:programId/periods/:month/reconciliation',
    {
      schema: {
        operationId: 'getProgramReconciliation',
        tags: ['sembako'],
        summary:
          'Per cooperative and in total: ordered, picked up, subsidy, deducted, paid by the sponsor, payable, open; and the participants with open amounts',
        params: PeriodParams,
        response: { 200: withExample(Reconciliation, reconciliationExample), ...problems(404) },
      },
    },
    async (request) => {
      const { programId, month } = request.params;
      await authorize(request, { kind: 'program', id: programId });
      return getProgramReconciliation(deps.db, programId, month);
    },
  );
};
