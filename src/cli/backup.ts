import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { loadConfig } from '../config.ts';
import { engineOfUrl } from '../db/connection.ts';

/**
 * Rows that are facts and are never deleted (a correction is a new row): a consistent copy holds
 * at least as many as the database had before the copy began and no more than it has after.
 */
export const FACT_TABLES = ['sale', 'journal_line', 'stock_move'] as const;
type FactCounts = Record<(typeof FACT_TABLES)[number], number>;

export interface BackupOptions {
  out?: string;
  dir?: string;
  keep?: string;
}

/** `lumbung backup`: a consistent copy of the live database, checked before it is kept. */
export async function backupCommand(o: BackupOptions): Promise<number> {
  if (!o.out === !o.dir) {
    console.error('Give either --out FILE or --dir DIR.');
    return 2;
  }
  const keep = o.keep === undefined ? undefined : Number(o.keep);
  if (keep !== undefined && (!o.dir || !Number.isInteger(keep) || keep < 1)) {
    console.error('--keep N needs --dir DIR and a whole number N ≥ 1.');
    return 2;
  }
  const url = loadConfig().databaseUrl;
  let engine;
  try {
    engine = engineOfUrl(url);
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  const out = o.out ?? join(o.dir!, `lumbung-${stamp(new Date())}.${EXT[engine]}`);
  if (existsSync(out)) {
    console.error(`${out} already exists: a backup never overwrites a file.`);
    return 1;
  }
  mkdirSync(dirname(resolve(out)), { recursive: true });
  const partial = `${out}.${process.pid}.partial`;
  const release = removeOnSignal(partial);
  const started = Date.now();
  try {
    const copy =
      engine === 'sqlite' ? await backupSqlite(url, partial) : await backupPostgres(url, partial);
    syncFile(partial);
    renameSync(partial, out);
    syncFile(dirname(resolve(out)));
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `Backup written: ${out} (${formatBytes(statSync(out).size)}, ${engine}) in ${secs} s; ` +
        `checked: ${copy.checked}; ${count(copy.rows.sale)} sales, ${count(copy.rows.journal_line)} journal lines, ${count(copy.rows.stock_move)} stock movements`,
    );
    if (o.dir && keep !== undefined) pruneBackups(o.dir, keep);
    return 0;
  } catch (e) {
    console.error(`Backup failed: ${(e as Error).message}`);
    return 1;
  } finally {
    rmSync(partial, { force: true });
    release();
  }
}

const EXT = { sqlite: 'sqlite', postgres: 'dump' } as const;
/** Backups that `--dir DIR --keep N` manages: `lumbung-YYYYMMDD-HHMMSS.sqlite|dump` (UTC). */
const BACKUP_NAME = /^lumbung-\d{8}-\d{6}\.(sqlite|dump)$/;

function stamp(d: Date): string {
  const iso = d.toISOString();
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
}

/** Keeps the newest `keep` backups in `dir` (by the time in their names); deletes the older ones. */
function pruneBackups(dir: string, keep: number) {
  const names = readdirSync(dir)
    .filter((n) => BACKUP_NAME.test(n))
    .sort()
    .reverse();
  for (const name of names.slice(keep)) {
    rmSync(join(dir, name));
    console.log(`Deleted old backup ${join(dir, name)} (keeping the newest ${keep}).`);
  }
}

/** The path of a `file:` URL, refusing an in-memory database. */
export function sqlitePathOf(url: string): string {
  const path = url === ':memory:' ? ':memory:' : url.slice('file:'.length);
  if (path === ':memory:' || path === '') throw new Error('an in-memory database has no file');
  return path;
}

/**
 * SQLite: `VACUUM INTO` in one read transaction, from a worker thread so progress can be shown.
 * In WAL mode the server keeps committing while it runs; the copy is the database as of the
 * moment the read began.
 */
async function backupSqlite(url: string, partial: string) {
  const path = sqlitePathOf(url);
  if (!existsSync(path)) throw new Error(`no database at ${path}`);
  say(`Backing up SQLite ${path} (${formatBytes(statSync(path).size)}) with VACUUM INTO …`);
  const source = new SQLite(path, { readonly: true, fileMustExist: true });
  let before: FactCounts;
  let tables: string[];
  try {
    source.pragma('busy_timeout = 10000');
    tables = sqliteTables(source);
    if (!tables.includes('kysely_migration'))
      throw new Error(`${path} is not a Lumbung database (it has no migrations table)`);
    before = countFacts((t) => sqliteCount(source, t));
  } finally {
    source.close();
  }
  await watchSize(partial, vacuumInto(path, partial));
  const copy = checkSqliteFile(partial);
  const missing = tables.filter((t) => !copy.tables.includes(t));
  if (missing.length) throw new Error(`the copy lacks tables ${missing.join(', ')}`);
  const after = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    after.pragma('busy_timeout = 10000');
    checkCounts(
      before,
      copy.rows,
      countFacts((t) => sqliteCount(after, t)),
    );
  } finally {
    after.close();
  }
  return {
    rows: copy.rows,
    checked: `integrity_check ok, ${copy.tables.length} tables, row counts within the live database's`,
  };
}

