import { createHash, timingSafeEqual } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DomainError } from '../../core/shared/errors.ts';
import { databaseStats, type DatabaseStats } from '../../db/connection.ts';
import type { Engine } from '../../db/database.ts';
import { operationOf } from './session.ts';

/** This app's own figures that routes add to (the rest is counted in hooks or read at scrape time). */
export interface AppMetrics {
  /** A recordSales call's results, counted by status (`created`: sales synced). */
  countSales(results: readonly { status: string }[]): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: AppMetrics;
  }
}

export interface MetricsOptions {
  /** `LUMBUNG_METRICS_TOKEN`: when set, a scrape must send `Authorization: Bearer <it>`. */
  token?: string;
}

/** Label of a request that matched no route (any URL: the raw URL never becomes a label). */
const NOT_FOUND = 'notFound';
/** Label of the routes that are no operation: the web app's files, the API document and reference, /metrics. */
const NO_OPERATION = 'static';

/** A figure read when Prometheus scrapes: a gauge, or a counter kept elsewhere (its total so far). */
function readAtScrape(
  registry: Registry,
  type: 'gauge' | 'counter',
  name: string,
  help: string,
  read: () => number | undefined,
) {
  const registers = [registry];
  if (type === 'gauge')
    new Gauge({
      name,
      help,
      registers,
      collect() {
        const value = read();
        if (value !== undefined) this.set(value);
      },
    });
  else
    new Counter({
      name,
      help,
      registers,
      collect() {
        const value = read();
        this.reset();
        if (value !== undefined) this.inc(value);
      },
    });
}

/** Who waits for the database (both engines), the PostgreSQL pool, SQLite's queue. */
const DATABASE_FIGURES: {
  engine?: Engine;
  type: 'gauge' | 'counter';
  name: string;
  help: string;
  read: (stats: DatabaseStats) => number | undefined;
}[] = [
  {
    type: 'gauge',
    name: 'lumbung_db_waiting',
    help: 'Transactions or queries waiting for a database connection now',
    read: (s) => s.waiting,
  },
  {
    engine: 'postgres',
    type: 'gauge',
    name: 'lumbung_db_pool_connections',
    help: 'Connections the PostgreSQL pool holds, busy or idle',
    read: (s) => (s.engine === 'postgres' ? s.total : undefined),
  },
  {
    engine: 'postgres',
    type: 'gauge',
    name: 'lumbung_db_pool_idle_connections',
    help: 'Connections of the PostgreSQL pool that are idle',
    read: (s) => (s.engine === 'postgres' ? s.idle : undefined),
  },
  {
    engine: 'sqlite',
    type: 'counter',
    name: 'lumbung_db_queue_waits_total',
    help: "Transactions that waited for SQLite's one connection",
    read: (s) => (s.engine === 'sqlite' ? s.waits : undefined),
  },
  {
    engine: 'sqlite',
    type: 'counter',
    name: 'lumbung_db_queue_wait_seconds_total',
    help: "Seconds transactions waited for SQLite's one connection, in all",
    read: (s) => (s.engine === 'sqlite' ? s.waitSeconds : undefined),
  },
];

let processRegistry: Registry | undefined;

/**
 * The process's figures (CPU, memory, GC, event loop, uptime): one set per process, however many
 * apps it builds (tests build many), so their monitors are started once.
 */
function processMetrics(): Registry {
  if (processRegistry) return processRegistry;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  readAtScrape(
    registry,
    'gauge',
    'lumbung_uptime_seconds',
    'Seconds since the server process started',
    () => process.uptime(),
  );
  readAtScrape(
    registry,
    'counter',
    'nodejs_eventloop_active_seconds_total',
    'Seconds the event loop was busy (not waiting for I/O); its rate is the event loop utilization',
    () => performance.eventLoopUtilization().active / 1000,
  );
  return (processRegistry = registry);
}

/** The same work for any token given, right or wrong (no timing hint). */
function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/**
 * `GET /metrics` in Prometheus' text format: requests and their latency by operationId and status,
 * sales synced, who waits for the database, and the process. Not part of the API (hidden from the
 * OpenAPI document) and open without sign-in unless a token is configured. A registry per app.
 */
export const metricsPlugin = fp<MetricsOptions>(
  async (app, opts) => {
    processMetrics(); // the event loop's monitor starts now, not at the first scrape
    const registry = new Registry();
    const registers = [registry];
    const labelNames = ['operationId', 'status'] as const;
    const duration = new Histogram({
      name: 'lumbung_http_request_duration_seconds',
      help: 'Time from receiving a request to answering it, by operationId and status',
      labelNames,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    // The count per label pair is the histogram's own: read at scrape time, so that a request
    // costs one observation.
    new Counter({
      name: 'lumbung_http_requests_total',
      help: 'Requests answered, by operationId and status',
      labelNames,
      registers,
      async collect() {
        this.reset();
        for (const v of (await duration.get()).values)
          if (v.metricName === 'lumbung_http_request_duration_seconds_count')
            this.inc(v.labels, v.value);
      },
    });
    const sales = new Counter({
      name: 'lumbung_sales_synced_total',
      help: 'Sales sent by recordSales, by result: created (new sales recorded), duplicate (a resend), rejected',
      labelNames: ['result'] as const,
      registers,
    });
    for (const result of ['created', 'duplicate', 'rejected']) sales.inc({ result }, 0);

    const { db, engine } = app.deps;
    for (const f of DATABASE_FIGURES)
      if (f.engine === undefined || f.engine === engine)
        readAtScrape(registry, f.type, f.name, f.help, () => {
          const stats = databaseStats(db);
          return stats && f.read(stats);
        });

    app.decorate('metrics', {
      countSales(results) {
        let created = 0;
        let duplicate = 0;
        for (const r of results)
          if (r.status === 'created') created++;
          else if (r.status === 'duplicate') duplicate++;
        sales.inc({ result: 'created' }, created);
        sales.inc({ result: 'duplicate' }, duplicate);
        sales.inc({ result: 'rejected' }, results.length - created - duplicate);
      },
    } satisfies AppMetrics);

    // Every request, the hot ones too: one observation, labels from the route.
    app.addHook('onResponse', (request, reply, done) => {
      duration.observe(
        {
          operationId: request.is404 ? NOT_FOUND : (operationOf(request) ?? NO_OPERATION),
          status: String(reply.statusCode),
        },
        reply.elapsedTime / 1000,
      );
      done();
    });

    const expected = opts.token ? digest(opts.token) : undefined;
    const checkToken = async (request: FastifyRequest, reply: FastifyReply) => {
      const header = request.headers.authorization ?? '';
      const given = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
      if (timingSafeEqual(digest(given), expected!)) return;
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw new DomainError('Unauthenticated', {
        message: 'Token metrik (LUMBUNG_METRICS_TOKEN) tidak ada atau salah',
        messageEn: 'The metrics token (LUMBUNG_METRICS_TOKEN) is missing or wrong',
      });
    };
    app.get(
      '/metrics',
      { schema: { hide: true }, ...(expected ? { onRequest: checkToken } : {}) },
      async (_request, reply) => {
        const [own, proc] = await Promise.all([registry.metrics(), processMetrics().metrics()]);
        return reply
          .type(registry.contentType)
          .header('cache-control', 'no-store')
          .send(own + proc);
      },
    );
  },
  { name: 'lumbung-metrics' },
);
