/**
 * `scale-report`: a simulated network (`lumbung simulate`, or the database
 * BENCH_SCALE_URL names) measured over HTTP against `lumbung serve` in its own
 * process: the reports users open (p50/p95 of BENCH_SCALE_REQUESTS requests
 * each), then the period close and the subsidy run for every cooperative,
 * once each, on a server whose clock stands on the 1st of the next month.
 * Knobs: BENCH_SCALE_COOPS (30), BENCH_SCALE_MONTHS (2), BENCH_SCALE_SALES (8),
 * BENCH_SCALE_WORKERS (PostgreSQL: 4), BENCH_SCALE_REQUESTS (20), BENCH_SCALE_OVERVIEW_REQUESTS (the
 * network overview's, default BENCH_SCALE_REQUESTS: fewer where one takes minutes).
 */
import { request } from 'node:http';
import type { Kysely } from 'kysely';
import { addMonths, lastDayOfMonth } from '../src/core/shared/business-date.ts';
import { systemClock, todayWib } from '../src/core/shared/clock.ts';
import { seededRandom } from '../src/demo/random.ts';
import { databaseSize, megabytes, summaryLines } from '../src/cli/simulate.ts';
import { engineOfUrl, migrateToLatest, openDatabase } from '../src/db/connection.ts';
import type { Database, Engine } from '../src/db/database.ts';
import {
  SIMULATION_HUB_ADMIN,
  SIMULATION_OFFICE,
  SIMULATION_PASSWORD,
  managerEmailOf,
} from '../src/simulate/plan.ts';
import { simulateNetwork } from '../src/simulate/simulate.ts';
import { freshDatabase, percentile, round, say, type BenchEntry } from './lib.ts';
import { serveLumbung } from './served.ts';

