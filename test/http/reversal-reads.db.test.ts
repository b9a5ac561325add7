import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDeliveryOrder,
  createStockCount,
  dispatchDeliveryOrder,
  receiveDeliveryOrder,
  recordSales,
  sumSales,
} from '../../src/core/consignment/index.ts';
import { reverseDocument } from '../../src/core/corrections/index.ts';
import { verifyDatabase } from '../../src/core/integrity/index.ts';
import { findOpenDiscrepancies } from '../../src/core/inventory/index.ts';
import { closeSettlementPeriod, recordPayment } from '../../src/core/settlement/index.ts';
import { ENGINES } from '../helpers/engines.ts';
import { buildHttpFixture, callAs, type HttpFixture } from '../helpers/http.ts';
import {
  createGulaPeriod,
  createSembakoProgram,
  enrolBudi,
  signInParticipant,
} from '../helpers/sembako.ts';

const P1 = '198503152010011002';

/**
 * What a reversal leaves behind in the reads: a reversed Sembako pickup in the
 * cooperative's sales, the participant's orders and the program's figures; a
 * reversed stock count's discrepancies open again; a reversed payment in the
 * office's overdue figures; reversals as "Penyesuaian" lines of the JSON
 * statements. The fixture's clock starts on 10 March 2026, 10:00 WIB.
 */