function vacuumInto(source: string, target: string): Promise<void> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(
    `
    const { workerData, parentPort } = require('node:worker_threads');
    const Database = require(workerData.driver);
    let db;
    try {
      db = new Database(workerData.source, { readonly: true, fileMustExist: true });
      db.pragma('busy_timeout = 10000');
      db.prepare('VACUUM INTO ?').run(workerData.target);
      parentPort.postMessage({ ok: true });
    } catch (e) {
      parentPort.postMessage({ ok: false, error: String(e && e.message) });
    } finally {
      if (db) db.close();
    }
    `,
    { eval: true, workerData: { driver, source, target } },
  );
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { ok: boolean; error?: string }) =>
      m.ok ? resolve() : reject(new Error(`VACUUM INTO failed: ${m.error}`)),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the copying thread stopped (${code})`)));
  });
}

/** Opens a SQLite file read-only and checks it: integrity, its tables, its fact rows. */
export function checkSqliteFile(file: string): { tables: string[]; rows: FactCounts } {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = integrity.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (problems.length)
      throw new Error(`integrity_check: ${problems.slice(0, 5).join('; ')} (${file})`);
    const tables = sqliteTables(db);
    const missing = ['kysely_migration', ...FACT_TABLES].filter((t) => !tables.includes(t));
    if (missing.length) throw new Error(`${file} has no table ${missing.join(', ')}`);
    return { tables, rows: countFacts((t) => sqliteCount(db, t)) };
  } finally {
    db.close();
  }
}

export function sqliteTables(db: SQLite.Database): string[] {
  return (
    db
      .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)
      .all() as { name: string }[]
  ).map((r) => r.name);
}

function sqliteCount(db: SQLite.Database, table: string): number {
  return (db.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n;
}

function countFacts(countOf: (table: string) => number): FactCounts {
  return Object.fromEntries(FACT_TABLES.map((t) => [t, countOf(t)])) as FactCounts;
}

async function countFactsAsync(countOf: (table: string) => Promise<number>): Promise<FactCounts> {
  const rows: Partial<FactCounts> = {};
  for (const t of FACT_TABLES) rows[t] = await countOf(t);
  return rows as FactCounts;
}

function checkCounts(before: FactCounts, copy: FactCounts, after: FactCounts) {
  for (const t of FACT_TABLES) {
    if (copy[t] < before[t] || copy[t] > after[t])
      throw new Error(
        `the copy has ${copy[t]} ${t} rows; the database had ${before[t]} before the backup and ${after[t]} after`,
      );
  }
}

/**
 * PostgreSQL: `pg_dump --format=custom` (one repeatable-read snapshot; writers are not blocked),
 * checked with `pg_restore --list` and by counting the fact rows the archive holds.
 */
async function backupPostgres(url: string, partial: string) {
  const conn = libpqConnection(url);
  say(`Backing up PostgreSQL ${conn.shown} with pg_dump --format=custom …`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let tables: string[];
  let before: FactCounts;
  let leaves: Map<string, keyof FactCounts>;
  try {
    tables = await postgresTables(client);
    leaves = await factLeaves(client);
    if (!tables.includes('kysely_migration'))
      throw new Error(`${conn.shown} is not a Lumbung database (it has no migrations table)`);
    before = await countFactsAsync((t) => postgresCount(client, t));
  } finally {
    await client.end();
  }
  const dump = runTool(
    findPgTool('pg_dump'),
    ['--format=custom', '--no-password', `--file=${partial}`, `--dbname=${conn.dbname}`],
    conn.env,
  );
  await watchSize(partial, dump);
  const listed = await listArchive(partial);
  const missing = tables.filter((t) => !listed.data.includes(t));
  if (missing.length) throw new Error(`the archive holds no data for tables ${missing.join(', ')}`);
  const rows = await countArchiveRows(partial, leaves);
  const after = new pg.Client({ connectionString: url });
  await after.connect();
  try {
    checkCounts(before, rows, await countFactsAsync((t) => postgresCount(after, t)));
  } finally {
    await after.end();
  }
  return {
    rows,
    checked: `pg_restore --list ok, ${listed.data.length} tables with data, row counts within the live database's`,
  };
}

/** The tables that hold rows: a partitioned table's rows are its partitions' (their own TABLE DATA). */
export async function postgresTables(client: pg.Client): Promise<string[]> {
  const r = await client.query<{ name: string }>(
    `select table_name as name from information_schema.tables
      where table_schema not in ('pg_catalog', 'information_schema') and table_type = 'BASE TABLE'
        and not exists (select 1 from pg_partitioned_table
                         where partrelid = format('%I.%I', table_schema, table_name)::regclass)`,
  );
  return r.rows.map((x) => x.name);
}

