import { randomUUID } from 'node:crypto';
import { CompiledQuery, sql, type Compilable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consignGula } from '../../test/helpers/consigned-stock.ts';
import { ENGINES } from '../../test/helpers/engines.ts';
import {
  buildHttpFixture,
  callAs,
  tokenOfNewUser,
  type HttpFixture,
} from '../../test/helpers/http.ts';
import { verifyDatabase } from '../core/integrity/index.ts';
import { monthOf, wibDateOf } from '../core/shared/business-date.ts';
import {
  MONTH_PARTITIONED,
  ensureMonthPartitions,
  listMonthPartitions,
  monthPlus,
  type MonthPartitionedTable,
} from './month-partitions.ts';

/** The relations a plan reads (`Relation Name` of every node), from `EXPLAIN (FORMAT JSON)`. */
function relationsOf(plan: unknown): string[] {
  if (!plan || typeof plan !== 'object') return [];
  const node = plan as Record<string, unknown>;
  const own = typeof node['Relation Name'] === 'string' ? [node['Relation Name']] : [];
  const inner = [node['Plan'], ...((node['Plans'] as unknown[] | undefined) ?? [])];
  return [...own, ...inner.flatMap(relationsOf)];
}

for (const engine of ENGINES) {
  describe(`monthly partitions of journal_line, stock_move and sale_line (${engine})`, () => {
    const postgres = engine === 'postgres';
    let f: HttpFixture;
    beforeAll(async () => {
      f = await buildHttpFixture(engine);
    });
    afterAll(async () => {
      await f?.close();
    });

    const coop = () => f.n.coopA.id;
    const months = async (table: MonthPartitionedTable) =>
      (await listMonthPartitions(f.t.db, table)).months.map((p) => p.month);
    /** Rows per partition (PostgreSQL). */
    const rowsByPartition = async (table: MonthPartitionedTable) => {
      const r = await sql<{ part: string; n: number }>`
        select tableoid::regclass::text as part, count(*)::int as n
          from ${sql.id(table)} group by 1 order by 1`.execute(f.t.db);
      return Object.fromEntries(r.rows.map((x) => [x.part, x.n]));
    };
    const scanned = async (query: Compilable) => {
      const c = query.compile();
      const r = await f.t.db.executeQuery(
        CompiledQuery.raw(`explain (format json) ${c.sql}`, [...c.parameters]),
      );
      const cell = Object.values(r.rows[0] as object)[0] as unknown;
      const plan = (typeof cell === 'string' ? JSON.parse(cell) : cell) as unknown[];
      return relationsOf(plan[0]);
    };
    const sell = async (occurredAt: string, qty: number) => {
      const res = await callAs(f, 'cashierA', 'POST', `/api/v1/cooperatives/${coop()}/sales`, {
        sales: [
          {
            id: randomUUID(),
            occurredAt,
            paymentMethod: 'cash',
            lines: [{ productId: f.n.gula1.id, qty, unitPrice: 17_500 }],
          },
        ],
      });
      expect(res.statusCode, res.body).toBe(200);
    };

    it('are partitioned by range of their date on PostgreSQL, from this month to 3 months ahead; SQLite keeps plain tables', async () => {
      if (!postgres) {
        for (const { table } of MONTH_PARTITIONED)
          expect(await listMonthPartitions(f.t.db, table)).toEqual({
            partitioned: false,
            months: [],
          });
        return;
      }
      const keys = await sql<{ table: string; key: string }>`
        select partrelid::regclass::text as table, pg_get_partkeydef(partrelid) as key
          from pg_partitioned_table order by 1`.execute(f.t.db);
      expect(keys.rows).toEqual([
        { table: 'journal_line', key: 'RANGE (entry_date)' },
        { table: 'sale_line', key: 'RANGE (sale_date)' },
        { table: 'stock_move', key: 'RANGE (move_date)' },
      ]);
      // Made empty: the current month (WIB, by the database's clock) and the 3 after it.
      const now = monthOf(wibDateOf(new Date()));
      for (const { table } of MONTH_PARTITIONED) {
        const p = await listMonthPartitions(f.t.db, table);
        expect(p.defaultName).toBe(`${table}_default`);
        expect(p.months.map((m) => m.month)).toEqual([0, 1, 2, 3].map((n) => monthPlus(now, n)));
        expect(p.months[0]!.name).toBe(`${table}_${now.replace('-', '_')}`);
      }
    });

    it('ensureMonthPartitions creates missing months, moving the rows the default partition held; a second call does nothing', async () => {
      // The fixture's clock is 10 March 2026: the consignment's rows have no month partition yet.
      await consignGula(f, coop(), 40);
      const waiting = postgres
        ? {
            journal_line: (await rowsByPartition('journal_line'))['journal_line_default']!,
            stock_move: (await rowsByPartition('stock_move'))['stock_move_default']!,
          }
        : undefined;
      if (waiting) expect(waiting.journal_line).toBeGreaterThan(0);

      const made = await ensureMonthPartitions(f.t.db, { from: '2026-02', to: '2026-04' });
      if (!postgres) {
        expect(made).toEqual({ created: [], moved: 0 });
        return;
      }
      expect(made).toEqual({
        created: MONTH_PARTITIONED.flatMap(({ table }) =>
          ['2026_02', '2026_03', '2026_04'].map((m) => `${table}_${m}`),
        ),
        moved: waiting!.journal_line + waiting!.stock_move,
      });
      expect(await rowsByPartition('journal_line')).toEqual({
        journal_line_2026_03: waiting!.journal_line,
      });
      expect(await rowsByPartition('stock_move')).toEqual({
        stock_move_2026_03: waiting!.stock_move,
      });
      expect(await ensureMonthPartitions(f.t.db, { from: '2026-02', to: '2026-04' })).toEqual({
        created: [],
        moved: 0,
      });
    });

    it("a cashier's sales of March and of April land in their months' partitions", async () => {
      await sell('2026-03-10T04:00:00Z', 12);
      f.n.clock.set('2026-04-14T03:00:00Z');
      await sell('2026-04-14T02:00:00Z', 5);
      const lines = await f.t.db
        .selectFrom('saleLine')
        .select(['saleDate', 'qty'])
        .where('orgId', '=', coop())
        .orderBy('saleDate')
        .execute();
      expect(lines).toEqual([
        { saleDate: '2026-03-10', qty: 12 },
        { saleDate: '2026-04-14', qty: 5 },
      ]);
      if (!postgres) return;
      expect(await rowsByPartition('sale_line')).toEqual({
        sale_line_2026_03: 1,
        sale_line_2026_04: 1,
      });
      for (const table of ['journal_line', 'stock_move'] as const)
        expect(Object.keys(await rowsByPartition(table))).toEqual([
          `${table}_2026_03`,
          `${table}_2026_04`,
        ]);
    });

    it("a query of one cooperative's month scans that month's partition only", async () => {
      const journal = f.t.db
        .selectFrom('journalLine')
        .select(['entryId', 'accountCode', 'debit', 'credit'])
        .where('orgId', '=', coop())
        .where('entryDate', '>=', '2026-04-01')
        .where('entryDate', '<=', '2026-04-30');
      const sales = f.t.db
        .selectFrom('saleLine')
        .select(['saleId', 'qty', 'unitPrice'])
        .where('orgId', '=', coop())
        .where('saleDate', '>=', '2026-03-01')
        .where('saleDate', '<', '2026-04-01');
      const moves = f.t.db
        .selectFrom('stockMove')
        .select(['docType', 'qty'])
        .where('orgId', '=', coop())
        .where('moveDate', '>=', '2026-04-01')
        .where('moveDate', '<=', '2026-04-30');
      expect((await journal.execute()).length).toBeGreaterThan(0);
      expect(await sales.execute()).toHaveLength(1);
      expect((await moves.execute()).length).toBeGreaterThan(0);
      if (!postgres) return;
      expect(await scanned(journal)).toEqual(['journal_line_2026_04']);
      expect(await scanned(sales)).toEqual(['sale_line_2026_03']);
      expect(await scanned(moves)).toEqual(['stock_move_2026_04']);
    });

    it('the month-partitions job, run by the hub admin, creates the coming months and catches up; run again, nothing', async () => {
      f.n.clock.set('2027-06-15T03:00:00Z');
      const admin = await tokenOfNewUser(f, 'admin-2027@lumbung.test', {
        orgId: f.n.hub.id,
        role: 'hub_admin',
      });
      const run = async () => {
        const res = await f.app.inject({
          method: 'POST',
          url: '/api/v1/jobs/month-partitions/run',
          headers: { authorization: `Bearer ${admin}` },
        });
        expect(res.statusCode, res.body).toBe(200);
        return res.json() as { status: string; result: { summary: string; changed: number } };
      };
      const first = await run();
      expect(first.status).toBe('ok');
      if (!postgres) {
        expect(first.result).toMatchObject({
          summary: 'Tidak ada tabel berpartisi (SQLite)',
          changed: 0,
        });
        return;
      }
      expect(first.result.summary).toMatch(/^Partisi bulanan s\.d\. 2027-09: \d+ dibuat$/);
      for (const { table } of MONTH_PARTITIONED)
        expect(await months(table)).toEqual(
          expect.arrayContaining([
            '2027-04',
            '2027-05',
            '2027-06',
            '2027-07',
            '2027-08',
            '2027-09',
          ]),
        );
      expect((await run()).result).toMatchObject({
        summary: 'Partisi bulanan s.d. 2027-09: sudah ada semua',
        changed: 0,
      });
    });

    it('a month partition hash-partitioned by org_id is the model for the next month, which takes its rows from the default', async () => {
      if (!postgres) return;
      await sql`create table journal_line_2030_01 partition of journal_line
        for values from ('2030-01-01') to ('2030-02-01') partition by hash (org_id)`.execute(
        f.t.db,
      );
      for (let r = 0; r < 4; r++)
        await sql`create table ${sql.id(`journal_line_2030_01_p0${r}`)} partition of journal_line_2030_01
          for values with (modulus 4, remainder ${sql.lit(r)})`.execute(f.t.db);
      // A line dated February 2030 waits in the default partition.
      const line = await f.t.db
        .selectFrom('journalLine')
        .selectAll()
        .where('orgId', '=', coop())
        .limit(1)
        .executeTakeFirstOrThrow();
      const far = { ...line, entryDate: '2030-02-10' };
      await f.t.db.insertInto('journalLine').values(far).execute();

      const made = await ensureMonthPartitions(f.t.db, { from: '2030-02', to: '2030-02' });
      expect(made.created).toEqual([
        'journal_line_2030_02',
        'stock_move_2030_02',
        'sale_line_2030_02',
      ]);
      expect(made.moved).toBe(1);
      const subs = await sql<{ name: string; bound: string }>`
        select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound
          from pg_inherits i join pg_class c on c.oid = i.inhrelid
         where i.inhparent = 'journal_line_2030_02'::regclass order by 1`.execute(f.t.db);
      expect(subs.rows).toEqual(
        [0, 1, 2, 3].map((r) => ({
          name: `journal_line_2030_02_p0${r}`,
          bound: `FOR VALUES WITH (modulus 4, remainder ${r})`,
        })),
      );
      const where = await sql<{ part: string }>`
        select tableoid::regclass::text as part from journal_line
         where entry_date = '2030-02-10'`.execute(f.t.db);
      expect(where.rows).toHaveLength(1);
      expect(where.rows[0]!.part).toMatch(/^journal_line_2030_02_p0[0-3]$/);
      expect((await listMonthPartitions(f.t.db, 'stock_move')).months.at(-1)).toEqual({
        name: 'stock_move_2030_02',
        month: '2030-02',
      });
      await f.t.db
        .deleteFrom('journalLine')
        .where('orgId', '=', far.orgId)
        .where('entryDate', '=', far.entryDate)
        .execute();
    });

    it('lumbung verify passes', async () => {
      const report = await verifyDatabase(f.t.db);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    });
  });
}
