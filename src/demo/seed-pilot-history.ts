import type { Kysely } from 'kysely';
import type { ProductTable } from '../core/catalog/index.ts';
import {
  createDeliveryOrder,
  createGoodsReceipt,
  dispatchDeliveryOrder,
  findDeliveryOrderLines,
  receiveDeliveryOrder,
  recordSales,
  type SaleInput,
} from '../core/consignment/index.ts';
import { findStockAtLocations } from '../core/inventory/index.ts';
import type { OrganizationTable } from '../core/network/index.ts';
import { loadCooperativeContext } from '../core/network/index.ts';
import { closeSettlementPeriod, recordPayment } from '../core/settlement/index.ts';
import { markSubsidyPaid, runMonthlySubsidy } from '../core/subsidy/index.ts';
import {
  addDays,
  addMonths,
  daysBetween,
  isoWeekday,
  lastDayOfMonth,
  monthOf,
} from '../core/shared/business-date.ts';
import type { Clock } from '../core/shared/clock.ts';
import type { CommandContext } from '../core/shared/context.ts';
import { isDomainError } from '../core/shared/errors.ts';
import { newId } from '../core/shared/ids.ts';
import type { Database } from '../db/database.ts';
import type { demoMembers } from './seed-members.ts';
import { seededRandom } from './random.ts';

/** The first day of the pilots' history: their participation and books start here. */
export const PILOT_HISTORY_FROM = '2025-01-01';
/** The pilots sell about a quarter of what a demo KDKMP of their size sells in the last 90 days. */
const SCALE = 0.25;
const WEEKDAY = [0, 0.9, 0.85, 0.9, 0.95, 1.1, 1.35, 1.2];

export interface PilotProduct {
  cost: number;
  retail: number;
  daily: number;
}

export interface PilotCoop {
  org: OrganizationTable;
  size: number;
  deliveryWeekday: number;
}

export interface PilotHistoryOptions {
  hubId: string;
  pilots: PilotCoop[];
  products: ProductTable[];
  catalog: PilotProduct[];
  members: ReturnType<typeof demoMembers>;
  /** The demo's first day: the history runs up to the day before. */
  start: string;
  clock: Clock & { set(iso: string): void };
  ctx: CommandContext;
  /** Statements and subsidy runs only for months ending on or before this day (the others join later). */
  settleUntil: string;
  /** Called inside each day's transaction after the day's business (the month's books, the year end). */
  endOfDay?: (db: Kysely<Database>, date: string) => Promise<void>;
  onDay?: (done: number, total: number, date: string) => void;
}

export interface PilotHistorySummary {
  sales: number;
  deliveries: number;
  statements: number;
  payments: number;
}

type Pending<T> = Map<string, T[]>;
const push = <T>(m: Pending<T>, on: string, v: T) => m.set(on, [...(m.get(on) ?? []), v]);

/**
 * The pilots' history from `PILOT_HISTORY_FROM` to the day before `start`,
 * through the same commands as the demo's 90 days: weekly deliveries (the
 * hub receives from its supplier exactly what it ships, so its warehouse is
 * as the other cooperatives find it), a few sales a day (about 40 % by
 * members), the month's statements paid in cash before they fall due, the
 * subsidy runs and payouts. The hub's supplier invoices stay open for the
 * demo's bank to pay in its first Friday run (its statement file holds every
 * supplier payment). A week per transaction; its own random sequence.
 */