const knob = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/** One HTTP request (no client timeout: a close of 83,000 cooperatives may take minutes). */
function call(
  url: string,
  method: 'GET' | 'POST',
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; json: () => unknown }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      url,
      {
        method,
        headers: { ...headers, ...(data ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          resolve({ status: res.statusCode ?? 0, json: () => JSON.parse(text) as unknown });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

async function signIn(base: string, email: string): Promise<Record<string, string>> {
  const r = await call(
    `${base}/api/v1/auth/login`,
    'POST',
    {},
    {
      email,
      password: SIMULATION_PASSWORD,
    },
  );
  if (r.status !== 200) throw new Error(`sign-in of ${email}: HTTP ${r.status}`);
  return { authorization: `Bearer ${(r.json() as { token: string }).token}` };
}

/** Milliseconds of one request that must answer 200/201. */
async function timed(
  url: string,
  method: 'GET' | 'POST',
  headers: Record<string, string>,
  body?: unknown,
): Promise<number> {
  const t0 = performance.now();
  const r = await call(url, method, headers, body);
  const ms = performance.now() - t0;
  if (r.status !== 200 && r.status !== 201)
    throw new Error(`${method} ${url}: HTTP ${r.status} ${JSON.stringify(r.json())}`);
  return ms;
}

export async function benchScaleReport(engine: Engine): Promise<BenchEntry[] | undefined> {
  const given = process.env.BENCH_SCALE_URL;
  if (given && engineOfUrl(given) !== engine) return undefined;
  const coops = knob('BENCH_SCALE_COOPS', 30);
  const months = knob('BENCH_SCALE_MONTHS', 2);
  const h = given ? openDatabase(given) : await freshDatabase(engine, 'scale');
  if (!h) return undefined;
  const rnd = seededRandom(22);
  const entries: BenchEntry[] = [];
  let size = `${coops}x${months}`;
  let generated = 'an existing database (BENCH_SCALE_URL)';
  let open = true;
  const close = async () => {
    if (open) await h.close();
    open = false;
  };
  try {
    if (given) await migrateToLatest(h.db);
    else {
      const s = await simulateNetwork(h.db, {
        cooperatives: coops,
        months,
        salesPerDay: knob('BENCH_SCALE_SALES', 8),
        workers: engine === 'postgres' ? knob('BENCH_SCALE_WORKERS', 4) : 1,
        onProgress: (done, total, detail) => {
          if (done === total || done % Math.max(1, Math.floor(total / 10)) === 0)
            say(`  scale-report/${engine}: ${Math.floor((done / total) * 100)}% ${detail}`);
        },
      });
      for (const line of summaryLines(s, await databaseSize(h.db))) say(`  ${line}`);
      generated = `generated in ${round(s.ms / 1000, 1)} s (${Object.entries(s.phases)
        .map(([k, ms]) => `${k} ${round(ms / 1000, 1)} s`)
        .join(', ')}); ${s.sales} sales`;
      entries.push(entry('generate', round(s.ms / 1000, 1), 's', generated));
    }
    const network = await networkOf(h.db);
    size = `${network.coops.length}x${network.months}`;
    const bytes = await databaseSize(h.db);
    entries.push(entry('database size', round(bytes / 1024 / 1024, 1), 'MB', generated));
    await close();
    entries.push(...(await measureReads(h.url, network, rnd)));
    entries.push(...(await measureMonthEnd(h.url, network.lastMonth)));
    for (const e of entries) e.name = `scale-report ${size} ${e.name}`;
    printFigures(engine, size, entries, bytes);
    return entries;
  } finally {
    await close();
  }

  function entry(name: string, value: number, unit: string, note?: string): BenchEntry {
    return { name, engine, value, unit, reference: null, ratio: null, note };
  }

  async function measureReads(
    url: string,
    net: Awaited<ReturnType<typeof networkOf>>,
    random: ReturnType<typeof seededRandom>,
  ): Promise<BenchEntry[]> {
    // A network simulated up to an earlier day is read as on that day (17:00 WIB).
    const server = await serveLumbung(url, {
      LUMBUNG_JOBS: 'off',
      ...(net.lastDay < todayWib(systemClock) ? { LUMBUNG_NOW: `${net.lastDay}T10:00:00Z` } : {}),
    });
    try {
      const base = server.url;
      const n = knob('BENCH_SCALE_REQUESTS', 20);
      const hub = await signIn(base, SIMULATION_HUB_ADMIN);
      const office = await signIn(base, SIMULATION_OFFICE);
      const picks = Array.from(
        { length: n },
        () => net.coops[random.int(0, net.coops.length - 1)]!,
      );
      const managers = new Map<string, Record<string, string>>();
      for (const c of picks)
        if (!managers.has(c.id))
          managers.set(c.id, await signIn(base, managerEmailOf(c.villageCode)));
      /** The picked cooperative's page, as its manager. */
      const asManager = (i: number, page: string) =>
        timed(
          `${base}/api/v1/cooperatives/${picks[i]!.id}/${page}`,
          'GET',
          managers.get(picks[i]!.id)!,
        );
      const reads: [string, string, (i: number) => Promise<number>][] = [
        [
          'network overview',
          'p95 < 300 ms (province, SQLite)',
          () => timed(`${base}/api/v1/treasury/summary`, 'GET', hub),
        ],
        [
          'aging',
          'p95 < 300 ms (province, SQLite)',
          () => timed(`${base}/api/v1/settlements/aging`, 'GET', hub),
        ],
        [
          'region overview',
          'p95 < 500 ms (national, PostgreSQL)',
          () => timed(`${base}/api/v1/region/overview`, 'GET', office),
        ],
        [
          'cooperative dashboard',
          'p95 < 100 ms (province, SQLite)',
          (i) => asManager(i, 'dashboard'),
        ],
        ['cooperative statements', '', (i) => asManager(i, 'statements')],
      ];
      const out: BenchEntry[] = [];
      for (const [name, target, run] of reads) {
        const count = name === 'network overview' ? knob('BENCH_SCALE_OVERVIEW_REQUESTS', n) : n;
        // The warm-up: for the overview, the day's first read, which loads the history the
        // later reads of the day hold (docs/ARCHITECTURE.md, "History held by the process").
        const first = await run(0);
        if (name === 'network overview') {
          say(`  scale-report/${engine}: ${name}, first of the day ${round(first, 1)} ms`);
          out.push(
            entry(
              `${name}, first of the day`,
              round(first, 1),
              'ms',
              'the first read on a fresh server: loads the history held for the later reads',
            ),
          );
        }
        const times: number[] = [];
        for (let i = 0; i < count; i++) times.push(await run(i));
        const p50 = round(percentile(times, 50), 1);
        say(`  scale-report/${engine}: ${name} p50 ${p50} ms (${count} requests)`);
        out.push({
          ...entry(
            name,
            round(percentile(times, 95), 1),
            'ms (p95)',
            `p50 ${p50} ms, ${count} requests`,
          ),
          p99Ms: round(percentile(times, 99), 1),
          target: target || undefined,
        });
      }
      return out;
    } finally {
      await server.stop();
    }
  }

  async function measureMonthEnd(url: string, lastMonth: string): Promise<BenchEntry[]> {
    const next = addMonths(lastMonth, 1);
    const server = await serveLumbung(url, {
      LUMBUNG_JOBS: 'off',
      LUMBUNG_NOW: `${next}-01T03:00:00Z`,
    });
    try {
      const hub = await signIn(server.url, SIMULATION_HUB_ADMIN);
      const close = await timed(`${server.url}/api/v1/settlements/close`, 'POST', hub, {
        periodEnd: lastDayOfMonth(lastMonth),
      });
      const subsidy = await timed(`${server.url}/api/v1/subsidies/runs`, 'POST', hub, {
        month: lastMonth,
      });
      return [
        entry(
          'period close',
          round(close / 1000, 2),
          's',
          `all cooperatives, period ending ${lastDayOfMonth(lastMonth)}`,
        ),
        entry('subsidy run', round(subsidy / 1000, 2), 's', `all cooperatives, ${lastMonth}`),
      ].map((e, i) => ({
        ...e,
        target: i === 0 ? '< 60 s (1,585, SQLite)' : '< 10 min (83,000, PostgreSQL)',
      }));
    } finally {
      await server.stop();
    }
  }
}

/** The simulated cooperatives and the month the simulation ended with (the month after the last statements'). */
async function networkOf(db: Kysely<Database>) {
  const coops = await db
    .selectFrom('organization')
    .select(['id', 'villageCode'])
    .where('kind', '=', 'cooperative')
    .execute();
  const span = await db
    .selectFrom('sale')
    .select((eb) => [eb.fn.min('saleDate').as('first'), eb.fn.max('saleDate').as('last')])
    .executeTakeFirst();
  // The simulation ended on its last sale day (today, or the day `--until` named).
  const lastDay = span?.last ?? todayWib(systemClock);
  const lastMonth = lastDay.slice(0, 7);
  const firstMonth = (span?.first ?? lastDay).slice(0, 7);
  const months =
    (Number(lastMonth.slice(0, 4)) - Number(firstMonth.slice(0, 4))) * 12 +
    Number(lastMonth.slice(5)) -
    Number(firstMonth.slice(5)) +
    1;
  return {
    coops: coops.map((c) => ({ id: c.id, villageCode: c.villageCode ?? '' })),
    lastDay,
    lastMonth,
    months,
  };
}

function printFigures(engine: Engine, size: string, entries: BenchEntry[], bytes: number) {
  say(
    `\n  scale-report on ${engine}, ${size.replace('x', ' cooperatives × ')} months (${megabytes(bytes)})`,
  );
  for (const e of entries)
    say(
      `  ${e.name.padEnd(52)} ${String(e.value).padStart(9)} ${e.unit.padEnd(9)} ${e.note ?? ''}`,
    );
}
