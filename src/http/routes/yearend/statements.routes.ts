import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { bookOf } from '../../../core/ledger/index.ts';
import { DomainError } from '../../../core/shared/errors.ts';
import { writeXlsxSheets } from '../../../core/shared/xlsx.ts';
import {
  getFinancialStatements,
  statementsSheets,
  type StatementsPeriod,
} from '../../../core/yearend/index.ts';
import { authorize } from '../../authorize.ts';
import { financialStatementsPdf } from '../../pdf/financial-statements.ts';
import { problems, withExample } from '../../schemas.ts';
import { OrgParams } from '../ledger/ledger.schemas.ts';
import { XLSX } from '../sembako/periods.schemas.ts';
import { financialStatementsExample, statementsPdfExample } from './statements.examples.ts';
import {
  FinancialStatements,
  StatementsExportQuery,
  StatementsFile,
  StatementsQuery,
} from './statements.schemas.ts';

/** `year`, or `from` and `to`: exactly one of the two ways to name a period. */
function periodOf(q: { year?: string; from?: string; to?: string }): StatementsPeriod {
  if (q.year !== undefined && q.from === undefined && q.to === undefined)
    return { year: Number(q.year) };
  if (q.year === undefined && q.from !== undefined && q.to !== undefined)
    return { from: q.from, to: q.to };
  throw new DomainError('ValidationFailed', {
    message: 'Sebutkan tahun (year) atau rentang bulan (from dan to)',
    messageEn: 'Give either year, or both from and to',
    details: [
      {
        path: '/query',
        message: 'tahun, atau bulan awal dan akhir',
        messageEn: 'year, or from and to',
      },
    ],
  });
}

/** The caller reads the organization's books (as its trial balance); a hub's or a cooperative's. */
async function readBooks(request: FastifyRequest, orgId: string) {
  bookOf(await authorize(request, { kind: 'organization', id: orgId }));
}

/** The SAK EP statements of an organization's books, as JSON, PDF or XLSX. */
export const statementsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/orgs/:orgId/ledger/statements',
    {
      schema: {
        operationId: 'getFinancialStatements',
        tags: ['ledger'],
        summary:
          'The SAK EP statements of a year or a month range with comparatives: laporan posisi keuangan, perhitungan hasil usaha (member and non-member revenue), arus kas (direct method) and perubahan ekuitas; every total ties to the trial balance',
        params: OrgParams,
        querystring: StatementsQuery,
        response: {
          200: withExample(FinancialStatements, financialStatementsExample),
          ...problems(404),
        },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      await readBooks(request, orgId);
      return getFinancialStatements(deps.db, orgId, periodOf(request.query));
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/ledger/statements/export',
    {
      schema: {
        operationId: 'exportFinancialStatements',
        tags: ['ledger'],
        summary:
          'The SAK EP statements with the comparative column as a PDF (Indonesian, rupiah, generated time in WIB) or an XLSX workbook with one sheet per statement',
        params: OrgParams,
        querystring: StatementsExportQuery,
        response: { 200: StatementsFile(statementsPdfExample), ...problems(404) },
      },
    },
    async (request, reply) => {
      const { orgId } = request.params;
      const { format, ...period } = request.query;
      await readBooks(request, orgId);
      const fs = await getFinancialStatements(deps.db, orgId, periodOf(period));
      const name = `laporan-keuangan-${fs.year ?? `${fs.from}-${fs.to}`}`;
      if (format === 'xlsx')
        return reply
          .type(XLSX)
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(Buffer.from(writeXlsxSheets(statementsSheets(fs))));
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${name}.pdf"`)
        .send(await financialStatementsPdf(fs, deps.clock.now()));
    },
  );
};
