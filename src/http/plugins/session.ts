import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AuthUser } from '../../core/access/index.ts';
import { isAction, POLICY } from '../../core/policy/index.ts';
import { DomainError } from '../../core/shared/errors.ts';

/** The httpOnly cookie that carries a browser's session token. */
export const SESSION_COOKIE = 'lumbung_session';
/** The CSRF double-submit cookie (readable by the web app) and the header that must repeat it. */
export const CSRF_COOKIE = 'lumbung_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in caller, when the request carried a live token. */
    auth?: AuthUser & { tokenKind: 'session' | 'api'; via: 'cookie' | 'bearer' };
  }
}

/** The operation a request calls: its route's operationId (undefined for the docs and the web app's files). */
export function operationOf(request: FastifyRequest): string | undefined {
  return (request.routeOptions.schema as { operationId?: string } | undefined)?.operationId;
}

/** Whether the operation asks for a signed-in caller (every operation but the public ones). */
export function needsSignIn(request: FastifyRequest): boolean {
  const op = operationOf(request);
  return op !== undefined && isAction(op) && POLICY[op].gate !== 'public';
}

/** The bearer token or session cookie the request came with. */
export function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : request.cookies[SESSION_COOKIE];
}

/**
 * Authentication: a bearer token or the session cookie, looked up on
 * request, before the body is read; an operation that needs a signed-in
 * caller answers 401 without one.
 */
export const sessionPlugin = fp(
  async (app) => {
    app.decorateRequest('auth', undefined);
    app.addHook('onRequest', async (request) => {
      const op = operationOf(request);
      if (op === undefined || !isAction(op)) return;
      const header = request.headers.authorization;
      const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
      const token = bearer ?? request.cookies[SESSION_COOKIE];
      if (token) {
        const user = await app.deps.tokens.lookup(token);
        if (user) request.auth = { ...user, via: bearer ? 'bearer' : 'cookie' };
      }
      if (POLICY[op].gate === 'public' || request.auth) return;
      throw new DomainError('Unauthenticated', {
        message: 'Silakan masuk terlebih dahulu',
        messageEn: 'Please sign in first',
      });
    });
  },
  { name: 'lumbung-session', dependencies: ['@fastify/cookie'] },
);
