import type { Kysely } from 'kysely';
import { createUser, hashPassword } from '../core/access/index.ts';
import {
  createCommodityCeiling,
  createProduct,
  setProductPrices,
  type ProductTable,
} from '../core/catalog/index.ts';
import {
  createDeliveryOrder,
  createGoodsReceipt,
  createReturn,
  createStockCount,
  dispatchDeliveryOrder,
  findDeliveryOrderLines,
  receiveDeliveryOrder,
  recordSales,
  type SaleInput,
} from '../core/consignment/index.ts';
import { findStockAtLocations } from '../core/inventory/index.ts';
import { HUB, postJournalEntries } from '../core/ledger/index.ts';
import {
  createCooperative,
  createOrganization,
  createParticipation,
  listVillagesIn,
  loadCooperativeContext,
  type OrganizationTable,
} from '../core/network/index.ts';
import { closeSettlementPeriod, type StatementTable } from '../core/settlement/index.ts';
import { markSubsidyPaid, runMonthlySubsidy } from '../core/subsidy/index.ts';
import {
  addDays,
  addMonths,
  isoWeekday,
  lastDayOfMonth,
  monthOf,
} from '../core/shared/business-date.ts';
import { fixedClock, systemClock, todayWib, type Clock } from '../core/shared/clock.ts';
import type { CommandContext } from '../core/shared/context.ts';
import { isDomainError } from '../core/shared/errors.ts';
import { newId } from '../core/shared/ids.ts';
import type { Database } from '../db/database.ts';
import { CEILINGS } from './regulations.ts';
import { seededRandom, slugOf } from './random.ts';
import { seedSembako } from './seed-sembako.ts';
import { seedQris } from './seed-qris.ts';
import { DEMO_OPENING_BANK, demoBank } from './seed-bank.ts';
import { demoMembers } from './seed-members.ts';
import { DEMO_PILOTS } from './member-plan.ts';
import { PILOT_HISTORY_FROM, seedPilotHistory } from './seed-pilot-history.ts';
import { demoYearEnd } from './seed-year-end.ts';
import { seedTraining } from './seed-training.ts';

export const DEMO_PASSWORD = 'lumbung-demo';
export const DEMO_REGENCY = '15.71';

export interface DemoProduct {
  sku: string;
  name: string;
  unit: string;
  commodity: string;
  net: { value: number; unit: 'g' | 'kg' | 'ml' | 'l' };
  cost: number;
  consignment: number;
  retail: number;
  /** Units a medium cooperative sells on an ordinary day. */
  daily: number;
}

export const PRODUCTS: DemoProduct[] = [
  {
    sku: 'GKP-1',
    name: 'Gula Kristal Putih 1 kg',
    unit: 'pak',
    commodity: 'gula',
    net: { value: 1, unit: 'kg' },
    cost: 15_100,
    consignment: 16_300,
    retail: 17_500,
    daily: 25,
  },
  {
    sku: 'GKP-50',
    name: 'Gula Kristal Putih 50 kg (karung)',
    unit: 'karung',
    commodity: 'gula',
    net: { value: 50, unit: 'kg' },
    cost: 745_000,
    consignment: 800_000,
    retail: 860_000,
    daily: 0.45,
  },
  {
    sku: 'BRP-5',
    name: 'Beras Premium 5 kg',
    unit: 'karung',
    commodity: 'beras_premium',
    net: { value: 5, unit: 'kg' },
    cost: 69_000,
    consignment: 73_000,
    retail: 77_000,
    daily: 5,
  },
  {
    sku: 'BRM-5',
    name: 'Beras Medium 5 kg',
    unit: 'karung',
    commodity: 'beras_medium',
    net: { value: 5, unit: 'kg' },
    cost: 62_500,
    consignment: 66_000,
    retail: 70_000,
    daily: 6.5,
  },
  {
    sku: 'MK-1',
    name: 'Minyakita 1 L',
    unit: 'bungkus',
    commodity: 'minyakita',
    net: { value: 1, unit: 'l' },
    cost: 14_000,
    consignment: 14_800,
    retail: 15_700,
    daily: 11.5,
  },
];

