import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Kysely } from 'kysely';
import { migrateToLatest, openDatabase } from '../../src/db/connection.ts';
import { migrations } from '../../src/db/migrations/index.ts';
import type { Database, Engine } from '../../src/db/database.ts';
import { probeDialect, routingReportDir } from '../../src/db/partition-probe.ts';
import { partitionTenantTables } from '../../src/db/tenant-partitions.ts';

const PG_URL = process.env.LUMBUNG_TEST_PG_URL;

/** `LUMBUNG_TEST_ENGINES=postgres` (`npm run test:routing`): only these engines. */
const ONLY = process.env.LUMBUNG_TEST_ENGINES?.split(',');
/** The engines this run tests: SQLite always, PostgreSQL when `npm test` could start it. */
export const ENGINES: Engine[] = (
  PG_URL ? (['sqlite', 'postgres'] as Engine[]) : (['sqlite'] as Engine[])
).filter((e) => !ONLY || ONLY.includes(e));
const migrationCount = () => Object.keys(migrations).length;
/** `npm run test:routing`: tenant tables hash-partitioned into this many (src/db/tenant-partitions.ts). */
const TENANT_PARTITIONS = Number(process.env.LUMBUNG_PG_TENANT_PARTITIONS ?? 0);

export interface TestDatabase {
  db: Kysely<Database>;
  engine: Engine;
  url: string;
  close(): Promise<void>;
}

let template: Promise<string> | undefined;
/**
 * A migrated database with its tenant tables hash-partitioned, which each test database copies:
 * built once per cluster (the test processes take turns under an advisory lock).
 */
function partitionedTemplate(): Promise<string> {
  template ??= (async () => {
    const name = `tpl_tenant_${TENANT_PARTITIONS}_${migrationCount()}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    try {
      await admin.query('select pg_advisory_lock(2212)');
      const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (found.rowCount) return name;
      await admin.query(`create database ${name}_wip`);
      const h = openDatabase(PG_URL!.replace(/\/[^/]*$/, `/${name}_wip`));
      await migrateToLatest(h.db);
      await h.db.transaction().execute((trx) => partitionTenantTables(trx, TENANT_PARTITIONS));
      await h.close();
      await admin.query(`alter database ${name}_wip rename to ${name}`);
      return name;
    } finally {
      await admin.end();
    }
  })();
  return template;
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
  const template = TENANT_PARTITIONS > 1 ? await partitionedTemplate() : undefined;
  await admin.query(
    `create database ${name}${template ? ` template ${template} strategy file_copy` : ''}`,
  );
  await admin.end();
  const url = PG_URL.replace(/\/[^/]*$/, `/${name}`);
  const h = openDatabase(url, {
    ...opts,
    ...(routingReportDir() ? { wrapDialect: probeDialect } : {}),
  });
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
