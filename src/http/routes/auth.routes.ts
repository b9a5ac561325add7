import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { activateParticipant } from '../../core/sembako/index.ts';
import { Type } from 'typebox';
import {
  checkCredentials,
  checkParticipantCredentials,
  type AuthUser,
  issueToken,
  revokeToken,
  setUserLocale,
  SESSION_TTL_MS,
} from '../../core/access/index.ts';
import { DomainError } from '../../core/shared/errors.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../plugins/session.ts';
import { ALL_ROLES, authOf } from '../access.ts';
import { problems } from '../schemas.ts';

const Membership = Type.Object({
  orgId: Type.String(),
  orgKind: Type.String(),
  orgName: Type.String(),
  role: Type.String(),
});
const User = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  locale: Type.String(),
  memberships: Type.Array(Membership),
});

export function registerAuthRoutes(app: FastifyInstance) {
  const { deps } = app;
  app.post(
    '/api/v1/auth/login',
    {
      config: { roles: 'public' },
      schema: {
        operationId: 'login',
        tags: ['auth'],
        summary: 'Sign in: returns a bearer token and sets the session cookie',
        security: [],
        body: Type.Object(
          {
            email: Type.String({ minLength: 3, maxLength: 254 }),
            password: Type.String({ minLength: 1, maxLength: 200 }),
          },
          {
            additionalProperties: false,
            examples: [{ email: 'admin@kana.demo', password: 'lumbung-demo' }],
          },
        ),
        response: {
          200: Type.Object({
            token: Type.String(),
            expiresAt: Type.String(),
            csrfToken: Type.String(),
            user: User,
          }),
          ...problems(429),
        },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body as { email: string; password: string };
      const key = email.trim().toLowerCase();
      const wait = deps.limiter.retryAfter(key, request.ip);
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        throw new DomainError('TooManyRequests', {
          message: `Terlalu banyak percobaan masuk; coba lagi dalam ${Math.ceil(wait / 60)} menit`,
          messageEn: `Too many sign-in attempts; try again in ${Math.ceil(wait / 60)} minutes`,
        });
      }
      deps.limiter.attempt(request.ip);
      let user;
      try {
        user = await checkCredentials(deps.db, key, password);
      } catch (e) {
        deps.limiter.fail(key);
        throw e;
      }
      deps.limiter.succeed(key);
      return startSession(request, reply, user);
    },
  );

  /** A session for a signed-in user: the bearer token in the body, the httpOnly cookie and the CSRF cookie. */
  async function startSession(request: FastifyRequest, reply: FastifyReply, user: AuthUser) {
    const { token, expiresAt } = await issueToken(deps.db, user.id, 'session', deps.clock);
    const csrfToken = randomBytes(24).toString('base64url');
    const secure = request.protocol === 'https';
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure,
      maxAge: SESSION_TTL_MS / 1000,
    });
    reply.setCookie(CSRF_COOKIE, csrfToken, {
      path: '/',
      httpOnly: false,
      sameSite: 'lax',
      secure,
      maxAge: SESSION_TTL_MS / 1000,
    });
    request.auth = { ...user, tokenKind: 'session', via: 'bearer' };
    request.auditOrgId = user.memberships[0]?.orgId;
    request.auditTarget = { type: 'user', id: user.id };
    return { token, expiresAt, csrfToken, user };
  }

  /** Throttled like login: wrong attempts lock the NIP, many attempts lock the address. */
  async function throttled<T>(
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    fn: () => Promise<T>,
  ) {
    const wait = deps.limiter.retryAfter(key, request.ip);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      throw new DomainError('TooManyRequests', {
        message: `Terlalu banyak percobaan; coba lagi dalam ${Math.ceil(wait / 60)} menit`,
        messageEn: `Too many attempts; try again in ${Math.ceil(wait / 60)} minutes`,
      });
    }
    deps.limiter.attempt(request.ip);
    try {
      const r = await fn();
      deps.limiter.succeed(key);
      return r;
    } catch (e) {
      deps.limiter.fail(key);
      throw e;
    }
  }

  const Nip = Type.String({ pattern: '^\\d{18}$', examples: ['198503152010011002'] });
  const Session = Type.Object({
    token: Type.String(),
    expiresAt: Type.String(),
    csrfToken: Type.String(),
    user: User,
  });

  app.post(
    '/api/v1/auth/participants/activate',
    {
      config: { roles: 'public' },
      schema: {
        operationId: 'activateParticipant',
        tags: ['auth'],
        summary:
          'A Sembako participant sets a password with the one-time activation code from the program admin; signs in like login',
        security: [],
        body: Type.Object(
          {
            programId: Type.Optional(Type.String({ format: 'uuid', maxLength: 36 })),
            nip: Nip,
            activationCode: Type.String({ minLength: 1, maxLength: 20, examples: ['K7PQ-2M9X'] }),
            password: Type.String({ minLength: 8, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Session, ...problems(429) },
      },
    },
    async (request, reply) => {
      const body = request.body as {
        programId?: string;
        nip: string;
        activationCode: string;
        password: string;
      };
      const user = await throttled(request, reply, `nip:${body.nip}`, () =>
        deps.db.transaction().execute(async (db) => {
          await activateParticipant(
            db,
            { clock: deps.clock, requestId: request.id, address: request.ip },
            body,
          );
          return checkParticipantCredentials(db, body.nip, body.password);
        }),
      );
      return startSession(request, reply, user);
    },
  );

  app.post(
    '/api/v1/auth/participants/login',
    {
      config: { roles: 'public' },
      schema: {
        operationId: 'loginParticipant',
        tags: ['auth'],
        summary: 'A Sembako participant signs in with NIP and password (the same answer as login)',
        security: [],
        body: Type.Object(
          { nip: Nip, password: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: { 200: Session, ...problems(429) },
      },
    },
    async (request, reply) => {
      const { nip, password } = request.body as { nip: string; password: string };
      const user = await throttled(request, reply, `nip:${nip}`, () =>
        checkParticipantCredentials(deps.db, nip, password),
      );
      return startSession(request, reply, user);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { roles: [...ALL_ROLES, 'program_participant'] },
      schema: {
        operationId: 'logout',
        tags: ['auth'],
        summary: 'Revoke the current session or token',
        response: { 204: Type.Null(), ...problems() },
      },
    },
    async (request, reply) => {
      const token = requestToken(request);
      if (token) {
        await revokeToken(deps.db, token, deps.clock);
        deps.tokens.forget(token);
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      config: { roles: [...ALL_ROLES, 'program_participant'] },
      schema: {
        operationId: 'getCurrentUser',
        tags: ['auth'],
        response: { 200: User, ...problems() },
      },
    },
    async (request) => {
      const { tokenKind: _k, via: _v, ...user } = authOf(request);
      return user;
    },
  );

  app.post(
    '/api/v1/auth/tokens',
    {
      config: { roles: ALL_ROLES },
      schema: {
        operationId: 'createApiToken',
        tags: ['auth'],
        summary:
          'A bearer token for a device or an integration (stored hashed, revocable, expiring)',
        body: Type.Object(
          {
            label: Type.String({ minLength: 1, maxLength: 100 }),
            days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ token: Type.String(), expiresAt: Type.String() }),
          ...problems(),
        },
      },
    },
    async (request, reply) => {
      const body = request.body as { label: string; days?: number };
      const auth = authOf(request);
      const t = await issueToken(deps.db, auth.id, 'api', deps.clock, {
        label: body.label,
        ttlMs: (body.days ?? 90) * 86_400_000,
      });
      request.auditTarget = { type: 'api_token', id: body.label };
      return reply.code(201).send(t);
    },
  );

  app.put(
    '/api/v1/auth/me/locale',
    {
      config: { roles: [...ALL_ROLES, 'program_participant'] },
      schema: {
        operationId: 'setLocale',
        tags: ['auth'],
        body: Type.Object(
          { locale: Type.Union([Type.Literal('id'), Type.Literal('en')]) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ locale: Type.String() }), ...problems() },
      },
    },
    async (request) => {
      const { locale } = request.body as { locale: 'id' | 'en' };
      await setUserLocale(deps.db, authOf(request).id, locale);
      // The next request of this session sees the new locale, not the cached user.
      const token = requestToken(request);
      if (token) deps.tokens.forget(token);
      return { locale };
    },
  );
}

/** The bearer token or session cookie the request came with. */
function requestToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : request.cookies[SESSION_COOKIE];
}
