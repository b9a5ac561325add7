import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  activationCodeSummary,
  activationCodesCsv,
  issueActivationCodes,
} from '../../../core/sembako/index.ts';
import { authorize } from '../../authorize.ts';
import { commandContext, inTransaction } from '../../command.ts';
import { problems, withExample } from '../../schemas.ts';
import {
  activationCodeSummaryExample,
  activationCodesBodyExample,
} from './activation-codes.examples.ts';
import { ActivationCodeSummary, ActivationCodesBody } from './activation-codes.schemas.ts';
import { activationCodesCsvExample } from './sembako.examples.ts';
import { CsvResponse, OpdQuery, ProgramParams } from './sembako.schemas.ts';

/** The participants' one-time activation codes handed to the OPDs: how many lack one, and the file. */
export const sembakoActivationCodeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/programs/:programId/participants/activation-codes/summary',
    {
      schema: {
        operationId: 'getActivationCodeSummary',
        tags: ['sembako'],
        summary:
          'Participants (of an OPD, or all) who have not activated, and how many of them never had a code',
        params: ProgramParams,
        querystring: OpdQuery,
        response: {
          200: withExample(ActivationCodeSummary, activationCodeSummaryExample),
          ...problems(404),
        },
      },
    },
    async (request) => {
      const { programId } = request.params;
      await authorize(request, { kind: 'program', id: programId });
      return activationCodeSummary(deps.db, programId, request.query.opd);
    },
  );

  app.post(
    '/api/v1/programs/:programId/participants/activation-codes',
    {
      schema: {
        operationId: 'exportActivationCodes',
        tags: ['sembako'],
        summary:
          'One-time activation codes (CSV nip,nama,opd,kode_aktivasi) for the participants of an OPD who have not activated and never had a code (codes handed out keep working); with `reissue` and the confirmed `expectedCount`, fresh codes for all who have not activated (earlier codes stop working)',
        params: ProgramParams,
        body: withExample(ActivationCodesBody, activationCodesBodyExample),
        response: { 200: CsvResponse(activationCodesCsvExample), ...problems(404, 409) },
      },
    },
    async (request, reply) => {
      const { programId } = request.params;
      await authorize(request, { kind: 'program', id: programId });
      request.auditTarget = { type: 'sembako_program', id: programId };
      const codes = await inTransaction(request, (db) =>
        issueActivationCodes(db, commandContext(request), programId, request.body),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', 'attachment; filename="kode-aktivasi.csv"')
        .send(activationCodesCsv(codes));
    },
  );
};
