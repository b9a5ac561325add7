/**
 * The store of the HTTP benchmarks' raw references (bench/minimal-server.ts,
 * bench/sembako-minimal-server.ts): plain tables in their own database on the
 * engine of the measured server, written with the driver alone (`pg` or
 * better-sqlite3), one transaction per request.
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { engineOfUrl, sqliteSynchronous } from '../src/db/connection.ts';

export type RefValue = string | number | null;
export type RefRow = Record<string, RefValue>;

export interface ReferenceStore {
  /** Inserts every table's rows (multi-row INSERTs on PostgreSQL), in one transaction. */
  insert(tables: { table: string; rows: RefRow[] }[]): Promise<void>;
  close(): Promise<void>;
}

/** Opens the database at `url` (file:… or postgres://…) and runs `ddl` (CREATE TABLE statements). */
export async function openReferenceStore(url: string, ddl: string[]): Promise<ReferenceStore> {
  return engineOfUrl(url) === 'postgres' ? openPg(url, ddl) : openSqlite(url, ddl);
}

async function openPg(url: string, ddl: string[]): Promise<ReferenceStore> {
  // As many sessions as the Lumbung server's pool (openDatabase's default).
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  for (const statement of ddl) await pool.query(statement);
  return {
    async insert(tables) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        for (const { table, rows } of tables) {
          if (!rows.length) continue;
          const columns = Object.keys(rows[0]!);
          const params: RefValue[] = [];
          const tuples = rows.map((r) => {
            const marks = columns.map((c) => `$${params.push(r[c] ?? null)}`);
            return `(${marks.join(', ')})`;
          });
          await client.query(
            `insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`,
            params,
          );
        }
        await client.query('commit');
      } catch (e) {
        await client.query('rollback').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

function openSqlite(url: string, ddl: string[]): Promise<ReferenceStore> {
  // The pragmas of the Lumbung server's connection (src/db/connection.ts).
  const sqlite = new SQLite(url.slice('file:'.length));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${sqliteSynchronous()}`);
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -16384');
  for (const statement of ddl) sqlite.exec(statement);
  const statements = new Map<string, SQLite.Statement>();
  const prepared = (table: string, columns: string[]) => {
    const key = `${table}(${columns.join(',')})`;
    let s = statements.get(key);
    if (!s) {
      s = sqlite.prepare(
        `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      );
      statements.set(key, s);
    }
    return s;
  };
  const write = sqlite.transaction((tables: { table: string; rows: RefRow[] }[]) => {
    for (const { table, rows } of tables) {
      if (!rows.length) continue;
      const columns = Object.keys(rows[0]!);
      const s = prepared(table, columns);
      for (const r of rows) s.run(columns.map((c) => r[c] ?? null));
    }
  });
  return Promise.resolve({
    insert: (tables) => Promise.resolve(write(tables)),
    close: () => Promise.resolve(void sqlite.close()),
  });
}
