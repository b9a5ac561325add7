import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CamelCasePlugin,
  Kysely,
  Migrator,
  PostgresAdapter,
  PostgresDialect,
  type MigrationResultSet,
} from 'kysely';
import pg from 'pg';
import { startCheckpointer, type CheckpointPass } from './checkpointer.ts';
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

export function engineOfUrl(url: string): Engine {
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
  if (url.startsWith('file:') || url === ':memory:') return 'sqlite';
  throw new Error(`DATABASE_URL must start with file: or postgres://, got ${url}`);
}

/**
 * SQLite writes the WAL from its beginning again only when a transaction of
 * the writing connection begins with every frame of it copied into the
 * database file. Under steady writes the worker's passes never leave it so
 * (a commit comes before the pass ends), and the WAL would grow to
 * wal_autocheckpoint's 20,000 pages, where that commit copies everything
 * since the worker's last pass and syncs it inside the event loop: a stall of
 * 40–85 ms every few seconds at 10,000 sales/s. Instead, once the WAL holds
 * WAL_RESTART_FRAMES (8 MB) and a pass of the worker has caught up, the
 * server holds its connection between transactions while the worker runs one
 * more pass over the few batches since (the event loop stays free, but
 * database work waits), at most WAL_RESTART_WAIT_MS. The next try waits for
 * the WAL to grow by WAL_RESTART_FRAMES again, twice that after a pass that
 * ran out of time, and so on: nothing is tried while the WAL does not grow
 * (no writes), and a slow disk cannot turn it into a stall every pass.
 */
const WAL_RESTART_FRAMES = 2_000;
const WAL_RESTART_WAIT_MS = 50;

/** Decides, pass by pass of the worker, when the server's connection is held for a WAL restart. */
function walRestarts(
  hold: (work: () => Promise<void>) => Promise<void>,
  passNow: () => Promise<unknown>,
) {
  let restarting = false;
  let closing = false;
  let lastLog = 0;
  let nextAt = WAL_RESTART_FRAMES;
  let backoff = 1;
  return {
    onPass(pass: CheckpointPass) {
      // A smaller WAL than last time: it has started over.
      if (pass.log < lastLog) nextAt = WAL_RESTART_FRAMES;
      lastLog = pass.log;
      if (closing || restarting || pass.log < nextAt || pass.checkpointed < pass.log) return;
      restarting = true;
      let inTime = true;
      hold(async () => {
        let timer: NodeJS.Timeout | undefined;
        inTime = await Promise.race([
          passNow().then(() => true),
          new Promise<boolean>(
            (resolve) => (timer = setTimeout(resolve, WAL_RESTART_WAIT_MS, false)),
          ),
        ]);
        clearTimeout(timer);
      })
        .catch(() => {})
        .finally(() => {
          backoff = inTime ? 1 : backoff * 2;
          nextAt = pass.log + WAL_RESTART_FRAMES * backoff;
          restarting = false;
        });
    },
    close() {
      closing = true;
    },
  };
}

/** Opens (does not migrate) the database at `url`: `file:PATH`, `file::memory:` or `postgres://…`. */
export function openDatabase(
  url: string = DEFAULT_DATABASE_URL,
  opts: {
    poolSize?: number;
    /** SQLite file: checkpoint the WAL from a worker thread, not inside commits (the server). */
    backgroundCheckpoints?: boolean;
  } = {},
): DatabaseHandle {
  const engine = engineOfUrl(url);
  if (engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10, types: pgTypes });
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool }),
      plugins: [new CamelCasePlugin()],
    });
    return { db, engine, url, close: () => db.destroy() };
  }
  const path = url === ':memory:' ? ':memory:' : url.slice('file:'.length);
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  // 16 MiB of page cache. Not more: a B-tree balance renumbers pages through the lock-byte page
  // number (262,145), after which SQLite's commit walks the cache's whole hash table to drop pages
  // past the end of the file; with 128 MiB, posting 100 sales took ~20% more CPU (ARCHITECTURE).
  sqlite.pragma('cache_size = -16384');
  sqlite.pragma('temp_store = MEMORY');
  const dialect = new GroupCommitSqliteDialect(withStatementCache(sqlite), sqlite);
  const db = new Kysely<Database>({ dialect, plugins: [new CamelCasePlugin()] });
  if (opts.backgroundCheckpoints && path !== ':memory:') {
    // The worker checkpoints; the server's own commits only if the WAL grows past ~80 MB (worker gone).
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
