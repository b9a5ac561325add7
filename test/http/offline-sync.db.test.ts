import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommodityCeiling, setProductPrices } from '../../src/core/catalog/index.ts';
import { newId } from '../../src/core/shared/ids.ts';
import { ENGINES } from '../helpers/engines.ts';
import { bearer, buildHttpFixture, type HttpFixture } from '../helpers/http.ts';

/**
 * What an offline cashier sends late: sales judged by the prices and ceilings of the day they
 * happened, the device's clock kept but flagged when far off, and a resend counted once.
 */
for (const engine of ENGINES) {
  describe(`late sales from an offline cashier (${engine})`, () => {
    let f: HttpFixture;
    const sale = (occurredAt: string, unitPrice: number, id = newId()) => ({
      id,
      occurredAt,
      paymentMethod: 'cash',
      lines: [{ productId: f.n.gula1.id, qty: 2, unitPrice }],
    });
    const send = async (sales: unknown[]) =>
      (
        await f.app.inject({
          method: 'POST',
          url: `/api/v1/cooperatives/${f.n.coopA.id}/sales`,
          headers: bearer(f.tokens.cashierA),
          payload: { sales },
        })
      ).json() as { results: { id: string; status: string; code?: string }[] };

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      // Today (10 March, the fixture's clock) the sugar ceiling drops to Rp 17.000 and the
      // consignment price rises to Rp 16.200.
      await createCommodityCeiling(f.t.db, {
        commodity: 'gula',
        effectiveFrom: '2026-03-10',
        pricePerUnit: 17_000,
        regulationRef: 'Uji penurunan HET',
      });
      await setProductPrices(
        f.t.db,
        f.n.gula1.id,
        null,
        { consignmentPrice: 16_200, retailPrice: 17_000, effectiveFrom: '2026-03-10' },
        f.n.clock,
      );
    });
    afterAll(() => f.close());

    it("a sale made yesterday at yesterday's price syncs today; the same price today is refused", async () => {
      const yesterday = sale('2026-03-09T06:00:00Z', 17_500);
      const today = sale('2026-03-10T02:30:00Z', 17_500);
      const res = await send([yesterday, today]);
      expect(res.results.map((r) => [r.status, r.code])).toEqual([
        ['created', undefined],
        ['rejected', 'PriceAboveCeiling'],
      ]);
      const list = (
        await f.app.inject({
          method: 'GET',
          url: `/api/v1/cooperatives/${f.n.coopA.id}/sales`,
          headers: bearer(f.tokens.managerA),
        })
      ).json() as { items: { id: string; saleDate: string; consignmentAmount: number }[] };
      // The cooperative owes the consignment price in force on the sale's date.
      expect(list.items.find((s) => s.id === yesterday.id)).toMatchObject({
        saleDate: '2026-03-09',
        consignmentAmount: 2 * 16_000,
      });
    });

    it("keeps the device's time, flags it when more than 10 minutes off the server's, and counts a resend once", async () => {
      // The fixture's server time is 2026-03-10T03:00:00Z.
      const close = sale('2026-03-10T02:55:00Z', 17_000);
      const skewed = sale('2026-03-10T03:30:00Z', 17_000);
      expect((await send([close, skewed])).results.map((r) => r.status)).toEqual([
        'created',
        'created',
      ]);
      expect((await send([skewed, close])).results.map((r) => r.status)).toEqual([
        'duplicate',
        'duplicate',
      ]);
      const list = (
        await f.app.inject({
          method: 'GET',
          url: `/api/v1/cooperatives/${f.n.coopA.id}/sales`,
          headers: bearer(f.tokens.managerA),
        })
      ).json() as {
        items: { id: string; occurredAt: string; receivedAt: string; clockSkew: boolean }[];
      };
      const byId = new Map(list.items.map((s) => [s.id, s]));
      expect(byId.get(close.id)).toMatchObject({
        occurredAt: '2026-03-10T02:55:00.000Z',
        clockSkew: false,
      });
      expect(byId.get(skewed.id)).toMatchObject({
        occurredAt: '2026-03-10T03:30:00.000Z',
        clockSkew: true,
      });
      expect(byId.get(skewed.id)!.receivedAt).toBe('2026-03-10T03:00:00.000Z');
      expect(list.items.filter((s) => s.id === close.id)).toHaveLength(1);
    });
  });
}
