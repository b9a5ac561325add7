import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  createParticipation,
  endParticipation,
  getParticipation,
  updateParticipation,
} from '../../../core/network/index.ts';
import { authorize } from '../../authorize.ts';
import { commandContext, inTransaction, runForCooperative } from '../../command.ts';
import { problems, withExample } from '../../schemas.ts';
import { CoopId, Participation } from './network.schemas.ts';
import {
  createParticipationExample,
  endParticipationExample,
  participationExample,
  updateParticipationExample,
} from './participation.examples.ts';
import {
  CreateParticipationBody,
  EndParticipationBody,
  ParticipationState,
  UpdateParticipationBody,
} from './participation.schemas.ts';

/**
 * A cooperative's participation in its hub's Koperasi Manis program: joining,
 * the terms in force and their history, a new version of the terms from a
 * date, and the end. Each change keeps its reason and author (and is audited).
 */
export const participationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.post(
    '/api/v1/cooperatives/:id/participation',
    {
      schema: {
        operationId: 'createParticipation',
        tags: ['cooperatives'],
        summary:
          "Join the cooperative to the caller hub's Koperasi Manis program: the first version of its terms, from the start date",
        params: CoopId,
        body: withExample(CreateParticipationBody, createParticipationExample),
        response: { 201: Participation, ...problems(404, 409) },
      },
    },
    async (request, reply) => {
      const hubId = await authorize(request, { kind: 'hub' });
      const { id } = request.params;
      request.auditOrgId = id;
      const by = commandContext(request).actor?.userId ?? null;
      const p = await inTransaction(request, (db) =>
        createParticipation(db, id, { ...request.body, hubId }, deps.clock, by),
      );
      request.auditTarget = { type: 'participation', id: p.id };
      return reply.code(201).send(p);
    },
  );

  app.get(
    '/api/v1/cooperatives/:id/participation',
    {
      schema: {
        operationId: 'getParticipation',
        tags: ['cooperatives'],
        summary:
          'The participation’s terms in force today and every version of them (effective date, terms, reason, author); 404 when the cooperative takes part in no program',
        params: CoopId,
        response: {
          200: withExample(ParticipationState, participationExample),
          ...problems(404),
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      await authorize(request, { kind: 'cooperative', id });
      return getParticipation(deps.db, deps.clock, id);
    },
  );

  app.patch(
    '/api/v1/cooperatives/:id/participation',
    {
      schema: {
        operationId: 'updateParticipation',
        tags: ['cooperatives'],
        summary:
          'A new version of the terms from a date, with its reason: the given terms change, the others stay as in force that day; documents dated from then on use it (a dispatch the version of its date). A version not yet in force is replaced; one already in force is kept (409 AlreadyExists)',
        params: CoopId,
        body: withExample(UpdateParticipationBody, updateParticipationExample),
        response: { 200: ParticipationState, ...problems(404, 409) },
      },
    },
    async (request) => {
      const { id } = request.params;
      request.auditOrgId = id;
      const p = await runForCooperative(request, id, (db, ctx) =>
        updateParticipation(db, ctx, id, request.body),
      );
      request.auditTarget = { type: 'participation', id: p.id };
      return p;
    },
  );

  app.post(
    '/api/v1/cooperatives/:id/participation/end',
    {
      schema: {
        operationId: 'endParticipation',
        tags: ['cooperatives'],
        summary:
          'Ends the participation on a date (inclusive), with its reason: no dispatch after it (ParticipationEnded), the subsidy pro rata to it, the last period closes as usual; ending twice → 409 ParticipationEnded',
        params: CoopId,
        body: withExample(EndParticipationBody, endParticipationExample),
        response: { 200: ParticipationState, ...problems(404, 409) },
      },
    },
    async (request) => {
      const { id } = request.params;
      request.auditOrgId = id;
      const p = await runForCooperative(request, id, (db, ctx) =>
        endParticipation(db, ctx, id, request.body),
      );
      request.auditTarget = { type: 'participation', id: p.id };
      return p;
    },
  );
};
