import { createStockCount } from '../src/core/consignment/index.ts';
import { newId } from '../src/core/shared/ids.ts';
import { seededRandom } from '../src/demo/random.ts';
import type { Engine } from '../src/db/database.ts';
import { timeReferenceInserts } from './reference.ts';
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
    const refMs = await timeReferenceInserts(
      db,
      {
        docType: 'stock_count',
        header: 'stockCount',
        lines: 'stockCountLine',
        lineDocColumn: 'countId',
      },
      counts.map((c) => [c.input.id]),
    );
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
