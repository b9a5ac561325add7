import type { ChildProcess } from 'node:child_process';
import { v7 as uuidv7 } from 'uuid';
import autocannon from 'autocannon';
import {
  cpuTimeMs,
  threadCpuMs,
  round,
  say,
  emptyDatabase,
  freshDatabase,
  type BenchEntry,
  freePort,
  startProcess,
} from './lib.ts';
import type { Engine } from '../src/db/database.ts';
import { buildServedNetwork } from './served.ts';
import { steadyLoad, type SteadyLoadResult } from './steady-load.ts';

const CONNECTIONS = 50;
/** Cooperatives syncing at once (each batch goes to the next one in turn). */
const COOPS = Number(process.env.BENCH_HTTP_COOPS ?? 50);
const SALES_PER_REQUEST = 100;
const DURATION_S = Number(process.env.BENCH_HTTP_SECONDS ?? 20);
/** The rate offered in the steady phase: 10,000 sales/s = 100 batches/s, evenly spaced. */
const RATE = Number(process.env.BENCH_HTTP_RATE ?? 10_000);

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

type Request = () => { path: string; headers: Record<string, string>; body: string };

interface Measured {
  saturated: autocannon.Result;
  /** Sales per second answered in the saturated phase. */
  salesPerS: number;
  atRate: SteadyLoadResult;
  /** The server's CPU time per batch at the steady rate (all its threads), ms. */
  cpuPerBatch?: number;
}

/**
 * The three phases against one server process: a 3 s warm-up; the steady rate (a batch every
 * 100,000 / RATE ms over at most 50 connections, each latency counted from when its batch was due);
 * then saturated (every connection sends its next batch as soon as the last is answered).
 */
