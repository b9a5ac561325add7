import { statSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { fixedClock, systemClock, todayWib, type Clock } from '../core/shared/clock.ts';
import { engineOf } from '../db/connection.ts';
import type { Database } from '../db/database.ts';
import {
  SIMULATION_HUB_ADMIN,
  SIMULATION_OFFICE,
  SIMULATION_PASSWORD,
  managerEmailOf,
} from '../simulate/plan.ts';
import { simulateNetwork, type SimulationSummary } from '../simulate/simulate.ts';
import { simulationVillages } from '../simulate/villages.ts';
import { openMigrated } from './open.ts';
import { progressBar } from './progress.ts';
import { isEmpty } from './seed.ts';

export interface SimulateCommandOptions {
  cooperatives: string;
  months: string;
  salesPerDay?: string;
  seed?: string;
  workers?: string;
  until?: string;
}

/**
 * The clock `--until DATE` stands the simulation on: the last minute of DATE in WIB (the months
 * end with its month, its last day simulated in full); the system clock without it or for today
 * (simulated up to now). A date after today, or not a calendar date, is refused.
 */
export function untilClock(until: string | undefined, real: Clock = systemClock): Clock {
  if (until === undefined) return real;
  const end = Date.parse(`${until}T16:59:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(until) ||
    Number.isNaN(end) ||
    new Date(end).toISOString().slice(0, 10) !== until
  )
    throw new Error(`--until must be a date YYYY-MM-DD, got ${until}`);
  const today = todayWib(real);
  if (until > today) throw new Error(`--until must not be after today (${today})`);
  return until === today ? real : fixedClock(new Date(end).toISOString());
}

/** Bytes the database takes: SQLite's file with its WAL, PostgreSQL's pg_database_size. */
export async function databaseSize(db: Kysely<Database>): Promise<number> {
  if (engineOf(db) === 'postgres') {
    const r = await sql<{
      size: string;
    }>`select pg_database_size(current_database()) as size`.execute(db);
    return Number(r.rows[0]?.size ?? 0);
  }
  const r = await sql<{
    file: string;
  }>`select file from pragma_database_list where name = 'main'`.execute(db);
  const file = r.rows[0]?.file;
  if (!file) return 0;
  const size = (f: string) => {
    try {
      return statSync(f).size;
    } catch {
      return 0;
    }
  };
  return size(file) + size(`${file}-wal`);
}

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function whole(
  text: string | undefined,
  name: string,
  min: number,
  max: number,
  fallback?: number,
) {
  const n = text === undefined ? fallback : Number(text);
  if (n === undefined || !Number.isInteger(n) || n < min || n > max)
    throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
}

/** The lines `lumbung simulate` prints when done. */
export function summaryLines(s: SimulationSummary, bytes: number): string[] {
  const phases = Object.entries(s.phases)
    .map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`)
    .join(', ');
  return [
    `Koperasi: ${s.cooperatives}`,
    `Bulan: ${s.months} (${s.firstMonth} s.d. ${s.lastMonth})`,
    `Penjualan: ${s.sales}`,
    `Baris penjualan: ${s.saleLines}`,
    `Pengiriman: ${s.deliveries}`,
    `Tagihan: ${s.statements}`,
    `Pembayaran: ${s.payments}`,
    `Subsidi: ${s.subsidyGrants}`,
    `Waktu: ${(s.ms / 1000).toFixed(1)} s (${phases})`,
    `Ukuran basis data: ${megabytes(bytes)}`,
  ];
}

/** `lumbung simulate`: a simulated network written into an empty database through the commands. */
export async function simulateCommand(o: SimulateCommandOptions): Promise<number> {
  let opts;
  try {
    opts = {
      cooperatives: whole(o.cooperatives, 'cooperatives', 1, 83_000),
      months: whole(o.months, 'months', 1, 24),
      salesPerDay: whole(o.salesPerDay, 'sales-per-day', 1, 500, 8),
      seed: whole(o.seed, 'seed', 0, 2 ** 31, 1),
      workers: whole(o.workers, 'workers', 1, 16, 1),
      realClock: untilClock(o.until),
    };
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  const h = await openMigrated({ poolSize: opts.workers + 2 });
  try {
    if (!(await isEmpty(h.db))) {
      console.error(
        'The database already holds data; simulate writes only into an empty database.',
      );
      return 1;
    }
    if (h.engine === 'sqlite' && opts.workers > 1) opts.workers = 1;
    const summary = await simulateNetwork(h.db, {
      ...opts,
      onProgress: progressBar('Simulasi jaringan'),
    });
    for (const line of summaryLines(summary, await databaseSize(h.db))) console.log(line);
    const [first] = await simulationVillages(1);
    console.log(
      `Masuk (kata sandi ${SIMULATION_PASSWORD}): ${SIMULATION_HUB_ADMIN} (hub), ${SIMULATION_OFFICE} (dinas ${summary.officeRegion}), ${managerEmailOf(first!.code)} (koperasi pertama; kdkmp.<kode desa>@simulasi.demo)`,
    );
    return 0;
  } finally {
    await h.close();
  }
}
