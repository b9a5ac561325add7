import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import swaggerUi from '@fastify/swagger-ui';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import type { Kysely } from 'kysely';
import { authenticateToken } from '../core/access/index.ts';
import { AuditWriter } from './plugins/audit-writer.ts';
import { systemClock, type Clock } from '../core/shared/clock.ts';
import type { Database, Engine } from '../db/database.ts';
import { LoginLimiter } from './plugins/login-limiter.ts';
import { TokenCache } from './plugins/token-cache.ts';
import { fastifyTrustProxy, type TrustProxy } from './trust-proxy.ts';
import { registerProblemHandlers } from './plugins/problem.ts';
import { accessPlugin } from './plugins/access.ts';
import { closingPlugin } from './plugins/closing.ts';
import { auditPlugin } from './plugins/audit.ts';
import { csrfPlugin } from './plugins/csrf.ts';
import { answerFrameworkError, inputPlugin } from './plugins/input.ts';
import { noStorePlugin } from './plugins/no-store.ts';
import { metricsPlugin } from './plugins/metrics.ts';
import { SESSION_COOKIE, sessionPlugin } from './plugins/session.ts';
import { DATED_FIELDS, Problem, problemResponse } from './schemas.ts';
import { registerRoutes } from './routes/index.ts';
import { webCacheControl } from './web-cache.ts';

export interface AppOptions {
  db: Kysely<Database>;
  engine: Engine;
  version: string;
  clock?: Clock;
  /** Log level of the request log (pino); false for none. */
  logLevel?: string | false;
  /** Where the log's JSON lines go (default: standard output). */
  logStream?: { write(line: string): void };
  /** `LUMBUNG_METRICS_TOKEN`: when set, `GET /metrics` asks for `Authorization: Bearer <it>`. */
  metricsToken?: string;
  /** Sees every route as it is added (the example test reads their schemas). */
  onRoute?: (route: RouteOptions) => void;
  /** The proxies trusted to name the client (`TRUST_PROXY`); default: none, `request.ip` is the peer. */
  trustProxy?: TrustProxy;
}

/** The options of the schema validator (ajv): what the server accepts, and what the example test validates with. */
export const AJV_OPTIONS = {
  removeAdditional: false,
  coerceTypes: false,
  allErrors: true,
  useDefaults: false,
} as const;

export interface AppDeps {
  db: Kysely<Database>;
  engine: Engine;
  version: string;
  clock: Clock;
  limiter: LoginLimiter;
  tokens: TokenCache;
  /** The audit trail's writer: events of answered requests, written in groups. */
  audit: AuditWriter;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

/** The HTTP server: the API under /api, its OpenAPI document and reference page. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logLevel
      ? { level: opts.logLevel, ...(opts.logStream ? { stream: opts.logStream } : {}) }
      : false,
    bodyLimit: 1_048_576,
    ajv: { customOptions: AJV_OPTIONS },
    genReqId: () => crypto.randomUUID(),
    // On close, the closing plugin answers late requests as problem+json (Fastify's own 503 is not).
    return503OnClosing: false,
    // A URL Fastify cannot route (a path parameter over its limit, a broken %-escape): problem+json.
    frameworkErrors: answerFrameworkError,
    trustProxy: fastifyTrustProxy(opts.trustProxy ?? false),
  }).withTypeProvider<TypeBoxTypeProvider>();
  const clock = opts.clock ?? systemClock;
  const deps: AppDeps = {
    db: opts.db,
    engine: opts.engine,
    version: opts.version,
    clock,
    limiter: new LoginLimiter(),
    tokens: new TokenCache((token) => authenticateToken(opts.db, token, clock), clock),
    audit: new AuditWriter(opts.db, app.log),
  };
  app.decorate('deps', deps);
  // Tests only (`npm run test:routing`): which operation runs each SQL statement.
  if (process.env.LUMBUNG_ROUTING_REPORT)
    await app.register((await import('./plugins/routing-probe.ts')).routingProbePlugin);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        // Cooperatives may run it on a LAN over plain http: never rewrite requests to https.
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  app.addSchema(Problem);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lumbung API',
        version: opts.version,
        description:
          'Consignment distribution network for staple food (hub ↔ KDKMP). Money in whole rupiah, quantities in whole units, business dates YYYY-MM-DD in WIB. Errors are application/problem+json with a `code` from the closed list of the Problem schema.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // Authentication, CSRF, the access policy's role gate (all on request, before the body is
  // read) and the audit trail of answered changes.
  await app.register(closingPlugin);
  await app.register(sessionPlugin);
  await app.register(csrfPlugin);
  await app.register(accessPlugin);
  await app.register(auditPlugin);
  // A body of a media type the operation does not take is refused unread; NUL characters in any
  // input before validation; no-store on the API's answers.
  await app.register(inputPlugin);
  await app.register(noStorePlugin);

  // Every operation with a body can meet a too-large or non-JSON body; dated commands a future date.
  app.addHook('onRoute', (route) => {
    opts.onRoute?.(route);
    const schema = route.schema as
      | {
          body?: { properties?: Record<string, unknown>; anyOf?: unknown };
          response?: Record<number, unknown>;
        }
      | undefined;
    if (!schema?.body || !schema.response) return;
    schema.response[413] ??= problemResponse(413);
    schema.response[415] ??= problemResponse(415);
    const props = schema.body.properties ?? {};
    if (DATED_FIELDS.some((f) => f in props)) schema.response[422] ??= problemResponse(422);
  });
  registerProblemHandlers(app);
  // CSV uploads (the Sembako roster, payroll results) as text; their own, larger limit.
  app.addContentTypeParser(
    ['text/csv', 'application/csv'],
    { parseAs: 'string', bodyLimit: 8 * 1_048_576 },
    (_request, body, done) => done(null, body),
  );
  // XLSX uploads (the cooperatives file) as bytes, with the same limit; read only where a body
  // schema names the type (plugins/input.ts).
  app.addContentTypeParser(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    { parseAs: 'buffer', bodyLimit: 8 * 1_048_576 },
    (_request, body, done) => done(null, body),
  );
  // Bank statement files as their bytes (the encoding is checked as the file is read).
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: 8 * 1_048_576 },
    (_request, body, done) => done(null, body),
  );
  // GET /metrics, and every request timed by operation (after the error handler: its 401 is a problem).
  await app.register(metricsPlugin, { token: opts.metricsToken });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await registerRoutes(app);

  // The web app (web/dist, built by `npm start`): static files, and index.html for its own routes.
  const webRoot = fileURLToPath(new URL('../../web/dist/', import.meta.url));
  if (existsSync(`${webRoot}index.html`)) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      // The `.br`/`.gz` copies written by scripts/build-web.mjs, as the browser accepts (with
      // `Vary: Accept-Encoding`); hashed files cached for a year, the rest revalidated.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => reply.header('cache-control', webCacheControl(path)),
    });
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/')) return reply.callNotFound();
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    });
  }
  return app;
}
