import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CamelCasePlugin,
  Kysely,
  Migrator,
  PostgresAdapter,
  PostgresDialect,
  sql,
  type Dialect,
  type MigrationResultSet,
} from 'kysely';
import pg from 'pg';
import { startCheckpointer, walRestarts } from './checkpointer.ts';
import { GroupCommitSqliteDialect } from './sqlite-group-commit.ts';
import type { Database, Db, Engine } from './database.ts';
import { migrations } from './migrations/index.ts';

export const DEFAULT_DATABASE_URL = 'file:./data/lumbung.sqlite';

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  url: string;
  close(): Promise<void>;
}

/** Parses a BIGINT/NUMERIC that must be a whole, safe number of rupiah or units. */
export function parseSafeInteger(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n))
    throw new RangeError(`Database value ${text} is not a safe integer`);
  return n;
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID || oid === NUMERIC_OID) return parseSafeInteger;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (pg.types.getTypeParser as any)(oid, format);
  },
};

/**
 * Error codes that mean the database cannot be reached or dropped the session (a restart, a
 * failover, `pg_terminate_backend`), not that the query was wrong: the same request can succeed once
 * the database is back.
 */
const CONNECTION_LOST_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown: pg_terminate_backend, or the server shutting down
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, in recovery, shutting down
  '53300', // too_many_connections
  '08000', // the connection_exception class
  '08001',
  '08003',
  '08004',
  '08006',
]);
/** What node-postgres itself says when a session is gone or cannot be had. */
const CONNECTION_LOST_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed)/;

/** Whether an error means "the database is not there right now" (answered 503), not a failed query. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && CONNECTION_LOST_CODES.has(code)) return true;
    if (CONNECTION_LOST_MESSAGE.test(e.message)) return true;
    if (e instanceof AggregateError && e.errors.some((inner) => isDatabaseUnavailable(inner)))
      return true;
  }
  return false;
}

/** Asks the database a trivial question: resolves when it answers (readiness). */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

export function engineOfUrl(url: string): Engine {
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
  if (url.startsWith('file:') || url === ':memory:') return 'sqlite';
  throw new Error(`DATABASE_URL must start with file: or postgres://, got ${url}`);
}

/**
 * `LUMBUNG_SQLITE_SYNC`: `normal` (the default) syncs the WAL only at checkpoints, so a power loss
 * or OS crash may roll back the last commits (the database stays consistent; a process crash loses
 * nothing); `full` syncs the WAL at every commit, so every acknowledged write survives a power loss.
 */
export function sqliteSynchronous(env: NodeJS.ProcessEnv = process.env): 'NORMAL' | 'FULL' {
  const value = (env.LUMBUNG_SQLITE_SYNC ?? 'normal').toLowerCase();
  if (value === 'normal' || value === 'full') return value === 'full' ? 'FULL' : 'NORMAL';
  throw new Error(`LUMBUNG_SQLITE_SYNC must be normal or full, got ${env.LUMBUNG_SQLITE_SYNC}`);
}

/** Who waits for the database's connections now, and the pool (PostgreSQL) or the waits since start (SQLite). */
export type DatabaseStats =
  | { engine: 'postgres'; waiting: number; total: number; idle: number }
  | { engine: 'sqlite'; waiting: number; waits: number; waitSeconds: number };
const STATS = new WeakMap<Kysely<Database>, () => DatabaseStats>();

/** Read at scrape time by /metrics; undefined for a database not opened here. */
export function databaseStats(db: Kysely<Database>): DatabaseStats | undefined {
  return STATS.get(db)?.();
}

