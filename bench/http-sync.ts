import { v7 as uuidv7 } from 'uuid';
import autocannon from 'autocannon';
import { createUser, hashPassword, issueToken } from '../src/core/access/index.ts';
import { systemClock } from '../src/core/shared/clock.ts';
import {
  cpuTimeMs,
  threadCpuMs,
  round,
  say,
  freshDatabase,
  type BenchEntry,
  freePort,
  startProcess,
} from './lib.ts';
import type { Engine } from '../src/db/database.ts';
import { buildBenchNetwork } from './network.ts';
import { steadyLoad, type SteadyLoadResult } from './steady-load.ts';

const CONNECTIONS = 50;
/** Cooperatives syncing at once (each batch goes to the next one in turn). */
const COOPS = Number(process.env.BENCH_HTTP_COOPS ?? 50);
const SALES_PER_REQUEST = 100;
const DURATION_S = Number(process.env.BENCH_HTTP_SECONDS ?? 20);
/** The target throughput, offered as a steady rate in the second phase: 100 batches/s = 10,000 sales/s. */
const TARGET_SALES_PER_S = 10_000;

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const inst = autocannon(opts, (err, res) => (err ? reject(err) : resolve(res)));
    let last = 0;
    inst.on('tick', () => {
      last++;
      if (process.stderr.isTTY) process.stderr.write(`\r  ${last}/${DURATION_S} s`);
    });
    inst.on('done', () => process.stderr.isTTY && process.stderr.write('\n'));
  });
}

/**
 * `http-sync`: POS sync over HTTP — recordSales with batches of 100 sales
 * from 50 concurrent connections against a Lumbung server on `engine` (its
 * own process), spread over BENCH_HTTP_COOPS cooperatives, next to a minimal
 * Fastify route parsing the same body.
 */
