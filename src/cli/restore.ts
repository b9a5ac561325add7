import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { loadConfig } from '../config.ts';
import { verifyDatabase } from '../core/integrity/index.ts';
import { engineOfUrl, migrateToLatest, openDatabase } from '../db/connection.ts';
import {
  backupKind,
  checkSqliteFile,
  findPgTool,
  formatBytes,
  libpqConnection,
  listArchive,
  postgresTables,
  removeOnSignal,
  runTool,
  say,
  sqlitePathOf,
  sqliteTables,
  syncFile,
} from './backup.ts';

/** A refusal the operator can act on: the database is left as it was. */
class Refused extends Error {}

/**
 * `lumbung restore FILE`: a backup into the empty database DATABASE_URL names, then the
 * migrations (a backup from an older version is brought up to date) and `verify`. Exit 0 only
 * when every invariant holds on the result.
 */
export async function restoreCommand(file: string): Promise<number> {
  const url = loadConfig().databaseUrl;
  try {
    const engine = engineOfUrl(url);
    if (!existsSync(file)) throw new Refused(`${file} does not exist.`);
    const kind = backupKind(file);
    if (!kind)
      throw new Refused(
        `${file} is neither a SQLite database nor a pg_dump custom-format archive: not a lumbung backup.`,
      );
    if (kind !== engine)
      throw new Refused(
        `${file} is a ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} backup but DATABASE_URL names a ${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'} database: restore it into a database of the same engine.`,
      );
    say(`Restoring ${file} (${formatBytes(statSync(file).size)}) …`);
    if (engine === 'sqlite') restoreSqlite(file, sqlitePathOf(url));
    else await restorePostgres(file, url);
  } catch (e) {
    console.error(e instanceof Refused ? e.message : `Restore failed: ${(e as Error).message}`);
    return 1;
  }

  const h = openDatabase(url);
  try {
    const migrated = await migrateToLatest(h.db);
    const applied = (migrated.results ?? []).map((r) => r.migrationName);
    console.log(
      applied.length
        ? `Migrated the restored database forward: ${applied.join(', ')}.`
        : 'The restored database was already at the latest migration.',
    );
    const report = await verifyDatabase(h.db);
    for (const c of report.checks.filter((x) => !x.ok)) {
      console.log(`FAIL ${c.name}`);
      for (const p of c.problems) console.log(`       - ${p}`);
    }
    const sales = await h.db
      .selectFrom('sale')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    console.log(
      report.ok
        ? `Restored into ${h.engine}: ${Number(sales.n).toLocaleString('en')} sales; verify: all ${report.checks.length} invariants hold.`
        : `Restored into ${h.engine}, but verify found DRIFT (above).`,
    );
    return report.ok ? 0 : 1;
  } finally {
    await h.close();
  }
}

/**
 * SQLite: only into a missing or empty file. The backup is checked, copied beside the target with
 * VACUUM INTO (one clean file), synced, then renamed into place.
 */
function restoreSqlite(file: string, path: string) {
  if (existsSync(path) && statSync(path).size > 0) {
    const db = new SQLite(path, { readonly: true, fileMustExist: true });
    let tables: string[];
    try {
      tables = sqliteTables(db);
    } finally {
      db.close();
    }
    if (tables.length)
      throw new Refused(
        `The database ${path} is not empty (${tables.length} tables): restore only into an empty database. Move it aside or point DATABASE_URL at a new file.`,
      );
  }
  if (existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0)
    throw new Refused(
      `${path}-wal holds writes not yet in ${path}: the database may not be empty. Stop whatever uses it and move both aside.`,
    );
  checkSqliteFile(file);
  mkdirSync(dirname(resolve(path)), { recursive: true });
  const partial = `${path}.${process.pid}.restoring`;
  const release = removeOnSignal(partial);
  try {
    const backup = new SQLite(file, { readonly: true, fileMustExist: true });
    try {
      backup.prepare('VACUUM INTO ?').run(partial);
    } finally {
      backup.close();
    }
    syncFile(partial);
    for (const stale of [`${path}-wal`, `${path}-shm`]) rmSync(stale, { force: true });
    renameSync(partial, path);
    syncFile(dirname(resolve(path)));
  } finally {
    rmSync(partial, { force: true });
    release();
  }
}

/**
 * PostgreSQL: only into a database without tables. pg_restore in one transaction, so a failure
 * leaves the database empty again; objects are owned by the user of DATABASE_URL.
 */
async function restorePostgres(file: string, url: string) {
  const conn = libpqConnection(url);
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (e) {
    if ((e as { code?: string }).code === '3D000')
      throw new Refused(
        `The database ${conn.shown} does not exist: create it empty first (createdb), then restore.`,
      );
    throw e;
  }
  try {
    const tables = await postgresTables(client);
    if (tables.length)
      throw new Refused(
        `The database ${conn.shown} is not empty (${tables.length} tables): restore only into an empty database. Create a new one (createdb) and point DATABASE_URL at it.`,
      );
  } finally {
    await client.end();
  }
  await listArchive(file);
  await runTool(
    findPgTool('pg_restore'),
    [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      '--no-password',
      `--dbname=${conn.dbname}`,
      file,
    ],
    conn.env,
  );
}
