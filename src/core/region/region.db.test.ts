import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../test/helpers/engines.ts';
import { buildNetwork, type TestNetwork } from '../../../test/helpers/network.ts';
import {
  createDeliveryOrder,
  createGoodsReceipt,
  dispatchDeliveryOrder,
  getCooperativeBalance,
  receiveDeliveryOrder,
  recordSales,
} from '../consignment/index.ts';
import {
  createCooperative,
  createParticipation,
  listVillagesIn,
  type OrganizationTable,
} from '../network/index.ts';
import { closeSettlementPeriod, recordPayment } from '../settlement/index.ts';
import { newId } from '../shared/ids.ts';
import { markSubsidyPaid, runMonthlySubsidy } from '../subsidy/index.ts';
import { getRegionOverview, getRegionTrends, overdueAt } from './index.ts';
import {
  findBilledStatements,
  findDailyCredits,
  findRegionCooperatives,
  sumSalesByMonth,
  sumSubsidyPaidByCooperative,
  sumSubsidyPaidByMonth,
} from './region.repository.ts';

/**
 * Kota Jambi's KDKMP A and B and, in Kota Sungai Penuh (15.72), KDKMP C, all
 * with the one hub, January–March 2026. A pays on time and gets its January
 * subsidy paid out; B never pays its January statement (Rp 800.000, due
 * 14 February, on hold after 7 grace days).
 */
