import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/core/shared/ids.ts';
import { ENGINES } from '../helpers/engines.ts';
import { bearer, buildHttpFixture, type HttpFixture } from '../helpers/http.ts';
import { pdfText } from '../helpers/pdf.ts';

for (const engine of ENGINES) {
  describe(`delivery orders over HTTP on ${engine}: suggestion, dispatch check, surat jalan`, () => {
    let f: HttpFixture;
    let orderId = '';
    let orderNumber = '';
    const as = (user: keyof HttpFixture['tokens']) => bearer(f.tokens[user]);

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
    });
    afterAll(() => f.close());

    it('suggests quantities per product for a cooperative the hub serves', async () => {
      const res = await f.app.inject({
        method: 'GET',
        url: `/api/v1/cooperatives/${f.n.coopA.id}/delivery-suggestion`,
        headers: as('hubStaff'),
      });
      expect(res.statusCode).toBe(200);
      const items = res.json().items as { productId: string; suggestedQty: number }[];
      expect(items.map((i) => i.productId).sort()).toEqual(
        [f.n.gula1.id, f.n.gula50.id, f.n.minyak.id].sort(),
      );
      expect(items[0]).toMatchObject({
        sold28Days: 0,
        stock: 0,
        inTransit: 0,
        suggestedQty: 0,
      });
    });

    it('a draft shows its dispatch check; the list counts its lines; the surat jalan waits for dispatch', async () => {
      orderId = newId();
      const created = await f.app.inject({
        method: 'POST',
        url: '/api/v1/delivery-orders',
        headers: as('hubAdmin'),
        payload: {
          id: orderId,
          cooperativeId: f.n.coopA.id,
          lines: [
            { productId: f.n.gula1.id, qty: 120 },
            { productId: f.n.minyak.id, qty: 24 },
          ],
        },
      });
      expect(created.statusCode).toBe(201);
      orderNumber = created.json().number;
      // The hub's first surat jalan of 2026, in the month of its date (10 March).
      expect(orderNumber).toMatch(/^SJ\/[A-Z0-9-]+\/2026\/03\/0001$/);
      const check = await f.app.inject({
        method: 'GET',
        url: `/api/v1/delivery-orders/${orderId}/dispatch-check`,
        headers: as('hubStaff'),
      });
      expect(check.json()).toEqual({
        exposure: 0,
        orderValue: 120 * 16_000 + 24 * 14_500,
        exposureLimit: 50_000_000,
        exposureAfter: 120 * 16_000 + 24 * 14_500,
        withinLimit: true,
        onHold: false,
        overdueAmount: 0,
        stockShortfalls: [],
      });
      const list = await f.app.inject({
        method: 'GET',
        url: '/api/v1/delivery-orders?status=draft',
        headers: as('hubStaff'),
      });
      expect(list.json().items).toEqual([
        expect.objectContaining({
          id: orderId,
          number: orderNumber,
          lineCount: 2,
          totalQty: 144,
          status: 'draft',
        }),
      ]);
      const early = await f.app.inject({
        method: 'GET',
        url: `/api/v1/delivery-orders/${orderId}/surat-jalan.pdf`,
        headers: as('hubAdmin'),
      });
      expect(early.statusCode).toBe(409);
      expect(early.json().code).toBe('InvalidState');
    });

    it('the surat jalan PDF names the cooperative, its products and quantities, for the hub and the receiving cooperative only', async () => {
      const sent = await f.app.inject({
        method: 'POST',
        url: `/api/v1/delivery-orders/${orderId}/dispatch`,
        headers: as('hubStaff'),
        payload: {},
      });
      expect(sent.json()).toEqual({ id: orderId, status: 'dispatched' });
      const after = await f.app.inject({
        method: 'GET',
        url: `/api/v1/delivery-orders/${orderId}/dispatch-check`,
        headers: as('hubStaff'),
      });
      expect(after.statusCode).toBe(409);

      for (const user of ['hubAdmin', 'hubStaff', 'managerA', 'cashierA'] as const) {
        const res = await f.app.inject({
          method: 'GET',
          url: `/api/v1/delivery-orders/${orderId}/surat-jalan.pdf`,
          headers: as(user),
        });
        expect({ user, status: res.statusCode }).toEqual({ user, status: 200 });
        expect(res.headers['content-type']).toBe('application/pdf');
        expect(res.headers['content-disposition']).toBe(
          `inline; filename="surat-jalan-${orderNumber.replaceAll('/', '-')}.pdf"`,
        );
        const text = pdfText(res.rawPayload);
        expect(text).toContain('SURAT JALAN');
        expect(text).toContain('KDKMP Simpang IV Sipin');
        expect(text).toContain(`No. ${orderNumber}`);
        expect(text).not.toContain(orderId);
        expect(text).toMatch(/Gula Kristal Putih 1 kg[\s\S]*120[\s\S]*pak/);
        expect(text).toMatch(/Minyakita 1 L[\s\S]*24[\s\S]*pouch/);
        expect(text).toContain('GKP-1');
        expect(text).toContain('Jumlah barang: 144');
        // 120 packs of 1 kg; the 24 pouches of oil are litres (no weight on record).
        expect(text).toContain('Berat bersih total: 120 kg + 24 l');
        for (const blank of ['Kendaraan', 'No. Polisi', 'Pengemudi', 'No. HP pengemudi'])
          expect(text).toMatch(new RegExp(`${blank}\\n: _{20,}`));
        expect(text).toContain('10 Maret 2026');
        for (const box of ['Pengirim', 'Pengemudi', 'Penerima']) expect(text).toContain(box);
      }
      for (const user of ['managerB', 'govViewer'] as const) {
        const res = await f.app.inject({
          method: 'GET',
          url: `/api/v1/delivery-orders/${orderId}/surat-jalan.pdf`,
          headers: as(user),
        });
        expect({ user, status: res.statusCode }).toEqual({ user, status: 403 });
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
    });

    it('a retail price above the ceiling is refused with PriceAboveCeiling and its reason', async () => {
      const res = await f.app.inject({
        method: 'POST',
        url: `/api/v1/products/${f.n.gula1.id}/prices`,
        headers: as('hubAdmin'),
        payload: { consignmentPrice: 16_500, retailPrice: 17_600, effectiveFrom: '2026-03-10' },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'PriceAboveCeiling' });
      expect(res.json().detail).toContain('Rp 17.500');
      const products = await f.app.inject({
        method: 'GET',
        url: '/api/v1/products',
        headers: as('hubAdmin'),
      });
      expect(
        products.json().items.find((p: { id: string }) => p.id === f.n.gula1.id),
      ).toMatchObject({
        retailPrice: 17_500,
        ceilingPrice: 17_500,
        ceilingRegulation: 'Perbadan 12/2024',
      });
    });
  });
}
