/**
 * What an operator's Prometheus scrapes from `GET /metrics` (requests by operation and status,
 * latency histograms, sales synced, the database's connections, the process), the optional
 * scrape token, and the request id that ties a problem body to its log lines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { newId } from '../../src/core/shared/ids.ts';
import { buildApp } from '../../src/http/app.ts';
import { ENGINES } from '../helpers/engines.ts';
import { bearer, buildHttpFixture, PASSWORD, type HttpFixture } from '../helpers/http.ts';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The Prometheus text exposition format (0.0.4): metric types and samples. */
function parseExposition(text: string): { types: Map<string, string>; samples: Sample[] } {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) {
      types.set(type[1]!, type[2]!);
      continue;
    }
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: \d+)?$/.exec(line);
    if (!m) throw new Error(`Not an exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g))
      labels[l[1]!] = l[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    const value = m[3] === '+Inf' ? Infinity : m[3] === '-Inf' ? -Infinity : Number(m[3]);
    samples.push({ name: m[1]!, labels, value });
  }
  return { types, samples };
}

function find(samples: Sample[], name: string, labels: Record<string, string> = {}) {
  return samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
}

for (const engine of ENGINES) {
  describe(`GET /metrics (${engine})`, () => {
    let f: HttpFixture;
    beforeAll(async () => {
      f = await buildHttpFixture(engine);
    });
    afterAll(() => f.close());

    it('counts requests by operation and status, sales synced, the database and the process', async () => {
      const login = await f.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: f.emails.cashierA, password: PASSWORD },
      });
      expect(login.statusCode).toBe(200);
      const sales = [1, 2, 3].map((i) => ({
        id: newId(),
        occurredAt: '2026-03-10T02:0' + i + ':00Z',
        paymentMethod: 'cash',
        lines: [{ productId: f.n.gula1.id, qty: 1, unitPrice: 17_500 }],
      }));
      const sync = await f.app.inject({
        method: 'POST',
        url: `/api/v1/cooperatives/${f.n.coopA.id}/sales`,
        headers: bearer(f.tokens.cashierA),
        payload: { sales },
      });
      expect(sync.statusCode).toBe(200);
      expect(
        (sync.json() as { results: { status: string }[] }).results.map((r) => r.status),
      ).toEqual(['created', 'created', 'created']);
      const missing = await f.app.inject({ method: 'GET', url: '/api/v1/tidak-ada/12345' });
      expect(missing.statusCode).toBe(404);

      const res = await f.app.inject({ method: 'GET', url: '/metrics' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      const { types, samples } = parseExposition(res.body);

      // Requests by operationId and status; the raw URL never becomes a label.
      expect(types.get('lumbung_http_requests_total')).toBe('counter');
      const synced = find(samples, 'lumbung_http_requests_total', {
        operationId: 'recordSales',
        status: '200',
      });
      expect(synced).toHaveLength(1);
      expect(synced[0]!.value).toBeGreaterThanOrEqual(1);
      expect(
        find(samples, 'lumbung_http_requests_total', { operationId: 'login', status: '200' }),
      ).toHaveLength(1);
      expect(
        find(samples, 'lumbung_http_requests_total', { operationId: 'notFound', status: '404' }),
      ).toHaveLength(1);
      const labelValues = samples.flatMap((s) => Object.values(s.labels));
      expect(labelValues.filter((v) => v.includes('/'))).toEqual([]);

      // The latency histogram: buckets, sum and count per operation and status.
      expect(types.get('lumbung_http_request_duration_seconds')).toBe('histogram');
      const labels = { operationId: 'recordSales', status: '200' };
      const buckets = find(samples, 'lumbung_http_request_duration_seconds_bucket', labels);
      expect(buckets.length).toBeGreaterThan(5);
      const count = find(samples, 'lumbung_http_request_duration_seconds_count', labels);
      expect(count).toHaveLength(1);
      expect(count[0]!.value).toBeGreaterThanOrEqual(1);
      expect(buckets.find((b) => b.labels.le === '+Inf')?.value).toBe(count[0]!.value);
      expect(find(samples, 'lumbung_http_request_duration_seconds_sum', labels)).toHaveLength(1);

      // Sales synced: the three new sales, nothing else.
      expect(types.get('lumbung_sales_synced_total')).toBe('counter');
      expect(find(samples, 'lumbung_sales_synced_total', { result: 'created' })[0]?.value).toBe(3);

      // The process: CPU, memory, event loop, uptime.
      for (const name of [
        'process_cpu_seconds_total',
        'process_resident_memory_bytes',
        'nodejs_heap_size_used_bytes',
        'nodejs_eventloop_lag_p99_seconds',
        'nodejs_eventloop_active_seconds_total',
        'process_start_time_seconds',
        'lumbung_uptime_seconds',
      ])
        expect(find(samples, name), name).toHaveLength(1);

      // The database: who waits for a connection, and the pool (PostgreSQL) or the queue's waits (SQLite).
      expect(find(samples, 'lumbung_db_waiting')).toHaveLength(1);
      if (engine === 'postgres') {
        expect(find(samples, 'lumbung_db_pool_connections')[0]?.value).toBeGreaterThanOrEqual(1);
        expect(find(samples, 'lumbung_db_pool_idle_connections')).toHaveLength(1);
      } else {
        expect(find(samples, 'lumbung_db_queue_waits_total')).toHaveLength(1);
        expect(find(samples, 'lumbung_db_queue_wait_seconds_total')).toHaveLength(1);
      }
    });

    it('is not part of the API document and asks for no sign-in', async () => {
      const doc = (await f.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
        paths: Record<string, unknown>;
      };
      expect(Object.keys(doc.paths)).not.toContain('/metrics');
      // The web app's fallback answers unknown paths with index.html: this must be the metrics.
      const res = await f.app.inject({ method: 'GET', url: '/metrics' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
    });

    it('with LUMBUNG_METRICS_TOKEN set, answers only a scraper that sends it', async () => {
      const token = 'rahasia-prometheus-0123456789';
      expect(loadConfig({ LUMBUNG_METRICS_TOKEN: token }).metricsToken).toBe(token);
      expect(loadConfig({}).metricsToken).toBeUndefined();
      const app = await buildApp({
        db: f.t.db,
        engine,
        version: 'test',
        clock: f.n.clock,
        metricsToken: token,
      });
      try {
        const none = await app.inject({ method: 'GET', url: '/metrics' });
        expect(none.statusCode).toBe(401);
        expect(none.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(none.json()).toMatchObject({ status: 401, code: 'Unauthenticated' });
        const wrong = await app.inject({
          method: 'GET',
          url: '/metrics',
          headers: bearer('rahasia-prometheus-0123456788'),
        });
        expect(wrong.statusCode).toBe(401);
        // A user's API token is not the scrape token.
        const user = await app.inject({
          method: 'GET',
          url: '/metrics',
          headers: bearer(f.tokens.hubAdmin),
        });
        expect(user.statusCode).toBe(401);
        const right = await app.inject({ method: 'GET', url: '/metrics', headers: bearer(token) });
        expect(right.statusCode).toBe(200);
        expect(right.body).toContain('lumbung_http_requests_total');
      } finally {
        await app.close();
      }
    });
  });

  describe(`request ids in the log (${engine})`, () => {
    let f: HttpFixture;
    beforeAll(async () => {
      f = await buildHttpFixture(engine);
    });
    afterAll(() => f.close());

    it("a server error's log lines carry the request id its problem body shows", async () => {
      const lines: Record<string, unknown>[] = [];
      const app = await buildApp({
        db: f.t.db,
        engine,
        version: 'test',
        clock: f.n.clock,
        logLevel: 'info',
        logStream: { write: (line: string) => void lines.push(JSON.parse(line)) },
      });
      // A test-only route that fails the way a bug would.
      app.get('/test/rusak', { schema: { hide: true } }, async () => {
        throw new Error('relation "rahasia_internal" does not exist');
      });
      try {
        const res = await app.inject({ method: 'GET', url: '/test/rusak' });
        expect(res.statusCode).toBe(500);
        const body = res.json() as { code: string; requestId: string; detail: string };
        expect(body.code).toBe('InternalError');
        expect(body.detail).not.toContain('rahasia_internal');
        expect(res.headers['x-request-id']).toBe(body.requestId);

        const error = lines.find((l) => l.level === 50);
        expect(error).toMatchObject({ reqId: body.requestId, msg: 'unhandled error' });
        expect(JSON.stringify(error)).toContain('rahasia_internal');
        // Every line the request wrote (received, failed, answered) carries its id.
        expect(lines.length).toBeGreaterThanOrEqual(3);
        expect(lines.filter((l) => l.reqId !== body.requestId)).toEqual([]);
      } finally {
        await app.close();
      }
    });
  });
}
