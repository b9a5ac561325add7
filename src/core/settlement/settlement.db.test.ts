import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../test/helpers/engines.ts';
import { buildNetwork, journalOf, type TestNetwork } from '../../../test/helpers/network.ts';
import { setProductPrices } from '../catalog/index.ts';
import {
  createDeliveryOrder,
  createGoodsReceipt,
  createStockCount,
  dispatchDeliveryOrder,
  getCooperativeBalance,
  receiveDeliveryOrder,
  recordSales,
} from '../consignment/index.ts';
import { verifyDatabase } from '../integrity/index.ts';
import type { CommandContext } from '../shared/context.ts';
import { newId } from '../shared/ids.ts';
import {
  closeSettlementPeriod,
  getCreditPosition,
  recordPayment,
  type StatementTable,
} from './index.ts';

/**
 * One network through January–March 2026, exposure limit Rp 10.000.000 per
 * cooperative. Consignment prices (fixture): gula 1 kg Rp 16.000, gula 50 kg
 * Rp 800.000 (Rp 820.000 from 6 January, set here), Minyakita Rp 14.500.
 */
const LIMIT = 10_000_000;
const NO_AGING = { current: 0, d1to30: 0, d31to60: 0, d61to90: 0, d90plus: 0 };

for (const engine of ENGINES) {
  describe(`settlement on ${engine}`, () => {
    let t: TestDatabase;
    let n: TestNetwork;
    let january: StatementTable;
    let february: StatementTable;
    const payment1 = {
      id: newId(),
      amount: 300_000,
      method: 'transfer' as const,
      reference: 'TRF-BRI-0212',
    };
    const lateSaleId = newId();
    let heldOrderId = '';

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      n = await buildNetwork(t.db, { exposureLimit: LIMIT, now: '2026-01-02T03:00:00Z' });
    });
    afterAll(async () => {
      try {
        const report = await verifyDatabase(t.db);
        expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      } finally {
        await t.close();
      }
    });
    const tx = <T>(fn: (trx: TestDatabase['db']) => Promise<T>) => t.db.transaction().execute(fn);
    /** Moves the clock to 10:00 WIB of a business date. */
    const on = (date: string) => n.clock.set(`${date}T03:00:00Z`);
    const balanceOf = (coopId: string) => getCooperativeBalance(t.db, n.clock, coopId);
    const countRows = async (table: 'statement' | 'journalEntry' | 'payment' | 'auditEvent') =>
      Number(
        (
          await t.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const sell = async (
      coopId: string,
      occurredAt: string,
      lines: { productId: string; qty: number; unitPrice: number }[],
      id = newId(),
    ) => {
      const res = await tx((db) =>
        recordSales(db, n.ctx, coopId, [{ id, occurredAt, paymentMethod: 'cash', lines }]),
      );
      expect(res).toEqual([{ id, status: 'created' }]);
      return id;
    };
    const order = async (coopId: string, lines: { productId: string; qty: number }[]) =>
      (await tx((db) => createDeliveryOrder(db, n.ctx, { cooperativeId: coopId, lines }))).id;
    const orderStatus = async (id: string) =>
      (
        await t.db
          .selectFrom('deliveryOrder')
          .select('status')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).status;

    it('2 January: stock is received at the hub and consigned to both cooperatives', async () => {
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
      const toA = await order(n.coopA.id, [
        { productId: n.gula1.id, qty: 200 },
        { productId: n.minyak.id, qty: 100 },
      ]);
      await tx((db) => dispatchDeliveryOrder(db, n.ctx, toA));
      await tx((db) =>
        receiveDeliveryOrder(db, n.ctx, toA, {
          lines: [
            { productId: n.gula1.id, qtyReceived: 200 },
            { productId: n.minyak.id, qtyReceived: 100 },
          ],
        }),
      );
      const toB = await order(n.coopB.id, [{ productId: n.gula50.id, qty: 10 }]);
      await tx((db) => dispatchDeliveryOrder(db, n.ctx, toB));

      expect(await balanceOf(n.coopA.id)).toMatchObject({
        consignedStockValue: 200 * 16_000 + 100 * 14_500,
        inTransitValue: 0,
        balanceDue: 0,
        exposure: 4_650_000,
        exposureLimit: LIMIT,
      });
      // Goods on the road count as exposure before the cooperative has them.
      expect(await balanceOf(n.coopB.id)).toMatchObject({
        consignedStockValue: 0,
        inTransitValue: 8_000_000,
        balanceDue: 0,
        exposure: 8_000_000,
      });

      on('2026-01-03');
      await tx((db) =>
        receiveDeliveryOrder(db, n.ctx, toB, {
          lines: [{ productId: n.gula50.id, qtyReceived: 9 }],
        }),
      );
      // The sack lost on the road is the hub's loss: not consigned, not owed.
      expect(await balanceOf(n.coopB.id)).toMatchObject({
        consignedStockValue: 7_200_000,
        inTransitValue: 0,
        balanceDue: 0,
        exposure: 7_200_000,
      });
    });

    it('exposure is consigned stock + in transit at today’s consignment price + balance due', async () => {
      on('2026-01-05');
      await sell(n.coopB.id, '2026-01-05T03:00:00Z', [
        { productId: n.gula50.id, qty: 1, unitPrice: 860_000 },
      ]);
      expect(await balanceOf(n.coopB.id)).toMatchObject({
        consignedStockValue: 8 * 800_000,
        inTransitValue: 0,
        balanceDue: 800_000,
        exposure: 7_200_000,
      });
      await tx((db) =>
        setProductPrices(
          db,
          n.gula50.id,
          '15',
          { consignmentPrice: 820_000, retailPrice: 870_000, effectiveFrom: '2026-01-06' },
          n.clock,
        ),
      );
      // The new price is not in force yet on the 5th…
      expect((await balanceOf(n.coopB.id)).exposure).toBe(7_200_000);
      // …and revalues the stock from the 6th; what was sold stays owed at the old price.
      on('2026-01-06');
      expect(await balanceOf(n.coopB.id)).toMatchObject({
        consignedStockValue: 8 * 820_000,
        balanceDue: 800_000,
        exposure: 7_360_000,
      });
    });

    it('dispatch is refused when exposure + order value would pass the limit, allowed up to it exactly', async () => {
      // 7,360,000 + 166 × 16,000 = 10,016,000 > 10,000,000
      const tooMuch = await order(n.coopB.id, [{ productId: n.gula1.id, qty: 166 }]);
      await expect(tx((db) => dispatchDeliveryOrder(db, n.ctx, tooMuch))).rejects.toMatchObject({
        code: 'ExposureLimitExceeded',
      });
      expect(await orderStatus(tooMuch)).toBe('draft');
      expect((await balanceOf(n.coopB.id)).inTransitValue).toBe(0);

      // 7,360,000 + 165 × 16,000 = 10,000,000: at the limit, not past it.
      const exact = await order(n.coopB.id, [{ productId: n.gula1.id, qty: 165 }]);
      expect(await tx((db) => dispatchDeliveryOrder(db, n.ctx, exact))).toEqual({
        id: exact,
        status: 'dispatched',
      });
      expect(await balanceOf(n.coopB.id)).toMatchObject({
        consignedStockValue: 6_560_000,
        inTransitValue: 2_640_000,
        balanceDue: 800_000,
        exposure: 10_000_000,
      });
    });

    it('January: sales at the consignment price and a count shortage charged at it', async () => {
      on('2026-01-15');
      await sell(n.coopA.id, '2026-01-15T02:00:00Z', [
        { productId: n.gula1.id, qty: 10, unitPrice: 17_500 },
      ]);
      await sell(n.coopA.id, '2026-01-15T04:00:00Z', [
        { productId: n.minyak.id, qty: 20, unitPrice: 15_700 },
      ]);
      on('2026-01-20');
      const count = await tx((db) =>
        createStockCount(db, n.ctx, n.coopA.id, {
          id: newId(),
          countedAt: '2026-01-20T03:00:00Z',
          lines: [
            { productId: n.gula1.id, qtyCounted: 188 },
            { productId: n.minyak.id, qtyCounted: 80 },
          ],
        }),
      );
      expect(count.lines.map((l) => l.chargeAmount)).toEqual([32_000, 0]);
      expect((await balanceOf(n.coopA.id)).balanceDue).toBe(160_000 + 290_000 + 32_000);
    });

    it('a period that has not ended yet cannot be closed (month end at 23:59 WIB is still today)', async () => {
      n.clock.set('2026-01-31T16:59:00Z'); // 31 January 23:59 WIB
      const before = await countRows('statement');
      for (const periodEnd of ['2026-01-31', '2026-02-28']) {
        await expect(
          tx((db) =>
            closeSettlementPeriod(db, n.ctx, n.hub.id, { periodEnd, cooperativeId: n.coopA.id }),
          ),
        ).rejects.toMatchObject({
          code: 'ValidationFailed',
          details: [
            {
              path: '/periodEnd',
              message: 'periodenya belum berakhir',
              messageEn: 'the period has not ended yet',
            },
          ],
        });
      }
      expect(await countRows('statement')).toBe(before);
    });

    it('closing a date that does not end a monthly period is refused', async () => {
      on('2026-02-01');
      // The 30th is no month end; the 25th is a Sunday, which ends only weekly periods.
      for (const periodEnd of ['2026-01-30', '2026-01-25']) {
        await expect(
          tx((db) =>
            closeSettlementPeriod(db, n.ctx, n.hub.id, { periodEnd, cooperativeId: n.coopA.id }),
          ),
        ).rejects.toMatchObject({
          code: 'ValidationFailed',
          details: [
            {
              path: '/periodEnd',
              message: 'bukan akhir periode bulanan',
              messageEn: 'not the end of a monthly period',
            },
          ],
        });
      }
      expect(await countRows('statement')).toBe(0);
    });

    it('closes January: opening 0 + sales + shrinkage, due 14 days after the period end', async () => {
      on('2026-02-01');
      const issued = await tx((db) =>
        closeSettlementPeriod(db, n.ctx, n.hub.id, { periodEnd: '2026-01-31' }),
      );
      expect(issued.map((s) => s.orgId).sort()).toEqual([n.coopA.id, n.coopB.id].sort());
      january = issued.find((s) => s.orgId === n.coopA.id)!;
      expect(january).toMatchObject({
        hubId: n.hub.id,
        periodStart: '2026-01-01',
        periodEnd: '2026-01-31',
        openingBalance: 0,
        salesAmount: 450_000, // 10 × 16,000 + 20 × 14,500
        shrinkageAmount: 32_000, // 2 × 16,000
        paymentsAmount: 0,
        subsidyNettedAmount: 0,
        closingBalance: 482_000,
        dueDate: '2026-02-14',
        issuedAt: '2026-02-01T03:00:00.000Z',
      });
      expect(issued.find((s) => s.orgId === n.coopB.id)).toMatchObject({
        salesAmount: 800_000,
        closingBalance: 800_000,
        dueDate: '2026-02-14',
      });
    });

    it('closing the same period again returns the same statements and writes nothing', async () => {
      n.clock.set('2026-02-02T05:00:00Z');
      const rows = {
        statements: await countRows('statement'),
        journal: await countRows('journalEntry'),
      };
      const again = await tx((db) =>
        closeSettlementPeriod(db, n.ctx, n.hub.id, { periodEnd: '2026-01-31' }),
      );
      expect(again.find((s) => s.orgId === n.coopA.id)).toEqual(january);
      const one = await tx((db) =>
        closeSettlementPeriod(db, n.ctx, n.hub.id, {
          periodEnd: '2026-01-31',
          cooperativeId: n.coopA.id,
        }),
      );
      expect(one).toEqual([january]);
      expect({
        statements: await countRows('statement'),
        journal: await countRows('journalEntry'),
      }).toEqual(rows);
    });

    it('a sale dated in a closed period (late sync) lands on the next statement', async () => {
      on('2026-02-03');
      await sell(
        n.coopA.id,
        '2026-01-28T05:00:00Z',
        [{ productId: n.gula1.id, qty: 5, unitPrice: 17_500 }],
        lateSaleId,
      );
      const sale = await t.db
        .selectFrom('sale')
        .select(['saleDate', 'consignmentAmount', 'statementId'])
        .where('orgId', '=', n.coopA.id)
        .where('id', '=', lateSaleId)
        .executeTakeFirstOrThrow();
      expect(sale).toEqual({
        saleDate: '2026-01-28',
        consignmentAmount: 80_000,
        statementId: null,
      });
      const stored = await t.db
        .selectFrom('statement')
        .selectAll()
        .where('orgId', '=', n.coopA.id)
        .where('periodEnd', '=', '2026-01-31')
        .executeTakeFirstOrThrow();
      expect(stored).toEqual(january);
      on('2026-02-10');
      await sell(n.coopA.id, '2026-02-10T03:00:00Z', [
        { productId: n.gula1.id, qty: 25, unitPrice: 17_000 },
      ]);
    });

    it('a transfer payment posts Dr Utang kepada Pengamanat / Cr Bank and Dr Bank / Cr Piutang Konsinyasi', async () => {
      on('2026-02-12');
      const res = await tx((db) => recordPayment(db, n.ctx, n.coopA.id, payment1));
      expect(res).toMatchObject({ amount: 300_000, receivedOn: '2026-02-12', created: true });
      expect(await journalOf(t.db, n.coopA.id, 'payment', payment1.id)).toEqual([
        { account: '2101', cp: n.hub.id, debit: 300_000, credit: 0, date: '2026-02-12' },
        { account: '1102', cp: undefined, debit: 0, credit: 300_000, date: '2026-02-12' },
      ]);
      expect(await journalOf(t.db, n.hub.id, 'payment', payment1.id)).toEqual([
        { account: '1102', cp: undefined, debit: 300_000, credit: 0, date: '2026-02-12' },
        { account: '1201', cp: n.coopA.id, debit: 0, credit: 300_000, date: '2026-02-12' },
      ]);
      expect((await balanceOf(n.coopA.id)).balanceDue).toBe(482_000 + 480_000 - 300_000);
    });

    it('a payment replay has no new effect; the same id with another body is a conflict', async () => {
      const rows = {
        payments: await countRows('payment'),
        journal: await countRows('journalEntry'),
      };
      const replay = await tx((db) => recordPayment(db, n.ctx, n.coopA.id, payment1));
      expect(replay).toMatchObject({ id: payment1.id, amount: 300_000, created: false });
      for (const other of [
        { ...payment1, amount: 350_000 },
        { ...payment1, method: 'cash' as const },
        { ...payment1, reference: 'TRF-BRI-0213' },
      ]) {
        await expect(tx((db) => recordPayment(db, n.ctx, n.coopA.id, other))).rejects.toMatchObject(
          { code: 'IdempotencyConflict' },
        );
      }
      expect({
        payments: await countRows('payment'),
        journal: await countRows('journalEntry'),
      }).toEqual(rows);
      expect((await balanceOf(n.coopA.id)).balanceDue).toBe(662_000);
    });

    it('aging: a statement is current on its due date and 1–30 days late the day after', async () => {
      on('2026-02-14');
      // January 482,000 − 300,000 paid, due today; February sales not billed yet.
      expect(await balanceOf(n.coopA.id)).toMatchObject({
        balanceDue: 662_000,
        overdueAmount: 0,
        onHold: false,
        aging: { ...NO_AGING, current: 662_000 },
      });
      on('2026-02-15');
      expect(await balanceOf(n.coopA.id)).toMatchObject({
        overdueAmount: 182_000,
        onHold: false,
        aging: { ...NO_AGING, current: 480_000, d1to30: 182_000 },
      });
    });

    it('dispatch is still allowed on the last grace day (7 days overdue)', async () => {
      on('2026-02-21');
      expect((await balanceOf(n.coopA.id)).onHold).toBe(false);
      const d = await order(n.coopA.id, [{ productId: n.gula1.id, qty: 10 }]);
      expect(await tx((db) => dispatchDeliveryOrder(db, n.ctx, d))).toEqual({
        id: d,
        status: 'dispatched',
      });
      await tx((db) =>
        receiveDeliveryOrder(db, n.ctx, d, {
          lines: [{ productId: n.gula1.id, qtyReceived: 10 }],
        }),
      );
    });

    it('shipping hold past the grace days: refused, Forbidden to override for hub staff, overridden by a hub admin with an audited reason', async () => {
      on('2026-02-22');
      expect(await balanceOf(n.coopA.id)).toMatchObject({ onHold: true, overdueAmount: 182_000 });
      heldOrderId = await order(n.coopA.id, [{ productId: n.gula1.id, qty: 10 }]);
      await expect(tx((db) => dispatchDeliveryOrder(db, n.ctx, heldOrderId))).rejects.toMatchObject(
        { code: 'ShippingHold' },
      );

      const reason = 'Stok menjelang Ramadan; bendahara berjanji melunasi 25 Februari';
      const staff: CommandContext = {
        clock: n.clock,
        actor: { userId: 'staff-1', role: 'hub_staff' },
      };
      await expect(
        tx((db) => dispatchDeliveryOrder(db, staff, heldOrderId, { override: { reason } })),
      ).rejects.toMatchObject({ code: 'Forbidden' });
      expect(await orderStatus(heldOrderId)).toBe('draft');
      expect(await countRows('auditEvent')).toBe(0);

      expect(
        await tx((db) =>
          dispatchDeliveryOrder(db, n.ctx, heldOrderId, { override: { reason: `  ${reason} ` } }),
        ),
      ).toEqual({ id: heldOrderId, status: 'dispatched' });
      expect(
        await t.db
          .selectFrom('deliveryOrder')
          .select(['status', 'overrideReason', 'overrideBy'])
          .where('id', '=', heldOrderId)
          .executeTakeFirstOrThrow(),
      ).toEqual({ status: 'dispatched', overrideReason: reason, overrideBy: 'test-admin' });
      const audit = await t.db.selectFrom('auditEvent').selectAll().execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        orgId: n.hub.id,
        actorUserId: 'test-admin',
        action: 'delivery_order.dispatch_override',
        targetType: 'delivery_order',
        targetId: heldOrderId,
        at: '2026-02-22T03:00:00.000Z',
      });
      expect(JSON.parse(audit[0]!.detail)).toMatchObject({
        reason,
        orderValue: 160_000,
        holds: [january.id],
      });
    });

    it('closes February: opening = January closing, the late sale and the payment on it', async () => {
      on('2026-03-01');
      const [s] = await tx((db) =>
        closeSettlementPeriod(db, n.ctx, n.hub.id, {
          periodEnd: '2026-02-28',
          cooperativeId: n.coopA.id,
        }),
      );
      february = s!;
      expect(february).toMatchObject({
        periodStart: '2026-02-01',
        periodEnd: '2026-02-28',
        openingBalance: january.closingBalance,
        salesAmount: 480_000, // late 5 × 16,000 + 25 × 16,000
        shrinkageAmount: 0,
        paymentsAmount: 300_000,
        subsidyNettedAmount: 0,
        closingBalance: 662_000,
        dueDate: '2026-03-14',
      });
      expect(january.closingBalance).toBe(482_000);
      const late = await t.db
        .selectFrom('sale')
        .select('statementId')
        .where('orgId', '=', n.coopA.id)
        .where('id', '=', lateSaleId)
        .executeTakeFirstOrThrow();
      expect(late.statementId).toBe(february.id);
    });

    it('payments are allocated to the oldest statement first', async () => {
      const p = await getCreditPosition(t.db, n.coopA.id, '2026-03-01', 7);
      expect(p.statements.map((s) => [s.periodEnd, s.outstanding])).toEqual([
        ['2026-01-31', 182_000],
        ['2026-02-28', 480_000],
      ]);
      expect(p.unusedCredit).toBe(0);
      expect(p.overdueAmount).toBe(182_000);
      expect(p.holdStatements.map((s) => s.id)).toEqual([january.id]);
    });

    it('exposure of a cooperative with stock, goods in transit and a balance due', async () => {
      // Store: gula 200 − 10 − 2 − 5 − 25 + 10 = 168, Minyakita 80; in transit: 10 gula.
      expect(await balanceOf(n.coopA.id)).toMatchObject({
        consignedStockValue: 168 * 16_000 + 80 * 14_500,
        inTransitValue: 160_000,
        balanceDue: 662_000,
        exposure: 3_848_000 + 160_000 + 662_000,
        overdueAmount: 182_000,
        onHold: true,
        aging: { ...NO_AGING, current: 480_000, d1to30: 182_000 },
      });
    });

    it('aging 31–60 days, then a cash payment clears the oldest statement and lifts the hold', async () => {
      on('2026-03-17');
      // January: 31 days past 14 February; February: 3 days past 14 March.
      expect(await balanceOf(n.coopA.id)).toMatchObject({
        balanceDue: 662_000,
        overdueAmount: 662_000,
        onHold: true,
        aging: { ...NO_AGING, d1to30: 480_000, d31to60: 182_000 },
      });
      const id = newId();
      await tx((db) =>
        recordPayment(db, n.ctx, n.coopA.id, {
          id,
          amount: 200_000,
          method: 'cash',
          reference: 'Setoran tunai',
        }),
      );
      expect(await journalOf(t.db, n.coopA.id, 'payment', id)).toEqual([
        { account: '2101', cp: n.hub.id, debit: 200_000, credit: 0, date: '2026-03-17' },
        { account: '1101', cp: undefined, debit: 0, credit: 200_000, date: '2026-03-17' },
      ]);
      expect(await journalOf(t.db, n.hub.id, 'payment', id)).toEqual([
        { account: '1101', cp: undefined, debit: 200_000, credit: 0, date: '2026-03-17' },
        { account: '1201', cp: n.coopA.id, debit: 0, credit: 200_000, date: '2026-03-17' },
      ]);
      const p = await getCreditPosition(t.db, n.coopA.id, '2026-03-17', 7);
      expect(p.statements.map((s) => [s.periodEnd, s.outstanding])).toEqual([
        ['2026-01-31', 0],
        ['2026-02-28', 462_000],
      ]);
      expect(await balanceOf(n.coopA.id)).toMatchObject({
        balanceDue: 462_000,
        overdueAmount: 462_000,
        onHold: false,
        aging: { ...NO_AGING, d1to30: 462_000 },
      });
    });
  });
}