export async function benchHttpSync(engine: Engine): Promise<BenchEntry | undefined> {
  const h = await freshDatabase(engine, 'http');
  if (!h) return undefined;
  const net = await buildBenchNetwork(h.db, {
    coops: COOPS,
    products: 10,
    stock: 100_000,
    startDate: '2026-01-01',
    label: 'http-sync',
  });
  const user = await createUser(
    h.db,
    {
      email: 'bench@hub.test',
      name: 'Bench',
      passwordHash: await hashPassword('bench-password'),
      memberships: [{ orgId: net.hub.id, role: 'hub_staff' }],
    },
    net.ctx.clock,
  );
  const { token } = await issueToken(h.db, user.id, 'api', systemClock);
  const url = h.url;
  await h.close();

  const body = () =>
    JSON.stringify({
      sales: Array.from({ length: SALES_PER_REQUEST }, (_, i) => ({
        id: uuidv7(),
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        paymentMethod: 'cash',
        lines: [
          {
            productId: net.products[i % net.products.length]!.id,
            qty: 1 + (i % 3),
            unitPrice: 17_500,
          },
        ],
      })),
    });

  const lumbungPort = await freePort();
  const lumbung = await startProcess(
    ['bin/lumbung.js', 'serve'],
    { PORT: String(lumbungPort), HOST: '127.0.0.1', DATABASE_URL: url, LUMBUNG_LOG: 'warn' },
    /localhost:\d+/,
  );
  let coop = 0;
  let bad = 0;
  let result: autocannon.Result;
  let atRate: SteadyLoadResult;
  /** The server's CPU time per batch at the target rate (its headroom): ms of CPU per batch answered. */
  let cpuPerBatch: number | undefined;
  try {
    say(
      `  http-sync: Lumbung recordSales, ${CONNECTIONS} connections, ${DURATION_S} s (after a 3 s warm-up)`,
    );
    const request = () => ({
      path: `/api/v1/cooperatives/${net.coops[coop++ % net.coops.length]!.id}/sales`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: body(),
    });
    const onResponse = (status: number, resBody: string) => {
      if (status !== 200 && bad++ === 0)
        say(`  http-sync: first refusal ${status}: ${String(resBody).slice(0, 300)}`);
    };
    const load = (duration: number): autocannon.Options => ({
      url: `http://127.0.0.1:${lumbungPort}`,
      connections: CONNECTIONS,
      duration,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => ({ ...req, ...request() }),
          onResponse: (status, resBody) => onResponse(status, String(resBody)),
        },
      ],
    });
    await run(load(3));
    bad = 0;
    // The warm-up's last batches are answered before anything is measured.
    await new Promise((r) => setTimeout(r, 2_000));
    // At the target rate first: one batch every 10 ms, evenly spaced, over at most the same
    // 50 connections; each latency counts from when its batch was due.
    say(
      `  http-sync: at a steady ${TARGET_SALES_PER_S} sales/s (one batch every ${(1000 * SALES_PER_REQUEST) / TARGET_SALES_PER_S} ms), ${DURATION_S} s`,
    );
    const cpu0 = cpuTimeMs(lumbung.pid!);
    const threads0 = threadCpuMs(lumbung.pid!);
    atRate = await steadyLoad({
      port: lumbungPort,
      rate: TARGET_SALES_PER_S / SALES_PER_REQUEST,
      seconds: DURATION_S,
      connections: CONNECTIONS,
      request,
      onResponse,
    });
    const cpu1 = cpuTimeMs(lumbung.pid!);
    const threads = [...threadCpuMs(lumbung.pid!)]
      .map(([name, ms]) => [name, ms - (threads0.get(name) ?? 0)] as const)
      .filter(([, ms]) => ms > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5);
    say(
      `  http-sync: server CPU by thread at the target rate: ${threads.map(([n, ms]) => `${n} ${round(ms / Math.max(1, atRate.ok), 2)} ms/batch`).join(', ')}`,
    );
    if (cpu0 !== undefined && cpu1 !== undefined && atRate.ok > 0)
      cpuPerBatch = round((cpu1 - cpu0) / atRate.ok, 2);
    // Then saturated: every connection sends its next batch as soon as the last is answered.
    say(`  http-sync: saturated, ${CONNECTIONS} connections, ${DURATION_S} s`);
    result = await run(load(DURATION_S));
  } finally {
    lumbung.kill('SIGINT');
    await new Promise((r) => lumbung.once('exit', r));
  }

  const refPort = await freePort();
  const ref = await startProcess(
    ['--import', 'tsx', 'bench/minimal-server.ts'],
    { PORT: String(refPort) },
    /ready/,
  );
  let refResult: autocannon.Result;
  try {
    say(`  http-sync: minimal Fastify route, same load`);
    refResult = await run({
      url: `http://127.0.0.1:${refPort}`,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => ({
            ...req,
            path: '/sales',
            headers: { 'content-type': 'application/json' },
            body: body(),
          }),
        },
      ],
    });
  } finally {
    ref.kill();
  }
  const saturated = round((result['2xx'] * SALES_PER_REQUEST) / DURATION_S, 0);
  // ms of CPU per batch × batches per second = ms of CPU per second; ÷ 1,000 ms × 100 = % of a core.
  const coreShare =
    cpuPerBatch === undefined
      ? undefined
      : round((cpuPerBatch * (TARGET_SALES_PER_S / SALES_PER_REQUEST)) / 10, 0);
  const steady = round(atRate.okPerSecond * SALES_PER_REQUEST, 0);
  say(
    `  http-sync saturated: ${result['2xx']} batches ok, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts; ${saturated} sales/s; latency p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms`,
  );
  say(
    `  http-sync at ${TARGET_SALES_PER_S} sales/s offered: ${atRate.ok} of ${atRate.sent} batches ok, ${atRate.failed} failed; ${steady} sales/s; latency p50 ${atRate.p50} ms, p90 ${atRate.p90} ms, p99 ${atRate.p99} ms, max ${atRate.max} ms; server CPU ${cpuPerBatch ?? '?'} ms per batch (${coreShare ?? '?'}% of one core)`,
  );
  say(
    `  http-sync reference: ${refResult.requests.average} req/s, p99 ${refResult.latency.p99} ms`,
  );
  return {
    name: 'http-sync',
    engine,
    value: saturated,
    unit: 'sales/s (saturated, 50 connections)',
    p99Ms: atRate.p99,
    reference: round(refResult.requests.average, 1),
    referenceName: 'minimal Fastify route, same body and load',
    referenceUnit: 'requests/s',
    ratio: round(result.requests.average / refResult.requests.average, 3),
    target: '≥ 10,000 sales/s and p99 < 100 ms',
    note: `${COOPS} cooperatives, ${CONNECTIONS} connections × ${DURATION_S} s, ${SALES_PER_REQUEST} sales per request. Saturated (closed loop): ${saturated} sales/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms (in a closed loop, mean latency = ${CONNECTIONS} ÷ batches/s), ${result.non2xx} non-2xx, ${result.errors} errors. At ${TARGET_SALES_PER_S} sales/s offered (one batch every ${(1000 * SALES_PER_REQUEST) / TARGET_SALES_PER_S} ms, ≤ ${CONNECTIONS} connections): ${steady} sales/s served, p50 ${atRate.p50} ms, p99 ${atRate.p99} ms (p99Ms), max ${atRate.max} ms, ${atRate.failed} failed; server CPU time ${cpuPerBatch ?? '?'} ms per batch at that rate (all its threads)`,
  };
}
