import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { createHmac } from 'node:crypto';
import { SESSION_TTL_MS, type AuthUser } from '../../core/access/index.ts';
import { isAction, POLICY } from '../../core/policy/index.ts';
import { DomainError } from '../../core/shared/errors.ts';

/** The httpOnly cookie that carries a browser's session token. */
export const SESSION_COOKIE = 'lumbung_session';
/** The CSRF double-submit cookie (readable by the web app) and the header that must repeat it. */
export const CSRF_COOKIE = 'lumbung_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The CSRF token of a session: derived from the session token (a keyed
 * SHA-256, so it is neither the token nor the hash stored of it), so that
 * it is valid with that session's cookie only, needs no storage, and no
 * secret that several server processes would have to share. Knowing it
 * tells nothing of the session token.
 */
export function csrfTokenOf(sessionToken: string): string {
  return createHmac('sha256', 'lumbung-csrf-v1').update(sessionToken).digest('base64url');
}

/**
 * The options of the session and CSRF cookies (the CSRF one is readable by the web app), kept as
 * long as the session lasts (its hub's session length; the default where none is known).
 */
export function sessionCookieOptions(
  request: FastifyRequest,
  httpOnly: boolean,
  ttlMs = SESSION_TTL_MS,
) {
  return {
    path: '/',
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: Math.floor(ttlMs / 1000),
    httpOnly,
  } as const;
}

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

/** Methods that change nothing: no CSRF check, no audit event. */
export const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/** The bearer token of the Authorization header, if any. */
function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

/** The bearer token or session cookie the request came with. */
export function tokenOf(request: FastifyRequest): string | undefined {
  return bearerOf(request) ?? request.cookies[SESSION_COOKIE];
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
      const bearer = bearerOf(request);
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
