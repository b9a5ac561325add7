import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../test/helpers/engines.ts';
import { buildNetwork, type TestNetwork } from '../../../test/helpers/network.ts';
import { createProduct, loadPriceBook, setProductPrices } from './index.ts';

for (const engine of ENGINES) {
  describe(`catalog prices and the regulated ceiling on ${engine}`, () => {
    let t: TestDatabase;
    let n: TestNetwork;
    const tx = <T>(fn: (trx: TestDatabase['db']) => Promise<T>) => t.db.transaction().execute(fn);

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      n = await buildNetwork(t.db);
    });
    afterAll(() => t.close());

    it('refuses a dated retail price above the ceiling for the net content (PriceAboveCeiling) and keeps the old price', async () => {
      // Gula ceiling Rp 17,500/kg: the 50 kg sack's ceiling is Rp 875,000.
      const err = await tx((db) =>
        setProductPrices(
          db,
          n.gula50.id,
          '15',
          { consignmentPrice: 820_000, retailPrice: 875_001, effectiveFrom: '2026-04-01' },
          n.clock,
        ),
      ).catch((e: unknown) => e);
      expect(err).toMatchObject({
        code: 'PriceAboveCeiling',
        details: [{ path: '/retailPrice' }],
      });
      expect((err as Error).message).toContain('Rp 875.000');
      const book = await loadPriceBook(t.db, [n.gula50.id]);
      expect(book.price(n.gula50.id, 'retail', '2026-04-01')).toBe(860_000);
      expect(book.price(n.gula50.id, 'consignment', '2026-04-01')).toBe(800_000);

      // At the ceiling exactly it is accepted, from its date on.
      await tx((db) =>
        setProductPrices(
          db,
          n.gula50.id,
          '15',
          { consignmentPrice: 820_000, retailPrice: 875_000, effectiveFrom: '2026-04-01' },
          n.clock,
        ),
      );
      const after = await loadPriceBook(t.db, [n.gula50.id]);
      expect(after.price(n.gula50.id, 'retail', '2026-03-31')).toBe(860_000);
      expect(after.price(n.gula50.id, 'retail', '2026-04-01')).toBe(875_000);
    });

    it('refuses a new product whose retail price is above the ceiling, and creates nothing', async () => {
      const err = await tx((db) =>
        createProduct(
          db,
          n.hub.id,
          '15',
          {
            sku: 'GKP-2',
            name: 'Gula Kristal Putih 2 kg',
            unit: 'pak',
            commodity: 'gula',
            netContent: { value: 2, unit: 'kg' },
            consignmentPrice: 33_000,
            retailPrice: 35_500,
          },
          n.clock,
        ),
      ).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'PriceAboveCeiling' });
      const found = await t.db
        .selectFrom('product')
        .select('id')
        .where('sku', '=', 'GKP-2')
        .execute();
      expect(found).toEqual([]);
    });
  });
}