export async function seedPilotHistory(
  db: Kysely<Database>,
  o: PilotHistoryOptions,
): Promise<PilotHistorySummary> {
  const rnd = seededRandom(2025);
  const { ctx, clock } = o;
  const summary: PilotHistorySummary = { sales: 0, deliveries: 0, statements: 0, payments: 0 };
  const last = addDays(o.start, -1);
  const at = (on: string) => (on > last ? last : on);
  const receipts: Pending<{ doId: string; coopId: string }> = new Map();
  const payments: Pending<{ coopId: string; amount: number; period: string }> = new Map();
  const payouts: Pending<{ coopId: string; month: string }> = new Map();
  const stores = new Map<string, Awaited<ReturnType<typeof loadCooperativeContext>>['store']>();
  for (const p of o.pilots)
    stores.set(p.org.id, (await loadCooperativeContext(db, p.org.id)).store);

  const replenish = async (trx: Kysely<Database>, p: PilotCoop, date: string) => {
    const stock = new Map(
      (await findStockAtLocations(trx, [stores.get(p.org.id)!])).map((b) => [b.productId, b.qty]),
    );
    const lines = o.catalog
      .map((c, i) => {
        const target = Math.ceil(c.daily * p.size * SCALE * 12);
        const id = o.products[i]!.id;
        return { productId: id, qty: Math.max(0, target - Math.max(0, stock.get(id) ?? 0)) };
      })
      .filter((l) => l.qty > 0);
    if (!lines.length) return;
    const order = await createDeliveryOrder(trx, ctx, { cooperativeId: p.org.id, lines });
    await createGoodsReceipt(trx, ctx, o.hubId, {
      supplierName: 'PT Sinar Gula Nusantara',
      lines: lines.map((l) => {
        const c = o.catalog[o.products.findIndex((x) => x.id === l.productId)]!;
        return { productId: l.productId, qty: l.qty, unitCost: c.cost };
      }),
    });
    try {
      await dispatchDeliveryOrder(trx, ctx, order.id);
    } catch (e) {
      if (isDomainError(e) && ['ShippingHold', 'ExposureLimitExceeded'].includes(e.code)) return;
      throw e;
    }
    summary.deliveries++;
    push(receipts, addDays(date, 1), { doId: order.id, coopId: p.org.id });
  };

  const sell = async (trx: Kysely<Database>, p: PilotCoop, date: string) => {
    const count = Math.max(
      1,
      Math.round(p.size * 14 * SCALE * WEEKDAY[isoWeekday(date)]! * (0.8 + rnd.next() * 0.4)),
    );
    const sales: SaleInput[] = Array.from({ length: count }, () => {
      const chosen = new Set<number>();
      const lineCount = rnd.pick([1, 2, 3], [6, 3, 1]);
      while (chosen.size < lineCount) chosen.add(rnd.pick([0, 1, 2, 3, 4], [40, 1.5, 8, 10, 18]));
      return {
        id: newId(),
        occurredAt: new Date(
          Date.parse(`${date}T00:00:00Z`) + rnd.int(0, 13 * 3600) * 1000,
        ).toISOString(),
        paymentMethod: rnd.pick(['cash', 'qris', 'transfer'] as const, [80, 15, 5]),
        ...o.members.purchaser(p.org.id, date),
        lines: [...chosen].map((i) => ({
          productId: o.products[i]!.id,
          qty: i === 1 ? 1 : rnd.pick([1, 1, 2, 2, 3]),
          unitPrice: o.catalog[i]!.retail,
        })),
      };
    });
    const res = await recordSales(trx, ctx, p.org.id, sales);
    summary.sales += res.filter((r) => r.status === 'created').length;
  };

  const oneDay = async (trx: Kysely<Database>, di: number, date: string) => {
    clock.set(`${date}T13:00:00Z`);
    await o.members.day(trx, date);
    for (const r of receipts.get(date) ?? []) {
      const lines = await findDeliveryOrderLines(trx, r.coopId, r.doId);
      await receiveDeliveryOrder(trx, ctx, r.doId, {
        lines: lines.map((l) => ({ productId: l.productId, qtyReceived: l.qty })),
      });
    }
    receipts.delete(date);
    const periodEnd = addDays(date, -1);
    if (date.endsWith('-01') && di > 0 && periodEnd <= o.settleUntil) {
      const statements = await closeSettlementPeriod(trx, ctx, o.hubId, { periodEnd });
      summary.statements += statements.length;
      for (const s of statements.filter((x) => x.closingBalance > 0))
        push(payments, at(addDays(s.dueDate, -rnd.int(1, 6))), {
          coopId: s.orgId,
          amount: s.closingBalance,
          period: s.periodEnd,
        });
    }
    const month = addMonths(monthOf(date), -1);
    if (date.endsWith('-02') && di > 1 && lastDayOfMonth(month) <= o.settleUntil) {
      const run = await runMonthlySubsidy(trx, ctx, o.hubId, { month });
      for (const item of run.items.filter((x) => x.status === 'accrued'))
        push(payouts, at(addDays(date, 5)), { coopId: item.cooperativeId, month });
    }
    for (const p of payments.get(date) ?? []) {
      await recordPayment(trx, ctx, p.coopId, {
        id: newId(),
        amount: p.amount,
        method: 'cash',
        reference: `Setoran tunai tagihan ${p.period}`,
      });
      summary.payments++;
    }
    payments.delete(date);
    for (const p of payouts.get(date) ?? [])
      await markSubsidyPaid(trx, ctx, p.coopId, {
        month: p.month,
        reference: `TRF/SUBSIDI/${p.month}/${p.coopId.slice(-6)}`,
      });
    payouts.delete(date);
    for (const p of o.pilots) {
      if (di === 0 || isoWeekday(date) === p.deliveryWeekday) await replenish(trx, p, date);
      if (di > 0) await sell(trx, p, date);
    }
    await o.endOfDay?.(trx, date);
  };

  // A week at a time in one transaction: the days inside it run in order, each at its own clock.
  const total = daysBetween(PILOT_HISTORY_FROM, o.start);
  for (let week = 0; week < total; week += 7) {
    await db.transaction().execute(async (trx) => {
      for (let di = week; di < Math.min(total, week + 7); di++)
        await oneDay(trx, di, addDays(PILOT_HISTORY_FROM, di));
    });
    const done = Math.min(total, week + 7);
    o.onDay?.(done, total, addDays(PILOT_HISTORY_FROM, done - 1));
  }
  return summary;
}
