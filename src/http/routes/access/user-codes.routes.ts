import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import {
  activateUser,
  checkCredentials,
  exportManagerActivationCodes,
  issueUserCode,
  loadUserToUpdate,
} from '../../../core/access/index.ts';
import { authorize } from '../../authorize.ts';
import { commandContext, inTransaction } from '../../command.ts';
import { problems, withExample } from '../../schemas.ts';
import { Session, UserParams } from './access.schemas.ts';
import { SIGN_IN, startSession, throttled } from './auth.routes.ts';
import {
  activateUserExample,
  activatedSessionExample,
  issuedUserCodeExample,
  managerCodesAnswerExample,
  managerCodesExample,
  userCodeExample,
} from './user-codes.examples.ts';
import {
  ActivateUserBody,
  ManagerCodes,
  ManagerCodesBody,
  UserCode,
  UserCodeBody,
} from './user-codes.schemas.ts';

/** The web app's address as the caller reached it: the activation links of codes point there. */
export function appUrlOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/**
 * One-time codes of staff users: issued by who administers the user (activation for an invited
 * user, reset for a forgotten password), by a hub admin for the managers of its cooperatives in
 * one go, and used on the public activation page, which signs the user in.
 */
export const userCodeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.post(
    '/api/v1/users/:id/code',
    {
      schema: {
        operationId: 'issueUserCode',
        tags: ['users'],
        summary:
          "A one-time code for a user: activation (an invited user, 7 days) or reset (a forgotten password, 24 hours); the user's earlier code of that purpose stops working. A manager: its cooperative's cashiers only",
        description:
          'Refused with InvalidState (409): a deactivated user, an activation code for an account already activated, a reset code for one not activated yet. The code is answered this once; only its hash is stored, and it is written to no log.',
        params: UserParams,
        body: withExample(UserCodeBody, userCodeExample),
        response: { 201: withExample(UserCode, issuedUserCodeExample), ...problems(404, 409) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const issued = await inTransaction(request, async (db) => {
        const target = await loadUserToUpdate(db, id);
        for (const m of target.memberships)
          await authorize(request, { kind: 'organization', id: m.orgId }, db);
        return issueUserCode(
          db,
          commandContext(request),
          target,
          request.body.purpose,
          appUrlOf(request),
        );
      });
      request.auditTarget = { type: 'user', id };
      return reply.code(201).send(issued);
    },
  );

  app.post(
    '/api/v1/auth/activate',
    {
      schema: {
        operationId: 'activateUser',
        tags: ['auth'],
        summary:
          "A user sets a password with a one-time code (activation or reset) and is signed in like login; a reset revokes the user's other sessions and tokens",
        description:
          'A wrong e-mail or code, a used or an expired code: 401 with the reason. Rate-limited with login (the same e-mail).',
        security: [],
        body: withExample(ActivateUserBody, activateUserExample),
        response: { 200: withExample(Session, activatedSessionExample), ...problems(429) },
      },
    },
    async (request, reply) => {
      const { email, code, password } = request.body;
      const key = email.trim().toLowerCase();
      const { user, revokedTokenHashes } = await throttled(request, reply, key, SIGN_IN, () =>
        inTransaction(request, async (db) => {
          const done = await activateUser(db, commandContext(request), {
            email: key,
            code,
            password,
          });
          return { ...done, user: await checkCredentials(db, key, password) };
        }),
      );
      // The user's old sessions and tokens stop at once on this server, not when its cache expires.
      for (const hash of revokedTokenHashes) deps.tokens.forgetHash(hash);
      deps.tokens.forgetUser(user.id);
      return startSession(request, reply, user);
    },
  );

  app.post(
    '/api/v1/cooperatives/activation-codes',
    {
      schema: {
        operationId: 'exportManagerActivationCodes',
        tags: ['cooperatives'],
        summary:
          "Fresh activation codes for the managers not activated yet of the hub's cooperatives (those taking part with the hub, and those of its region a cooperatives import created that take part with no hub yet): all, or the listed cooperatives; earlier codes of those managers stop working",
        description:
          'POST, not GET: every call issues new codes. Rows by cooperative name, each with the WhatsApp link when a phone is known (the user’s, else the chairman’s). A listed cooperative the hub does not reach: 404.',
        body: withExample(ManagerCodesBody, managerCodesExample),
        response: { 200: withExample(ManagerCodes, managerCodesAnswerExample), ...problems(404) },
      },
    },
    async (request) => {
      const hubId = await authorize(request, { kind: 'hub' });
      request.auditTarget = { type: 'manager_activation_codes', id: hubId };
      return inTransaction(request, (db) =>
        exportManagerActivationCodes(
          db,
          commandContext(request),
          hubId,
          appUrlOf(request),
          request.body.cooperativeIds,
        ),
      );
    },
  );
};
