import fp from 'fastify-plugin';
import { isAction, passesGate } from '../../core/policy/index.ts';
import { DomainError } from '../../core/shared/errors.ts';
import { needsSignIn, operationOf } from './session.ts';

/**
 * The role gate of the access policy, on request before the body is read:
 * a caller none of whose roles the operation's rule admits is refused (403).
 * Every route with an operationId must have a rule: one without fails at
 * start-up. Tenancy is then asked by each handler through `authorize`.
 */
export const accessPlugin = fp(
  async (app) => {
    app.addHook('onRoute', (route) => {
      const op = (route.schema as { operationId?: string } | undefined)?.operationId;
      if (op !== undefined && !isAction(op))
        throw new Error(
          `Route ${route.method} ${route.url} (${op}) has no rule in the access policy`,
        );
    });
    app.addHook('onRequest', async (request) => {
      if (!needsSignIn(request) || !request.auth) return;
      const op = operationOf(request);
      if (
        op !== undefined &&
        isAction(op) &&
        !passesGate(
          op,
          request.auth.memberships.map((m) => m.role),
        )
      )
        throw new DomainError('Forbidden', {
          message: 'Peran Anda tidak berhak melakukan ini',
          messageEn: 'Your role may not do this',
        });
    });
  },
  { name: 'lumbung-access', dependencies: ['lumbung-session'] },
);
