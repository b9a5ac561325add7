import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { toPayment } from '../../../core/settlement/index.ts';
import { DomainError } from '../../../core/shared/errors.ts';
import {
  dismissBankLine,
  findBankDemoFile,
  importBankStatement,
  listBankLines,
  listBankStatements,
  matchBankLine,
  toBankLineView,
} from '../../../core/treasury/index.ts';
import { authorize } from '../../authorize.ts';
import { commandContext, inTransaction } from '../../command.ts';
import { pageLimit } from '../../cursor.ts';
import { problems, withExample } from '../../schemas.ts';
import { Payment } from '../settlement/settlement.schemas.ts';
import {
  bankLinesExample,
  bankStatementsExample,
  demoFileExample,
  dismissBankLineExample,
  importBankExample,
  matchBankLineExample,
} from './bank-statements.examples.ts';
import {
  BankFileBody,
  BankImportResult,
  BankLine,
  BankLineParams,
  BankLines,
  BankLinesQuery,
  BankStatements,
  DismissBankLineBody,
  ImportBankQuery,
  MatchBankLineBody,
  bankFileOf,
} from './bank-statements.schemas.ts';

/**
 * The hub's bank statements: import the bank's file (credits carrying a
 * cooperative's payment reference become its payment at once), the queue of
 * lines nobody matched yet, matching one by hand or setting it aside.
 */
export const bankStatementRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.post(
    '/api/v1/bank-statements',
    {
      schema: {
        operationId: 'importBankStatement',
        tags: ['treasury'],
        summary:
          "Import the hub's bank statement file (MT940, BCA or Mandiri CSV, SNAP BI JSON): each movement is kept once (the same or an overlapping file again counts its lines as duplicates and posts nothing twice); each credit whose remark carries a cooperative's payment reference becomes its payment (allocated oldest statement first); a file with a wrong encoding or balances that do not add up is refused whole",
        querystring: ImportBankQuery,
        body: BankFileBody,
        response: { 201: withExample(BankImportResult, importBankExample), ...problems() },
      },
    },
    async (request, reply) => {
      const hubId = await authorize(request, { kind: 'hub' });
      const bytes = bankFileOf(request.body);
      const result = await inTransaction(request, (db) =>
        importBankStatement(db, commandContext(request), hubId, { bytes, ...request.query }),
      );
      request.auditOrgId = hubId;
      request.auditTarget = { type: 'bank_statement', id: result.statementId };
      request.auditDetail = {
        lines: result.lines,
        matched: result.matched,
        duplicates: result.duplicates,
      };
      return reply.code(201).send(result);
    },
  );

  app.get(
    '/api/v1/bank-statements',
    {
      schema: {
        operationId: 'listBankStatements',
        tags: ['treasury'],
        summary: "The hub's imported statement files, newest first, with what each brought",
        response: { 200: withExample(BankStatements, bankStatementsExample), ...problems() },
      },
    },
    async (request) => {
      const hubId = await authorize(request, { kind: 'hub' });
      return listBankStatements(deps.db, hubId);
    },
  );

  app.get(
    '/api/v1/bank-statements/lines',
    {
      schema: {
        operationId: 'listBankLines',
        tags: ['treasury'],
        summary:
          "The hub's bank lines, newest first: `unmatched` is the queue (credits without a known reference, debits), `matched` what became a payment, `dismissed` what a hub user set aside",
        querystring: BankLinesQuery,
        response: { 200: withExample(BankLines, bankLinesExample), ...problems() },
      },
    },
    async (request) => {
      const hubId = await authorize(request, { kind: 'hub' });
      const { status, cursor, limit } = request.query;
      return listBankLines(deps.db, hubId, { status, cursor, limit: pageLimit(limit, 100) });
    },
  );

  app.post(
    '/api/v1/bank-statements/lines/:lineId/match',
    {
      schema: {
        operationId: 'matchBankLine',
        tags: ['treasury'],
        summary:
          "An unmatched credit is this cooperative's payment: recorded as recordPayment does (by transfer, on the line's date, oldest statement first); 409 when the line is matched or set aside already, or is a debit",
        params: BankLineParams,
        body: withExample(MatchBankLineBody, matchBankLineExample),
        response: { 201: Payment, ...problems(404, 409) },
      },
    },
    async (request, reply) => {
      const hubId = await authorize(request, { kind: 'hub' });
      const payment = await inTransaction(request, (db) =>
        matchBankLine(db, commandContext(request), hubId, request.params.lineId, request.body),
      );
      request.auditOrgId = hubId;
      request.auditTarget = { type: 'bank_line', id: request.params.lineId };
      request.auditDetail = { cooperativeId: request.body.cooperativeId, paymentId: payment.id };
      return reply.code(201).send(toPayment(payment));
    },
  );

  app.post(
    '/api/v1/bank-statements/lines/:lineId/dismiss',
    {
      schema: {
        operationId: 'dismissBankLine',
        tags: ['treasury'],
        summary:
          "An unmatched line is no cooperative's payment (a supplier's refund, a bank fee): it leaves the queue with the reason",
        params: BankLineParams,
        body: withExample(DismissBankLineBody, dismissBankLineExample),
        response: { 200: BankLine, ...problems(404, 409) },
      },
    },
    async (request) => {
      const hubId = await authorize(request, { kind: 'hub' });
      const line = await inTransaction(request, (db) =>
        dismissBankLine(db, commandContext(request), hubId, request.params.lineId, request.body),
      );
      request.auditOrgId = hubId;
      request.auditTarget = { type: 'bank_line', id: line.id };
      request.auditDetail = { reason: request.body.reason };
      return toBankLineView({ ...line, cooperativeName: null, supplierName: null });
    },
  );

  app.get(
    '/api/v1/bank-statements/demo-file',
    {
      schema: {
        operationId: 'getBankDemoFile',
        tags: ['treasury'],
        summary:
          "The demo's MT940 statement of the hub's account over its whole history, to import from the Bank screen (its older lines are already imported: duplicates; its last days are new); 404 when the demo was not seeded",
        response: {
          200: {
            description: 'The MT940 file (text/plain)',
            content: { 'text/plain': { schema: { type: 'string' }, example: demoFileExample } },
          },
          ...problems(404),
        },
      },
    },
    async (request, reply) => {
      const hubId = await authorize(request, { kind: 'hub' });
      const file = await findBankDemoFile(deps.db, hubId);
      if (!file)
        throw new DomainError('NotFound', {
          message: 'Tidak ada contoh mutasi: jaringan ini bukan demo',
          messageEn: 'No sample statement: this network is not the demo',
        });
      return reply
        .type('text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.content);
    },
  );
};
