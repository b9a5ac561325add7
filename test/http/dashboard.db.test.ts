import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/core/shared/ids.ts';
import { ENGINES } from '../helpers/engines.ts';
import { bearer, buildHttpFixture, type HttpFixture } from '../helpers/http.ts';

for (const engine of ENGINES) {
  describe(`cooperative dashboard over HTTP (${engine})`, () => {
    let f: HttpFixture;
    /** The hub dispatches `qty` packs of sugar to a cooperative; the order's id. */
    const dispatchSugar = async (cooperativeId: string, qty: number) => {
      const hub = bearer(f.tokens.hubAdmin);
      const d = (
        await f.app.inject({
          method: 'POST',
          url: '/api/v1/delivery-orders',
          headers: hub,
          payload: { cooperativeId, lines: [{ productId: f.n.gula1.id, qty }] },
        })
      ).json() as { id: string };
      const r = await f.app.inject({
        method: 'POST',
        url: `/api/v1/delivery-orders/${d.id}/dispatch`,
        headers: hub,
        payload: {},
      });
      expect(r.statusCode).toBe(200);
      return d.id;
    };
    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      const hub = bearer(f.tokens.hubAdmin);
      const id = await dispatchSugar(f.n.coopA.id, 100);
      const received = await f.app.inject({
        method: 'POST',
        url: `/api/v1/delivery-orders/${id}/receive`,
        headers: hub,
        payload: { lines: [{ productId: f.n.gula1.id, qtyReceived: 98 }] },
      });
      expect(received.statusCode).toBe(200);
      const sale = (occurredAt: string, qty: number) => ({
        id: newId(),
        occurredAt,
        paymentMethod: 'cash',
        lines: [{ productId: f.n.gula1.id, qty, unitPrice: 17_500 }],
      });
      const r = await f.app.inject({
        method: 'POST',
        url: `/api/v1/cooperatives/${f.n.coopA.id}/sales`,
        headers: bearer(f.tokens.cashierA),
        payload: {
          sales: [
            sale('2026-03-10T02:00:00Z', 2),
            sale('2026-03-02T02:00:00Z', 10),
            sale('2026-02-20T02:00:00Z', 16),
          ],
        },
      });
      expect(r.statusCode).toBe(200);
    });
    afterAll(() => f.close());

    it("shows today's and this month's sales, the potential, stock and days of cover from the documents", async () => {
      const res = await f.app.inject({
        method: 'GET',
        url: `/api/v1/cooperatives/${f.n.coopA.id}/dashboard`,
        headers: bearer(f.tokens.managerA),
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.today).toBe('2026-03-10');
      expect(body.cooperative.name).toBe('KDKMP Simpang IV Sipin');
      expect(body.sales).toEqual({
        today: 35_000,
        todayCount: 1,
        month: 210_000,
        monthCount: 2,
        monthlyPotential: 200_000_000,
      });
      // 98 received − 28 sold; 28 sold in 28 days = 1 a day → 70 days of cover.
      expect(body.stock).toEqual([
        {
          productId: f.n.gula1.id,
          sku: 'GKP-1',
          name: 'Gula Kristal Putih 1 kg',
          unit: 'pak',
          qty: 70,
          inTransit: 0,
          sold28Days: 28,
          daysOfCover: 70,
        },
      ]);
      expect(body.balance.balanceDue).toBe(28 * 16_000);
      expect(body.nextDue).toBeNull();
      expect(body.subsidy).toBeNull();
    });

    it("the network list shows each cooperative's sales this month against the potential", async () => {
      const res = await f.app.inject({
        method: 'GET',
        url: '/api/v1/cooperatives',
        headers: bearer(f.tokens.hubAdmin),
      });
      const items = res.json().items as {
        id: string;
        monthSales: number;
        monthlyPotential: number;
      }[];
      expect(items.find((c) => c.id === f.n.coopA.id)).toMatchObject({
        monthSales: 210_000,
        monthlyPotential: 200_000_000,
      });
      expect(items.find((c) => c.id === f.n.coopB.id)).toMatchObject({ monthSales: 0 });
    });

    it("the network list's balance, overdue, hold and exposure equal each cooperative's own balance", async () => {
      const hub = bearer(f.tokens.hubAdmin);
      // Goods on the road to B count in its exposure at the consignment price.
      await dispatchSugar(f.n.coopB.id, 10);
      const list = (
        await f.app.inject({ method: 'GET', url: '/api/v1/cooperatives', headers: hub })
      ).json().items as Record<string, unknown>[];
      for (const coop of [f.n.coopA, f.n.coopB]) {
        const own = (
          await f.app.inject({
            method: 'GET',
            url: `/api/v1/cooperatives/${coop.id}/balance`,
            headers: hub,
          })
        ).json();
        const item = list.find((c) => c.id === coop.id)!;
        expect(item).toMatchObject({
          balanceDue: own.balanceDue,
          overdueAmount: own.overdueAmount,
          onHold: own.onHold,
          exposure: own.exposure,
          exposureLimit: own.exposureLimit,
        });
      }
      expect(list.find((c) => c.id === f.n.coopB.id)!.exposure).toBe(10 * 16_000);
    });

    it("lists the cooperative's sales with their lines, and another cooperative's manager cannot read them", async () => {
      const res = await f.app.inject({
        method: 'GET',
        url: `/api/v1/cooperatives/${f.n.coopA.id}/sales`,
        headers: bearer(f.tokens.managerA),
      });
      expect(res.statusCode).toBe(200);
      const items = res.json().items as {
        saleDate: string;
        totalAmount: number;
        lines: unknown[];
      }[];
      expect(items.map((s) => [s.saleDate, s.totalAmount, s.lines.length])).toEqual([
        ['2026-03-10', 35_000, 1],
        ['2026-03-02', 175_000, 1],
        ['2026-02-20', 280_000, 1],
      ]);
      for (const url of ['dashboard', 'sales']) {
        const other = await f.app.inject({
          method: 'GET',
          url: `/api/v1/cooperatives/${f.n.coopA.id}/${url}`,
          headers: bearer(f.tokens.managerB),
        });
        expect([403, 404]).toContain(other.statusCode);
      }
    });
  });
}
