import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildServedNetwork,
  saleBatch,
  serveLumbung,
  type ServedLumbung,
} from '../bench/served.ts';
import type { BenchNetwork } from '../bench/network.ts';
import { startPgCluster, type PgCluster } from '../scripts/pg-cluster.ts';
import { migrateToLatest, openDatabase } from '../src/db/connection.ts';
import { ENGINES, createTestDatabase, type TestDatabase } from './helpers/engines.ts';

// The database going away under a running server is a PostgreSQL matter: SQLite lives in the process.
const engines = ENGINES.filter((e) => e === 'postgres');

interface Answer {
  status: number;
  type: string;
  body: { code?: string; detail?: string; results?: { status: string }[] } | undefined;
}

async function ask(
  server: ServedLumbung,
  token: string,
  path: string,
  body?: unknown,
): Promise<Answer> {
  const res = await fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: text ? (JSON.parse(text) as Answer['body']) : undefined,
  };
}

/** What a client sees while the database is away: 503 problem+json, nothing of the server's insides. */
function expectUnavailable(a: Answer) {
  expect(a.status).toBe(503);
  expect(a.type).toContain('application/problem+json');
  expect(a.body?.code).toBe('ServiceUnavailable');
  expect(a.body?.detail ?? '').not.toMatch(/ECONN|terminat|postgres|stack/i);
}

async function sellOne(server: ServedLumbung, token: string, net: BenchNetwork) {
  return ask(server, token, `/api/v1/cooperatives/${net.coops[0]!.id}/sales`, {
    sales: saleBatch(net, 1),
  });
}

const NETWORK = { coops: 1, products: 2, stock: 1_000, startDate: '2026-01-01' };

for (const engine of engines) {
  describe(`the server when ${engine} drops its connections`, () => {
    let t: TestDatabase;
    let server: ServedLumbung;
    let token: string;
    let net: BenchNetwork;
    beforeAll(async () => {
      t = await createTestDatabase(engine);
      ({ net, token } = await buildServedNetwork(t.db, { ...NETWORK, label: 'db-drop' }));
      // The server's own sessions carry a name, so that only they are terminated.
      server = await serveLumbung(`${t.url}?application_name=lumbung_served`);
    });
    afterAll(async () => {
      await server?.stop();
      await t?.close();
    });

    it('keeps running when every session is terminated (pg_terminate_backend), and the next requests answer', async () => {
      // Several sessions open and idle in the server's pool.
      const warm = await Promise.all(
        Array.from({ length: 4 }, () => ask(server, token, '/api/v1/products')),
      );
      expect(warm.map((a) => a.status)).toEqual([200, 200, 200, 200]);

      const admin = new pg.Client({ connectionString: t.url });
      await admin.connect();
      try {
        const killed = await admin.query<{ n: string }>(
          `select count(pg_terminate_backend(pid)) as n from pg_stat_activity
            where application_name = 'lumbung_served'`,
        );
        expect(Number(killed.rows[0]!.n)).toBeGreaterThan(0);
        // Wait until those sessions are gone: the server has been told by then.
        for (let left = 1; left > 0;) {
          const r = await admin.query<{ n: string }>(
            `select count(*) as n from pg_stat_activity where application_name = 'lumbung_served'`,
          );
          left = Number(r.rows[0]!.n);
        }
      } finally {
        await admin.end();
      }

      // The first request may still meet a dead session (503); the server makes new ones.
      const first = await ask(server, token, '/api/v1/products');
      if (first.status !== 200) expectUnavailable(first);
      const next = [];
      for (let i = 0; i < 3; i++) next.push((await ask(server, token, '/api/v1/products')).status);
      expect(next).toEqual([200, 200, 200]);
      const sold = await sellOne(server, token, net);
      expect(sold.status).toBe(200);
      expect(sold.body?.results?.map((r) => r.status)).toEqual(['created']);
      expect(server.alive()).toBe(true);
    });
  });

  describe(`the server when the ${engine} postmaster stops and starts again`, () => {
    let cluster: PgCluster;
    let server: ServedLumbung;
    let token: string;
    let net: BenchNetwork;
    beforeAll(async () => {
      cluster = await startPgCluster();
      const h = openDatabase(cluster.url);
      await migrateToLatest(h.db);
      ({ net, token } = await buildServedNetwork(h.db, { ...NETWORK, label: 'db-restart' }));
      await h.close();
      server = await serveLumbung(cluster.url);
    });
    afterAll(async () => {
      await server?.stop();
      cluster?.stop();
    });

    it('answers 503 problem+json while it is down, and the same process answers 200 once it is back', async () => {
      expect((await ask(server, token, '/api/v1/products')).status).toBe(200);
      const pid = server.process().pid;

      cluster.crash();
      expectUnavailable(await ask(server, token, '/api/v1/products'));
      expectUnavailable(await sellOne(server, token, net));
      expectUnavailable(await ask(server, token, '/api/ready'));
      expect(server.alive()).toBe(true);

      cluster.start();
      // Crash recovery may still refuse the first connections (57P03): ask until it answers.
      let back = await ask(server, token, '/api/v1/products');
      for (let i = 0; i < 100 && back.status !== 200; i++) {
        expectUnavailable(back);
        await new Promise((r) => setTimeout(r, 100));
        back = await ask(server, token, '/api/v1/products');
      }
      expect(back.status).toBe(200);
      expect(await ask(server, token, '/api/ready')).toMatchObject({
        status: 200,
        body: { status: 'ready' },
      });
      const sold = await sellOne(server, token, net);
      expect(sold.body?.results?.map((r) => r.status)).toEqual(['created']);
      expect(server.process().pid).toBe(pid);
      expect(server.alive()).toBe(true);
    });
  });
}

if (engines.length === 0) {
  describe('the server when the database restarts', () => {
    it.skip('needs PostgreSQL (npm test starts it when the server binaries are installed)', () => {});
  });
}
