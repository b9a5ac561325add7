import { spawn, type ChildProcess } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../src/db/connection.ts';
import type { Engine } from '../src/db/database.ts';
import { startPgCluster, type PgCluster } from '../scripts/pg-cluster.ts';

/** One line of bench/results/latest.json. */
export interface BenchEntry {
  name: string;
  engine: Engine | 'http';
  value: number;
  unit: string;
  /** The raw reference's figure, measured in the same run (in referenceUnit). */
  reference: number | null;
  referenceName?: string;
  referenceUnit?: string;
  /** value ÷ reference for throughputs, reference ÷ value for latencies: 1 = as fast as the raw reference. */
  ratio: number | null;
  p99Ms?: number;
  /** The raw reference's p99 (ms), when it ran under the same load. */
  referenceP99Ms?: number;
  target?: string;
  note?: string;
}

/** bench/results/latest.json, or the file BENCH_RESULTS names (toy runs that must not replace real figures). */
export const RESULTS = process.env.BENCH_RESULTS
  ? pathToFileURL(resolve(process.env.BENCH_RESULTS))
  : new URL('./results/latest.json', import.meta.url);

export function say(text: string) {
  process.stderr.write(`${text}\n`);
}

/** A progress line that rewrites itself on a terminal. */
export function progress(label: string, done: number, total: number) {
  const pct = Math.floor((done / total) * 100);
  const line = `  ${label}: ${done}/${total} (${pct}%)`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
  else if (done === total || done % Math.max(1, Math.floor(total / 5)) === 0)
    process.stderr.write(`${line}\n`);
}

export function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

let cluster: PgCluster | undefined;
let clusterError: string | undefined;
/** The throwaway PostgreSQL server of this run (started once, like the tests do). */
export async function pgServer(): Promise<string | undefined> {
  if (process.env.LUMBUNG_BENCH_PG_URL) return process.env.LUMBUNG_BENCH_PG_URL;
  if (cluster) return cluster.url;
  if (clusterError) return undefined;
  try {
    cluster = await startPgCluster({ fast: false });
    return cluster.url;
  } catch (e) {
    clusterError = (e as Error).message;
    say(`PostgreSQL benchmarks skipped: ${clusterError}`);
    return undefined;
  }
}

export function stopPgServer() {
  cluster?.stop();
}

const sqliteDirs: string[] = [];
/**
 * The URL of a new, empty database of the engine (not migrated): a SQLite file in a
 * temporary directory or a new database on the run's PostgreSQL server.
 */
export async function emptyDatabase(engine: Engine, name: string): Promise<string | undefined> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'lumbung-bench-'));
    sqliteDirs.push(dir);
    return `file:${join(dir, `${name}.sqlite`)}`;
  }
  const url = await pgServer();
  if (!url) return undefined;
  const dbName = `bench_${name.replace(/[^a-z0-9]/g, '_')}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();
  return url.replace(/\/[^/]*$/, `/${dbName}`);
}

/** A fresh, migrated database of the engine: a file-backed SQLite (WAL) or a new PostgreSQL database. */
export async function freshDatabase(
  engine: Engine,
  name: string,
): Promise<DatabaseHandle | undefined> {
  const url = await emptyDatabase(engine, name);
  if (!url) return undefined;
  const h = openDatabase(url, engine === 'postgres' ? { poolSize: 60 } : {});
  await migrateToLatest(h.db);
  return h;
}

export function cleanupSqlite() {
  for (const d of sqliteDirs) rmSync(d, { recursive: true, force: true });
}

/** Merges entries into bench/results/latest.json (replacing same name and engine). */
export function writeResults(entries: BenchEntry[]) {
  const dir = new URL('./', RESULTS);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  let old: BenchEntry[] = [];
  if (existsSync(RESULTS)) {
    try {
      old = JSON.parse(readFileSync(RESULTS, 'utf8')) as BenchEntry[];
    } catch {
      old = [];
    }
  }
  const key = (e: BenchEntry) => `${e.name}|${e.engine}`;
  const fresh = new Set(entries.map(key));
  writeFileSync(
    RESULTS,
    `${JSON.stringify([...old.filter((e) => !fresh.has(key(e))), ...entries], null, 2)}\n`,
  );
}

export function printTable(entries: BenchEntry[]) {
  const rows = entries.map((e) => [
    e.name,
    e.engine,
    `${e.value} ${e.unit}`,
    e.reference !== null
      ? `${e.reference} ${e.referenceUnit ?? e.unit} (${e.referenceName ?? 'reference'})`
      : '—',
    e.ratio === null ? '—' : String(e.ratio),
    e.p99Ms === undefined
      ? '—'
      : `${e.p99Ms} ms${e.referenceP99Ms === undefined ? '' : ` (reference ${e.referenceP99Ms} ms)`}`,
    e.target ?? '',
  ]);
  const head = ['benchmark', 'engine', 'value', 'reference (same run)', 'ratio', 'p99', 'target'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/**
 * CPU time (user + system, ms) in a /proc `stat` line: after the command name (which may hold
 * spaces), utime and stime are the 12th and 13th fields, in ticks of 1/100 s (USER_HZ on Linux).
 */
function statCpuMs(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** CPU time (ms) a process and all its threads have used so far (Linux); undefined elsewhere. */
export function cpuTimeMs(pid: number): number | undefined {
  try {
    return statCpuMs(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * CPU time (ms) of each thread of a process: `main` (the event loop) and the others by name and
 * thread id (Node 20 names them all "node"); Linux, else empty.
 */
export function threadCpuMs(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      out.set(tid === String(pid) ? 'main' : `${name}#${tid}`, statCpuMs(stat));
    }
  } catch {
    // not Linux, or the process is gone
  }
  return out;
}

/** Starts a Node process (a server under load) and resolves once its output matches `ready`. */
export function startProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the measured process.
    const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    const child = spawn(process.execPath, [...nodeArgs, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const onData = (d: Buffer) => {
      if (ready.test(d.toString())) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    // BENCH_SERVER_LOG=file keeps the measured process's output (with BENCH_NODE_ARGS=--trace-gc, say).
    if (process.env.BENCH_SERVER_LOG) {
      const log = createWriteStream(process.env.BENCH_SERVER_LOG, { flags: 'a' });
      child.stdout!.pipe(log);
      child.stderr!.pipe(log);
    }
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}
