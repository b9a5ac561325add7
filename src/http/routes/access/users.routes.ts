import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  checkRoleFitsOrganization,
  createUser,
  issueUserCode,
  listUsers,
  loadUserToUpdate,
  updateUser,
} from '../../../core/access/index.ts';
import { loadOrganization } from '../../../core/network/index.ts';
import { authorize } from '../../authorize.ts';
import { commandContext, inTransaction } from '../../command.ts';
import { problems, withExample } from '../../schemas.ts';
import {
  createUserExample,
  updateUserExample,
  updatedUserExample,
  userListExample,
} from './access.examples.ts';
import {
  CreateUserBody,
  CreatedUser,
  UpdateUserBody,
  UserList,
  UserListItem,
  UserParams,
} from './access.schemas.ts';
import { appUrlOf } from './user-codes.routes.ts';

/** The users a hub admin or a cooperative's manager administers. */
export const usersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.post(
    '/api/v1/users',
    {
      schema: {
        operationId: 'createUser',
        tags: ['users'],
        summary:
          "Create a user of the caller's hub, of one of its cooperatives or of an office of its area, or (a manager) of the manager's cooperative; without a password, invite it",
        description:
          'Without `password` the user is invited: it cannot sign in until it sets a password with the one-time activation code of the answer (valid 7 days; `whatsappUrl` when a phone is given). A manager invites only cashiers.',
        body: withExample(CreateUserBody, createUserExample),
        response: { 201: CreatedUser, ...problems(404, 409) },
      },
    },
    async (request, reply) => {
      const { email, name, password, phone, orgId, role } = request.body;
      const user = await inTransaction(request, async (db) => {
        // An unknown organization is a 404 and a role of another kind of organization a 400,
        // whoever asks; then the caller must administer the organization.
        const org = await loadOrganization(db, orgId);
        checkRoleFitsOrganization(org.kind, role);
        await authorize(request, { kind: 'organization', id: org.id }, db);
        const created = await createUser(
          db,
          {
            email,
            name,
            password,
            invited: password === undefined,
            phone,
            memberships: [{ orgId: org.id, role }],
          },
          deps.clock,
        );
        if (password !== undefined) return created;
        // Invited: the activation code goes with the answer (the same rules as issueUserCode).
        const target = await loadUserToUpdate(db, created.id);
        const code = await issueUserCode(
          db,
          commandContext(request),
          target,
          'activation',
          appUrlOf(request),
        );
        return {
          ...created,
          activationCode: code.code,
          activationExpiresAt: code.expiresAt,
          activationUrl: code.activationUrl,
          ...(code.whatsappUrl ? { whatsappUrl: code.whatsappUrl } : {}),
        };
      });
      request.auditTarget = { type: 'user', id: user.id };
      return reply.code(201).send(user);
    },
  );

  app.get(
    '/api/v1/users',
    {
      schema: {
        operationId: 'listUsers',
        tags: ['users'],
        summary:
          "Users of the caller's hub, its cooperatives and the offices and employers of its area (a manager: of the manager's cooperative), each with its status: active, inactive or invited (no password yet)",
        response: { 200: withExample(UserList, userListExample), ...problems() },
      },
    },
    async (request) => {
      const scope = await authorize(request, { kind: 'scope' });
      return listUsers(deps.db, scope);
    },
  );

  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        operationId: 'updateUser',
        tags: ['users'],
        summary:
          "Rename a user, change its role, or deactivate it (its sessions and tokens stop working at once) or reactivate it; a manager: its cooperative's cashiers only",
        description:
          'Refused with InvalidState (409): deactivating or changing the role of oneself, and deactivating or demoting the last active admin of a hub. A role of another kind of organization: ValidationFailed (400).',
        params: UserParams,
        body: withExample(UpdateUserBody, updateUserExample),
        response: { 200: withExample(UserListItem, updatedUserExample), ...problems(404, 409) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { user, revokedTokenHashes } = await inTransaction(request, async (db) => {
        const target = await loadUserToUpdate(db, id);
        for (const m of target.memberships)
          await authorize(request, { kind: 'organization', id: m.orgId }, db);
        return updateUser(db, commandContext(request), target, request.body);
      });
      // The running server forgets the user's cached tokens now, not when its cache expires: a
      // deactivated user's stop working, a changed role's carry the new memberships.
      for (const hash of revokedTokenHashes) deps.tokens.forgetHash(hash);
      if (request.body.active === false || request.body.role !== undefined)
        deps.tokens.forgetUser(id);
      request.auditTarget = { type: 'user', id };
      return user;
    },
  );
};
