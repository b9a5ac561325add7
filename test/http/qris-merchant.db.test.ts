import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.ts';
import { buildHttpFixture, type HttpFixture, type UserKey, callAs } from '../helpers/http.ts';

const SIPIN = {
  nmid: 'id1026157100001',
  mcc: '5411',
  name: 'KDKMP Simpang IV Sipin',
  city: 'KOTA JAMBI',
  postalCode: '36124',
  criteria: 'UMI',
};

/** A cooperative's QRIS merchant data over HTTP: the cashier reads it, the manager sets it. */
for (const engine of ENGINES) {
  describe(`QRIS merchant routes on ${engine}`, () => {
    let f: HttpFixture;
    const url = (coop: 'coopA' | 'coopB') => `/api/v1/cooperatives/${f.n[coop].id}/qris-merchant`;
    const call = (user: UserKey, method: 'GET' | 'PUT', path: string, payload?: object) =>
      callAs(f, user, method, path, payload);

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
    });
    afterAll(() => f.close());

    it('answers 404 NotFound in both languages until merchant data is set', async () => {
      const res = await call('cashierA', 'GET', url('coopA'));
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'NotFound' });
      expect(res.json().detail).toMatch(/QRIS/);
    });

    it("the manager sets it (audited), the cashier reads it, others' cooperatives stay closed", async () => {
      const set = await call('managerA', 'PUT', url('coopA'), SIPIN);
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json()).toMatchObject({ ...SIPIN, nmid: 'ID1026157100001' });
      const read = await call('cashierA', 'GET', url('coopA'));
      expect(read.json()).toEqual(set.json());
      expect((await call('cashierA', 'PUT', url('coopA'), SIPIN)).statusCode).toBe(403);
      expect((await call('managerB', 'GET', url('coopA'))).statusCode).toBe(403);
      expect((await call('managerA', 'PUT', url('coopB'), SIPIN)).statusCode).toBe(403);
      expect((await call('govViewer', 'GET', url('coopA'))).statusCode).toBe(403);
      // The hub admin may set any cooperative of its network; without a postal code this time.
      const { postalCode: _p, ...noPostal } = SIPIN;
      const hub = await call('hubAdmin', 'PUT', url('coopA'), { ...noPostal, criteria: 'UKE' });
      expect(hub.json()).toMatchObject({ postalCode: null, criteria: 'UKE' });
      // The audit row is written as the response completes: wait for it rather than race it.
      const audited = () =>
        f.t.db
          .selectFrom('auditEvent')
          .selectAll()
          .where('orgId', '=', f.n.coopA.id)
          .where('action', '=', 'setQrisMerchant')
          .execute();
      await expect.poll(async () => (await audited()).length).toBe(2);
      const audit = await audited();
      expect(audit[0]).toMatchObject({ targetType: 'qris_merchant', targetId: f.n.coopA.id });
    });

    it('refuses data a QRIS cannot carry, naming the field', async () => {
      for (const [field, value] of [
        ['nmid', 'ID-1026'],
        ['mcc', '541'],
        ['name', 'Koperasi Desa Merah Putih Simpang'],
        ['city', 'Jambi Selatan — X'],
        ['postalCode', '3612'],
        ['criteria', 'XXX'],
      ] as const) {
        const res = await call('managerA', 'PUT', url('coopA'), { ...SIPIN, [field]: value });
        expect({ field, status: res.statusCode }).toEqual({ field, status: 400 });
        expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(`/${field}`);
      }
      const blank = await call('managerA', 'PUT', url('coopA'), { ...SIPIN, name: '   ' });
      expect(blank.json()).toMatchObject({ code: 'ValidationFailed', errors: [{ path: '/name' }] });
      // Nothing of the refused data was stored.
      expect((await call('cashierA', 'GET', url('coopA'))).json().criteria).toBe('UKE');
    });
  });
}
