import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/core/shared/ids.ts';
import { ENGINES } from '../helpers/engines.ts';
import {
  auditEventsOf,
  buildHttpFixture,
  type HttpFixture,
  type UserKey,
  callAs,
} from '../helpers/http.ts';

interface Ceiling {
  id: string;
  commodity: string;
  provinceCode?: string;
  unit: string;
  pricePerUnit: number;
  effectiveFrom: string;
  regulationRef: string;
}

/**
 * Regulated ceilings (HET/HAP) are maintained through the API, not seeded:
 * a hub admin adds one when a regulation changes, every staff role reads
 * them, and the sale check uses a new one at once. The fixture's clock is
 * 10 March 2026; its hub is in Jambi (15), with the national sugar ceiling
 * Rp 17.500/kg since 2024 and gula 1 kg retailing at Rp 17.500.
 */
for (const engine of ENGINES) {
  describe(`regulated ceilings over HTTP (${engine})`, () => {
    let f: HttpFixture;
    const call = (user: UserKey, method: 'GET' | 'POST', url: string, payload?: object) =>
      callAs(f, user, method, url, payload);
    const create = (payload: object, user: UserKey = 'hubAdmin') =>
      call(user, 'POST', '/api/v1/ceilings', payload);
    const list = async (query = '', user: UserKey = 'hubAdmin') => {
      const res = await call(user, 'GET', `/api/v1/ceilings${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: Ceiling[] }).items;
    };
    /** The gula 1 kg ceiling the catalogue shows for the hub on a date. */
    const gulaCeilingOn = async (date: string) => {
      const res = await call('hubAdmin', 'GET', `/api/v1/products?date=${date}`);
      const items = res.json().items as { id: string; ceilingPrice: number | null }[];
      return items.find((p) => p.id === f.n.gula1.id)?.ceilingPrice;
    };
    const sell = async (occurredAt: string, unitPrice: number) => {
      const res = await call('cashierA', 'POST', `/api/v1/cooperatives/${f.n.coopA.id}/sales`, {
        sales: [
          {
            id: newId(),
            occurredAt,
            paymentMethod: 'cash',
            lines: [{ productId: f.n.gula1.id, qty: 1, unitPrice }],
          },
        ],
      });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { results: { status: string; code?: string }[] }).results[0];
    };
    const gula = {
      commodity: 'gula',
      unit: 'kg',
      pricePerUnit: 17_800,
      effectiveFrom: '2026-02-01',
      regulationRef: 'Perbadan No. 3 Tahun 2026 — HAP gula',
    };

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
    });
    afterAll(() => f.close());

    it('a hub admin adds a ceiling (201, audited); a future date is allowed; the list sorts by commodity, national first, latest first', async () => {
      const res = await create(gula);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toEqual({ id: expect.any(String), ...gula });
      const minyak = await create({
        commodity: 'minyakita',
        unit: 'l',
        pricePerUnit: 16_500,
        effectiveFrom: '2026-07-01',
        regulationRef: 'Permendag No. 9 Tahun 2026 — HET Minyakita',
      });
      expect(minyak.statusCode, minyak.body).toBe(201);

      const items = await list();
      expect(
        items.map((c) => [c.commodity, c.provinceCode ?? '', c.effectiveFrom, c.pricePerUnit]),
      ).toEqual([
        ['gula', '', '2026-02-01', 17_800],
        ['gula', '', '2024-01-01', 17_500],
        ['gula', '81', '2024-01-01', 18_500],
        ['minyakita', '', '2026-07-01', 16_500],
        ['minyakita', '', '2024-08-01', 15_700],
      ]);
      expect(items[0]).toEqual(res.json());
      expect(items[0]).not.toHaveProperty('provinceCode');
      expect(items[2]).toMatchObject({ provinceCode: '81', unit: 'kg' });
      expect((await list('?commodity=minyakita')).map((c) => c.id)).toContain(minyak.json().id);
      expect(await list('?commodity=telur')).toEqual([]);

      const audited = () => auditEventsOf(f, 'createCommodityCeiling');
      await expect.poll(async () => (await audited()).length).toBe(2);
      expect(await audited()).toContainEqual(
        expect.objectContaining({
          orgId: f.n.hub.id,
          targetType: 'commodity_ceiling',
          targetId: res.json().id,
        }),
      );
    });

    it('every staff role reads the ceilings; only hub admins add one', async () => {
      for (const user of ['hubStaff', 'managerA', 'cashierA', 'govViewer', 'programAdmin'] as const)
        expect((await list('', user)).length).toBeGreaterThan(0);
      const body = { ...gula, effectiveFrom: '2026-02-15' };
      const others = ['hubStaff', 'managerA', 'cashierA', 'govViewer', 'programAdmin'] as const;
      const refused: [string, number][] = [];
      for (const user of others) refused.push([user, (await create(body, user)).statusCode]);
      expect(refused).toEqual(others.map((user) => [user, 403]));
      expect((await list()).map((c) => c.effectiveFrom)).not.toContain('2026-02-15');
    });

    it('refuses what a regulation cannot say, naming the field; writes nothing', async () => {
      const before = (await list()).length;
      for (const [patch, path] of [
        [{ commodity: 'kopi' }, '/commodity'],
        [{ unit: 'l' }, '/unit'],
        [{ commodity: 'minyakita', unit: 'kg' }, '/unit'],
        [{ provinceCode: '99' }, '/provinceCode'],
        [{ provinceCode: '1' }, '/provinceCode'],
        [{ provinceCode: '15.71' }, '/provinceCode'],
        [{ pricePerUnit: 0 }, '/pricePerUnit'],
        [{ pricePerUnit: 17_500.5 }, '/pricePerUnit'],
        [{ effectiveFrom: '2026-02-30' }, '/effectiveFrom'],
        [{ effectiveFrom: '1 Maret 2026' }, '/effectiveFrom'],
        [{ regulationRef: '   ' }, '/regulationRef'],
        [{ regulationRef: undefined }, '/regulationRef'],
      ] as const) {
        const res = await create({ ...gula, effectiveFrom: '2026-04-01', ...patch });
        expect({ patch, status: res.statusCode }).toEqual({ patch, status: 400 });
        expect(res.json().code).toBe('ValidationFailed');
        expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
      }
      expect((await list()).length).toBe(before);
    });

    it('refuses a second ceiling for the same commodity, province and date (409); another province that day is its own', async () => {
      const again = await create({ ...gula, pricePerUnit: 17_900 });
      expect(again.statusCode, again.body).toBe(409);
      expect(again.json()).toMatchObject({ code: 'AlreadyExists' });
      const east = await create({ ...gula, provinceCode: '91', pricePerUnit: 18_800 });
      expect(east.statusCode, east.body).toBe(201);
      expect((await create({ ...gula, provinceCode: '91' })).statusCode).toBe(409);
      const gulaNational = (await list('?commodity=gula')).filter(
        (c) => !c.provinceCode && c.effectiveFrom === '2026-02-01',
      );
      expect(gulaNational.map((c) => c.pricePerUnit)).toEqual([17_800]);
    });

    it('the latest ceiling on or before a date applies, a province’s own beats the national one, and sales are checked against it at once', async () => {
      // National: 17.500 since 2024, 17.800 since 1 February (above).
      expect(await gulaCeilingOn('2026-01-31')).toBe(17_500);
      expect(await gulaCeilingOn('2026-02-01')).toBe(17_800);
      // Another province's ceiling changes nothing in Jambi.
      expect(await gulaCeilingOn('2026-03-05')).toBe(17_800);

      // Jambi's own ceiling from 1 March, below gula 1 kg's retail price of Rp 17.500...
      const jambi = await create({
        ...gula,
        provinceCode: '15',
        pricePerUnit: 17_200,
        effectiveFrom: '2026-03-01',
        regulationRef: 'Pergub Jambi No. 7 Tahun 2026 — HET gula',
      });
      expect(jambi.statusCode, jambi.body).toBe(201);
      // ...and a newer national one from 3 March: the province's still applies in Jambi.
      expect(
        (await create({ ...gula, pricePerUnit: 17_900, effectiveFrom: '2026-03-03' })).statusCode,
      ).toBe(201);
      expect(await gulaCeilingOn('2026-02-28')).toBe(17_800);
      expect(await gulaCeilingOn('2026-03-01')).toBe(17_200);
      expect(await gulaCeilingOn('2026-03-05')).toBe(17_200);
      // The catalogue says which ceiling applies today and since when.
      const today = (await call('hubAdmin', 'GET', '/api/v1/products')).json().items as {
        id: string;
      }[];
      expect(today.find((p) => p.id === f.n.gula1.id)).toMatchObject({
        ceilingPrice: 17_200,
        ceilingRegulation: 'Pergub Jambi No. 7 Tahun 2026 — HET gula',
        ceilingEffectiveFrom: '2026-03-01',
      });

      // The very next sync: a sale at Rp 17.500 after 1 March is refused, one before it is not.
      expect(await sell('2026-03-05T03:00:00Z', 17_500)).toMatchObject({
        status: 'rejected',
        code: 'PriceAboveCeiling',
      });
      expect(await sell('2026-02-20T03:00:00Z', 17_500)).toMatchObject({ status: 'created' });
      expect(await sell('2026-03-05T03:00:00Z', 17_200)).toMatchObject({ status: 'created' });
    });
  });
}