/** Opens (does not migrate) the database at `url`: `file:PATH`, `file::memory:` or `postgres://…`. */
export function openDatabase(
  url: string = DEFAULT_DATABASE_URL,
  opts: {
    poolSize?: number;
    /** SQLite file: checkpoint the WAL from a worker thread, not inside commits (the server). */
    backgroundCheckpoints?: boolean;
    /** PostgreSQL: told when a pooled session is lost (the server logs it); the pool carries on. */
    onConnectionError?: (error: Error) => void;
    /** PostgreSQL, tests only: wraps the dialect (the routing probe, src/db/partition-probe.ts). */
    wrapDialect?: (dialect: Dialect) => Dialect;
  } = {},
): DatabaseHandle {
  const engine = engineOfUrl(url);
  if (engine === 'postgres') {
    const pool = new pg.Pool({
      connectionString: url,
      max: opts.poolSize ?? 10,
      types: pgTypes,
      // A database host that does not answer (failover) fails the request in 10 s, not the OS's minutes.
      connectionTimeoutMillis: 10_000,
      keepAlive: true,
    });
    // When PostgreSQL drops a session (restart, failover, pg_terminate_backend), node-postgres emits
    // 'error' on the client, and on the pool for an idle one: unheard, that ends the process. The
    // query running on it fails (the request answers 503), the pool discards the client and opens
    // new ones when asked, so the server recovers by itself once the database is back.
    pool.on('error', (error) => opts.onConnectionError?.(error));
    pool.on('connect', (client) => client.on('error', () => {}));
    const db = new Kysely<Database>({
      dialect: (opts.wrapDialect ?? ((d: Dialect) => d))(new PostgresDialect({ pool })),
      plugins: [new CamelCasePlugin()],
    });
    STATS.set(db, () => ({
      engine: 'postgres',
      waiting: pool.waitingCount,
      total: pool.totalCount,
      idle: pool.idleCount,
    }));
    return { db, engine, url, close: () => db.destroy() };
  }
  const path = url === ':memory:' ? ':memory:' : url.slice('file:'.length);
  const synchronous = sqliteSynchronous();
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`synchronous = ${synchronous}`);
  sqlite.pragma('busy_timeout = 5000');
  // 16 MiB of page cache. Not more: a B-tree balance renumbers pages through the lock-byte page
  // number (262,145), after which SQLite's commit walks the cache's whole hash table to drop pages
  // past the end of the file; with 128 MiB, posting 100 sales took ~20% more CPU (ARCHITECTURE).
  sqlite.pragma('cache_size = -16384');
  sqlite.pragma('temp_store = MEMORY');
  const dialect = new GroupCommitSqliteDialect(withStatementCache(sqlite), sqlite);
  const db = new Kysely<Database>({ dialect, plugins: [new CamelCasePlugin()] });
  STATS.set(db, () => ({ engine: 'sqlite', ...dialect.queueStats() }));
  if (opts.backgroundCheckpoints && path !== ':memory:') {
    // The worker checkpoints; the server's own commits only past ~80 MB of WAL (worker gone, or
    // restarts keep failing).
    sqlite.pragma('wal_autocheckpoint = 20000');
    const restarts = walRestarts(
      (work) => dialect.betweenTransactions(work),
      () => checkpointer.passNow(),
    );
    const checkpointer = startCheckpointer(path, (pass) => restarts.onPass(pass));
    return {
      db,
      engine,
      url,
      close: async () => {
        restarts.close();
        await db.destroy();
        await checkpointer.stop();
      },
    };
  }
  return { db, engine, url, close: () => db.destroy() };
}

/**
 * better-sqlite3 compiles a statement on every `prepare`; Kysely prepares
 * every query. Reusing compiled statements by SQL text saves that work on the
 * hot paths (sales posting), where the same statements repeat.
 */
function withStatementCache(sqlite: SQLite.Database, size = 500): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, prop, receiver) {
      if (prop !== 'prepare') return Reflect.get(target, prop, receiver);
      return (sqlText: string) => {
        let stmt = cache.get(sqlText);
        if (stmt) {
          cache.delete(sqlText);
        } else {
          stmt = prepare(sqlText);
          if (cache.size >= size) cache.delete(cache.keys().next().value!);
        }
        cache.set(sqlText, stmt);
        return stmt;
      };
    },
  });
}

export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}

export function engineOf(db: Db): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
