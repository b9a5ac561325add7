import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  createProgram,
  createProgramPeriod,
  getProgramDirectory,
  importParticipants,
  listProgramPeriods,
  listProgramsInScope,
  toProgram,
  updateProgram,
} from '../../../core/sembako/index.ts';
import { isDomainError } from '../../../core/shared/errors.ts';
import { authorize } from '../../authorize.ts';
import { commandContext, inTransaction } from '../../command.ts';
import { sendJsonInSlices } from '../../json-in-slices.ts';
import { problems, withExample } from '../../schemas.ts';
import {
  createPeriodExample,
  createProgramExample,
  directoryExample,
  importParticipantsExample,
  periodsExample,
  programsExample,
  updateProgramExample,
} from './sembako.examples.ts';
import {
  CreatePeriodBody,
  CreateProgramBody,
  Directory,
  ImportResult,
  Period,
  PeriodList,
  Program,
  ProgramList,
  ProgramParams,
  UpdateProgramBody,
  csvBody,
  csvOf,
} from './sembako.schemas.ts';

/**
 * Sembako Bahagia programs: the sponsor's program office sets them up (roster,
 * activation codes, periods); the program's hub, the hub's cooperatives and
 * the participants read them.
 */
export const sembakoProgramRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/programs',
    {
      schema: {
        operationId: 'listPrograms',
        tags: ['sembako'],
        summary:
          'Sembako programs the caller takes part in: as sponsor, supplying hub, its cooperatives, or a participant',
        response: { 200: withExample(ProgramList, programsExample), ...problems() },
      },
    },
    async (request) => {
      const actor = await authorize(request, { kind: 'signedIn' });
      const scope = await authorize(request, { kind: 'scope' });
      return { items: await listProgramsInScope(deps.db, scope, actor.id) };
    },
  );

  app.post(
    '/api/v1/programs',
    {
      schema: {
        operationId: 'createProgram',
        tags: ['sembako'],
        summary: "A program of the sponsor (the caller's organization), supplied by a hub",
        body: withExample(CreateProgramBody, createProgramExample),
        response: { 201: Program, ...problems(409) },
      },
    },
    async (request, reply) => {
      const { body } = request;
      await authorize(request, { kind: 'organization', id: body.sponsorOrgId });
      const p = await inTransaction(request, (db) =>
        createProgram(db, commandContext(request), body),
      );
      request.auditTarget = { type: 'sembako_program', id: p.id };
      return reply.code(201).send(toProgram(p));
    },
  );

  app.patch(
    '/api/v1/programs/:programId',
    {
      schema: {
        operationId: 'updateProgram',
        tags: ['sembako'],
        summary:
          "Change a program's name, orders per period or what a failed payroll deduction becomes (from the next failure reported)",
        params: ProgramParams,
        body: withExample(UpdateProgramBody, updateProgramExample),
        response: { 200: Program, ...problems(404, 409) },
      },
    },
    async (request) => {
      const { programId } = request.params;
      await authorize(request, { kind: 'program', id: programId });
      request.auditTarget = { type: 'sembako_program', id: programId };
      const p = await inTransaction(request, (db) => updateProgram(db, programId, request.body));
      return toProgram(p);
    },
  );

  app.post(
    '/api/v1/programs/:programId/participants/import',
    {
      schema: {
        operationId: 'importParticipants',
        tags: ['sembako'],
        summary:
          'Import the ASN roster; each row judged on its own (valid rows in or updated, invalid ones reported with every reason)',
        params: ProgramParams,
        body: csvBody(
          'nip,nama,opd,telepon,kode_kelurahan',
          'nip,nama,opd,telepon,kode_kelurahan\n198503152010011002,Budi Santoso,Dinas Pendidikan,081234567890,15.71.01.1001\n',
        ),
        response: {
          200: withExample(ImportResult, importParticipantsExample),
          ...problems(404),
        },
      },
    },
    async (request, reply) => {
      const { programId } = request.params;
      await authorize(request, { kind: 'program', id: programId });
      request.auditTarget = { type: 'sembako_roster', id: programId };
      // Not in one transaction of the request: the import writes in short transactions of its own,
      // so that a 50,000-row file does not hold other requests up (see importParticipants).
      let result;
      try {
        result = await importParticipants(
          deps.db,
          commandContext(request),
          programId,
          csvOf(request.body),
        );
      } catch (err) {
        // Stopped part way: the answer says how far it got; the log keeps why.
        if (isDomainError(err) && err.cause)
          request.log.error({ err: err.cause }, 'roster import stopped part way');
        throw err;
      }
      // Up to 50,000 rejected rows with their reasons: written a slice at a time.
      return sendJsonInSlices(reply, result, 'rejected');
    },
  );

  app.get(
    '/api/v1/programs/:programId/periods',
    {
      schema: {
        operationId: 'listProgramPeriods',
        tags: ['sembako'],
        summary: 'Periods with their ordering windows and packages, newest first',
        params: ProgramParams,
        response: { 200: withExample(PeriodList, periodsExample), ...problems(404) },
      },
    },
    async (request) => {
      const program = await authorize(request, { kind: 'program', id: request.params.programId });
      return { items: await listProgramPeriods(deps.db, program) };
    },
  );

  app.post(
    '/api/v1/programs/:programId/periods',
    {
      schema: {
        operationId: 'createProgramPeriod',
        tags: ['sembako'],
        summary:
          'A monthly period: ordering window and packages (each item at or under its regulated ceiling)',
        params: ProgramParams,
        body: withExample(CreatePeriodBody, createPeriodExample),
        response: { 201: Period, ...problems(404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { programId } = request.params;
      await authorize(request, { kind: 'program', id: programId });
      const period = await inTransaction(request, (db) =>
        createProgramPeriod(db, commandContext(request), programId, request.body),
      );
      request.auditTarget = { type: 'sembako_period', id: `${programId}/${period.month}` };
      return reply.code(201).send(period);
    },
  );

  app.get(
    '/api/v1/programs/:programId/directory',
    {
      schema: {
        operationId: 'getProgramDirectory',
        tags: ['sembako'],
        summary:
          "Names for the program's screens: the supplying hub's products and the cooperatives taking part in the hub",
        params: ProgramParams,
        response: { 200: withExample(Directory, directoryExample), ...problems(404) },
      },
    },
    async (request) => {
      const { programId } = request.params;
      await authorize(request, { kind: 'program', id: programId });
      return getProgramDirectory(deps.db, programId);
    },
  );
};
