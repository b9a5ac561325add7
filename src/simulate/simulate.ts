import type { Kysely } from 'kysely';
import {
  createDeliveryOrder,
  createGoodsReceipt,
  dispatchDeliveryOrder,
  receiveDeliveryOrder,
  recordSales,
} from '../core/consignment/index.ts';
import type { OrganizationTable, Village } from '../core/network/index.ts';
import {
  closeSettlementPeriod,
  recordPayment,
  type StatementTable,
} from '../core/settlement/index.ts';
import { addDays, addMonths, daysInMonth, lastDayOfMonth } from '../core/shared/business-date.ts';
import { fixedClock, systemClock, todayWib, type Clock } from '../core/shared/clock.ts';
import type { CommandContext } from '../core/shared/context.ts';
import { isDomainError } from '../core/shared/errors.ts';
import { newId } from '../core/shared/ids.ts';
import { runMonthlySubsidy } from '../core/subsidy/index.ts';
import type { Database } from '../db/database.ts';
import { seededRandom } from '../demo/random.ts';
import { buildNetwork } from './network.ts';
import {
  PRODUCT_WEIGHTS,
  SIMULATION_PRODUCTS,
  createSimulationStaff,
  simulationPlan,
} from './plan.ts';
import { inChunks, type ChunkOptions } from './chunks.ts';
import { salesOfWeek, type SimulatedCoop } from './sales.ts';
import { simulationVillages } from './villages.ts';

/** Cooperatives per transaction of delivery orders (each takes the hub's next SJ number). */
const HUB_BOUND_PER = 1;

export interface SimulateOptions {
  cooperatives: number;
  months: number;
  /** Sales a cooperative makes on a day (default 8); they reach the hub once a week. */
  salesPerDay?: number;
  seed?: number;
  /** Parallel transactions of different cooperatives (PostgreSQL; default 1). */
  workers?: number;
  /** Cooperatives per transaction (default 20). */
  perTransaction?: number;
  /** "Now": the simulated months end with its month (default the system clock). */
  realClock?: Clock;
  onProgress?(done: number, total: number, detail: string): void;
}

export interface SimulationSummary {
  hubId: string;
  /** The kabupaten of the office user. */
  officeRegion: string;
  cooperatives: number;
  months: number;
  firstMonth: string;
  lastMonth: string;
  sales: number;
  saleLines: number;
  deliveries: number;
  statements: number;
  payments: number;
  subsidyGrants: number;
  ms: number;
  /** Milliseconds spent in each kind of work. */
  phases: Record<string, number>;
}

interface Coop extends SimulatedCoop {
  org: OrganizationTable;
  orderId?: string;
  orderLines: { productId: string; qty: number }[];
}

/**
 * Writes a simulated network into an empty database through the core
 * commands: a hub with the demo's products, one KDKMP per village (Jambi
 * first, see villages.ts) and `months` months of business ending this month:
 * a goods receipt and a delivery to every cooperative on the 1st, received on
 * the 2nd; each cooperative's week of sales in one `recordSales` call (as an
 * offline cashier syncs); the previous month's statements on the 1st, its
 * subsidy run on the 2nd and the payments on the 10th (one in twenty pays half).
 */
