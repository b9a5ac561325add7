import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  createMember,
  getMember,
  getMemberDirectory,
  listMembers,
  updateMember,
} from '../../../core/members/index.ts';
import { authorize } from '../../authorize.ts';
import { runForCooperative } from '../../command.ts';
import { pageLimit } from '../../cursor.ts';
import { problems, withExample } from '../../schemas.ts';
import {
  createMemberExample,
  directoryExample,
  memberExample,
  membersExample,
  updateMemberExample,
} from './members.examples.ts';
import {
  CooperativeParams,
  CreateMemberBody,
  CreatedMember,
  Member,
  MemberDirectory,
  MemberList,
  MemberParams,
  MembersQuery,
  UpdateMemberBody,
} from './members.schemas.ts';

/**
 * A cooperative's member registry: its manager registers and edits members
 * (NIK checked, numbered, officers kept in step), its cashier reads a member
 * and the compact directory the till keeps offline, its hub admin reads.
 */
export const memberRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/cooperatives/:id/members',
    {
      schema: {
        operationId: 'listMembers',
        tags: ['members'],
        summary:
          'The members in member-number order; q finds a member number or card code, the start of a NIK, part of a name or of a phone number; status filters',
        params: CooperativeParams,
        querystring: MembersQuery,
        response: { 200: withExample(MemberList, membersExample), ...problems(404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      await authorize(request, { kind: 'cooperative', id });
      const { q, status, cursor, limit } = request.query;
      return listMembers(deps.db, id, { q, status, cursor, limit: pageLimit(limit) });
    },
  );

  app.post(
    '/api/v1/cooperatives/:id/members',
    {
      schema: {
        operationId: 'createMember',
        tags: ['members'],
        summary:
          'Register a member: the NIK checked (real district, possible birth date, once per cooperative), gender and birth date read from it, the next member number given; the same id again answers the same member (200)',
        params: CooperativeParams,
        body: withExample(CreateMemberBody, createMemberExample),
        response: { 200: CreatedMember, 201: CreatedMember, ...problems(404, 409) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { member, created } = await runForCooperative(request, id, (db, ctx) =>
        createMember(db, ctx, id, request.body),
      );
      request.auditTarget = { type: 'member', id: member.id };
      return reply.code(created ? 201 : 200).send({ id: member.id, memberNo: member.memberNo });
    },
  );

  app.get(
    '/api/v1/cooperatives/:id/members/directory',
    {
      schema: {
        operationId: 'getMemberDirectory',
        tags: ['members'],
        summary:
          'Every active member, compact and without NIK (number, name, phone, card code): what the cashier’s device keeps to find members offline',
        params: CooperativeParams,
        response: { 200: withExample(MemberDirectory, directoryExample), ...problems(404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      await authorize(request, { kind: 'cooperative', id });
      return getMemberDirectory(deps.db, id);
    },
  );

  app.get(
    '/api/v1/cooperatives/:id/members/:memberId',
    {
      schema: {
        operationId: 'getMember',
        tags: ['members'],
        summary: 'One member with the gender and birth date of their NIK and their card code',
        params: MemberParams,
        response: { 200: withExample(Member, memberExample), ...problems(404) },
      },
    },
    async (request) => {
      const { id, memberId } = request.params;
      await authorize(request, { kind: 'cooperative', id });
      return getMember(deps.db, id, memberId);
    },
  );

  app.patch(
    '/api/v1/cooperatives/:id/members/:memberId',
    {
      schema: {
        operationId: 'updateMember',
        tags: ['members'],
        summary:
          'Change a member’s name, phone, address or officer role (null clears); a role moves from its previous holder and the cooperative’s officer list follows',
        params: MemberParams,
        body: withExample(UpdateMemberBody, updateMemberExample),
        response: { 200: Member, ...problems(404, 409) },
      },
    },
    async (request) => {
      const { id, memberId } = request.params;
      const member = await runForCooperative(request, id, (db, ctx) =>
        updateMember(db, ctx, id, memberId, request.body),
      );
      request.auditTarget = { type: 'member', id: member.id };
      return member;
    },
  );
};
