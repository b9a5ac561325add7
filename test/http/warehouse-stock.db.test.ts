import type { Static } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLocationsOfOrgs } from '../../src/core/inventory/index.ts';
import { createOrganization } from '../../src/core/network/index.ts';
import type { WarehouseStock } from '../../src/http/routes/network/warehouse-stock.schemas.ts';
import { ENGINES } from '../helpers/engines.ts';
import { buildHttpFixture, callAs, type HttpFixture, type UserKey } from '../helpers/http.ts';

type Stock = Static<typeof WarehouseStock>;

/**
 * A hub warehouse's stock over HTTP: on hand is the sum of the stock moves at
 * the warehouse, in transit what its dispatched delivery orders carry until
 * received, reserved what its drafts promise. The fixture's warehouse holds
 * 1.000 gula 1 kg at Rp 15.000, 20 gula 50 kg and 500 Minyakita.
 */
for (const engine of ENGINES) {
  describe(`a warehouse's stock on hand over HTTP (${engine})`, () => {
    let f: HttpFixture;
    let warehouseId: string;
    const call = (user: UserKey, method: 'GET' | 'POST', url: string, payload?: object) =>
      callAs(f, user, method, url, payload);
    const stock = async (user: UserKey = 'hubStaff') => {
      const res = await call(user, 'GET', `/api/v1/hub/warehouses/${warehouseId}/stock`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Stock;
    };
    const lineOf = async (productId: string) =>
      (await stock()).items.find((i) => i.productId === productId)!;
    /** Σ in − Σ out of the stock moves at the warehouse, by product. */
    const movesAtWarehouse = async () => {
      const rows = await f.t.db
        .selectFrom('stockMove')
        .select(['productId', 'fromLocationId', 'toLocationId', 'qty', 'value'])
        .where((eb) =>
          eb.or([eb('fromLocationId', '=', warehouseId), eb('toLocationId', '=', warehouseId)]),
        )
        .execute();
      const sums = new Map<string, { qty: number; value: number }>();
      for (const r of rows) {
        const sign = r.toLocationId === warehouseId ? 1 : -1;
        const s = sums.get(r.productId) ?? { qty: 0, value: 0 };
        sums.set(r.productId, {
          qty: s.qty + sign * Number(r.qty),
          value: s.value + sign * Number(r.value),
        });
      }
      return sums;
    };
    const order = async (lines: { productId: string; qty: number }[]) => {
      const res = await call('hubStaff', 'POST', '/api/v1/delivery-orders', {
        cooperativeId: f.n.coopA.id,
        warehouseId,
        lines,
      });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { id: string }).id;
    };
    const dispatch = async (id: string) => {
      const res = await call('hubStaff', 'POST', `/api/v1/delivery-orders/${id}/dispatch`, {});
      expect(res.statusCode, res.body).toBe(200);
    };

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      const res = await call('hubStaff', 'GET', '/api/v1/hub/warehouses');
      warehouseId = (res.json() as { items: { id: string }[] }).items[0]!.id;
    });
    afterAll(() => f.close());

    it('after a goods receipt and a dispatch, the quantities equal the movements', async () => {
      const gula = f.n.gula1.id;
      expect(await lineOf(gula)).toEqual({
        productId: gula,
        sku: 'GKP-1',
        name: 'Gula Kristal Putih 1 kg',
        unit: 'pak',
        onHand: 1_000,
        inTransit: 0,
        reserved: 0,
        value: 15_000_000,
      });

      const receipt = await call('hubStaff', 'POST', '/api/v1/goods-receipts', {
        warehouseId,
        supplierName: 'PT Gula Jambi',
        lines: [{ productId: gula, qty: 200, unitCost: 16_000 }],
      });
      expect(receipt.statusCode, receipt.body).toBe(201);
      expect(await lineOf(gula)).toMatchObject({ onHand: 1_200, value: 18_200_000 });

      // A draft reserves what it promises; it is still on hand.
      const draft = await order([
        { productId: gula, qty: 300 },
        { productId: f.n.gula50.id, qty: 5 },
      ]);
      expect(await lineOf(gula)).toMatchObject({ onHand: 1_200, inTransit: 0, reserved: 300 });
      expect(await lineOf(f.n.gula50.id)).toMatchObject({ onHand: 20, reserved: 5 });

      // Dispatched: out of the warehouse, on the way until received.
      const sent = await order([{ productId: gula, qty: 100 }]);
      await dispatch(sent);
      expect(await lineOf(gula)).toMatchObject({ onHand: 1_100, inTransit: 100, reserved: 300 });

      // Received by the cooperative (short by 2): no longer on the way.
      const received = await order([{ productId: gula, qty: 50 }]);
      await dispatch(received);
      expect(await lineOf(gula)).toMatchObject({ onHand: 1_050, inTransit: 150 });
      const res = await call('managerA', 'POST', `/api/v1/delivery-orders/${received}/receive`, {
        lines: [{ productId: gula, qtyReceived: 48 }],
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(await lineOf(gula)).toMatchObject({ onHand: 1_050, inTransit: 100, reserved: 300 });

      // A cancelled draft reserves nothing.
      expect(
        (await call('hubStaff', 'POST', `/api/v1/delivery-orders/${draft}/cancel`, {})).statusCode,
      ).toBe(200);
      expect(await lineOf(gula)).toMatchObject({ reserved: 0 });

      // Every line is the sum of the stock moves at the warehouse, in units and at cost.
      const body = await stock();
      const moves = await movesAtWarehouse();
      expect(body.items.map((i) => i.name)).toEqual([
        'Gula Kristal Putih 1 kg',
        'Gula Kristal Putih 50 kg',
        'Minyakita 1 L',
      ]);
      for (const i of body.items)
        expect({ qty: i.onHand, value: i.value }).toEqual(moves.get(i.productId));
      expect(body.totalValue).toBe(body.items.reduce((s, i) => s + i.value, 0));
      // Both hub roles read it.
      expect(await stock('hubAdmin')).toEqual(body);
    });

    it("another hub's warehouse, a cooperative's store and an unknown id are not found; cooperatives and offices are refused", async () => {
      const other = await createOrganization(
        f.t.db,
        { kind: 'hub', name: 'Hub Lain', regionCode: '15.72' },
        f.n.clock,
      );
      const locations = await findLocationsOfOrgs(f.t.db, [other.id, f.n.coopA.id]);
      const foreign = locations.find((l) => l.orgId === other.id && l.kind === 'warehouse')!;
      const store = locations.find((l) => l.orgId === f.n.coopA.id && l.kind === 'store')!;
      for (const id of [foreign.id, store.id, '01936f6e-7c1a-7000-8000-00000000dead']) {
        const res = await call('hubStaff', 'GET', `/api/v1/hub/warehouses/${id}/stock`);
        expect(res.statusCode, id).toBe(404);
        expect(res.json()).toMatchObject({ code: 'NotFound', detail: 'Gudang tidak ditemukan' });
      }
      for (const user of ['managerA', 'cashierA', 'govViewer', 'programAdmin'] as const) {
        const res = await call(user, 'GET', `/api/v1/hub/warehouses/${warehouseId}/stock`);
        expect(res.statusCode, user).toBe(403);
      }
    });
  });
}
