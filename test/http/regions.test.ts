import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpFixture, callAs, type HttpFixture } from '../helpers/http.ts';

interface SubRegion {
  code: string;
  name: string;
  level: string;
}

/**
 * The official Kemendagri regions for choosers: a hub admin picks a Dinas's city, or sees the
 * name of a typed village code, from the same list the server checks codes against.
 */
describe('the Kemendagri region list over HTTP', () => {
  let f: HttpFixture;
  beforeAll(async () => {
    f = await buildHttpFixture('sqlite');
  });
  afterAll(() => f.close());
  const list = async (query = '') => {
    const res = await callAs(f, 'hubAdmin', 'GET', `/api/v1/regions${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: SubRegion[] }).items;
  };

  it('lists the provinces, then a province’s regencies and cities, by code', async () => {
    const provinces = await list();
    expect(provinces).toHaveLength(38);
    expect(provinces.find((p) => p.code === '15')).toEqual({
      code: '15',
      name: 'JAMBI',
      level: 'province',
    });
    const jambi = await list('?parent=15');
    expect(jambi.map((r) => r.code)).toEqual([...jambi.map((r) => r.code)].sort());
    expect(jambi.find((r) => r.code === '15.71')).toEqual({
      code: '15.71',
      name: 'KOTA JAMBI',
      level: 'regency',
    });
    expect(jambi.every((r) => r.code.startsWith('15.'))).toBe(true);
  });

  it('lists the 11 kecamatan of Kota Jambi and the villages of one of them', async () => {
    const districts = await list('?parent=15.71');
    expect(districts).toHaveLength(11);
    expect(districts[0]).toEqual({ code: '15.71.01', name: 'Telanaipura', level: 'district' });
    const villages = await list('?parent=15.71.01');
    expect(villages[0]).toEqual({
      code: '15.71.01.1001',
      name: 'Simpang IV Sipin',
      level: 'village',
    });
    expect(villages.every((v) => v.level === 'village')).toBe(true);
  });

  it('refuses an unknown or malformed parent code in words, and any signed-in staff may ask', async () => {
    const unknown = await callAs(f, 'hubAdmin', 'GET', '/api/v1/regions?parent=99.99');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'NotFound' });
    expect(unknown.json().detail).toMatch(/99\.99/);
    const malformed = await callAs(f, 'hubAdmin', 'GET', '/api/v1/regions?parent=15.7');
    expect(malformed.statusCode).toBe(400);
    const asCashier = await callAs(f, 'cashierA', 'GET', '/api/v1/regions?parent=15');
    expect(asCashier.statusCode).toBe(200);
    const anonymous = await f.app.inject({ method: 'GET', url: '/api/v1/regions' });
    expect(anonymous.statusCode).toBe(401);
  });
});
