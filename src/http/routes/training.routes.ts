import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Role } from '../../core/access/index.ts';
import { findOrganizationsByKind } from '../../core/network/index.ts';
import { findRegionCooperatives, type RegionScope } from '../../core/region/index.ts';
import { DomainError } from '../../core/shared/errors.ts';
import {
  TRAINING_POSITIONS,
  createTrainingEvent,
  findTrainingEvents,
  getTrainingCoverage,
  getTrainingEvent,
  recordTrainingParticipants,
  type ParticipantInput,
  type TrainingEventInput,
} from '../../core/training/index.ts';
import type { Db } from '../../db/database.ts';
import { authOf } from '../access.ts';
import { TrainingCoverage, TrainingEventDetail, TrainingEventSummary } from '../models.ts';
import { BusinessDate, Id, List, Text, Uuid, problems } from '../schemas.ts';
import { commandContext, inTransaction } from './tx.ts';

/**
 * Training is the cooperative office's own data: its government viewers
 * record it (the one thing a gov_viewer writes); hub admins read it for
 * their network. Hub admins pass the role gate of the writes too, so that
 * their malformed requests are answered 400 like everywhere else, and are
 * then refused (403) for not belonging to an office. Cooperative users: 403.
 */
const TRAINING_ROLES: Role[] = ['gov_viewer', 'hub_admin'];
const EventId = Type.Object({ id: Id });

function forbidden(): never {
  throw new DomainError('Forbidden', {
    message: 'Hanya dinas penyelenggara yang mencatat pelatihan',
    messageEn: 'Only the organizing office records training',
  });
}

/** The office a government viewer records training for, or 403. */
function callerOfficeId(request: FastifyRequest): string {
  const m = authOf(request).memberships.find(
    (x) => x.orgKind === 'government' && x.role === 'gov_viewer',
  );
  if (!m) forbidden();
  return m.orgId;
}

interface Audience {
  /** Offices whose events the caller reads. */
  organizerIds: string[];
  /** Only these cooperatives' participants (a hub's network); undefined = all of the event. */
  coopIds?: string[];
  scope: RegionScope;
}

/**
 * What the caller reads of training: an office its own events, every
 * participant; a hub admin the events of the offices whose region holds its
 * network's cooperatives, with only those cooperatives' officers.
 */
async function audienceOf(db: Db, request: FastifyRequest): Promise<Audience> {
  const auth = authOf(request);
  const offices = auth.memberships.filter(
    (m) => m.orgKind === 'government' && m.role === 'gov_viewer',
  );
  if (offices.length) {
    const govs = await findOrganizationsByKind(db, 'government');
    const regionCodes = govs
      .filter((g) => offices.some((m) => m.orgId === g.id) && g.regionCode)
      .map((g) => g.regionCode!);
    return { organizerIds: offices.map((m) => m.orgId), scope: { regionCodes } };
  }
  const hubIds = auth.memberships
    .filter((m) => m.orgKind === 'hub' && m.role === 'hub_admin')
    .map((m) => m.orgId);
  if (!hubIds.length) forbidden();
  const coops = await findRegionCooperatives(db, { hubIds });
  const govs = await findOrganizationsByKind(db, 'government');
  const organizerIds = govs
    .filter((g) => g.regionCode && coops.some((c) => c.villageCode?.startsWith(`${g.regionCode}.`)))
    .map((g) => g.id);
  return { organizerIds, coopIds: coops.map((c) => c.id), scope: { hubIds } };
}

const Score = Type.Union([Type.Integer({ minimum: 0, maximum: 100 }), Type.Null()], {
  description: 'test score, a whole number 0–100; only for an officer who attended',
});