for (const engine of ENGINES) {
  describe(`reads after a reversal on ${engine}`, () => {
    let f: HttpFixture;
    const tx = <T>(fn: (db: HttpFixture['t']['db']) => Promise<T>) =>
      f.t.db.transaction().execute(fn);
    const hubAdmin = () => ({
      userId: 'test-admin',
      memberships: [{ orgId: f.n.hub.id, role: 'hub_admin' }],
    });
    const reverse = (docType: string, docId: string, reason: string) =>
      tx((db) =>
        reverseDocument(db, f.n.ctx, hubAdmin(), { id: randomUUID(), docType, docId, reason }),
      );
    const sale = (qty: number, occurredAt: string) => ({
      id: randomUUID(),
      occurredAt,
      paymentMethod: 'cash' as const,
      lines: [{ productId: f.n.gula1.id, qty, unitPrice: 17_500 }],
    });
    let sembakoReversalId = '';

    const deliver = async (cooperativeId: string, qty: number) => {
      const d = await tx((db) =>
        createDeliveryOrder(db, f.n.ctx, {
          cooperativeId,
          lines: [{ productId: f.n.gula1.id, qty }],
        }),
      );
      await tx((db) => dispatchDeliveryOrder(db, f.n.ctx, d.id));
      await tx((db) =>
        receiveDeliveryOrder(db, f.n.ctx, d.id, {
          lines: [{ productId: f.n.gula1.id, qtyReceived: qty }],
        }),
      );
    };

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      await deliver(f.n.coopA.id, 60);
    });
    afterAll(async () => {
      const report = await verifyDatabase(f.t.db);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      await f.close();
    });

    it('a reversed Sembako pickup: its sale reversed, the participant sees "cancelled by correction", the program counts nothing', async () => {
      const { admin, programId } = await createSembakoProgram(f);
      const packageId = await createGulaPeriod(f, programId);
      const asAdmin = (url: string) =>
        f.app.inject({ method: 'GET', url: `/api/v1/programs/${programId}${url}`, headers: admin });
      await enrolBudi(f, admin, programId, P1);
      const participant = await signInParticipant(f, admin, programId, P1);
      const mine = (what: string) =>
        f.app.inject({
          method: 'GET',
          url: `/api/v1/programs/${programId}/my/${what}`,
          headers: participant,
        });
      const placed = await f.app.inject({
        method: 'POST',
        url: `/api/v1/programs/${programId}/orders`,
        headers: participant,
        payload: {
          id: randomUUID(),
          nip: P1,
          month: '2026-03',
          packageId,
          qty: 1,
        },
      });
      expect(placed.statusCode, placed.body).toBe(201);
      const order = placed.json() as { id: string; pickupCode: string };
      const salesBefore = await sumSales(f.t.db, f.n.coopA.id, '2026-03-10', '2026-03-10');
      const picked = await callAs(
        f,
        'cashierA',
        'POST',
        `/api/v1/programs/${programId}/orders/${order.id}/pickup`,
        { code: order.pickupCode },
      );
      expect(picked.statusCode, picked.body).toBe(200);
      const saleId = picked.json().saleId as string;
      const open = async () =>
        (await asAdmin('/participants?q=budi')).json().items[0].open as number;
      expect(await open()).toBe(30_000);

      const reason = 'Paket rusak, dikembalikan';
      const r = await callAs(
        f,
        'managerA',
        'POST',
        `/api/v1/documents/sembako_order/${order.id}/reverse`,
        {
          id: randomUUID(),
          reason,
        },
      );
      expect(r.statusCode, r.body).toBe(201);
      sembakoReversalId = r.json().id;

      // The cooperative's sales list and sums: the pickup's sale is reversed with its order.
      const sales = await callAs(
        f,
        'managerA',
        'GET',
        `/api/v1/cooperatives/${f.n.coopA.id}/sales`,
      );
      expect(sales.json().items.find((s: { id: string }) => s.id === saleId)).toMatchObject({
        reversed: true,
        reversalId: sembakoReversalId,
      });
      expect(await sumSales(f.t.db, f.n.coopA.id, '2026-03-10', '2026-03-10')).toEqual(salesBefore);

      // The participant: the order stays picked up but cancelled by correction, with why; nothing due.
      expect((await mine('orders')).json().items).toEqual([
        expect.objectContaining({
          id: order.id,
          status: 'picked_up',
          reversed: true,
          reversalId: sembakoReversalId,
          reversedOn: '2026-03-10',
          reversalReason: reason,
        }),
      ]);
      expect((await mine('deductions')).json().items).toEqual([]);

      // The program office: nothing open, nothing picked up, no demand served; the desk says why.
      expect(await open()).toBe(0);
      const rec = (await asAdmin('/periods/2026-03/reconciliation')).json();
      expect(rec.total).toMatchObject({ pickedUp: 0, subsidy: 0, deducted: 0, open: 0 });
      const demand = (await asAdmin('/periods/2026-03/demand')).json();
      expect(demand.items.every((l: { pickedUp: number }) => l.pickedUp === 0)).toBe(true);
      const desk = await callAs(
        f,
        'cashierA',
        'GET',
        `/api/v1/programs/${programId}/pickups?code=${order.pickupCode}`,
      );
      expect(desk.json()).toMatchObject({ reversed: true, reversalReason: reason });

      // The void pickup no longer counts against the period's limit: the participant orders again.
      const again = await f.app.inject({
        method: 'POST',
        url: `/api/v1/programs/${programId}/orders`,
        headers: participant,
        payload: { id: randomUUID(), nip: P1, month: '2026-03', packageId, qty: 1 },
      });
      expect(again.statusCode, again.body).toBe(201);
    });

    it('a reversed stock count: the discrepancies it resolved are open again, until the next count', async () => {
      const coopB = f.n.coopB.id;
      // Sold beyond the recorded stock (none delivered to B): a discrepancy is raised.
      await tx((db) => recordSales(db, f.n.ctx, coopB, [sale(1, '2026-03-10T02:00:00Z')]));
      const open = async () => (await findOpenDiscrepancies(f.t.db, coopB)).map((d) => d.productId);
      expect(await open()).toEqual([f.n.gula1.id]);
      const count = () =>
        tx((db) =>
          createStockCount(db, f.n.ctx, coopB, {
            id: randomUUID(),
            countedAt: '2026-03-10T02:30:00Z',
            lines: [{ productId: f.n.gula1.id, qtyCounted: 0 }],
          }),
        );
      f.n.clock.set('2026-03-10T03:01:00Z'); // counted after the sale was recorded
      const first = await count();
      expect(await open()).toEqual([]);
      // The count's surplus must be in the store again before it can be reversed: a delivery.
      await deliver(coopB, 5);
      await reverse('stock_count', first.id, 'Dihitung dua kali');
      expect(await open()).toEqual([f.n.gula1.id]);
      // Open again: another sale beyond the stock (4 left) raises no second one.
      await tx((db) => recordSales(db, f.n.ctx, coopB, [sale(5, '2026-03-10T03:10:00Z')]));
      const rows = () =>
        f.t.db.selectFrom('stockDiscrepancy').selectAll().where('orgId', '=', coopB).execute();
      expect(await rows()).toHaveLength(1);
      const second = await count();
      expect(await open()).toEqual([]);
      expect((await rows())[0]).toMatchObject({ resolvedByCountId: second.id });
    });

    it('statements carry their adjustments; the office nets a reversed payment on its date', async () => {
      const coopA = f.n.coopA.id;
      const wrong = sale(1, '2026-03-10T03:00:00Z');
      await tx((db) => recordSales(db, f.n.ctx, coopA, [sale(2, '2026-03-10T03:00:00Z'), wrong]));
      f.n.clock.set('2026-04-01T03:00:00Z');
      const [march] = await tx((db) =>
        closeSettlementPeriod(db, f.n.ctx, f.n.hub.id, {
          periodEnd: '2026-03-31',
          cooperativeId: coopA,
        }),
      );
      f.n.clock.set('2026-04-02T03:00:00Z');
      const paymentId = randomUUID();
      await tx((db) =>
        recordPayment(db, f.n.ctx, coopA, {
          id: paymentId,
          amount: march!.closingBalance,
          method: 'transfer',
          reference: 'TRF 0402',
        }),
      );
      await tx((db) => recordSales(db, f.n.ctx, coopA, [sale(2, '2026-04-02T03:00:00Z')]));
      const saleReversal = await reverse('sale', wrong.id, 'Tercatat dua kali');
      f.n.clock.set('2026-05-01T03:00:00Z');
      await tx((db) =>
        closeSettlementPeriod(db, f.n.ctx, f.n.hub.id, {
          periodEnd: '2026-04-30',
          cooperativeId: coopA,
        }),
      );
      f.n.clock.set('2026-05-05T03:00:00Z');
      const paymentReversal = await reverse('payment', paymentId, 'Transfer ditolak bank');

      // The office: on 30 April March was paid; since the bounced transfer (5 May) it is overdue
      // again, as the hub's own balance says.
      const overdueOfA = async (month: string) => {
        const o = await callAs(f, 'govViewer', 'GET', `/api/v1/region/overview?month=${month}`);
        const coops = o.json().districts.flatMap((d: { items: unknown[] }) => d.items);
        return coops.find((c: { id: string }) => c.id === coopA).overdueAmount as number;
      };
      expect(await overdueOfA('2026-04')).toBe(0);
      const balance = (
        await callAs(f, 'managerA', 'GET', `/api/v1/cooperatives/${coopA}/balance`)
      ).json();
      expect(balance.overdueAmount).toBe(march!.closingBalance);
      expect(await overdueOfA('2026-05')).toBe(march!.closingBalance);

      // The statements over JSON: March with the Sembako pickup reversed that day, April with the sale.
      const consignment = (
        await f.t.db
          .selectFrom('sale')
          .select('consignmentAmount')
          .where('id', '=', wrong.id)
          .executeTakeFirstOrThrow()
      ).consignmentAmount;
      const list = (
        await callAs(f, 'managerA', 'GET', `/api/v1/cooperatives/${coopA}/statements`)
      ).json();
      const [april, march2] = list.items;
      expect(march2.id).toBe(march!.id);
      expect(march2.adjustments).toEqual([
        expect.objectContaining({
          reversalId: sembakoReversalId,
          docType: 'sembako_order',
          date: '2026-03-10',
          reason: 'Paket rusak, dikembalikan',
        }),
      ]);
      expect(march2.adjustments[0].amount).toBeLessThan(0);
      expect(april.adjustments).toEqual([
        {
          reversalId: saleReversal.id,
          docType: 'sale',
          docId: wrong.id,
          date: '2026-04-02',
          reason: 'Tercatat dua kali',
          amount: -consignment,
        },
      ]);
      const network = (await callAs(f, 'hubAdmin', 'GET', '/api/v1/settlements/statements')).json();
      expect(network.items.find((s: { id: string }) => s.id === april.id).adjustments).toEqual(
        april.adjustments,
      );

      // The bounced payment lands on May's statement, with its receipt number, raising the balance.
      f.n.clock.set('2026-06-01T03:00:00Z');
      const [may] = await tx((db) =>
        closeSettlementPeriod(db, f.n.ctx, f.n.hub.id, {
          periodEnd: '2026-05-31',
          cooperativeId: coopA,
        }),
      );
      const payment = await f.t.db
        .selectFrom('payment')
        .select('number')
        .where('id', '=', paymentId)
        .executeTakeFirstOrThrow();
      const after = (
        await callAs(f, 'managerA', 'GET', `/api/v1/cooperatives/${coopA}/statements`)
      ).json();
      expect(after.items.find((s: { id: string }) => s.id === may!.id).adjustments).toEqual([
        {
          reversalId: paymentReversal.id,
          docType: 'payment',
          docId: paymentId,
          number: payment.number,
          date: '2026-05-05',
          reason: 'Transfer ditolak bank',
          amount: march!.closingBalance,
        },
      ]);
    });
  });
}
