import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  findSuppliers,
  getPayablesAging,
  listSupplierInvoices,
  recordSupplierPayment,
  setSupplierTerms,
} from '../../../core/treasury/index.ts';
import { authorize } from '../../authorize.ts';
import { commandContext, inTransaction } from '../../command.ts';
import { problems, withExample } from '../../schemas.ts';
import {
  payablesAgingExample,
  setSupplierTermsExample,
  supplierInvoicesExample,
  supplierPaymentExample,
  suppliersExample,
} from './payables.examples.ts';
import {
  PayablesAging,
  SetSupplierTermsBody,
  Supplier,
  SupplierInvoiceList,
  SupplierInvoiceQuery,
  SupplierList,
  SupplierParams,
  SupplierPaymentBody,
  SupplierPaymentCreated,
} from './payables.schemas.ts';

/**
 * What the hub owes its suppliers: each goods receipt is an invoice due on
 * its date + the supplier's terms; payments go to the oldest open invoices.
 */
export const payablesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/supplier-invoices',
    {
      schema: {
        operationId: 'listSupplierInvoices',
        tags: ['treasury'],
        summary:
          "The hub's supplier invoices (one per goods receipt) as of today: open ones by due date, else newest first",
        querystring: SupplierInvoiceQuery,
        response: { 200: withExample(SupplierInvoiceList, supplierInvoicesExample), ...problems() },
      },
    },
    async (request) => {
      const hubId = await authorize(request, { kind: 'hub' });
      return { items: await listSupplierInvoices(deps.db, deps.clock, hubId, request.query) };
    },
  );

  app.get(
    '/api/v1/payables/aging',
    {
      schema: {
        operationId: 'getPayablesAging',
        tags: ['treasury'],
        summary:
          'What the hub owes its suppliers today by days past due (current, 1–30, 31–60, 61–90, >90), per supplier',
        response: { 200: withExample(PayablesAging, payablesAgingExample), ...problems() },
      },
    },
    async (request) => {
      const hubId = await authorize(request, { kind: 'hub' });
      return getPayablesAging(deps.db, deps.clock, hubId);
    },
  );

  app.get(
    '/api/v1/suppliers',
    {
      schema: {
        operationId: 'listSuppliers',
        tags: ['treasury'],
        summary: "The hub's suppliers (known from their goods receipts) with their payment terms",
        response: { 200: withExample(SupplierList, suppliersExample), ...problems() },
      },
    },
    async (request) => {
      const hubId = await authorize(request, { kind: 'hub' });
      const items = await findSuppliers(deps.db, hubId);
      return { items: items.map((s) => ({ id: s.id, name: s.name, termsDays: s.termsDays })) };
    },
  );

  app.put(
    '/api/v1/suppliers/:supplierId',
    {
      schema: {
        operationId: 'setSupplierTerms',
        tags: ['treasury'],
        summary:
          "A supplier's payment terms in days: the due date of its goods receipts from now on (earlier invoices keep theirs)",
        params: SupplierParams,
        body: withExample(SetSupplierTermsBody, setSupplierTermsExample),
        response: { 200: Supplier, ...problems(404) },
      },
    },
    async (request) => {
      const hubId = await authorize(request, { kind: 'hub' });
      const supplier = await inTransaction(request, (db) =>
        setSupplierTerms(
          db,
          commandContext(request),
          hubId,
          request.params.supplierId,
          request.body.termsDays,
        ),
      );
      request.auditTarget = { type: 'supplier', id: supplier.id };
      return supplier;
    },
  );

  app.post(
    '/api/v1/supplier-payments',
    {
      schema: {
        operationId: 'recordSupplierPayment',
        tags: ['treasury'],
        summary:
          'A payment to a supplier (H: Dr Utang Usaha, Cr Bank or Kas), allocated to its oldest open invoices; more than they ask is refused',
        body: withExample(SupplierPaymentBody, supplierPaymentExample),
        response: {
          200: SupplierPaymentCreated,
          201: SupplierPaymentCreated,
          ...problems(404, 409),
        },
      },
    },
    async (request, reply) => {
      const hubId = await authorize(request, { kind: 'hub' });
      const { created, ...payment } = await inTransaction(request, (db) =>
        recordSupplierPayment(db, commandContext(request), hubId, request.body),
      );
      request.auditTarget = { type: 'supplier_payment', id: payment.id };
      return reply.code(created ? 201 : 200).send(payment);
    },
  );
};