export async function simulateNetwork(
  db: Kysely<Database>,
  opts: SimulateOptions,
): Promise<SimulationSummary> {
  const started = performance.now();
  const real = opts.realClock ?? systemClock;
  const nowMs = real.now().getTime();
  const today = todayWib(real);
  const lastMonth = today.slice(0, 7);
  const firstMonth = addMonths(lastMonth, 1 - opts.months);
  const perDay = opts.salesPerDay ?? 8;
  const clock = fixedClock(new Date(nowMs).toISOString());
  /** Moves the simulated clock to `date` at `utcTime`, never past the real now. */
  const at = (date: string, utcTime: string) =>
    clock.set(new Date(Math.min(Date.parse(`${date}T${utcTime}Z`), nowMs)).toISOString());
  const ctx: CommandContext = { clock, actor: { userId: 'simulasi', role: 'hub_admin' } };
  const chunkOpts: ChunkOptions = {
    per: opts.perTransaction ?? 20,
    workers: opts.workers ?? 1,
  };
  /** Transactions that lock a hub row near their end: small, so the workers overlap the rest. */
  const hubBound: ChunkOptions =
    chunkOpts.workers > 1
      ? { ...chunkOpts, per: Math.min(chunkOpts.per, HUB_BOUND_PER) }
      : chunkOpts;
  const phases: Record<string, number> = {};
  const timed = async <T>(phase: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      phases[phase] = (phases[phase] ?? 0) + performance.now() - t0;
    }
  };
  const totals = { sales: 0, saleLines: 0, deliveries: 0, statements: 0, payments: 0, grants: 0 };

  // The work, counted in cooperative-steps for the progress bar.
  const weeksOf = (month: string) =>
    [1, 8, 15, 22, 29]
      .map((d) => addDays(`${month}-01`, d - 1))
      .filter((d) => d.startsWith(month) && d <= today);
  const months = Array.from({ length: opts.months }, (_, i) => addMonths(firstMonth, i));
  const n = opts.cooperatives;
  /** Payments on the 10th, of last month's statements. */
  const paysIn = (month: string, i: number) => i > 0 && addDays(`${month}-01`, 9) <= today;
  const total =
    n + months.reduce((t, m, i) => t + n * (3 + weeksOf(m).length + (paysIn(m, i) ? 1 : 0)), 0);
  let done = 0;
  const step = (month: string, what: string) => (count: number, ofStep: number) => {
    done += count;
    const secs = (performance.now() - started) / 1000;
    opts.onProgress?.(
      done,
      total,
      `${month} ${what} ${ofStep}/${n} koperasi, ${Math.round(totals.sales / Math.max(secs, 0.001))} penjualan/s`,
    );
  };

  const villages: Village[] = await simulationVillages(n);
  const plan = await simulationPlan(villages, `${firstMonth}-01`);
  at(`${firstMonth}-01`, '01:00:00');
  let built = 0;
  const net = await timed('network', async () =>
    buildNetwork(db, ctx, {
      ...plan,
      perTransaction: chunkOpts.per,
      workers: chunkOpts.workers,
      onProgress: (k) => {
        step(firstMonth, 'jaringan')(k - built, k);
        built = k;
      },
    }),
  );
  await createSimulationStaff(db, net.hub, villages[0]!, plan.passwordHash, clock);
  const coops: Coop[] = net.coops.map((org, i) => ({
    org,
    rnd: seededRandom((opts.seed ?? 1) * 1_000_003 + i),
    prices: SIMULATION_PRODUCTS.map((p) => p.pricesIn(villages[i]!.provinceCode).retailPrice),
    orderLines: [],
  }));
  const weightSum = PRODUCT_WEIGHTS.reduce((a, b) => a + b, 0);

  let statements: StatementTable[] = [];
  for (const [mi, month] of months.entries()) {
    const first = `${month}-01`;
    at(first, '03:00:00');
    if (mi > 0) {
      const periodEnd = lastDayOfMonth(months[mi - 1]!);
      statements = await timed('close', () =>
        db
          .transaction()
          .execute((trx) => closeSettlementPeriod(trx, ctx, net.hub.id, { periodEnd })),
      );
      totals.statements += statements.length;
    }
    // A month's goods for every cooperative: 1.3 lines a sale, 2 units a line (the sack: 1).
    const monthly = SIMULATION_PRODUCTS.map((p, k) =>
      Math.ceil(
        ((perDay * 1.3 * PRODUCT_WEIGHTS[k]!) / weightSum) *
          (p.unit === 'karung' && p.netContent.value >= 50 ? 1 : 2) *
          daysInMonth(month) *
          1.2,
      ),
    );
    await timed('deliveries', async () => {
      await db.transaction().execute((trx) =>
        createGoodsReceipt(trx, ctx, net.hub.id, {
          supplierName: 'PT Simulasi Pangan',
          lines: net.products.map((p, k) => ({
            productId: p.id,
            qty: monthly[k]! * n,
            unitCost: SIMULATION_PRODUCTS[k]!.unitCost,
          })),
        }),
      );
      // Every order takes the hub's next SJ number, right before its insert: the orders are
      // written by all workers in small transactions. Every dispatch locks the hub's warehouse
      // rows until its transaction ends: the dispatches run in one worker (parallel ones queued
      // on those rows and were slower than one).
      const lines = net.products.map((p, k) => ({ productId: p.id, qty: monthly[k]! }));
      const orders = await inChunks(
        db,
        coops,
        hubBound,
        step(month, 'surat jalan'),
        async (trx, c) =>
          (await createDeliveryOrder(trx, ctx, { cooperativeId: c.org.id, lines })).id,
      );
      const sent = await inChunks(
        db,
        coops.map((c, i) => ({ c, id: orders[i]! })),
        { ...chunkOpts, workers: 1 },
        step(month, 'pengiriman'),
        async (trx, { c, id }) => {
          try {
            await dispatchDeliveryOrder(trx, ctx, id);
          } catch (e) {
            if (isDomainError(e) && ['ShippingHold', 'ExposureLimitExceeded'].includes(e.code))
              return { c, id: undefined, lines };
            throw e;
          }
          return { c, id: id as string | undefined, lines };
        },
      );
      for (const s of sent) {
        s.c.orderId = s.id;
        s.c.orderLines = s.lines;
      }
    });
    at(addDays(first, 1), '03:00:00');
    const received = await timed('receipts', () =>
      inChunks(db, coops, chunkOpts, step(month, 'penerimaan'), async (trx, c) => {
        if (!c.orderId) return 0;
        await receiveDeliveryOrder(trx, ctx, c.orderId, {
          lines: c.orderLines.map((l) => ({ productId: l.productId, qtyReceived: l.qty })),
        });
        return 1;
      }),
    );
    totals.deliveries += received.reduce((a: number, b) => a + b, 0);
    if (mi > 0) {
      const run = await timed('subsidy', () =>
        db
          .transaction()
          .execute((trx) => runMonthlySubsidy(trx, ctx, net.hub.id, { month: months[mi - 1]! })),
      );
      totals.grants += run.items.filter((x) => x.status === 'accrued').length;
    }
    for (const [wi, weekStart] of weeksOf(month).entries()) {
      if (wi === 1 && paysIn(month, mi)) {
        at(addDays(first, 9), '03:00:00');
        const byCoop = new Map(statements.map((s) => [s.orgId, s]));
        const paid = await timed('payments', () =>
          inChunks(db, coops, chunkOpts, step(month, 'pembayaran'), async (trx, c) => {
            const s = byCoop.get(c.org.id);
            if (!s || s.closingBalance <= 0) return 0;
            const amount = c.rnd.chance(0.05) ? Math.floor(s.closingBalance / 2) : s.closingBalance;
            await recordPayment(trx, ctx, c.org.id, {
              id: newId(),
              amount,
              method: 'transfer',
              reference: `TRF ${s.periodEnd}`,
            });
            return 1;
          }),
        );
        totals.payments += paid.reduce((a: number, b) => a + b, 0);
      }
      const days = Array.from({ length: 7 }, (_, k) => addDays(weekStart, k)).filter(
        (d) => d.startsWith(month) && d <= today,
      );
      at(days.at(-1)!, '13:00:00');
      const syncedAt = clock.now().getTime();
      // Each cooperative's week is drawn as its transaction comes (83,000 weeks do not fit in memory).
      const results = await timed('sales', () =>
        inChunks(db, coops, chunkOpts, step(month, 'penjualan'), async (trx, c) => {
          const sales = salesOfWeek(c, net.products, days, { perDay, untilMs: syncedAt });
          if (sales.length === 0) return { sales: 0, lines: 0 };
          const res = await recordSales(trx, ctx, c.org.id, sales);
          const created = new Set(res.filter((r) => r.status === 'created').map((r) => r.id));
          const lines = sales
            .filter((s) => created.has(s.id))
            .reduce((t, s) => t + s.lines.length, 0);
          return { sales: created.size, lines };
        }),
      );
      for (const r of results) {
        totals.sales += r.sales;
        totals.saleLines += r.lines;
      }
    }
  }

  return {
    hubId: net.hub.id,
    officeRegion: villages[0]!.regencyCode,
    cooperatives: n,
    months: opts.months,
    firstMonth,
    lastMonth,
    sales: totals.sales,
    saleLines: totals.saleLines,
    deliveries: totals.deliveries,
    statements: totals.statements,
    payments: totals.payments,
    subsidyGrants: totals.grants,
    ms: performance.now() - started,
    phases,
  };
}