type PayerKind = 'ontime' | 'late' | 'hold';
interface DemoCoop {
  org: OrganizationTable;
  index: number;
  size: number;
  payer: PayerKind;
  deliveryWeekday: number;
}

export interface SeedProgress {
  (done: number, total: number, label: string): void;
}

export interface SeedSummary {
  cooperatives: number;
  days: number;
  sales: number;
  deliveries: number;
  statements: number;
  payments: number;
  ms: number;
}

/** Runs one command in its own transaction, as the API does (or inside the simulated day's). */
function inTx<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/**
 * Seeds the demo network on an empty database: the hub Koperasi Kana's Jambi
 * branch, one KDKMP for each kelurahan of Kota Jambi, the products and
 * regulated ceilings, users, and `days` days of activity through the same
 * commands the API runs, so the books are as real as the network's.
 */
export async function seedDemo(
  db: Kysely<Database>,
  opts: { days?: number; onProgress?: SeedProgress; realClock?: Clock } = {},
): Promise<SeedSummary> {
  const started = Date.now();
  const real = opts.realClock ?? systemClock;
  const days = opts.days ?? 90;
  const today = todayWib(real);
  const start = addDays(today, -days);
  const clock = fixedClock(`${start}T01:00:00Z`);
  const admin: CommandContext = { clock, actor: { userId: 'demo-seed', role: 'hub_admin' } };
  const rnd = seededRandom(1571);
  const progress = opts.onProgress ?? (() => {});

  // --- The network, in one transaction ---
  const villages = await listVillagesIn(DEMO_REGENCY);
  const { hub, coops, products } = await inTx(db, async (trx) => {
    for (const c of CEILINGS) {
      for (const p of c.provinceCodes ?? [undefined]) {
        await createCommodityCeiling(trx, {
          commodity: c.commodity,
          provinceCode: p,
          effectiveFrom: c.effectiveFrom,
          pricePerUnit: c.amount,
          regulationRef: c.regulationRef,
        });
      }
    }
    const hub = await createOrganization(
      trx,
      {
        kind: 'hub',
        name: 'Koperasi Kana — Cabang Jambi',
        shortCode: 'KANA-JBI',
        regionCode: DEMO_REGENCY,
        bankName: 'Bank Mandiri',
        bankAccountNo: '1100012345678',
        bankAccountName: 'Koperasi Kana',
      },
      clock,
    );
    const dinas = await createOrganization(
      trx,
      { kind: 'government', name: 'Dinas Koperasi dan UKM Kota Jambi', regionCode: DEMO_REGENCY },
      clock,
    );
    const products: ProductTable[] = [];
    for (const p of PRODUCTS) {
      products.push(
        await createProduct(
          trx,
          hub.id,
          hub.provinceCode,
          {
            sku: p.sku,
            name: p.name,
            unit: p.unit,
            commodity: p.commodity,
            netContent: p.net,
            consignmentPrice: p.consignment - 200,
            retailPrice: p.retail,
            // In force before the pilots' history (seed-pilot-history.ts) begins.
            effectiveFrom: addDays(PILOT_HISTORY_FROM, -31),
          },
          clock,
        ),
      );
    }
    // A price change half-way through the period: documents before it keep the old consignment price.
    await setProductPrices(
      trx,
      products[0]!.id,
      hub.provinceCode,
      {
        consignmentPrice: PRODUCTS[0]!.consignment,
        retailPrice: PRODUCTS[0]!.retail,
        effectiveFrom: addDays(start, Math.floor(days / 2)),
      },
      clock,
    );
    for (const [i, p] of PRODUCTS.entries()) {
      if (i > 0)
        await setProductPrices(
          trx,
          products[i]!.id,
          hub.provinceCode,
          {
            consignmentPrice: p.consignment,
            retailPrice: p.retail,
            effectiveFrom: addDays(start, Math.floor(days / 2)),
          },
          clock,
        );
    }
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const staff = [
      { email: 'admin@kana.demo', name: 'Admin Koperasi Kana', orgId: hub.id, role: 'hub_admin' },
      { email: 'gudang@kana.demo', name: 'Staf Gudang Kana', orgId: hub.id, role: 'hub_staff' },
      {
        email: 'dinas@jambikota.demo',
        name: 'Dinas Koperasi Kota Jambi',
        orgId: dinas.id,
        role: 'gov_viewer',
      },
    ] as const;
    for (const u of staff) {
      await createUser(
        trx,
        {
          email: u.email,
          name: u.name,
          passwordHash,
          memberships: [{ orgId: u.orgId, role: u.role }],
        },
        clock,
      );
    }

    const large = new Set([0, 9, 21, 37, 52]);
    const late = new Set([14, 45]);
    const hold = 28;
    const coops: DemoCoop[] = [];
    for (const [i, v] of villages.entries()) {
      const org = await createCooperative(
        trx,
        {
          name: `KDKMP ${v.name}`,
          villageCode: v.code,
          legalNumber: `AHU-00${String(1200 + i).padStart(4, '0')}.AH.01.29.TAHUN 2025`,
          nikKoperasi: `15710${String(20250 + i).padStart(8, '0')}`,
          bankName: 'Bank 9 Jambi',
          bankAccountNo: `7001${String(100000 + i * 37)}`,
          bankAccountName: `KDKMP ${v.name}`,
          officers: [
            { role: 'ketua', name: `Ketua KDKMP ${v.name}` },
            { role: 'bendahara', name: `Bendahara KDKMP ${v.name}` },
          ],
        },
        clock,
      );
      const size = large.has(i) ? rnd.int(25, 35) / 10 : rnd.int(4, 14) / 10;
      const lead = rnd.int(0, 20);
      const dailyValue = PRODUCTS.reduce((t, p) => t + p.daily * p.consignment, 0) * size;
      await createParticipation(
        trx,
        org.id,
        {
          hubId: hub.id,
          agreementNo: `PKS/KANA-JBI/${String(i + 1).padStart(3, '0')}/2025`,
          startDate: DEMO_PILOTS.includes(i) ? PILOT_HISTORY_FROM : addDays(start, -lead),
          exposureLimit: Math.ceil((dailyValue * 75) / 10_000_000) * 10_000_000,
          subsidyMode: i % 10 === 3 ? 'net' : 'payout',
          // The two late payers have negotiated a longer grace: late, but not yet on hold.
          graceDays: late.has(i) ? 30 : 7,
        },
        clock,
      );
      await createUser(
        trx,
        {
          email: `${slugOf(v.name)}@kdkmp.demo`,
          name: `Pengurus KDKMP ${v.name}`,
          passwordHash,
          memberships: [{ orgId: org.id, role: 'coop_manager' }],
        },
        clock,
      );
      await createUser(
        trx,
        {
          email: `kasir.${slugOf(v.name)}@kdkmp.demo`,
          name: `Kasir KDKMP ${v.name}`,
          passwordHash,
          memberships: [{ orgId: org.id, role: 'coop_cashier' }],
        },
        clock,
      );
      coops.push({
        org,
        index: i,
        size,
        payer: i === hold ? 'hold' : late.has(i) ? 'late' : 'ontime',
        deliveryWeekday: (i % 6) + 1,
      });
    }
    return { hub, coops, products };
  });

  // Each KDKMP's members (50–400) and their savings rules; those who joined before the history.
  const members = demoMembers({ start, today }, admin);
  const pilots = coops.filter((c) => DEMO_PILOTS.includes(c.index));
  const others = coops.filter((c) => !pilots.includes(c));
  await inTx(db, (trx) => members.prepare(trx, others));
  // The pilots' members since their founding late in 2024, through their history (as of then).
  const pilotMembers = demoMembers({ start: PILOT_HISTORY_FROM, today }, admin);
  clock.set(`${addDays(PILOT_HISTORY_FROM, -1)}T13:00:00Z`);
  await inTx(db, (trx) => pilotMembers.prepare(trx, pilots));
  clock.set(`${start}T01:00:00Z`);
  const memberPlanOf = (c: DemoCoop) => (pilots.includes(c) ? pilotMembers : members);

  // --- 90 days of activity ---
  const allDays = days + 1;
  const summary: SeedSummary = {
    cooperatives: coops.length,
    days,
    sales: 0,
    deliveries: 0,
    statements: 0,
    payments: 0,
    ms: 0,
  };
  // The hub's bank account: transfers arrive as statement lines, imported as the days go by.
  const bank = demoBank({
    hubId: hub.id,
    accountNo: hub.bankAccountNo ?? '',
    today,
    coops: coops.map((c) => c.org),
  });
  // The hub opens its books with the capital in its bank account, as its statement does.
  await postJournalEntries(
    db,
    [
      {
        orgId: hub.id,
        book: 'hub',
        date: start,
        docType: 'opening_balance',
        docId: hub.id,
        memo: 'Saldo awal: modal di rekening bank',
        lines: [
          { account: HUB.bank, debit: DEMO_OPENING_BANK },
          { account: HUB.modal, credit: DEMO_OPENING_BANK },
        ],
      },
    ],
    clock.now(),
  );
  // Three pilots have a history since January 2025 and a closed 2025 (their own random draws).
  const yearEnd = demoYearEnd(pilots, admin);
  const history = await seedPilotHistory(db, {
    hubId: hub.id,
    pilots,
    products,
    catalog: PRODUCTS,
    members: pilotMembers,
    start,
    clock,
    ctx: admin,
    // The other cooperatives' participations start up to 20 days before `start`.
    settleUntil: addDays(start, -21),
    endOfDay: (trx, date) => yearEnd.day(trx, date),
    onDay: (done, total, date) => progress(done, total, `riwayat 3 koperasi percontohan ${date}`),
  });
  summary.sales += history.sales;
  summary.deliveries += history.deliveries;
  summary.statements += history.statements;
  summary.payments += history.payments;
  const ctxs = new Map<string, Awaited<ReturnType<typeof loadCooperativeContext>>>();
  for (const c of coops) ctxs.set(c.org.id, await loadCooperativeContext(db, c.org.id));
  const pendingReceipts = new Map<string, { doId: string; coopId: string }[]>();
  const pendingPayments = new Map<string, { coopId: string; amount: number; ref: string }[]>();
  const pendingPayouts = new Map<string, { coopId: string; month: string }[]>();
  const weekday = [0, 0.9, 0.85, 0.9, 0.95, 1.1, 1.35, 1.2];
  const nowMs = real.now().getTime();

  const expect = async (p: Promise<unknown>, allowed: string[]) => {
    try {
      await p;
      return true;
    } catch (e) {
      if (isDomainError(e) && allowed.includes(e.code)) return false;
      throw e;
    }
  };

  const replenish = async (c: DemoCoop, date: string, initial: boolean) => {
    const cc = ctxs.get(c.org.id)!;
    const stock = new Map(
      (await findStockAtLocations(cur, [cc.store])).map((b) => [b.productId, b.qty]),
    );
    const lines = PRODUCTS.map((p, i) => {
      const target = Math.ceil(p.daily * c.size * (initial ? 10 : 14));
      return {
        productId: products[i]!.id,
        qty: Math.max(0, target - Math.max(0, stock.get(products[i]!.id) ?? 0)),
      };
    }).filter((l) => l.qty > 0);
    if (lines.length === 0) return;
    const d = await inTx(cur, (trx) =>
      createDeliveryOrder(trx, admin, { cooperativeId: c.org.id, lines }),
    );
    // Top the warehouse up when it runs short: the supplier delivers the same day.
    await inTx(cur, async (trx) => {
      const wh = cc.hubWarehouses[0]!;
      const held = new Map(
        (await findStockAtLocations(trx, [wh])).map((b) => [b.productId, b.qty]),
      );
      const need = lines.filter((l) => (held.get(l.productId) ?? 0) < l.qty);
      if (need.length) {
        await createGoodsReceipt(trx, admin, hub.id, {
          supplierName: 'PT Sinar Gula Nusantara',
          lines: need.map((l) => {
            const p = PRODUCTS[products.findIndex((x) => x.id === l.productId)]!;
            return {
              productId: l.productId,
              qty: Math.ceil(l.qty * 25),
              unitCost: p.cost + rnd.int(-3, 3) * Math.ceil(p.cost / 500),
            };
          }),
        });
      }
    });
    const sent = await expect(
      inTx(cur, (trx) => dispatchDeliveryOrder(trx, admin, d.id)),
      ['ShippingHold', 'ExposureLimitExceeded'],
    );
    if (!sent) return;
    summary.deliveries++;
    const receiveOn = addDays(date, 1);
    pendingReceipts.set(receiveOn, [
      ...(pendingReceipts.get(receiveOn) ?? []),
      { doId: d.id, coopId: c.org.id },
    ]);
  };

  let cur: Kysely<Database> = db;
  for (let di = 0; di <= days; di++) {
    const date = addDays(start, di);
    // A simulated day is one transaction: the commands inside it are the API's, each checking before it writes.
    await db.transaction().execute(async (trx) => {
      cur = trx;
      const isToday = date === today;
      const dayEndMs = Math.min(Date.parse(`${date}T13:00:00Z`), nowMs);
      clock.set(new Date(dayEndMs).toISOString());
      await members.day(cur, date);
      await pilotMembers.day(cur, date);

      // Deliveries arriving today.
      for (const r of pendingReceipts.get(date) ?? []) {
        const lines = await findDeliveryOrderLines(cur, r.coopId, r.doId);
        await inTx(cur, (trx) =>
          receiveDeliveryOrder(trx, admin, r.doId, {
            lines: lines.map((l) => ({
              productId: l.productId,
              qtyReceived: l.qty > 20 && rnd.chance(0.04) ? l.qty - rnd.int(1, 2) : l.qty,
            })),
          }),
        );
      }
      pendingReceipts.delete(date);

      // First of the month: statements for last month, then the subsidy run.
      if (date.endsWith('-01') && di > 0) {
        const periodEnd = addDays(date, -1);
        const statements: StatementTable[] = await inTx(cur, (trx) =>
          closeSettlementPeriod(trx, admin, hub.id, { periodEnd }),
        );
        summary.statements += statements.length;
        for (const s of statements) {
          const c = coops.find((x) => x.org.id === s.orgId)!;
          if (c.payer === 'hold' || s.closingBalance <= 0) continue;
          const payOn =
            c.payer === 'late' ? addDays(s.dueDate, 20) : addDays(s.dueDate, -rnd.int(1, 6));
          pendingPayments.set(payOn, [
            ...(pendingPayments.get(payOn) ?? []),
            {
              coopId: s.orgId,
              amount: s.closingBalance,
              ref: `Setoran tunai tagihan ${s.periodEnd}`,
            },
          ]);
        }
      }
      if (date.slice(8) === '02' && di > 1) {
        const month = addMonths(monthOf(date), -1);
        const run = await inTx(cur, (trx) => runMonthlySubsidy(trx, admin, hub.id, { month }));
        const payOn = addDays(date, 5);
        for (const item of run.items.filter((x) => x.status === 'accrued')) {
          pendingPayouts.set(payOn, [
            ...(pendingPayouts.get(payOn) ?? []),
            { coopId: item.cooperativeId, month },
          ]);
        }
      }
      for (const p of pendingPayments.get(date) ?? []) {
        await inTx(cur, (trx) => bank.pay(trx, admin, date, p));
        summary.payments++;
      }
      pendingPayments.delete(date);
      for (const p of pendingPayouts.get(date) ?? []) {
        await inTx(cur, (trx) =>
          markSubsidyPaid(trx, admin, p.coopId, {
            month: p.month,
            reference: `TRF/SUBSIDI/${p.month}/${p.coopId.slice(-6)}`,
          }),
        );
      }
      pendingPayouts.delete(date);

      for (const c of coops) {
        if (di === 0) await replenish(c, date, true);
        else if (isoWeekday(date) === c.deliveryWeekday && !isToday)
          await replenish(c, date, false);

        // Sales through the day, more on weekends.
        const count = Math.max(
          1,
          Math.round(
            ((c.size * 14 * weekday[isoWeekday(date)]!) as number) * (0.8 + rnd.next() * 0.4),
          ),
        );
        const sales: SaleInput[] = [];
        for (let k = 0; k < count; k++) {
          const at = Date.parse(`${date}T00:00:00Z`) + rnd.int(0, 13 * 3600) * 1000; // 07:00–20:00 WIB
          if (at > dayEndMs) continue;
          const lineCount = rnd.pick([1, 2, 3], [6, 3, 1]);
          const chosen = new Set<number>();
          while (chosen.size < lineCount)
            chosen.add(rnd.pick([0, 1, 2, 3, 4], [40, 1.5, 8, 10, 18]));
          sales.push({
            id: newId(),
            occurredAt: new Date(at).toISOString(),
            paymentMethod: rnd.pick(['cash', 'qris', 'transfer'] as const, [80, 15, 5]),
            ...memberPlanOf(c).purchaser(c.org.id, date),
            lines: [...chosen].map((pi) => {
              const p = PRODUCTS[pi]!;
              return {
                productId: products[pi]!.id,
                qty: pi === 1 ? 1 : rnd.pick([1, 1, 2, 2, 3, 5]),
                unitPrice: rnd.chance(0.1)
                  ? p.retail - Math.ceil(p.retail / 100 / 100) * 100
                  : p.retail,
              };
            }),
          });
        }
        // Day 0 only stocks the stores; selling starts when the goods have arrived.
        if (sales.length && di > 0) {
          const res = await inTx(cur, (trx) =>
            recordSales(trx, { clock, actor: admin.actor }, c.org.id, sales),
          );
          summary.sales += res.filter((r) => r.status === 'created').length;
        }

        // A damaged sack now and then goes back to the hub.
        if (!isToday && rnd.chance(0.004)) {
          await expect(
            inTx(cur, (trx) =>
              createReturn(trx, admin, c.org.id, {
                id: newId(),
                reason: 'Karung rusak',
                lines: [{ productId: products[1]!.id, qty: 1 }],
              }),
            ),
            ['InsufficientStock'],
          );
        }
        // Month end: the monthly stock count, with a little shrinkage.
        if (date === lastDayOfMonth(monthOf(date)) && !isToday) {
          const cc = ctxs.get(c.org.id)!;
          const stock = await findStockAtLocations(cur, [cc.store]);
          // Nothing delivered yet (the first day can be a month end): nothing to count.
          if (stock.length > 0)
            await inTx(cur, (trx) =>
              createStockCount(trx, admin, c.org.id, {
                id: newId(),
                countedAt: new Date(dayEndMs).toISOString(),
                lines: stock.map((b) => ({
                  productId: b.productId,
                  qtyCounted: Math.max(
                    0,
                    b.qty - (b.qty > 10 && rnd.chance(0.15) ? rnd.int(1, 2) : 0),
                  ),
                })),
              }),
            );
        }
      }
      await inTx(cur, (trx) => bank.closeDay(trx, admin, date));
      await yearEnd.day(cur, date);
    });
    cur = db;
    progress(di + 1, allDays, date);
  }
  await bank.finish(db, admin);
  // The Dinas trained the cooperatives' officers together at the BKPSDM hall, early in the history.
  await seedTraining(db, { date: addDays(start, Math.floor(days / 3)), clock });
  // Sembako Bahagia: the city's ASN order this month's packages and pick them up at the KDKMP.
  await seedSembako(db, {
    hubId: hub.id,
    products,
    passwordHash: await hashPassword(DEMO_PASSWORD),
    password: DEMO_PASSWORD,
    realClock: real,
  });
  // Each KDKMP's QRIS merchant data, for the cashier's dynamic QRIS.
  await seedQris(db, { regionCode: DEMO_REGENCY, clock });
  summary.ms = Date.now() - started;
  return summary;
}
