import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  checkRoleFitsOrganization,
  createUser,
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
          "Create a user of the caller's hub, of one of its cooperatives, or (a manager) of the manager's cooperative",
        body: withExample(CreateUserBody, createUserExample),
        response: { 201: CreatedUser, ...problems(404, 409) },
      },
    },
    async (request, reply) => {
      const { email, name, password, orgId, role } = request.body;
      const user = await inTransaction(request, async (db) => {
        // An unknown organization is a 404 and a role of another kind of organization a 400,
        // whoever asks; then the caller must administer the organization.
        const org = await loadOrganization(db, orgId);
        checkRoleFitsOrganization(org.kind, role);
        await authorize(request, { kind: 'organization', id: org.id }, db);
        return createUser(
          db,
          { email, name, password, memberships: [{ orgId: org.id, role }] },
          deps.clock,
        );
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
          "Users of the caller's hub and its cooperatives (a manager: of the manager's cooperative)",
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