export function registerTrainingRoutes(app: FastifyInstance) {
  const { deps } = app;

  app.get(
    '/api/v1/training/events',
    {
      config: { roles: TRAINING_ROLES },
      schema: {
        operationId: 'listTrainingEvents',
        tags: ['training'],
        summary: 'Training events, newest first, with officers invited and attending',
        response: { 200: List(TrainingEventSummary), ...problems() },
      },
    },
    async (request) => {
      const a = await audienceOf(deps.db, request);
      const rows = await findTrainingEvents(deps.db, a.organizerIds, a.coopIds);
      return {
        items: rows.map((r) => ({
          id: r.id,
          organizerId: r.orgId,
          title: r.title,
          date: r.eventDate,
          venue: r.venue,
          organizerName: r.organizerName,
          materials: r.materials,
          createdAt: r.createdAt,
          invited: Number(r.invited),
          attended: Number(r.attended),
          cooperatives: Number(r.cooperatives),
        })),
      };
    },
  );

  app.post(
    '/api/v1/training/events',
    {
      config: { roles: TRAINING_ROLES },
      schema: {
        operationId: 'createTrainingEvent',
        tags: ['training'],
        summary:
          "Record a training event of the caller's office (idempotent by client id; the date may lie ahead)",
        body: Type.Object(
          {
            id: Uuid,
            title: Text(200),
            date: BusinessDate,
            venue: Text(200),
            organizerName: Text(200),
            materials: Type.Optional(Type.String({ maxLength: 4000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: TrainingEventDetail, 201: TrainingEventDetail, ...problems(404, 409) },
      },
    },
    async (request, reply) => {
      const officeId = callerOfficeId(request);
      const body = request.body as TrainingEventInput;
      request.auditOrgId = officeId;
      request.auditTarget = { type: 'training_event', id: body.id };
      const r = await inTransaction(app, async (db) => {
        const { created } = await createTrainingEvent(
          db,
          commandContext(app, request),
          officeId,
          body,
        );
        return { created, detail: await getTrainingEvent(db, [officeId], body.id) };
      });
      return reply.code(r.created ? 201 : 200).send(r.detail);
    },
  );

  app.get(
    '/api/v1/training/events/:id',
    {
      config: { roles: TRAINING_ROLES },
      schema: {
        operationId: 'getTrainingEvent',
        tags: ['training'],
        summary: 'One training event with its participants by cooperative',
        params: EventId,
        response: { 200: TrainingEventDetail, ...problems(404) },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const a = await audienceOf(deps.db, request);
      return getTrainingEvent(deps.db, a.organizerIds, id, a.coopIds);
    },
  );

  app.put(
    '/api/v1/training/events/:id/participants',
    {
      config: { roles: TRAINING_ROLES },
      schema: {
        operationId: 'recordTrainingParticipants',
        tags: ['training'],
        summary:
          'Invite officers, mark attendance and record pre/post-test scores; each named officer is set to the given state (sending it again changes nothing)',
        params: EventId,
        body: Type.Object(
          {
            participants: Type.Array(
              Type.Object(
                {
                  id: Type.Optional(Uuid),
                  cooperativeId: Id,
                  name: Text(200),
                  position: Type.Union(TRAINING_POSITIONS.map((p) => Type.Literal(p))),
                  attended: Type.Optional(Type.Boolean()),
                  preScore: Type.Optional(Score),
                  postScore: Type.Optional(Score),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 1000 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: TrainingEventDetail, ...problems(404, 422) },
      },
    },
    async (request) => {
      const officeId = callerOfficeId(request);
      const { id } = request.params as { id: string };
      request.auditOrgId = officeId;
      request.auditTarget = { type: 'training_event', id };
      const { participants } = request.body as { participants: ParticipantInput[] };
      return inTransaction(app, (db) =>
        recordTrainingParticipants(db, commandContext(app, request), officeId, id, participants),
      );
    },
  );

  app.get(
    '/api/v1/training/coverage',
    {
      config: { roles: TRAINING_ROLES },
      schema: {
        operationId: 'getTrainingCoverage',
        tags: ['training'],
        summary:
          "Training coverage by kecamatan, and per cooperative next to this month's sales, overdue and hold",
        response: { 200: TrainingCoverage, ...problems() },
      },
    },
    async (request) => {
      const a = await audienceOf(deps.db, request);
      return getTrainingCoverage(deps.db, deps.clock, a.organizerIds, a.scope);
    },
  );
}
