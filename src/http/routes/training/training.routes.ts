import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  createTrainingEvent,
  getTrainingEvent,
  readTrainingCoverage,
  readTrainingEvent,
  readTrainingEvents,
  recordTrainingParticipants,
} from '../../../core/training/index.ts';
import { authorize } from '../../authorize.ts';
import { commandContext, inTransaction } from '../../command.ts';
import { problems, withExample } from '../../schemas.ts';
import {
  createTrainingEventExample,
  trainingCoverageExample,
  trainingEventExample,
  trainingEventsExample,
  trainingParticipantsExample,
} from './training.examples.ts';
import {
  CreateTrainingEventBody,
  TrainingCoverage,
  TrainingEventDetail,
  TrainingEventList,
  TrainingEventParams,
  TrainingParticipantsBody,
} from './training.schemas.ts';

/**
 * Training is the cooperative office's own data: its government viewers
 * record it (the one thing a gov_viewer writes); hub admins read it for
 * their network (the audience of their scope). Hub admins pass the role gate
 * of the writes too, so that their malformed requests are answered 400 like
 * everywhere else, and are then refused (403) for not belonging to an office.
 */
export const trainingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/training/events',
    {
      schema: {
        operationId: 'listTrainingEvents',
        tags: ['training'],
        summary: 'Training events, newest first, with officers invited and attending',
        response: { 200: withExample(TrainingEventList, trainingEventsExample), ...problems() },
      },
    },
    async (request) => {
      const scope = await authorize(request, { kind: 'scope' });
      return { items: await readTrainingEvents(deps.db, scope) };
    },
  );

  app.post(
    '/api/v1/training/events',
    {
      schema: {
        operationId: 'createTrainingEvent',
        tags: ['training'],
        summary:
          "Record a training event of the caller's office (idempotent by client id; the date may lie ahead)",
        body: withExample(CreateTrainingEventBody, createTrainingEventExample),
        response: { 200: TrainingEventDetail, 201: TrainingEventDetail, ...problems(404, 409) },
      },
    },
    async (request, reply) => {
      const officeId = await authorize(request, { kind: 'office' });
      const { body } = request;
      request.auditTarget = { type: 'training_event', id: body.id };
      const r = await inTransaction(request, async (db) => {
        const { created } = await createTrainingEvent(db, commandContext(request), officeId, body);
        return { created, detail: await getTrainingEvent(db, [officeId], body.id) };
      });
      return reply.code(r.created ? 201 : 200).send(r.detail);
    },
  );

  app.get(
    '/api/v1/training/events/:id',
    {
      schema: {
        operationId: 'getTrainingEvent',
        tags: ['training'],
        summary: 'One training event with its participants by cooperative',
        params: TrainingEventParams,
        response: { 200: withExample(TrainingEventDetail, trainingEventExample), ...problems(404) },
      },
    },
    async (request) => {
      const scope = await authorize(request, { kind: 'scope' });
      return readTrainingEvent(deps.db, scope, request.params.id);
    },
  );

  app.put(
    '/api/v1/training/events/:id/participants',
    {
      schema: {
        operationId: 'recordTrainingParticipants',
        tags: ['training'],
        summary:
          'Invite officers, mark attendance and record pre/post-test scores; each named officer is set to the given state (sending it again changes nothing)',
        params: TrainingEventParams,
        body: withExample(TrainingParticipantsBody, trainingParticipantsExample),
        response: { 200: TrainingEventDetail, ...problems(404, 422) },
      },
    },
    async (request) => {
      const officeId = await authorize(request, { kind: 'office' });
      const { id } = request.params;
      request.auditTarget = { type: 'training_event', id };
      return inTransaction(request, (db) =>
        recordTrainingParticipants(
          db,
          commandContext(request),
          officeId,
          id,
          request.body.participants,
        ),
      );
    },
  );

  app.get(
    '/api/v1/training/coverage',
    {
      schema: {
        operationId: 'getTrainingCoverage',
        tags: ['training'],
        summary:
          "Training coverage by kecamatan, and per cooperative next to this month's sales, overdue and hold",
        response: { 200: withExample(TrainingCoverage, trainingCoverageExample), ...problems() },
      },
    },
    async (request) => {
      const scope = await authorize(request, { kind: 'scope' });
      return readTrainingCoverage(deps.db, deps.clock, scope);
    },
  );
};
