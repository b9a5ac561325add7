import { sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCredentials } from '../src/core/access/index.ts';
import { recordSales } from '../src/core/consignment/index.ts';
import { verifyDatabase } from '../src/core/integrity/index.ts';
import { fixedClock } from '../src/core/shared/clock.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../src/db/connection.ts';
import type { Database, Engine } from '../src/db/database.ts';
import { migrations } from '../src/db/migrations/index.ts';
import { buildRelease01Database } from './fixtures/release-0.1/build.ts';
import { emptyDatabases } from './helpers/empty-database.ts';
import { ENGINES } from './helpers/engines.ts';

/**
 * An index release 0.1 created that a later edit of its landed migration dropped (7e0a8ff, "drop
 * an unused stock_move index"): a database upgraded from 0.1 still has it, a new one does not.
 */
const LEFT_FROM_0_1 = ['stock_move_doc_idx'];

async function schemaOf(db: Kysely<Database>, engine: Engine) {
  // PostgreSQL's month partitions (and their indexes) start at the oldest row's month: not compared.
  const partitions =
    engine === 'sqlite'
      ? new Set<string>()
      : new Set(
          (
            await sql<{ name: string }>`select relname as name from pg_class
              where relispartition`.execute(db)
          ).rows.map((r) => r.name),
        );
  const tables = (await db.introspection.getTables())
    .filter((t) => !partitions.has(t.name))
    .map((t) => ({
      name: t.name,
      columns: t.columns
        .map((c) => `${c.name} ${c.dataType}${c.isNullable ? '' : ' not null'}`)
        .sort(),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const indexes =
    engine === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master
          where type = 'index' and name not like 'sqlite_autoindex%'`.execute(db)
      : await sql<{ name: string }>`select indexname as name from pg_indexes
          where schemaname = current_schema()`.execute(db);
  const names = indexes.rows.map((r) => r.name).filter((name) => !partitions.has(name));
  return { tables, indexes: names.sort() };
}

const facts = (db: Kysely<Database>) =>
  Promise.all([
    db
      .selectFrom('sale')
      .select(['id', 'totalAmount', 'consignmentAmount', 'statementId'])
      .orderBy('id')
      .execute(),
    db
      .selectFrom('accountBalance')
      .selectAll()
      .orderBy('orgId')
      .orderBy('accountCode')
      .orderBy('counterpartyOrgId')
      .execute(),
    db.selectFrom('statement').select(['id', 'closingBalance']).orderBy('id').execute(),
  ]);

for (const engine of ENGINES) {
  describe(`a database made by release 0.1 (f91c811), upgraded on ${engine}`, () => {
    const empty = emptyDatabases(engine);
    let old: DatabaseHandle;
    let before: Awaited<ReturnType<typeof facts>>;

    beforeAll(async () => {
      old = openDatabase(await empty.create());
      await buildRelease01Database(old.db);
      before = await facts(old.db);
    });
    afterAll(async () => {
      await old.close();
      await empty.dropAll();
    });

    it("is the first release's: one migration, its sales posted one entry each", async () => {
      const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(
        old.db,
      );
      expect(applied.rows.map((r) => r.name)).toEqual(['2026_11_28_1500_create_core_tables']);
      expect(before[0]).toHaveLength(7);
      const saleEntries = await old.db
        .selectFrom('journalEntry')
        .select('docType')
        .where('docType', '=', 'sale')
        .execute();
      expect(saleEntries.length).toBeGreaterThanOrEqual(7);
    });

    it("migrates forward with today's migrations, keeps every fact, and verify passes", async () => {
      const result = await migrateToLatest(old.db);
      expect(result.results?.map((r) => [r.migrationName, r.status])).toEqual(
        Object.keys(migrations)
          .filter((name) => name !== '2026_11_28_1500_create_core_tables')
          .map((name) => [name, 'Success']),
      );
      expect(await facts(old.db)).toEqual(before);
      const report = await verifyDatabase(old.db);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      expect(report.ok).toBe(true);
    });

    it('ends with the schema of a new database (tables, columns, indexes but the one 0.1 left)', async () => {
      const fresh = openDatabase(await empty.create());
      try {
        await migrateToLatest(fresh.db);
        const upgraded = await schemaOf(old.db, engine);
        const made = await schemaOf(fresh.db, engine);
        expect(upgraded.tables).toEqual(made.tables);
        expect(upgraded.indexes.filter((i) => !LEFT_FROM_0_1.includes(i))).toEqual(made.indexes);
      } finally {
        await fresh.close();
      }
    });

    it("takes today's commands: its cashier logs in, a new sale posts, and verify still passes", async () => {
      const cashier = await checkCredentials(old.db, 'kasir@sipin.rilis01.test', 'rilis-0.1-sandi');
      const coopId = cashier.memberships[0]!.orgId;
      const product = await old.db
        .selectFrom('product')
        .select('id')
        .where('sku', '=', 'GKP-1')
        .executeTakeFirstOrThrow();
      const clock = fixedClock('2026-03-12T03:00:00Z');
      const id = uuidv7();
      const res = await old.db.transaction().execute((trx) =>
        recordSales(trx, { clock, actor: { userId: cashier.id, role: 'coop_cashier' } }, coopId, [
          {
            id,
            occurredAt: '2026-03-12T02:00:00Z',
            paymentMethod: 'cash',
            lines: [{ productId: product.id, qty: 3, unitPrice: 17_500 }],
          },
        ]),
      );
      expect(res).toEqual([{ id, status: 'created' }]);
      const report = await verifyDatabase(old.db);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    });
  });
}
