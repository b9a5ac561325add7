import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  checkCredentials,
  checkParticipantCredentials,
  issueToken,
  revokeToken,
  sessionLengthMsOf,
  setUserLocale,
  type AuthUser,
} from '../../../core/access/index.ts';
import { activateParticipant } from '../../../core/sembako/index.ts';
import { DomainError } from '../../../core/shared/errors.ts';
import { authorize } from '../../authorize.ts';
import { commandContext, inTransaction } from '../../command.ts';
import { ERROR_STATUS } from '../../error-status.ts';
import {
  CSRF_COOKIE,
  SESSION_COOKIE,
  csrfTokenOf,
  sessionCookieOptions,
  tokenOf,
} from '../../plugins/session.ts';
import { problems, withExample } from '../../schemas.ts';
import {
  activateParticipantExample,
  currentUserExample,
  localeExample,
  loginExample,
  loginParticipantExample,
  participantSessionExample,
} from './access.examples.ts';
import {
  ActivateParticipantBody,
  Locale,
  LocaleBody,
  LoginBody,
  LoginParticipantBody,
  Session,
  User,
} from './access.schemas.ts';

/** A session for a signed-in user: the bearer token in the body, the httpOnly cookie and its CSRF cookie. */
export async function startSession(request: FastifyRequest, reply: FastifyReply, user: AuthUser) {
  const { db, clock } = request.server.deps;
  // The session lasts as long as the user's hub says today (`sessionHours`), the cookies too.
  const ttlMs = await sessionLengthMsOf(db, user, clock);
  const { token, expiresAt } = await issueToken(db, user.id, 'session', clock, { ttlMs });
  // The CSRF token belongs to this session: it is refused with any other session's cookie.
  const csrfToken = csrfTokenOf(token);
  reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(request, true, ttlMs));
  reply.setCookie(CSRF_COOKIE, csrfToken, sessionCookieOptions(request, false, ttlMs));
  request.auth = { ...user, tokenKind: 'session', via: 'bearer' };
  request.auditOrgId = user.memberships[0]?.orgId;
  request.auditTarget = { type: 'user', id: user.id };
  return { token, expiresAt, csrfToken, user };
}

/**
 * A sign-in attempt under the login limiter: wrong attempts lock the key
 * (an e-mail, a NIP) for a while, many wrong attempts lock the address;
 * successful ones never count. A failure of the server (5xx) is no attempt.
 */
export async function throttled<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  key: string,
  attempts: { id: string; en: string },
  fn: () => Promise<T>,
): Promise<T> {
  const { limiter } = request.server.deps;
  const wait = limiter.retryAfter(key, request.ip);
  if (wait > 0) {
    reply.header('retry-after', String(wait));
    const minutes = Math.ceil(wait / 60);
    throw new DomainError('TooManyRequests', {
      message: `Terlalu banyak ${attempts.id}; coba lagi dalam ${minutes} menit`,
      messageEn: `Too many ${attempts.en}; try again in ${minutes} minutes`,
    });
  }
  limiter.begin(key, request.ip);
  try {
    const r = await fn();
    limiter.succeed(key);
    return r;
  } catch (e) {
    if (e instanceof DomainError && ERROR_STATUS[e.code] < 500) limiter.fail(key, request.ip);
    throw e;
  } finally {
    limiter.settle(key, request.ip);
  }
}

export const SIGN_IN = { id: 'percobaan masuk', en: 'sign-in attempts' };
const PARTICIPANT_SIGN_IN = { id: 'percobaan', en: 'attempts' };

/** Sign-in (users and Sembako participants), the caller's session and locale (API tokens: tokens.routes.ts). */
export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        operationId: 'login',
        tags: ['auth'],
        summary: 'Sign in: returns a bearer token and sets the session cookie',
        security: [],
        body: withExample(LoginBody, loginExample),
        response: { 200: Session, ...problems(429) },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const key = email.trim().toLowerCase();
      const user = await throttled(request, reply, key, SIGN_IN, () =>
        checkCredentials(deps.db, key, password),
      );
      return startSession(request, reply, user);
    },
  );

  app.post(
    '/api/v1/auth/participants/activate',
    {
      schema: {
        operationId: 'activateParticipant',
        tags: ['auth'],
        summary:
          'A Sembako participant sets a password with the one-time activation code from the program admin; signs in like login',
        security: [],
        body: withExample(ActivateParticipantBody, activateParticipantExample),
        response: { 200: withExample(Session, participantSessionExample), ...problems(429) },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const user = await throttled(request, reply, `nip:${body.nip}`, PARTICIPANT_SIGN_IN, () =>
        inTransaction(request, async (db) => {
          await activateParticipant(db, commandContext(request), body);
          return checkParticipantCredentials(db, body.nip, body.password);
        }),
      );
      return startSession(request, reply, user);
    },
  );

  app.post(
    '/api/v1/auth/participants/login',
    {
      schema: {
        operationId: 'loginParticipant',
        tags: ['auth'],
        summary: 'A Sembako participant signs in with NIP and password (the same answer as login)',
        security: [],
        body: withExample(LoginParticipantBody, loginParticipantExample),
        response: { 200: withExample(Session, participantSessionExample), ...problems(429) },
      },
    },
    async (request, reply) => {
      const { nip, password } = request.body;
      const user = await throttled(request, reply, `nip:${nip}`, PARTICIPANT_SIGN_IN, () =>
        checkParticipantCredentials(deps.db, nip, password),
      );
      return startSession(request, reply, user);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      schema: {
        operationId: 'logout',
        tags: ['auth'],
        summary: 'Revoke the current session or token',
        response: { 204: withExample(Type.Null(), null), ...problems() },
      },
    },
    async (request, reply) => {
      await authorize(request, { kind: 'signedIn' });
      const token = tokenOf(request);
      if (token) {
        await revokeToken(deps.db, token, deps.clock);
        deps.tokens.forget(token);
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      schema: {
        operationId: 'getCurrentUser',
        tags: ['auth'],
        response: { 200: withExample(User, currentUserExample), ...problems() },
      },
    },
    async (request) => {
      const { id, email, name, locale, memberships } = await authorize(request, {
        kind: 'signedIn',
      });
      return { id, email, name, locale, memberships };
    },
  );

  app.put(
    '/api/v1/auth/me/locale',
    {
      schema: {
        operationId: 'setLocale',
        tags: ['auth'],
        body: withExample(LocaleBody, localeExample),
        response: { 200: Locale, ...problems() },
      },
    },
    async (request) => {
      const { locale } = request.body;
      const actor = await authorize(request, { kind: 'signedIn' });
      await setUserLocale(deps.db, actor.id, locale);
      // The next request of this session sees the new locale, not the cached user.
      const token = tokenOf(request);
      if (token) deps.tokens.forget(token);
      return { locale };
    },
  );
};
