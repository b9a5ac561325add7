import { timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import { DomainError } from '../../core/shared/errors.ts';
import {
  CSRF_COOKIE,
  CSRF_HEADER,
  SAFE_METHODS,
  SESSION_COOKIE,
  csrfTokenOf,
  needsSignIn,
  sessionCookieOptions,
} from './session.ts';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * CSRF: a write authenticated by the session cookie must carry, in the
 * `x-csrf-token` header, the CSRF token of that very session (derived from
 * the session token: one session's token is refused with another's cookie);
 * bearer calls need not. The web app reads the token from the `lumbung_csrf`
 * cookie: a signed-in read that finds that cookie missing or stale (a
 * session from before, a cleared cookie) sets it again, so reloading the
 * page mends it.
 */
export const csrfPlugin = fp(
  async (app) => {
    app.addHook('onRequest', async (request, reply) => {
      if (!needsSignIn(request) || request.auth?.via !== 'cookie') return;
      const session = request.cookies[SESSION_COOKIE] ?? '';
      const expected = csrfTokenOf(session);
      if (SAFE_METHODS.includes(request.method)) {
        if (request.cookies[CSRF_COOKIE] !== expected)
          reply.setCookie(CSRF_COOKIE, expected, sessionCookieOptions(request, false));
        return;
      }
      const csrf = request.headers[CSRF_HEADER];
      if (typeof csrf !== 'string' || !same(csrf, expected))
        throw new DomainError('Forbidden', {
          message: 'Token CSRF tidak cocok; muat ulang halaman',
          messageEn: 'CSRF token missing or wrong; reload the page',
        });
    });
  },
  { name: 'lumbung-csrf', dependencies: ['lumbung-session'] },
);
