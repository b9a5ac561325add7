import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { getRatPack, ratPackXlsx } from '../../../core/yearend/index.ts';
import { authorize } from '../../authorize.ts';
import { renderRatPackPdf } from '../../pdf/rat-pack.ts';
import { problems } from '../../schemas.ts';
import { XLSX } from '../sembako/periods.schemas.ts';
import { ratPackPdfExample } from './rat-pack.examples.ts';
import { RatPackFile, RatPackQuery } from './rat-pack.schemas.ts';
import { FiscalYearParams } from './shu.schemas.ts';

/** The members' annual meeting pack of an ended fiscal year, as PDF or XLSX. */
export const ratPackRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/cooperatives/:id/fiscal-years/:year/rat-pack',
    {
      schema: {
        operationId: 'getRatPack',
        tags: ['yearend'],
        summary:
          "The members' annual meeting (RAT) pack of an ended fiscal year: cover, the four SAK EP statements with comparatives, notes from the books, the SHU split, each member's SHU and the signatures block (PDF), or the same figures as an XLSX workbook; a closed year gives the final pack, an ended year not yet closed a draft from the year's SHU rules marked on every page",
        params: FiscalYearParams,
        querystring: RatPackQuery,
        response: { 200: RatPackFile(ratPackPdfExample), ...problems(404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const year = Number(request.params.year);
      await authorize(request, { kind: 'cooperative', id });
      const pack = await getRatPack(deps.db, deps.clock, id, year);
      const name = `paket-rat-${year}${pack.status === 'draft' ? '-draf' : ''}`;
      if (request.query.format === 'xlsx')
        return reply
          .type(XLSX)
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(Buffer.from(ratPackXlsx(pack)));
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${name}.pdf"`)
        .send(await renderRatPackPdf(pack));
    },
  );
};
