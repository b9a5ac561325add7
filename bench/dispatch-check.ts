import { sql } from 'kysely';
import {
  createDeliveryOrder,
  createGoodsReceipt,
  dispatchDeliveryOrder,
  receiveDeliveryOrder,
  recordSales,
  type SaleInput,
} from '../src/core/consignment/index.ts';
import { closeSettlementPeriod, recordPayment } from '../src/core/settlement/index.ts';
import { addDays, addMonths, lastDayOfMonth } from '../src/core/shared/business-date.ts';
import { newId } from '../src/core/shared/ids.ts';
import { runMonthlySubsidy } from '../src/core/subsidy/index.ts';
import { seededRandom } from '../src/demo/random.ts';
import type { Engine } from '../src/db/database.ts';
import { freshDatabase, percentile, progress, round, say, type BenchEntry } from './lib.ts';
import { buildBenchNetwork } from './network.ts';

/** Cooperatives (Jambi province); BENCH_DISPATCH_COOPS for a toy run. */
const COOPS = Number(process.env.BENCH_DISPATCH_COOPS ?? 1_585);
const SAMPLES = 300;

/**
 * `dispatch-check`: the exposure check and dispatch of a delivery order, with
 * 1,585 cooperatives (Jambi province) and a year of history each (monthly
 * sales, quarterly deliveries, monthly statements, payments, subsidy runs).
 * Reference: the same writes a dispatch makes, as raw statements on plain
 * tables in one transaction.
 */
