import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Kysely } from 'kysely';
import { migrateToLatest, openDatabase } from '../../src/db/connection.ts';
import type { Database, Engine } from '../../src/db/database.ts';

const PG_URL = process.env.LUMBUNG_TEST_PG_URL;

/** The engines this run tests: SQLite always, PostgreSQL when `npm test` could start it. */
export const ENGINES: Engine[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase {
  db: Kysely<Database>;
  engine: Engine;
  url: string;
  close(): Promise<void>;
}

/** A freshly migrated, empty database of the engine: in memory for SQLite, a new database for PostgreSQL. */
export async function createTestDatabase(
  engine: Engine,
  opts: { poolSize?: number } = {},
): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const h = openDatabase(':memory:');
    await migrateToLatest(h.db);
    return h;
  }
  if (!PG_URL) throw new Error('PostgreSQL is not available in this run');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = PG_URL.replace(/\/[^/]*$/, `/${name}`);
  const h = openDatabase(url, opts);
  await migrateToLatest(h.db);
  return {
    ...h,
    async close() {
      await h.close();
      const a = new pg.Client({ connectionString: PG_URL });
      await a.connect();
      // Let the closed pool's sessions finish leaving first: forcing them out while a client is
      // still ending makes pg raise "terminating connection" as an uncaught error in the test.
      for (let i = 0; i < 50; i++) {
        const r = await a.query<{ n: string }>(
          'select count(*) as n from pg_stat_activity where datname = $1',
          [name],
        );
        if (Number(r.rows[0]?.n ?? 0) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