/** Each table holding a fact table's rows (itself, or its partitions on PostgreSQL) and that fact table. */
async function factLeaves(client: pg.Client): Promise<Map<string, keyof FactCounts>> {
  const leaves = new Map<string, keyof FactCounts>();
  for (const t of FACT_TABLES) {
    const r = await client.query<{ name: string }>(
      `select c.relname as name from pg_partition_tree($1::regclass) p
         join pg_class c on c.oid = p.relid where p.isleaf`,
      [t],
    );
    for (const name of r.rows.length ? r.rows.map((x) => x.name) : [t]) leaves.set(name, t);
  }
  return leaves;
}

async function postgresCount(client: pg.Client, table: string): Promise<number> {
  const r = await client.query<{ n: string }>(`select count(*) as n from "${table}"`);
  return Number(r.rows[0]!.n);
}

/** `pg_restore --list`: fails on a truncated or foreign file; names the tables whose data it holds. */
export async function listArchive(file: string): Promise<{ data: string[] }> {
  const { stdout } = await runTool(findPgTool('pg_restore'), ['--list', file], process.env);
  const data: string[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^\d+; \d+ \d+ TABLE DATA \S+ (\S+) /.exec(line);
    if (m) data.push(m[1]!);
  }
  return { data };
}

/** Counts the rows of the fact tables in a custom-format archive (its COPY data, one row a line). */
async function countArchiveRows(
  file: string,
  leaves: Map<string, keyof FactCounts>,
): Promise<FactCounts> {
  const tables = [...leaves.keys()].flatMap((t) => ['--table', t]);
  const args = ['--data-only', ...tables, '--file=-', file];
  const child = spawn(findPgTool('pg_restore'), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const rows = countFacts(() => 0);
  let table: keyof FactCounts | undefined;
  for await (const line of createInterface({ input: child.stdout })) {
    if (table) {
      if (line === '\\.') table = undefined;
      else rows[table]++;
      continue;
    }
    const m = /^COPY \S+?\.(\w+) /.exec(line);
    if (m) table = leaves.get(m[1]!);
  }
  const code = await new Promise<number | null>((res) => {
    if (child.exitCode !== null) res(child.exitCode);
    else child.once('close', res);
  });
  if (code !== 0) throw new Error(`pg_restore could not read the archive: ${stderr.trim()}`);
  return rows;
}

/**
 * What libpq tools need to reach `url` without the password on their command line (where `ps`
 * shows it): the URL without it, and PGPASSWORD in their environment.
 */
export function libpqConnection(url: string): {
  dbname: string;
  env: NodeJS.ProcessEnv;
  shown: string;
} {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  const env = { ...process.env };
  if (password) env.PGPASSWORD = password;
  return { dbname: u.toString(), env, shown: `${u.host}${u.pathname}` };
}

/**
 * A PostgreSQL client program: from PG_BIN, else the newest /usr/lib/postgresql/N/bin (a newer
 * pg_dump reads older servers; pg_restore reads older archives), else PATH.
 */
export function findPgTool(name: 'pg_dump' | 'pg_restore'): string {
  if (process.env.PG_BIN && existsSync(join(process.env.PG_BIN, name)))
    return join(process.env.PG_BIN, name);
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    for (const v of readdirSync(root).sort((a, b) => Number(b) - Number(a)))
      if (existsSync(join(root, v, 'bin', name))) return join(root, v, 'bin', name);
  }
  const which = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
  throw new Error(`${name} not found (install postgresql-client, or set PG_BIN)`);
}

/** Runs a tool to its end; rejects with its error output unless it exits 0. */
export function runTool(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0
        ? resolve({ stdout })
        : reject(new Error(`${basename(cmd)} exited with ${code}: ${stderr.trim()}`)),
    );
  });
}

/** Shows how far a file being written has grown while `work` runs (stderr). */
async function watchSize<T>(file: string, work: Promise<T>): Promise<T> {
  const tty = process.stderr.isTTY;
  let ticks = 0;
  const timer = setInterval(() => {
    ticks++;
    if (!tty && ticks % 10 !== 0) return;
    const size = existsSync(file) ? formatBytes(statSync(file).size) : '0 B';
    process.stderr.write(tty ? `\r  … ${size} written` : `  … ${size} written\n`);
  }, 1000);
  try {
    return await work;
  } finally {
    clearInterval(timer);
    if (tty && ticks > 0) process.stderr.write('\n');
  }
}

/** Until released, Ctrl-C or a TERM signal removes `file` (an unfinished copy) before exiting. */
export function removeOnSignal(file: string): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    rmSync(file, { force: true });
    console.error(`Interrupted (${signal}): the unfinished ${file} was removed.`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

/** fsync a file or a directory: VACUUM INTO and pg_dump leave their output to the OS cache. */
export function syncFile(path: string) {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The first bytes of a backup: a SQLite database or a pg_dump custom-format archive. */
export function backupKind(file: string): 'sqlite' | 'postgres' | undefined {
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(16);
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1') === 'SQLite format 3\0') return 'sqlite';
  if (head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'postgres';
  return undefined;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

const count = (n: number) => n.toLocaleString('en');

export function say(text: string) {
  process.stderr.write(`${text}\n`);
}
