import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDeliveryOrder,
  createGoodsReceipt,
  dispatchDeliveryOrder,
  receiveDeliveryOrder,
} from '../../src/core/consignment/index.ts';
import { verifyDatabase } from '../../src/core/integrity/index.ts';
import { listPayrollDeductions } from '../../src/core/sembako/index.ts';
import { countFacts, snapshotBooks } from '../helpers/books-snapshot.ts';
import { ENGINES } from '../helpers/engines.ts';
import {
  auditEventsOf,
  buildHttpFixture,
  callAs,
  type HttpFixture,
  type UserKey,
} from '../helpers/http.ts';
import { createGulaPeriod, createSembakoProgram, enrolBudi } from '../helpers/sembako.ts';

const P1 = '198503152010011002';

/**
 * Reversals over HTTP: who may reverse what (a cashier their own sale of
 * today, the manager the cooperative's documents, a hub admin the hub's and
 * the network's), the preview, the audit trail with the reason, and a
 * picked-up Sembako order undone with its sale and the participant's
 * receivable. The fixture's clock is 10 March 2026, 10:00 WIB.
 */
for (const engine of ENGINES) {
  describe(`reversals over HTTP on ${engine}`, () => {
    let f: HttpFixture;
    let deliveryId = '';
    const tx = <T>(fn: (db: HttpFixture['t']['db']) => Promise<T>) =>
      f.t.db.transaction().execute(fn);
    const sell = async (user: UserKey, occurredAt = '2026-03-10T02:00:00Z') => {
      const id = randomUUID();
      const res = await callAs(f, user, 'POST', `/api/v1/cooperatives/${f.n.coopA.id}/sales`, {
        sales: [
          {
            id,
            occurredAt,
            paymentMethod: 'cash',
            lines: [{ productId: f.n.gula1.id, qty: 1, unitPrice: 17_500 }],
          },
        ],
      });
      expect(res.json().results[0].status, res.body).toBe('created');
      return id;
    };
    const reverse = (user: UserKey, docType: string, docId: string, body: object = {}) =>
      callAs(f, user, 'POST', `/api/v1/documents/${docType}/${docId}/reverse`, {
        id: randomUUID(),
        reason: 'Salah input jumlah',
        ...body,
      });

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      await tx((db) =>
        createGoodsReceipt(db, f.n.ctx, f.n.hub.id, {
          supplierName: 'PT Gula Nusantara',
          lines: [{ productId: f.n.gula1.id, qty: 100, unitCost: 15_000 }],
        }),
      );
      const d = await tx((db) =>
        createDeliveryOrder(db, f.n.ctx, {
          cooperativeId: f.n.coopA.id,
          lines: [{ productId: f.n.gula1.id, qty: 60 }],
        }),
      );
      await tx((db) => dispatchDeliveryOrder(db, f.n.ctx, d.id));
      deliveryId = d.id;
      await tx((db) =>
        receiveDeliveryOrder(db, f.n.ctx, d.id, {
          lines: [{ productId: f.n.gula1.id, qtyReceived: 60 }],
        }),
      );
    });
    afterAll(async () => {
      const report = await verifyDatabase(f.t.db);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      await f.close();
    });

    it('a cashier voids their own sale of today: 201, the books as before, the reason in the audit log', async () => {
      const before = await snapshotBooks(f.t.db);
      const id = await sell('cashierA');
      const preview = await callAs(f, 'cashierA', 'GET', `/api/v1/documents/sale/${id}/reversal`);
      expect(preview.statusCode, preview.body).toBe(200);
      expect(preview.json()).toMatchObject({ reversible: true, stock: [{ quantity: 1 }] });
      const res = await reverse('cashierA', 'sale', id, { reason: 'Pembeli batal' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toEqual({
        id: expect.any(String),
        docType: 'sale',
        docId: id,
        date: '2026-03-10',
      });
      expect(await snapshotBooks(f.t.db)).toEqual(before);
      await expect.poll(async () => (await auditEventsOf(f, 'reverseDocument')).length).toBe(1);
      const [event] = await auditEventsOf(f, 'reverseDocument');
      expect(event).toMatchObject({ orgId: f.n.coopA.id, targetType: 'sale', targetId: id });
      expect(JSON.parse(event!.detail)).toMatchObject({
        reason: 'Pembeli batal',
        reversalId: res.json().id,
      });
      const sales = await callAs(
        f,
        'managerA',
        'GET',
        `/api/v1/cooperatives/${f.n.coopA.id}/sales`,
      );
      expect(sales.json().items.find((x: { id: string }) => x.id === id)).toMatchObject({
        reversed: true,
        reversalId: res.json().id,
      });
      const after = await callAs(f, 'managerA', 'GET', `/api/v1/documents/sale/${id}/reversal`);
      expect(after.json()).toMatchObject({
        reversible: false,
        reversedBy: { id: res.json().id, date: '2026-03-10', reason: 'Pembeli batal' },
      });
    });

    it('a sale of yesterday or another’s needs the manager; another cooperative’s manager may not', async () => {
      const yesterday = await sell('cashierA', '2026-03-09T03:00:00Z');
      const managers = await sell('managerA');
      expect((await reverse('cashierA', 'sale', yesterday)).statusCode).toBe(403);
      expect((await reverse('cashierA', 'sale', managers)).statusCode).toBe(403);
      expect((await reverse('managerB', 'sale', yesterday)).statusCode).toBe(403);
      expect((await reverse('hubStaff', 'sale', yesterday)).statusCode).toBe(403);
      expect((await reverse('managerA', 'sale', yesterday)).statusCode).toBe(201);
      expect((await reverse('hubAdmin', 'sale', managers)).statusCode).toBe(201);
    });

    it('hub documents need a hub admin; replay, double reversal, unknown: nothing written', async () => {
      const gr = await callAs(f, 'hubAdmin', 'POST', '/api/v1/goods-receipts', {
        id: randomUUID(),
        supplierName: 'PT Minyak',
        lines: [{ productId: f.n.minyak.id, qty: 10, unitCost: 13_000 }],
      });
      expect(gr.statusCode, gr.body).toBe(201);
      const grId = gr.json().id as string;
      expect((await reverse('managerA', 'goods_receipt', grId)).statusCode).toBe(403);
      expect(
        (await callAs(f, 'managerA', 'GET', `/api/v1/documents/goods_receipt/${grId}/reversal`))
          .statusCode,
      ).toBe(403);
      const body = { id: randomUUID(), reason: 'Harga pokok salah ketik' };
      const first = await reverse('hubAdmin', 'goods_receipt', grId, body);
      expect(first.statusCode, first.body).toBe(201);
      const facts = await countFacts(f.t.db);
      const replay = await reverse('hubAdmin', 'goods_receipt', grId, body);
      expect([replay.statusCode, replay.json()]).toEqual([200, first.json()]);
      const again = await reverse('hubAdmin', 'goods_receipt', grId);
      expect([again.statusCode, again.json().code]).toEqual([409, 'AlreadyReversed']);
      const ofReversal = await reverse('hubAdmin', 'goods_receipt', first.json().id);
      expect([ofReversal.statusCode, ofReversal.json().code]).toEqual([409, 'InvalidState']);
      expect((await reverse('hubAdmin', 'payment', randomUUID())).statusCode).toBe(404);
      expect((await reverse('hubAdmin', 'invoice', randomUUID())).statusCode).toBe(400);
      expect(await countFacts(f.t.db)).toEqual(facts);
      const list = await callAs(f, 'hubAdmin', 'GET', '/api/v1/goods-receipts');
      const items = list.json().items as { id: string; reversed: boolean }[];
      expect(items.find((r) => r.id === grId)).toMatchObject({ reversed: true });
      expect(items.filter((r) => r.id !== grId).every((r) => r.reversed === false)).toBe(true);
    });

    it('a picked-up Sembako order: its sale and the participant’s receivable undone', async () => {
      const { admin, programId } = await createSembakoProgram(f);
      const packageId = await createGulaPeriod(f, programId);
      await enrolBudi(f, admin, programId, P1);
      const order = await f.app.inject({
        method: 'POST',
        url: `/api/v1/programs/${programId}/orders`,
        headers: admin,
        payload: {
          id: randomUUID(),
          nip: P1,
          month: '2026-03',
          packageId,
          qty: 1,
        },
      });
      expect(order.statusCode, order.body).toBe(201);
      const before = await snapshotBooks(f.t.db);
      const o = order.json() as { id: string; pickupCode: string };
      const picked = await callAs(
        f,
        'cashierA',
        'POST',
        `/api/v1/programs/${programId}/orders/${o.id}/pickup`,
        {
          code: o.pickupCode,
        },
      );
      expect(picked.statusCode, picked.body).toBe(200);
      const coopA = `/api/v1/cooperatives/${f.n.coopA.id}`;
      const soldThisMonth = async () =>
        (await callAs(f, 'managerA', 'GET', `${coopA}/dashboard`)).json().sales.monthCount;
      const counted = await soldThisMonth();
      const saleOfOrder = await reverse('managerA', 'sale', picked.json().saleId);
      expect([saleOfOrder.statusCode, saleOfOrder.json().code]).toEqual([409, 'InvalidState']);
      // Nor is a pickup given back in part: its order is reversed whole.
      const refund = await callAs(
        f,
        'managerA',
        'POST',
        `${coopA}/sales/${picked.json().saleId}/refund`,
        {
          id: randomUUID(),
          reason: 'Bungkus sobek',
          method: 'cash',
          lines: [{ productId: picked.json().lines[0].productId, quantity: 1 }],
        },
      );
      expect([refund.statusCode, refund.json().code]).toEqual([409, 'InvalidState']);
      expect(refund.json().detail).toMatch(/pesanan Sembako/i);
      const payroll = () => listPayrollDeductions(f.t.db, programId, '2026-03');
      expect(await payroll()).toEqual([expect.objectContaining({ nip: P1, amount: 30_000 })]);
      const res = await reverse('managerA', 'sembako_order', o.id);
      expect(res.statusCode, res.body).toBe(201);
      expect(await snapshotBooks(f.t.db)).toEqual(before);
      // Nobody is deducted for a reversed pickup.
      expect(await payroll()).toEqual([]);
      // The pickup's sale is no longer sold, and the cooperative's list marks it reversed.
      expect(await soldThisMonth()).toBe(counted - 1);
      const sales = (await callAs(f, 'managerA', 'GET', `${coopA}/sales`)).json().items;
      expect(sales).toContainEqual(
        expect.objectContaining({ id: picked.json().saleId, reversed: true }),
      );
    });

    it('a delivery receipt whose goods were sold: the sales first, then the receipt', async () => {
      const sold = await sell('cashierA');
      const blocked = await reverse('managerA', 'delivery_receipt', deliveryId);
      expect([blocked.statusCode, blocked.json().code]).toEqual([409, 'ReversalBlocked']);
      const preview = await callAs(
        f,
        'managerA',
        'GET',
        `/api/v1/documents/delivery_receipt/${deliveryId}/reversal`,
      );
      expect(preview.json()).toMatchObject({
        reversible: false,
        blockedBy: [{ docType: 'sale', docId: sold }],
      });
      expect((await reverse('managerA', 'sale', sold)).statusCode).toBe(201);
      const res = await reverse('managerA', 'delivery_receipt', deliveryId);
      expect(res.statusCode, res.body).toBe(201);
      const list = await callAs(
        f,
        'managerA',
        'GET',
        `/api/v1/delivery-orders?cooperativeId=${f.n.coopA.id}`,
      );
      expect(list.json().items.find((d: { id: string }) => d.id === deliveryId)).toMatchObject({
        status: 'dispatched',
        reversed: true,
        reversalId: res.json().id,
      });
      // Received again: the list shows the new receipt, which is not reversed.
      const again = await callAs(
        f,
        'managerA',
        'POST',
        `/api/v1/delivery-orders/${deliveryId}/receive`,
        { lines: [{ productId: f.n.gula1.id, qtyReceived: 60 }] },
      );
      expect(again.statusCode, again.body).toBe(200);
      const relisted = await callAs(
        f,
        'managerA',
        'GET',
        `/api/v1/delivery-orders?cooperativeId=${f.n.coopA.id}`,
      );
      expect(relisted.json().items.find((d: { id: string }) => d.id === deliveryId)).toMatchObject({
        status: 'received',
        reversed: false,
      });
    });

    it('two reversals of one document at once: one is posted, the other answers AlreadyReversed', async () => {
      const id = await sell('cashierA');
      const answers = await Promise.all([
        reverse('managerA', 'sale', id),
        reverse('hubAdmin', 'sale', id),
      ]);
      expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(answers.find((r) => r.statusCode === 409)!.json().code).toBe('AlreadyReversed');
      const rows = await f.t.db
        .selectFrom('reversal')
        .select('id')
        .where('docId', '=', id)
        .execute();
      expect(rows).toHaveLength(1);
    });
  });
}