for (const engine of ENGINES) {
  describe(`region overview and trends on ${engine}`, () => {
    let t: TestDatabase;
    let n: TestNetwork;
    let coopC: OrganizationTable;
    const JAMBI = { regionCodes: ['15.71'] };
    const tx = <T>(fn: (trx: TestDatabase['db']) => Promise<T>) => t.db.transaction().execute(fn);
    const on = (date: string) => n.clock.set(`${date}T03:00:00Z`);
    const sell = (
      coopId: string,
      occurredAt: string,
      productId: string,
      qty: number,
      price: number,
    ) =>
      tx((db) =>
        recordSales(db, n.ctx, coopId, [
          {
            id: newId(),
            occurredAt,
            paymentMethod: 'cash',
            lines: [{ productId, qty, unitPrice: price }],
          },
        ]),
      );

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      n = await buildNetwork(t.db, { now: '2026-01-02T03:00:00Z' });
      const [village] = await listVillagesIn('15.72');
      coopC = await createCooperative(
        t.db,
        { name: `KDKMP ${village!.name}`, villageCode: village!.code },
        n.clock,
      );
      await createParticipation(
        t.db,
        coopC.id,
        {
          hubId: n.hub.id,
          agreementNo: 'PKS/C',
          startDate: '2026-01-01',
          exposureLimit: 50_000_000,
        },
        n.clock,
      );
      await tx((db) =>
        createGoodsReceipt(db, n.ctx, n.hub.id, {
          supplierName: 'PT Gula Nusantara',
          lines: [
            { productId: n.gula1.id, qty: 500, unitCost: 15_000 },
            { productId: n.gula50.id, qty: 20, unitCost: 740_000 },
            { productId: n.minyak.id, qty: 200, unitCost: 13_000 },
          ],
        }),
      );
      for (const coop of [n.coopA, n.coopB, coopC]) {
        const d = await tx((db) =>
          createDeliveryOrder(db, n.ctx, {
            cooperativeId: coop.id,
            lines: [
              { productId: n.gula1.id, qty: 100 },
              { productId: n.gula50.id, qty: 3 },
              { productId: n.minyak.id, qty: 50 },
            ],
          }),
        );
        await tx((db) => dispatchDeliveryOrder(db, n.ctx, d.id));
        await tx((db) =>
          receiveDeliveryOrder(db, n.ctx, d.id, {
            lines: [
              { productId: n.gula1.id, qtyReceived: 100 },
              { productId: n.gula50.id, qtyReceived: 3 },
              { productId: n.minyak.id, qtyReceived: 50 },
            ],
          }),
        );
      }
      on('2026-01-10');
      await sell(n.coopA.id, '2026-01-10T03:00:00Z', n.gula1.id, 10, 17_500);
      await sell(n.coopB.id, '2026-01-10T04:00:00Z', n.gula50.id, 1, 860_000);
      await sell(coopC.id, '2026-01-10T05:00:00Z', n.gula1.id, 40, 17_500);
      on('2026-02-01');
      await tx((db) => closeSettlementPeriod(db, n.ctx, n.hub.id, { periodEnd: '2026-01-31' }));
      on('2026-02-02');
      await tx((db) => runMonthlySubsidy(db, n.ctx, n.hub.id, { month: '2026-01' }));
      on('2026-02-05');
      await tx((db) =>
        markSubsidyPaid(db, n.ctx, n.coopA.id, { month: '2026-01', reference: 'TRF/SUB/A' }),
      );
      await tx((db) =>
        markSubsidyPaid(db, n.ctx, coopC.id, { month: '2026-01', reference: 'TRF/SUB/C' }),
      );
      on('2026-02-10');
      await tx((db) =>
        recordPayment(db, n.ctx, n.coopA.id, {
          id: newId(),
          amount: 160_000,
          method: 'cash',
          reference: 'Setoran Januari',
        }),
      );
      on('2026-02-12');
      await sell(n.coopA.id, '2026-02-12T03:00:00Z', n.gula1.id, 5, 17_500);
      await sell(n.coopB.id, '2026-02-12T03:30:00Z', n.minyak.id, 2, 15_700);
      on('2026-03-10');
      await sell(n.coopA.id, '2026-03-10T02:00:00Z', n.gula1.id, 3, 17_500);
    });
    afterAll(() => t.close());

    it('February by kecamatan: sales, subsidy handed over, overdue and holds at the month end', async () => {
      const o = await getRegionOverview(t.db, n.clock, JAMBI, { month: '2026-02' });
      expect(o.month).toBe('2026-02');
      expect(o.asOf).toBe('2026-02-28');
      // Only Kota Jambi: C (Sungai Penuh) is not the office's.
      expect(o.districts).toHaveLength(1);
      const d = o.districts[0]!;
      expect(d.items.map((c) => c.name)).toEqual([
        'KDKMP Buluran Kenali',
        'KDKMP Simpang IV Sipin',
      ]);
      const [b, a] = d.items;
      expect(a).toMatchObject({
        participating: true,
        salesAmount: 87_500,
        consignmentAmount: 80_000,
        subsidyPaidMonth: 2_000_000,
        subsidyPaidYear: 2_000_000,
        overdueAmount: 0,
        onHold: false,
      });
      expect(b).toMatchObject({
        salesAmount: 31_400,
        subsidyPaidMonth: 0,
        overdueAmount: 800_000,
        onHold: true,
      });
      expect(o.totals).toEqual({
        cooperatives: 2,
        participating: 2,
        salesAmount: 118_900,
        consignmentAmount: 80_000 + 29_000,
        subsidyPaidMonth: 2_000_000,
        subsidyPaidYear: 2_000_000,
        overdueAmount: 800_000,
        onHold: 1,
      });
      expect(d).toMatchObject({ cooperatives: 2, salesAmount: 118_900, onHold: 1 });
    });

    it("the totals equal the documents, and today's overdue and holds equal each cooperative's balance", async () => {
      const hubScope = { hubIds: [n.hub.id] };
      const o = await getRegionOverview(t.db, n.clock, hubScope);
      expect(o.month).toBe('2026-03');
      expect(o.asOf).toBe('2026-03-10');
      const items = o.districts.flatMap((d) => d.items);
      expect(items).toHaveLength(3);
      const sales = await t.db
        .selectFrom('sale')
        .select(['orgId', 'totalAmount', 'consignmentAmount', 'saleDate'])
        .execute();
      const march = sales.filter((s) => s.saleDate >= '2026-03-01' && s.saleDate <= '2026-03-10');
      expect(o.totals.salesAmount).toBe(march.reduce((x, s) => x + s.totalAmount, 0));
      expect(o.totals.consignmentAmount).toBe(march.reduce((x, s) => x + s.consignmentAmount, 0));
      const grants = await t.db.selectFrom('subsidyGrant').selectAll().execute();
      expect(o.totals.subsidyPaidYear).toBe(
        grants
          .filter((g) => g.status === 'paid' && g.settledOn! >= '2026-01-01')
          .reduce((x, g) => x + g.amount, 0),
      );
      expect(o.totals.subsidyPaidYear).toBe(4_000_000);
      for (const c of items) {
        const bal = await getCooperativeBalance(t.db, n.clock, c.id);
        expect({ name: c.name, overdue: c.overdueAmount, hold: c.onHold }).toEqual({
          name: c.name,
          overdue: bal.overdueAmount,
          hold: bal.onHold,
        });
      }
      // B's January bill, and C's (40 packs at the consignment price Rp 16.000), neither paid.
      expect(o.totals.overdueAmount).toBe(800_000 + 640_000);
    });

    it('trends month by month, the current month last', async () => {
      const { items } = await getRegionTrends(t.db, n.clock, JAMBI, { months: 4 });
      expect(items).toEqual([
        {
          month: '2025-12',
          asOf: '2025-12-31',
          salesAmount: 0,
          subsidyPaid: 0,
          overdueAmount: 0,
          activeCooperatives: 0,
        },
        {
          month: '2026-01',
          asOf: '2026-01-31',
          salesAmount: 175_000 + 860_000,
          subsidyPaid: 0,
          overdueAmount: 0,
          activeCooperatives: 2,
        },
        {
          month: '2026-02',
          asOf: '2026-02-28',
          salesAmount: 118_900,
          subsidyPaid: 2_000_000,
          overdueAmount: 800_000,
          activeCooperatives: 2,
        },
        {
          month: '2026-03',
          asOf: '2026-03-10',
          salesAmount: 52_500,
          subsidyPaid: 0,
          overdueAmount: 800_000,
          activeCooperatives: 1,
        },
      ]);
    });

    it('reads a national network: more cooperative ids than one statement takes', async () => {
      const ids = (await findRegionCooperatives(t.db, { hubIds: [n.hub.id] })).map((c) => c.id);
      const [first] = [...ids].sort();
      const national = [
        ...ids,
        ...Array.from({ length: 70_000 }, (_, i) => `${first}-tak-dikenal-${i}`),
      ];
      const numbers = <T extends object>(rows: T[]) =>
        rows.map((r) =>
          Object.fromEntries(
            Object.entries(r).map(([k, v]) => [
              k,
              typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v,
            ]),
          ),
        );
      const range = ['2025-12-01', '2026-03-10'] as const;
      // Without an `order by`, only the rows count, not their order.
      const sortBy = (rows: object[]) =>
        numbers(rows).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      for (const read of [sumSalesByMonth, sumSubsidyPaidByMonth, sumSubsidyPaidByCooperative]) {
        expect(sortBy(await read(t.db, national, ...range))).toEqual(
          sortBy(await read(t.db, ids, ...range)),
        );
      }
      expect(numbers(await findBilledStatements(t.db, national, '2026-03-10'))).toEqual(
        numbers(await findBilledStatements(t.db, ids, '2026-03-10')),
      );
      const credits = await findDailyCredits(t.db, national, '2026-03-10');
      expect(credits.length).toBeGreaterThan(0);
      expect(sortBy(credits)).toEqual(sortBy(await findDailyCredits(t.db, ids, '2026-03-10')));
    });

    it('refuses a month that has not happened and a malformed one', async () => {
      await expect(
        getRegionOverview(t.db, n.clock, JAMBI, { month: '2026-04' }),
      ).rejects.toMatchObject({ code: 'DateInFuture' });
      await expect(
        getRegionOverview(t.db, n.clock, JAMBI, { month: '2026-13' }),
      ).rejects.toMatchObject({ code: 'ValidationFailed' });
      await expect(getRegionTrends(t.db, n.clock, JAMBI, { months: 0 })).rejects.toMatchObject({
        code: 'ValidationFailed',
      });
    });
  });
}

describe('overdueAt', () => {
  const st = [
    { id: 's1', periodEnd: '2026-01-31', dueDate: '2026-02-14', billed: 500 },
    { id: 's2', periodEnd: '2026-02-28', dueDate: '2026-03-14', billed: 300 },
  ];
  it('allocates credits oldest first and counts only what is past due on the day', () => {
    expect(overdueAt(st, [{ date: '2026-02-20', amount: 200 }], '2026-02-20', 7)).toEqual({
      overdueAmount: 300,
      onHold: false,
    });
    expect(overdueAt(st, [{ date: '2026-02-20', amount: 200 }], '2026-03-15', 7)).toEqual({
      overdueAmount: 600,
      onHold: true,
    });
    // A payment after the day does not count yet.
    expect(overdueAt(st, [{ date: '2026-03-01', amount: 500 }], '2026-02-28', 7)).toEqual({
      overdueAmount: 500,
      onHold: true,
    });
  });
});
