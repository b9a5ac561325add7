import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDatabase } from '../../src/core/integrity/index.ts';
import { deliverGula, stockHub } from '../helpers/deliveries.ts';
import { ENGINES } from '../helpers/engines.ts';
import {
  auditEventsOf,
  buildHttpFixture,
  callAs,
  type HttpFixture,
  type UserKey,
} from '../helpers/http.ts';

/**
 * Partial corrections over HTTP: a buyer's refund (a cashier's own sale of
 * today, the manager any), shown on the sales list, audited with its reason;
 * a receipt corrected for a unit found later by the manager, not the cashier.
 */
for (const engine of ENGINES) {
  describe(`refunds and receipt corrections over HTTP on ${engine}`, () => {
    let f: HttpFixture;
    let deliveryId = '';
    const sell = async (user: UserKey, qty: number) => {
      const id = randomUUID();
      const res = await callAs(f, user, 'POST', `/api/v1/cooperatives/${f.n.coopA.id}/sales`, {
        sales: [
          {
            id,
            occurredAt: '2026-03-10T02:00:00Z',
            paymentMethod: 'cash',
            lines: [{ productId: f.n.gula1.id, qty, unitPrice: 17_500 }],
          },
        ],
      });
      expect(res.json().results[0].status, res.body).toBe('created');
      return id;
    };
    const refund = (user: UserKey, saleId: string, quantity: number, id = randomUUID()) =>
      callAs(f, user, 'POST', `/api/v1/cooperatives/${f.n.coopA.id}/sales/${saleId}/refund`, {
        id,
        reason: 'Bungkus sobek',
        method: 'cash',
        lines: [{ productId: f.n.gula1.id, quantity }],
      });

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      await stockHub(f.t.db, f.n, 100);
      deliveryId = await deliverGula(f.t.db, f.n, 60, 58);
    });
    afterAll(async () => {
      const report = await verifyDatabase(f.t.db);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      await f.close();
    });

    it('a cashier refunds 1 of 3 of their own sale; the list shows it; replay → the first result', async () => {
      const saleId = await sell('cashierA', 3);
      const id = randomUUID();
      const res = await refund('cashierA', saleId, 1, id);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toEqual({
        id,
        saleId,
        amount: 17_500,
        date: '2026-03-10',
        lines: [{ productId: f.n.gula1.id, quantity: 1, amount: 17_500 }],
      });
      const again = await refund('cashierA', saleId, 1, id);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(res.json());
      expect((await refund('cashierA', saleId, 3)).statusCode).toBe(409);
      const list = await callAs(f, 'managerA', 'GET', `/api/v1/cooperatives/${f.n.coopA.id}/sales`);
      expect(list.json().items.find((s: { id: string }) => s.id === saleId).refunded).toEqual([
        { productId: f.n.gula1.id, quantity: 1, amount: 17_500 },
      ]);
      // Audited with its reason (the replay is answered, and logged, too).
      await expect.poll(async () => (await auditEventsOf(f, 'refundSale')).length).toBe(2);
      const [event] = await auditEventsOf(f, 'refundSale');
      expect(event).toMatchObject({ targetType: 'sale', targetId: saleId });
      expect(JSON.parse(event!.detail)).toMatchObject({ refundId: id, reason: 'Bungkus sobek' });
    });

    it("the dashboard's sales leave out what buyers brought back", async () => {
      const dashboard = async () =>
        (
          await callAs(f, 'managerA', 'GET', `/api/v1/cooperatives/${f.n.coopA.id}/dashboard`)
        ).json().sales as { today: number; month: number; todayCount: number };
      const before = await dashboard();
      const saleId = await sell('managerA', 2);
      expect((await refund('managerA', saleId, 1)).statusCode).toBe(201);
      const after = await dashboard();
      expect(after.today - before.today).toBe(17_500);
      expect(after.month - before.month).toBe(17_500);
      expect(after.todayCount - before.todayCount).toBe(1);
    });

    it("a cashier may not refund another's sale; the manager may", async () => {
      const saleId = await sell('managerA', 2);
      expect((await refund('cashierA', saleId, 1)).statusCode).toBe(403);
      expect((await refund('managerA', saleId, 2)).statusCode).toBe(201);
      expect((await refund('managerB', saleId, 1)).statusCode).toBe(403);
    });

    it('a unit found later: the manager corrects the receipt, the cashier may not', async () => {
      const url = `/api/v1/delivery-orders/${deliveryId}/receipt-corrections`;
      const body = {
        id: randomUUID(),
        reason: 'Satu bungkus ditemukan di gudang',
        lines: [{ productId: f.n.gula1.id, quantity: 1 }],
      };
      expect((await callAs(f, 'cashierA', 'POST', url, body)).statusCode).toBe(403);
      const res = await callAs(f, 'managerA', 'POST', url, body);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toEqual({
        id: body.id,
        deliveryOrderId: deliveryId,
        date: '2026-03-10',
        lines: [{ productId: f.n.gula1.id, quantity: 1 }],
      });
      const tooMany = await callAs(f, 'managerA', 'POST', url, {
        ...body,
        id: randomUUID(),
        lines: [{ productId: f.n.gula1.id, quantity: 2 }],
      });
      expect(tooMany.statusCode).toBe(409);
    });
  });
}