async function measure(label: string, server: ChildProcess, port: number, request: Request) {
  let bad = 0;
  const onResponse = (status: number, resBody: string) => {
    if ((status < 200 || status >= 300) && bad++ === 0)
      say(`  ${label}: first refusal ${status}: ${resBody.slice(0, 300)}`);
  };
  const load = (duration: number): autocannon.Options => ({
    url: `http://127.0.0.1:${port}`,
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
  say(`  ${label}: ${CONNECTIONS} connections, 3 s warm-up`);
  await run(load(3));
  bad = 0;
  // The warm-up's last batches are answered before anything is measured.
  await new Promise((r) => setTimeout(r, 2_000));
  say(
    `  ${label}: at a steady ${RATE} sales/s (one batch every ${(1000 * SALES_PER_REQUEST) / RATE} ms), ${DURATION_S} s`,
  );
  const pid = server.pid!;
  const cpu0 = cpuTimeMs(pid);
  const threads0 = threadCpuMs(pid);
  const log = process.env.BENCH_LATENCY_LOG;
  const atRate = await steadyLoad({
    port,
    rate: RATE / SALES_PER_REQUEST,
    seconds: DURATION_S,
    connections: CONNECTIONS,
    request,
    onResponse,
    latencyLog: log && (label === 'http-sync' ? log : `${log}.reference`),
  });
  const cpu1 = cpuTimeMs(pid);
  const threads = [...threadCpuMs(pid)]
    .map(([name, ms]) => [name, ms - (threads0.get(name) ?? 0)] as const)
    .filter(([, ms]) => ms > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5);
  say(
    `  ${label}: server CPU by thread at the steady rate: ${threads.map(([n, ms]) => `${n} ${round(ms / Math.max(1, atRate.ok), 2)} ms/batch`).join(', ')}`,
  );
  const cpuPerBatch =
    cpu0 !== undefined && cpu1 !== undefined && atRate.ok > 0
      ? round((cpu1 - cpu0) / atRate.ok, 2)
      : undefined;
  say(`  ${label}: saturated, ${CONNECTIONS} connections, ${DURATION_S} s`);
  const saturated = await run(load(DURATION_S));
  const salesPerS = round((saturated['2xx'] * SALES_PER_REQUEST) / DURATION_S, 0);
  // ms of CPU per batch × batches per second = ms of CPU per second; ÷ 1,000 ms × 100 = % of a core.
  const coreShare =
    cpuPerBatch === undefined ? '?' : round((cpuPerBatch * (RATE / SALES_PER_REQUEST)) / 10, 0);
  say(
    `  ${label} saturated: ${saturated['2xx']} batches ok, ${saturated.non2xx} non-2xx, ${saturated.errors} errors, ${saturated.timeouts} timeouts; ${salesPerS} sales/s; latency p50 ${saturated.latency.p50} ms, p90 ${saturated.latency.p90} ms, p99 ${saturated.latency.p99} ms`,
  );
  say(
    `  ${label} at ${RATE} sales/s offered: ${atRate.ok} of ${atRate.sent} batches ok, ${atRate.failed} failed; ${round(atRate.okPerSecond * SALES_PER_REQUEST, 0)} sales/s; latency p50 ${atRate.p50} ms, p90 ${atRate.p90} ms, p99 ${atRate.p99} ms, max ${atRate.max} ms; server CPU ${cpuPerBatch ?? '?'} ms per batch (${coreShare}% of one core)`,
  );
  return { saturated, salesPerS, atRate, cpuPerBatch } satisfies Measured;
}

async function stopped(server: ChildProcess, signal: NodeJS.Signals) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const gone = new Promise((r) => server.once('exit', r));
  server.kill(signal);
  await gone;
}

const describe = (m: Measured) =>
  `saturated (closed loop) ${m.salesPerS} sales/s, p50 ${m.saturated.latency.p50} ms, p99 ${m.saturated.latency.p99} ms, ${m.saturated.non2xx} non-2xx, ${m.saturated.errors} errors; at ${RATE} sales/s offered ${round(m.atRate.okPerSecond * SALES_PER_REQUEST, 0)} served, p50 ${m.atRate.p50} ms, p99 ${m.atRate.p99} ms, max ${m.atRate.max} ms, ${m.atRate.failed} failed, server CPU ${m.cpuPerBatch ?? '?'} ms per batch (all its threads)`;

/**
 * `http-sync`: POS sync over HTTP — recordSales with batches of 100 sales from 50 concurrent
 * connections against a Lumbung server on `engine` (its own process), spread over BENCH_HTTP_COOPS
 * cooperatives; then the same load against the raw reference (bench/minimal-server.ts: a minimal
 * Fastify route inserting the same sale and sale_line rows with the driver alone, on the same
 * engine, in a database of its own).
 */
export async function benchHttpSync(engine: Engine): Promise<BenchEntry | undefined> {
  const h = await freshDatabase(engine, 'http');
  const refUrl = await emptyDatabase(engine, 'http_ref');
  if (!h || !refUrl) return undefined;
  const { net, token } = await buildServedNetwork(h.db, {
    coops: COOPS,
    products: 10,
    stock: 100_000,
    startDate: '2026-01-01',
    label: 'http-sync',
  });
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
  let coop = 0;
  const nextCoop = () => net.coops[coop++ % net.coops.length]!.id;

  const lumbungPort = await freePort();
  const lumbung = await startProcess(
    ['bin/lumbung.js', 'serve'],
    { PORT: String(lumbungPort), HOST: '127.0.0.1', DATABASE_URL: url, LUMBUNG_LOG: 'warn' },
    /localhost:\d+/,
  );
  let product: Measured;
  try {
    product = await measure('http-sync', lumbung, lumbungPort, () => ({
      path: `/api/v1/cooperatives/${nextCoop()}/sales`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: body(),
    }));
  } finally {
    await stopped(lumbung, 'SIGINT');
  }

  const refPort = await freePort();
  const ref = await startProcess(
    ['--import', 'tsx', 'bench/minimal-server.ts'],
    { PORT: String(refPort), REF_DATABASE_URL: refUrl },
    /ready/,
  );
  let reference: Measured;
  try {
    reference = await measure('http-sync reference', ref, refPort, () => ({
      path: `/cooperatives/${nextCoop()}/sales`,
      headers: { 'content-type': 'application/json' },
      body: body(),
    }));
  } finally {
    await stopped(ref, 'SIGTERM');
  }
  const driver = engine === 'postgres' ? 'pg multi-row INSERTs' : 'better-sqlite3 inserts';
  return {
    name: 'http-sync',
    engine,
    value: product.salesPerS,
    unit: 'sales/s (saturated, 50 connections)',
    p99Ms: product.atRate.p99,
    reference: reference.salesPerS,
    referenceName: `minimal Fastify + ${driver} of the same sale and sale_line rows, one transaction per batch`,
    referenceUnit: 'sales/s (saturated, 50 connections)',
    referenceP99Ms: reference.atRate.p99,
    ratio: round(product.salesPerS / Math.max(1, reference.salesPerS), 3),
    target:
      engine === 'postgres'
        ? '≥ 5,000 sales/s with 500 cooperatives, p99 < 250 ms at that rate'
        : '≥ 10,000 sales/s and p99 < 100 ms',
    note: `${COOPS} cooperatives, ${CONNECTIONS} connections × ${DURATION_S} s, ${SALES_PER_REQUEST} sales per request; p99Ms and referenceP99Ms at ${RATE} sales/s offered (one batch every ${(1000 * SALES_PER_REQUEST) / RATE} ms, ≤ ${CONNECTIONS} connections; in the closed loop mean latency = ${CONNECTIONS} ÷ batches/s). Lumbung: ${describe(product)}. Reference: ${describe(reference)}`,
  };
}
