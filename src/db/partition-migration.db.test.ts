import { randomUUID } from 'node:crypto';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consignGula } from '../../test/helpers/consigned-stock.ts';
import { ENGINES } from '../../test/helpers/engines.ts';
import { buildHttpFixture, callAs, type HttpFixture } from '../../test/helpers/http.ts';
import { verifyDatabase } from '../core/integrity/index.ts';
import { monthOf, wibDateOf } from '../core/shared/business-date.ts';
import { migrations } from './migrations/index.ts';
import { MONTH_PARTITIONED, listMonthPartitions, monthPlus } from './month-partitions.ts';

const BEFORE = '2026_12_06_1800_add_year_end';

/**
 * A database with rows in the three fact tables at the migration before the
 * monthly partitions (taken back to it: `down` makes plain tables again, rows
 * kept) keeps every row, constraint and index when migrated to the latest; on
 * PostgreSQL its months start at its earliest row's.
 */
for (const engine of ENGINES) {
  describe(`the monthly partitions migration on a database with rows (${engine})`, () => {
    const postgres = engine === 'postgres';
    let f: HttpFixture;
    const migrator = () =>
      new Migrator({ db: f.t.db, provider: { getMigrations: async () => migrations } });
    const rows = () =>
      Promise.all([
        f.t.db
          .selectFrom('journalLine')
          .selectAll()
          .orderBy(['orgId', 'entryDate', 'entryId', 'lineNo'])
          .execute(),
        f.t.db.selectFrom('stockMove').selectAll().orderBy(['orgId', 'moveDate', 'id']).execute(),
        f.t.db
          .selectFrom('saleLine')
          .selectAll()
          .orderBy(['orgId', 'saleDate', 'saleId', 'lineNo'])
          .execute(),
      ]);
    /** Constraints and indexes of the three tables themselves (PostgreSQL). */
    const schema = async () => {
      const constraints = await sql<{ table: string; name: string; def: string }>`
        select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as def
          from pg_constraint
         where conrelid in ('journal_line'::regclass, 'stock_move'::regclass, 'sale_line'::regclass)
         order by 1, 2`.execute(f.t.db);
      const indexes = await sql<{ name: string }>`
        select indexname as name from pg_indexes
         where tablename in ('journal_line', 'stock_move', 'sale_line') order by 1`.execute(f.t.db);
      return { constraints: constraints.rows, indexes: indexes.rows.map((r) => r.name) };
    };
    const partitioned = async () =>
      (
        await sql<{ name: string }>`select partrelid::regclass::text as name
          from pg_partitioned_table order by 1`.execute(f.t.db)
      ).rows.map((r) => r.name);

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      const coop = f.n.coopA.id;
      await consignGula(f, coop, 40);
      for (const [at, qty] of [
        ['2026-03-10T04:00:00Z', 12],
        ['2026-03-31T16:59:00Z', 3],
        ['2026-04-01T01:00:00Z', 4],
      ] as const) {
        f.n.clock.set(new Date(Date.parse(at) + 3_600_000).toISOString());
        const res = await callAs(f, 'cashierA', 'POST', `/api/v1/cooperatives/${coop}/sales`, {
          sales: [
            {
              id: randomUUID(),
              occurredAt: at,
              paymentMethod: 'cash',
              lines: [{ productId: f.n.gula1.id, qty, unitPrice: 17_500 }],
            },
          ],
        });
        expect(res.statusCode, res.body).toBe(200);
      }
    });
    afterAll(async () => {
      await f?.close();
    });

    it('keeps every row, constraint and index, back to plain tables and partitioned again', async () => {
      const before = await rows();
      expect(before[2].map((l) => l.saleDate)).toEqual(['2026-03-10', '2026-03-31', '2026-04-01']);
      const down = await migrator().migrateTo(BEFORE);
      if (down.error) throw down.error;
      expect(await rows()).toEqual(before);
      let plain: Awaited<ReturnType<typeof schema>> | undefined;
      if (postgres) {
        expect(await partitioned()).toEqual([]);
        // An index of the plain table (release 0.1 left one on stock_move) is kept too.
        await sql`create index stock_move_doc_idx on stock_move (org_id, doc_type, doc_id)`.execute(
          f.t.db,
        );
        plain = await schema();
        expect(plain.indexes).toEqual([
          'journal_line_pkey',
          'sale_line_pkey',
          'stock_move_doc_idx',
          'stock_move_pkey',
        ]);
      }

      const up = await migrator().migrateToLatest();
      if (up.error) throw up.error;
      expect(up.results?.map((r) => r.migrationName)).toContain(
        '2026_12_07_0300_partition_facts_by_month',
      );
      expect(await rows()).toEqual(before);
      const report = await verifyDatabase(f.t.db);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      if (!postgres) return;
      expect(await partitioned()).toEqual(['journal_line', 'sale_line', 'stock_move']);
      expect(await schema()).toEqual(plain);
      // From the earliest row's month (March 2026) to 3 months after the current one; nothing in the default.
      const now = monthOf(wibDateOf(new Date()));
      const expected: string[] = [];
      for (let m = '2026-03'; m <= monthPlus(now, 3); m = monthPlus(m, 1)) expected.push(m);
      for (const { table, column } of MONTH_PARTITIONED) {
        const p = await listMonthPartitions(f.t.db, table);
        expect(p.months.map((x) => x.month)).toEqual(expected);
        const left = await sql<{
          n: number;
        }>`select count(*)::int as n from ${sql.id(`${table}_default`)}`.execute(f.t.db);
        expect({ table, column, left: left.rows[0]!.n }).toEqual({ table, column, left: 0 });
      }
      const april = await sql<{
        n: number;
      }>`select count(*)::int as n from sale_line_2026_04`.execute(f.t.db);
      expect(april.rows[0]!.n).toBe(1);
    });
  });
}
