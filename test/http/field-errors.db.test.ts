import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.ts';
import { bearer, buildHttpFixture, type HttpFixture } from '../helpers/http.ts';

interface Problem {
  code: string;
  detail: string;
  errors?: { path: string; message: string }[];
}

/**
 * A refused form says what is wrong with each field, next to that field: the
 * problem's `errors` carry the field's JSON path and a message in the caller's
 * language (Indonesian unless the client asks for English), never both
 * languages, and the human `detail` names no paths. The fixture's hub is in
 * Jambi; gula 1 kg may retail at most at the national ceiling of Rp 17.500.
 */
for (const engine of ENGINES) {
  describe(`field messages in the caller's language (${engine})`, () => {
    let f: HttpFixture;
    const post = async (url: string, payload: object, lang?: string) => {
      const res = await f.app.inject({
        method: 'POST',
        url,
        headers: { ...bearer(f.tokens.hubAdmin), ...(lang ? { 'accept-language': lang } : {}) },
        payload,
      });
      return { status: res.statusCode, body: res.json() as Problem };
    };

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
    });
    afterAll(() => f.close());

    it('a retail price above the regulated ceiling is marked on its field, in Indonesian by default and in English when asked', async () => {
      const prices = { consignmentPrice: 16_500, retailPrice: 18_000, effectiveFrom: '2026-03-10' };
      const url = `/api/v1/products/${f.n.gula1.id}/prices`;
      const id = await post(url, prices);
      expect(id.status).toBe(422);
      expect(id.body.code).toBe('PriceAboveCeiling');
      expect(id.body.errors).toEqual([
        { path: '/retailPrice', message: 'melebihi HET/HAP Rp 17.500' },
      ]);
      const en = await post(url, prices, 'en-US,en;q=0.9');
      expect(en.status).toBe(422);
      expect(en.body.errors).toEqual([
        { path: '/retailPrice', message: 'above the regulated ceiling 17500' },
      ]);
    });

    it('a ceiling that already exists and a missing field: each message on its path, the detail without paths', async () => {
      const ceiling = {
        commodity: 'gula',
        unit: 'kg',
        pricePerUnit: 17_800,
        effectiveFrom: '2026-02-01',
        regulationRef: 'Perbadan No. 3 Tahun 2026',
      };
      expect((await post('/api/v1/ceilings', ceiling)).status).toBe(201);
      const again = await post('/api/v1/ceilings', ceiling);
      expect(again.status).toBe(409);
      expect(again.body.errors).toEqual([
        {
          path: '/effectiveFrom',
          message: 'HET/HAP komoditas ini untuk provinsi dan tanggal ini sudah ada',
        },
      ]);
      const againEn = await post('/api/v1/ceilings', ceiling, 'en');
      expect(againEn.body.errors).toEqual([
        {
          path: '/effectiveFrom',
          message: 'a ceiling for this commodity, province and date exists',
        },
      ]);

      const { regulationRef: _, ...noRef } = ceiling;
      const missing = await post('/api/v1/ceilings', noRef);
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toEqual([{ path: '/regulationRef', message: 'wajib diisi' }]);
      expect(missing.body.detail).toBe('Data tidak valid: periksa isian yang ditandai (1)');
      const missingEn = await post('/api/v1/ceilings', noRef, 'en');
      expect(missingEn.body.errors).toEqual([{ path: '/regulationRef', message: 'is required' }]);
      expect(missingEn.body.detail).toBe('Invalid input: check the marked fields (1)');
    });
  });
}