export async function benchDispatchCheck(engine: Engine): Promise<BenchEntry | undefined> {
  const h = await freshDatabase(engine, 'dispatch');
  if (!h) return undefined;
  const db = h.db;
  try {
    const first = '2025-03';
    const net = await buildBenchNetwork(db, {
      coops: COOPS,
      products: 5,
      stock: 0,
      startDate: `${first}-01`,
      exposureLimit: 500_000_000,
      label: `dispatch-check/${engine}`,
    });
    const { ctx, hub, coops, products } = net;
    const rnd = seededRandom(3);
    const tx = <T>(fn: (trx: typeof db) => Promise<T>) => db.transaction().execute(fn);
    await tx((trx) =>
      createGoodsReceipt(trx, ctx, hub.id, {
        supplierName: 'PT Bench',
        lines: products.map((p) => ({ productId: p.id, qty: 5_000_000, unitCost: 15_000 })),
      }),
    );
    for (let m = 0; m < 12; m++) {
      const month = addMonths(first, m);
      ctx.clock.set(`${month}-02T03:00:00Z`);
      for (const [i, c] of coops.entries()) {
        if (m % 3 === 0) {
          const d = await tx((trx) =>
            createDeliveryOrder(trx, ctx, {
              cooperativeId: c.id,
              lines: products.map((p) => ({ productId: p.id, qty: 300 })),
            }),
          );
          const sent = await tx((trx) => dispatchDeliveryOrder(trx, ctx, d.id)).catch(
            (e: { code?: string }) => {
              if (e.code === 'ShippingHold' || e.code === 'ExposureLimitExceeded') return undefined;
              throw e;
            },
          );
          if (sent) {
            await tx((trx) =>
              receiveDeliveryOrder(trx, ctx, d.id, {
                lines: products.map((p) => ({ productId: p.id, qtyReceived: 300 })),
              }),
            );
          }
        }
        const sales: SaleInput[] = Array.from({ length: 10 }, (_, k) => ({
          id: newId(),
          occurredAt: `${addDays(`${month}-01`, k * 2)}T03:00:00.000Z`,
          paymentMethod: 'cash',
          lines: [
            {
              productId: products[rnd.int(0, products.length - 1)]!.id,
              qty: rnd.int(5, 30),
              unitPrice: 17_500,
            },
          ],
        }));
        ctx.clock.set(`${lastDayOfMonth(month)}T12:00:00Z`);
        await tx((trx) => recordSales(trx, ctx, c.id, sales));
        ctx.clock.set(`${month}-02T03:00:00Z`);
        progress(`dispatch-check/${engine}: history ${month}`, i + 1, coops.length);
      }
      const next = addMonths(month, 1);
      ctx.clock.set(`${next}-01T03:00:00Z`);
      const statements = await tx((trx) =>
        closeSettlementPeriod(trx, ctx, hub.id, { periodEnd: lastDayOfMonth(month) }),
      );
      ctx.clock.set(`${next}-02T03:00:00Z`);
      await tx((trx) => runMonthlySubsidy(trx, ctx, hub.id, { month }));
      ctx.clock.set(`${next}-10T03:00:00Z`);
      for (const s of statements) {
        // Most pay in full; one in twenty pays half and carries the rest.
        const amount = rnd.chance(0.05) ? Math.floor(s.closingBalance / 2) : s.closingBalance;
        if (amount > 0)
          await tx((trx) =>
            recordPayment(trx, ctx, s.orgId, {
              id: newId(),
              amount,
              method: 'transfer',
              reference: `TRF ${s.periodEnd}`,
            }),
          );
      }
    }
    // The measured dispatches: draft orders to cooperatives picked at random.
    ctx.clock.set(`${addMonths(first, 12)}-15T03:00:00Z`);
    const drafts = [];
    for (let i = 0; i < SAMPLES; i++) {
      const c = coops[rnd.int(0, coops.length - 1)]!;
      drafts.push(
        await tx((trx) =>
          createDeliveryOrder(trx, ctx, {
            cooperativeId: c.id,
            lines: products.slice(0, 3).map((p) => ({ productId: p.id, qty: rnd.int(10, 60) })),
          }),
        ),
      );
    }
    const times: number[] = [];
    const outcomes = new Map<string, number>();
    for (const [i, d] of drafts.entries()) {
      const t0 = performance.now();
      let outcome = 'dispatched';
      try {
        await tx((trx) => dispatchDeliveryOrder(trx, ctx, d.id));
      } catch (e) {
        outcome = (e as { code?: string }).code ?? 'error';
      }
      times.push(performance.now() - t0);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      progress(`dispatch-check/${engine}: dispatches`, i + 1, drafts.length);
    }

    // Reference: a raw transaction with the same writes (lock row, 3 stock moves, 2 balance updates, entry, 2 lines, order update).
    await sql`create table ref_move as select * from stock_move where 1 = 0`.execute(db);
    await sql`create table ref_entry as select * from journal_entry where 1 = 0`.execute(db);
    await sql`create table ref_line as select * from journal_line where 1 = 0`.execute(db);
    const refTimes: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const c = coops[rnd.int(0, coops.length - 1)]!;
      const t0 = performance.now();
      await tx(async (trx) => {
        await trx
          .selectFrom('participation')
          .select('id')
          .where('orgId', '=', c.id)
          .executeTakeFirst();
        const id = newId();
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const raw = trx as any;
        await raw
          .insertInto('refMove')
          .values(
            products.slice(0, 3).map((p) => ({
              orgId: c.id,
              moveDate: '2026-03-15',
              id: newId(),
              docType: 'x',
              docId: id,
              productId: p.id,
              ownerOrgId: hub.id,
              fromLocationId: 'a',
              toLocationId: 'b',
              qty: 10,
              value: 150_000,
              createdAt: 'now',
            })),
          )
          .execute();
        await trx
          .updateTable('stockBalance')
          .set((eb) => ({ qty: eb('qty', '+', 0) }))
          .where('ownerOrgId', '=', hub.id)
          .where('productId', '=', products[0]!.id)
          .where('orgId', '=', c.id)
          .execute();
        await raw
          .insertInto('refEntry')
          .values({
            orgId: hub.id,
            id,
            entryDate: '2026-03-15',
            docType: 'x',
            docId: id,
            memo: 'x',
            createdAt: 'now',
          })
          .execute();
        await raw
          .insertInto('refLine')
          .values(
            [1, 2].map((n) => ({
              orgId: hub.id,
              entryDate: '2026-03-15',
              entryId: id,
              lineNo: n,
              accountCode: '1302',
              counterpartyOrgId: '',
              debit: n === 1 ? 1 : 0,
              credit: n === 2 ? 1 : 0,
            })),
          )
          .execute();
        await trx
          .updateTable('deliveryOrder')
          .set({ status: 'draft' })
          .where('orgId', '=', c.id)
          .where('id', '=', 'none')
          .execute();
      });
      refTimes.push(performance.now() - t0);
    }
    const p99 = round(percentile(times, 99), 2);
    const refP99 = round(percentile(refTimes, 99), 2);
    say(
      `  dispatch-check/${engine}: outcomes ${JSON.stringify(Object.fromEntries(outcomes))}; p50 ${round(percentile(times, 50))} ms, p99 ${p99} ms; raw reference p99 ${refP99} ms`,
    );
    return {
      name: 'dispatch-check',
      engine,
      value: p99,
      unit: 'ms (p99)',
      p99Ms: p99,
      reference: refP99,
      referenceName: 'raw transaction with the same writes',
      referenceUnit: 'ms (p99)',
      ratio: round(refP99 / p99, 3),
      target: 'p99 < 20 ms',
      note: `${COOPS} cooperatives, 12 months of history, ${SAMPLES} dispatches (${JSON.stringify(Object.fromEntries(outcomes))})`,
    };
  } finally {
    await h.close();
  }
}
