import { recordSales, type SaleInput } from '../src/core/consignment/index.ts';
import { seededRandom } from '../src/demo/random.ts';
import { newId } from '../src/core/shared/ids.ts';
import type { Engine } from '../src/db/database.ts';
import { timeReferenceInserts } from './reference.ts';
import { freshDatabase, progress, round, say, type BenchEntry } from './lib.ts';
import { buildBenchNetwork } from './network.ts';

const SALES_PER_BATCH = 100;

/**
 * `sales-posting`: sale lines per second through the core (batches of 100
 * sales of 1–3 lines: stock, both books, idempotency), against inserting the
 * same rows into plain tables of the same shape in the same database.
 */
export async function benchSalesPosting(engine: Engine): Promise<BenchEntry | undefined> {
  const h = await freshDatabase(engine, 'sales');
  if (!h) return undefined;
  const db = h.db;
  try {
    const batches = engine === 'sqlite' ? 200 : 100;
    const net = await buildBenchNetwork(db, {
      coops: 20,
      products: 10,
      stock: 5_000,
      startDate: '2026-03-01',
      label: `sales-posting/${engine}`,
    });
    const rnd = seededRandom(7);
    const inputs: { coopId: string; sales: SaleInput[] }[] = [];
    for (let b = 0; b < batches; b++) {
      const sales: SaleInput[] = [];
      for (let s = 0; s < SALES_PER_BATCH; s++) {
        const n = rnd.int(1, 3);
        const picked = new Set<number>();
        while (picked.size < n) picked.add(rnd.int(0, net.products.length - 1));
        sales.push({
          id: newId(),
          occurredAt: new Date(
            Date.parse('2026-03-01T01:00:00Z') + b * 60_000 + s * 500,
          ).toISOString(),
          paymentMethod: 'cash',
          lines: [...picked].map((i) => ({
            productId: net.products[i]!.id,
            qty: rnd.int(1, 5),
            unitPrice: 17_500,
          })),
        });
      }
      inputs.push({ coopId: net.coops[b % net.coops.length]!.id, sales });
    }
    const lines = inputs.reduce((t, b) => t + b.sales.reduce((u, s) => u + s.lines.length, 0), 0);

    // The core, batch after batch, each batch one transaction as the API runs it.
    const t0 = performance.now();
    for (const [i, b] of inputs.entries()) {
      const res = await db
        .transaction()
        .execute((trx) => recordSales(trx, net.ctx, b.coopId, b.sales));
      if (res.some((r) => r.status !== 'created'))
        throw new Error(
          `bench sale refused: ${JSON.stringify(res.find((r) => r.status !== 'created'))}`,
        );
      progress(`sales-posting/${engine}: core`, i + 1, inputs.length);
    }
    const coreMs = performance.now() - t0;

    // The reference: the same rows the core wrote, inserted into plain tables, batch by batch.
    const refMs = await timeReferenceInserts(
      db,
      { docType: 'sale', header: 'sale', lines: 'saleLine', lineDocColumn: 'saleId' },
      inputs.map((b) => b.sales.map((s) => s.id)),
    );
    const value = round(lines / (coreMs / 1000), 0);
    const reference = round(lines / (refMs / 1000), 0);
    say(
      `  sales-posting/${engine}: ${lines} lines; core ${round(coreMs / 1000)} s, reference ${round(refMs / 1000)} s`,
    );
    return {
      name: 'sales-posting',
      engine,
      value,
      unit: 'lines/s',
      reference: reference,
      referenceName: 'same rows into plain tables, same database',
      referenceUnit: 'lines/s',
      ratio: round(value / reference, 3),
      target: 'ratio ≥ 0.25',
      note: `${batches} batches × ${SALES_PER_BATCH} sales, ${lines} lines`,
    };
  } finally {
    await h.close();
  }
}
