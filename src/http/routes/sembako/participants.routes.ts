import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  getPayrollAuthorizationScan,
  listParticipants,
  recordPayrollAuthorization,
  reissueParticipantCode,
} from '../../../core/sembako/index.ts';
import { authorize } from '../../authorize.ts';
import { commandContext, inTransaction } from '../../command.ts';
import { pageLimit } from '../../cursor.ts';
import { problems, withExample } from '../../schemas.ts';
import {
  participantsExample,
  payrollAuthorizationBodyExample,
  payrollAuthorizationExample,
  reissuedCodeExample,
  scanPdfExample,
} from './participants.examples.ts';
import {
  AUTHORIZATION_BODY_LIMIT,
  ParticipantList,
  ParticipantParams,
  ParticipantsQuery,
  PayrollAuthorization,
  PayrollAuthorizationBody,
  ReissuedCode,
  ScanFile,
} from './participants.schemas.ts';
import { ProgramParams } from './sembako.schemas.ts';

/**
 * The program office's participants: the list with search, each one's signed surat kuasa potong
 * gaji (number, date and scan) and a fresh activation code for one person.
 */
export const sembakoParticipantRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/programs/:programId/participants',
    {
      schema: {
        operationId: 'listParticipants',
        tags: ['sembako'],
        summary:
          'Participants in NIP order, searched by NIP or name, filtered by OPD: activated or not, surat kuasa recorded or not, amount open over all periods',
        params: ProgramParams,
        querystring: ParticipantsQuery,
        response: { 200: withExample(ParticipantList, participantsExample), ...problems(404) },
      },
    },
    async (request) => {
      const { programId } = request.params;
      await authorize(request, { kind: 'program', id: programId });
      const { q, opd, cursor, limit } = request.query;
      return listParticipants(deps.db, programId, { q, opd, cursor, limit: pageLimit(limit) });
    },
  );

  app.put(
    '/api/v1/programs/:programId/participants/:nip/payroll-authorization',
    {
      // A scan of up to 2 MB travels as base64 in JSON: this route alone takes a larger body.
      bodyLimit: AUTHORIZATION_BODY_LIMIT,
      schema: {
        operationId: 'recordPayrollAuthorization',
        tags: ['sembako'],
        summary:
          "The participant's signed surat kuasa potong gaji: number, date signed and its scan or photo (JPEG, PNG or PDF, at most 2 MB, checked by its content); replaces an earlier one. Required before the participant's first order",
        params: ParticipantParams,
        body: withExample(PayrollAuthorizationBody, payrollAuthorizationBodyExample),
        response: {
          200: withExample(PayrollAuthorization, payrollAuthorizationExample),
          ...problems(404, 413, 422),
        },
      },
    },
    async (request) => {
      const { programId, nip } = request.params;
      const { ref, signedOn, scan } = request.body;
      await authorize(request, { kind: 'program', id: programId });
      request.auditTarget = { type: 'sembako_payroll_authorization', id: `${programId}/${nip}` };
      return inTransaction(request, (db) =>
        recordPayrollAuthorization(db, commandContext(request), programId, nip, {
          ref,
          signedOn,
          scan: { contentType: scan.contentType, bytes: Buffer.from(scan.base64, 'base64') },
        }),
      );
    },
  );

  app.get(
    '/api/v1/programs/:programId/participants/:nip/payroll-authorization/scan',
    {
      schema: {
        operationId: 'getPayrollAuthorizationScan',
        tags: ['sembako'],
        summary: "The scan or photo of the participant's surat kuasa, as it was recorded",
        params: ParticipantParams,
        response: { 200: ScanFile(scanPdfExample), ...problems(404) },
      },
    },
    async (request, reply) => {
      const { programId, nip } = request.params;
      await authorize(request, { kind: 'program', id: programId });
      const scan = await getPayrollAuthorizationScan(deps.db, programId, nip);
      return reply
        .type(scan.contentType)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `inline; filename="${scan.fileName}"`)
        .send(scan.bytes);
    },
  );

  app.post(
    '/api/v1/programs/:programId/participants/:nip/code',
    {
      schema: {
        operationId: 'reissueParticipantCode',
        tags: ['sembako'],
        summary:
          'A fresh one-time activation code for one participant (the one before stops working), with a WhatsApp link when the roster has their phone',
        params: ParticipantParams,
        response: { 200: withExample(ReissuedCode, reissuedCodeExample), ...problems(404) },
      },
    },
    async (request, reply) => {
      const { programId, nip } = request.params;
      await authorize(request, { kind: 'program', id: programId });
      request.auditTarget = { type: 'sembako_participant', id: `${programId}/${nip}` };
      const issued = await inTransaction(request, (db) =>
        reissueParticipantCode(db, commandContext(request), programId, nip),
      );
      return reply.header('cache-control', 'no-store').send(issued);
    },
  );
};
