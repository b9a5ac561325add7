/**
 * `npm run test:crash` (CI, both engines): the real server under a sync load of cashiers' sales
 * batches is killed with SIGKILL, started again on the same database, and every batch is sent again;
 * on PostgreSQL the postmaster is also stopped (`-m immediate`) and started during the load, and the
 * same server process must answer again. Nothing acknowledged may be lost, nothing doubled, and
 * `lumbung verify` must pass. `--engine sqlite|postgres` runs one; LUMBUNG_REQUIRE_PG=1 makes
 * PostgreSQL a must.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchNetwork } from '../bench/network.ts';
import {
  buildServedNetwork,
  saleBatch,
  serveLumbung,
  type ServedLumbung,
} from '../bench/served.ts';
import { syncLoad, type Batch } from '../bench/sync-clients.ts';
import { migrateToLatest, openDatabase } from '../src/db/connection.ts';
import type { Engine } from '../src/db/database.ts';
import { startPgCluster, type PgCluster } from './pg-cluster.ts';

const CLIENTS = 4;
const BATCHES_PER_CLIENT = 15;
const SALES_PER_BATCH = 50;
const STOCK = 1_000;
const PRODUCTS = 5;

const results: { name: string; ok: boolean }[] = [];
function check(engine: Engine, name: string, ok: boolean, detail = '') {
  results.push({ name: `${engine}: ${name}`, ok });
  console.log(`${ok ? 'PASS' : 'FAIL'} ${engine}: ${name}${detail ? ` — ${detail}` : ''}`);
}

async function crashTest(engine: Engine, databaseUrl: string, cluster?: PgCluster) {
  const h = openDatabase(databaseUrl);
  await migrateToLatest(h.db);
  const { net, token } = await buildServedNetwork(h.db, {
    coops: CLIENTS,
    products: PRODUCTS,
    stock: STOCK,
    startDate: '2026-01-01',
    label: `crash-${engine}`,
  });
  await h.close();
  const queues: Batch[][] = net.coops.map((coop) =>
    Array.from({ length: BATCHES_PER_CLIENT }, () => ({
      coopId: coop.id,
      sales: saleBatch(net, SALES_PER_BATCH),
      acked: false,
    })),
  );
  const all = queues.flat();
  const server = await serveLumbung(databaseUrl);
  try {
    // 1. SIGKILL a third of the way through the load.
    let killing: Promise<void> | undefined;
    const first = await syncLoad(server, token, queues, {
      retry: false,
      onAnswered: (n) => {
        if (n >= all.length / 3) killing ??= server.kill();
      },
    });
    await killing;
    const acked = all.filter((b) => b.acked);
    check(
      engine,
      'the server was killed (SIGKILL) in the middle of the load',
      killing !== undefined && acked.length < all.length && first.wrong.length === 0,
      `${acked.length} of ${all.length} batches acknowledged before, ${first.down} in flight${first.wrong.length ? `; ${first.wrong.join('; ')}` : ''}`,
    );

    // 2. Started again on the same database: every batch sent again (on PostgreSQL, the postmaster
    //    stops and starts while it runs), until each is acknowledged.
    await server.restart();
    const pid = server.process().pid;
    let outage: Promise<void> | undefined;
    let sawRefusal = () => {};
    const refused = new Promise<void>((resolve) => (sawRefusal = resolve));
    const second = await syncLoad(server, token, queues, {
      retry: true,
      onAnswered: (n) => {
        if (!cluster || outage || n < all.length / 3) return;
        cluster.crash();
        // Started again once the server has been seen refusing (503) while it is down.
        outage = refused.then(() => cluster.start());
      },
      onUnavailable: () => sawRefusal(),
    });
    // Were no refusal ever seen (a server gone for good), the cluster is started anyway.
    sawRefusal();
    await outage;
    const notDuplicate = acked.filter((b) =>
      (second.answers.get(b) ?? []).some((s) => s !== 'duplicate'),
    );
    check(
      engine,
      'after the restart, every batch acknowledged before the kill answers duplicate for each sale',
      notDuplicate.length === 0,
      `${acked.length} batches resent, ${notDuplicate.length} not all duplicate; of the others, ${
        all.filter(
          (b) => !acked.includes(b) && second.answers.get(b)?.every((st) => st === 'duplicate'),
        ).length
      } had been stored unacknowledged`,
    );
    check(
      engine,
      'every batch is acknowledged after the restart (created or duplicate, nothing rejected)',
      all.every((b) => b.acked) && second.wrong.length === 0,
      second.wrong.join('; '),
    );
    if (cluster) {
      check(
        engine,
        'while the postmaster was down the same server answered 503 problem+json, then 200 again',
        outage !== undefined && second.unavailable > 0 && server.alive(),
        `${second.unavailable} refusals (503 ServiceUnavailable)`,
      );
      check(
        engine,
        'no restart of the server process: the one started before answers',
        server.process().pid === pid && server.alive(),
      );
    }

    // 3. Everything once more: all duplicate, nothing doubled.
    const third = await syncLoad(server, token, queues, { retry: false });
    const doubled = all.filter((b) => (third.answers.get(b) ?? []).some((s) => s !== 'duplicate'));
    check(
      engine,
      'a third send of every batch answers duplicate for each sale',
      third.answers.size === all.length && doubled.length === 0 && third.wrong.length === 0,
      `${third.answers.size} of ${all.length} answered, ${doubled.length} not all duplicate, ${third.unavailable} refused, ${third.down} unanswered${third.wrong.length ? `; ${third.wrong.join('; ')}` : ''}`,
    );
    await checkBooks(engine, server, token, net, all, databaseUrl);
    check(engine, 'the server stops on SIGTERM with exit 0', (await server.stop()) === 0);
  } finally {
    if (server.alive()) await server.kill();
  }
  const verify = spawnSync(process.execPath, ['bin/lumbung.js', 'verify'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  check(
    engine,
    'lumbung verify exits 0',
    verify.status === 0,
    verify.status === 0
      ? ''
      : verify.stdout
          .split('\n')
          .filter((l) => l.startsWith('FAIL'))
          .join('; '),
  );
}

/** Sales stored once each; the stock each cooperative holds went down by exactly what it sold. */
async function checkBooks(
  engine: Engine,
  server: ServedLumbung,
  token: string,
  net: BenchNetwork,
  all: Batch[],
  databaseUrl: string,
) {
  const h = openDatabase(databaseUrl);
  try {
    const stored = await h.db
      .selectFrom('sale')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const distinct = new Set(all.flatMap((b) => b.sales.map((s) => s.id))).size;
    check(
      engine,
      'sales in the database = distinct sale ids sent',
      Number(stored.n) === distinct,
      `${Number(stored.n)} stored, ${distinct} sent`,
    );
  } finally {
    await h.close();
  }
  const wrong: string[] = [];
  for (const coop of net.coops) {
    const res = await fetch(`${server.url}/api/v1/cooperatives/${coop.id}/stock`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const { items } = (await res.json()) as { items: { productId: string; qty: number }[] };
    for (const p of net.products) {
      const sold = all
        .filter((b) => b.coopId === coop.id)
        .flatMap((b) => b.sales.flatMap((s) => s.lines))
        .filter((l) => l.productId === p.id)
        .reduce((sum, l) => sum + l.qty, 0);
      const held = items.filter((i) => i.productId === p.id).reduce((sum, i) => sum + i.qty, 0);
      if (held !== STOCK - sold) wrong.push(`${coop.name} ${p.sku}: ${held} ≠ ${STOCK} − ${sold}`);
    }
  }
  check(
    engine,
    'stock on hand = received − sold, per cooperative and product',
    !wrong.length,
    wrong.join('; '),
  );
}

/** One engine's crash test; an exception counts as a failed check (the closing line still comes). */
async function run(engine: Engine, databaseUrl: string, cluster?: PgCluster) {
  try {
    await crashTest(engine, databaseUrl, cluster);
  } catch (e) {
    check(engine, 'the crash test runs to its end', false, (e as Error).stack ?? String(e));
  }
}

const only = process.argv.includes('--engine')
  ? process.argv[process.argv.indexOf('--engine') + 1]
  : undefined;
const started = Date.now();
if (!only || only === 'sqlite') {
  const dir = mkdtempSync(join(tmpdir(), 'lumbung-crash-'));
  try {
    await run('sqlite', `file:${join(dir, 'crash.sqlite')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (!only || only === 'postgres') {
  let cluster: PgCluster | undefined;
  try {
    // Durable settings: with synchronous_commit=off an immediate stop may lose acknowledged commits.
    cluster = await startPgCluster({ fast: false });
  } catch (e) {
    const reason = (e as Error).message;
    if (process.env.LUMBUNG_REQUIRE_PG === '1')
      check('postgres', `PostgreSQL starts (${reason})`, false);
    else console.log(`crash test on PostgreSQL: SKIPPED — ${reason}`);
  }
  if (cluster) {
    try {
      await run('postgres', cluster.url, cluster);
    } finally {
      cluster.stop();
    }
  }
}
const failed = results.filter((r) => !r.ok).length;
console.log(
  `\ncrash test: ${results.length - failed} passed, ${failed} failed (${Math.round((Date.now() - started) / 1000)} s)`,
);
process.exit(failed ? 1 : 0);
