import { sql } from 'kysely';
import { createStockCount } from '../src/core/consignment/index.ts';
import { newId } from '../src/core/shared/ids.ts';
import { seededRandom } from '../src/demo/random.ts';
import type { Engine } from '../src/db/database.ts';
import { freshDatabase, progress, round, say, type BenchEntry } from './lib.ts';
import { buildBenchNetwork } from './network.ts';

const LOCATIONS = 500;
const PRODUCTS = 40;

/**
 * `stock-count`: a 20,000-line count over 500 locations (each cooperative's
 * store, 40 products): expected from the balances, variances moved to or from
 * loss, shortages charged in both books. Reference: the same rows inserted
 * into plain tables of the same shape in the same database.
 */
export async function benchStockCount(engine: Engine): Promise<BenchEntry | undefined> {
  const h = await freshDatabase(engine, 'count');
  if (!h) return undefined;
  const db = h.db;
  try {
    const net = await buildBenchNetwork(db, {
      coops: LOCATIONS,
      products: PRODUCTS,
      stock: 50,
      startDate: '2026-03-01',
      label: `stock-count/${engine}`,
    });
    const rnd = seededRandom(11);
    const countedAt = net.ctx.clock.now().toISOString();
    const counts = net.coops.map((c) => ({
      coopId: c.id,
      input: {
        id: newId(),
        countedAt,
        lines: net.products.map((p) => {
          const r = rnd.next();
          return {
            productId: p.id,
            qtyCounted: r < 0.7 ? 50 : r < 0.9 ? 50 - rnd.int(1, 3) : 50 + rnd.int(1, 2),
          };
        }),
      },
    }));
    const lines = counts.length * PRODUCTS;
    const t0 = performance.now();
    for (const [i, c] of counts.entries()) {
      await db.transaction().execute((trx) => createStockCount(trx, net.ctx, c.coopId, c.input));
      progress(`stock-count/${engine}: counting`, i + 1, counts.length);
    }
    const coreMs = performance.now() - t0;

    // Reference: the rows the counts wrote, into plain tables, one transaction per location.
    for (const [name, from] of [
      ['ref_stock_count', 'stock_count'],
      ['ref_stock_count_line', 'stock_count_line'],
      ['ref_stock_move', 'stock_move'],
      ['ref_journal_entry', 'journal_entry'],
      ['ref_journal_line', 'journal_line'],
    ] as const) {
      await sql`create table ${sql.table(name)} as select * from ${sql.table(from)} where 1 = 0`.execute(
        db,
      );
    }
    const ids = counts.map((c) => c.input.id);
    const [heads, clines, moves, entries, jlines] = await Promise.all([
      db.selectFrom('stockCount').selectAll().execute(),
      db.selectFrom('stockCountLine').selectAll().execute(),
      db.selectFrom('stockMove').selectAll().where('docType', '=', 'stock_count').execute(),
      db.selectFrom('journalEntry').selectAll().where('docType', '=', 'stock_count').execute(),
      db
        .selectFrom('journalLine as l')
        .innerJoin('journalEntry as e', (j) =>
          j.onRef('e.orgId', '=', 'l.orgId').onRef('e.id', '=', 'l.entryId'),
        )
        .selectAll('l')
        .where('e.docType', '=', 'stock_count')
        .execute(),
    ]);
    const entryDoc = new Map(entries.map((e) => [e.id, e.docId]));
    const group = <T>(rows: T[], key: (r: T) => string) => {
      const m = new Map<string, T[]>();
      for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
      return m;
    };
    const by = {
      head: group(heads, (r) => r.id),
      line: group(clines, (r) => r.countId),
      move: group(moves, (r) => r.docId),
      entry: group(entries, (r) => r.docId),
      jl: group(jlines, (r) => entryDoc.get(r.entryId)!),
    };
    const r0 = performance.now();
    for (const id of ids) {
      await db.transaction().execute(async (trx) => {
        for (const [table, rows] of [
          ['refStockCount', by.head.get(id)],
          ['refStockCountLine', by.line.get(id)],
          ['refStockMove', by.move.get(id)],
          ['refJournalEntry', by.entry.get(id)],
          ['refJournalLine', by.jl.get(id)],
        ] as const) {
          // eslint-disable-next-line @typescript-eslint/no-explicit-any
          if (rows?.length) await (trx as any).insertInto(table).values(rows).execute();
        }
      });
    }
    const refMs = performance.now() - r0;
    say(
      `  stock-count/${engine}: ${lines} lines over ${counts.length} locations; core ${round(coreMs / 1000)} s, reference ${round(refMs / 1000)} s`,
    );
    return {
      name: 'stock-count',
      engine,
      value: round(coreMs / 1000, 3),
      unit: 's',
      reference: round(refMs / 1000, 3),
      referenceName: 'same rows into plain tables, same database',
      referenceUnit: 's',
      ratio: round(refMs / coreMs, 3),
      target: engine === 'sqlite' ? '< 2 s' : undefined,
      note: `${lines} lines, ${counts.length} locations × ${PRODUCTS} products, one transaction per location`,
    };
  } finally {
    await h.close();
  }
}
