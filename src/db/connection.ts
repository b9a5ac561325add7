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

export function engineOfUrl(url: string): Engine {
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
  if (url.startsWith('file:') || url === ':memory:') return 'sqlite';
  throw new Error(`DATABASE_URL must start with file: or postgres://, got ${url}`);
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
