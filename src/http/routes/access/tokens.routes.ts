import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { issueToken, listApiTokens, revokeApiToken } from '../../../core/access/index.ts';
import { authorize } from '../../authorize.ts';
import { tokenOf } from '../../plugins/session.ts';
import { problems, withExample } from '../../schemas.ts';
import { apiTokenExample, apiTokenListExample } from './access.examples.ts';
import { ApiToken, ApiTokenBody, ApiTokenList, ApiTokenParams } from './access.schemas.ts';

/**
 * A user's own API tokens (devices, integrations): issued, listed and
 * revoked by their owner only. A token outlives the session that made it;
 * revoking it here ends it at once.
 */
export const apiTokenRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.post(
    '/api/v1/auth/tokens',
    {
      schema: {
        operationId: 'createApiToken',
        tags: ['auth'],
        summary:
          'A bearer token for a device or an integration (stored hashed, revocable, expiring)',
        body: withExample(ApiTokenBody, apiTokenExample),
        response: { 201: ApiToken, ...problems() },
      },
    },
    async (request, reply) => {
      const { label, days } = request.body;
      const actor = await authorize(request, { kind: 'signedIn' });
      const t = await issueToken(deps.db, actor.id, 'api', deps.clock, {
        label,
        ttlMs: (days ?? 90) * 86_400_000,
      });
      request.auditTarget = { type: 'api_token', id: t.id };
      return reply.code(201).send(t);
    },
  );

  app.get(
    '/api/v1/auth/tokens',
    {
      schema: {
        operationId: 'listApiTokens',
        tags: ['auth'],
        summary:
          "The caller's live API tokens, newest first: label and dates, never the token itself",
        response: { 200: withExample(ApiTokenList, apiTokenListExample), ...problems() },
      },
    },
    async (request) => {
      const actor = await authorize(request, { kind: 'signedIn' });
      return listApiTokens(deps.db, actor.id, deps.clock, tokenOf(request));
    },
  );

  app.delete(
    '/api/v1/auth/tokens/:id',
    {
      schema: {
        operationId: 'revokeApiToken',
        tags: ['auth'],
        summary:
          "Revoke one of the caller's API tokens: it stops working at once (another user's token: 404, as an unknown one)",
        params: ApiTokenParams,
        response: { 204: withExample(Type.Null(), null), ...problems(404) },
      },
    },
    async (request, reply) => {
      const actor = await authorize(request, { kind: 'signedIn' });
      const { id } = request.params;
      const { tokenHash } = await revokeApiToken(deps.db, actor.id, id, deps.clock);
      deps.tokens.forgetHash(tokenHash);
      request.auditTarget = { type: 'api_token', id };
      return reply.code(204).send(null);
    },
  );
};
