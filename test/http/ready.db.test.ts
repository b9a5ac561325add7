import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../bench/lib.ts';
import { openDatabase, type DatabaseHandle } from '../../src/db/connection.ts';
import { buildApp } from '../../src/http/app.ts';
import { ENGINES, createTestDatabase, type TestDatabase } from '../helpers/engines.ts';

function expectUnavailable(res: Awaited<ReturnType<FastifyInstance['inject']>>) {
  expect(res.statusCode).toBe(503);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const body = res.json<{ code: string; detail: string; requestId: string }>();
  expect(body.code).toBe('ServiceUnavailable');
  expect(body.requestId).toBeTruthy();
  expect(body.detail).not.toMatch(/ECONN|127\.0\.0\.1|postgres|stack/i);
}

for (const engine of ENGINES) {
  describe(`readiness, GET /api/ready (${engine})`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    beforeAll(async () => {
      t = await createTestDatabase(engine);
      app = await buildApp({ db: t.db, engine, version: 'test' });
    });
    afterAll(async () => {
      await app.close();
    });

    it('answers 200 ready while the database answers, and 503 problem+json once it does not', async () => {
      const ready = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: 'ready' });

      await t.close();
      expectUnavailable(await app.inject({ method: 'GET', url: '/api/ready' }));
      // Liveness stays: the process itself is fine.
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    });
  });
}

describe('a PostgreSQL server that cannot be reached', () => {
  let h: DatabaseHandle;
  let app: FastifyInstance;
  beforeAll(async () => {
    // A port nothing listens on: every connection attempt is refused (ECONNREFUSED).
    h = openDatabase(`postgres://postgres@127.0.0.1:${await freePort()}/lumbung`);
    app = await buildApp({ db: h.db, engine: 'postgres', version: 'test' });
  });
  afterAll(async () => {
    await app.close();
    await h.close();
  });

  it('answers 503 problem+json (ServiceUnavailable) on every route that needs it, never a 500', async () => {
    expectUnavailable(
      await app.inject({
        method: 'GET',
        url: '/api/v1/products',
        headers: { authorization: 'Bearer some-token' },
      }),
    );
    expectUnavailable(
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'kasir@koperasi.test', password: 'rahasia-uji-123' },
      }),
    );
    const en = await app.inject({
      method: 'GET',
      url: '/api/ready',
      headers: { 'accept-language': 'en' },
    });
    expectUnavailable(en);
    expect(en.json<{ title: string }>().title).toBe('Service temporarily unavailable');
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
