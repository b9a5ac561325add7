import fp from 'fastify-plugin';
import { DomainError } from '../../core/shared/errors.ts';
import { CSRF_COOKIE, CSRF_HEADER, needsSignIn } from './session.ts';

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/**
 * CSRF: a write authenticated by the session cookie must repeat the CSRF
 * cookie in the `x-csrf-token` header (double submit); bearer calls need not.
 */
export const csrfPlugin = fp(
  async (app) => {
    app.addHook('onRequest', async (request) => {
      if (!needsSignIn(request) || request.auth?.via !== 'cookie') return;
      if (SAFE_METHODS.includes(request.method)) return;
      const csrf = request.headers[CSRF_HEADER];
      if (!csrf || csrf !== request.cookies[CSRF_COOKIE])
        throw new DomainError('Forbidden', {
          message: 'Token CSRF tidak cocok; muat ulang halaman',
          messageEn: 'CSRF token missing or wrong; reload the page',
        });
    });
  },
  { name: 'lumbung-csrf', dependencies: ['lumbung-session'] },
);
