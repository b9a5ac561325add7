import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, pickWarehouse } from '../../src/core/network/index.ts';
import { ENGINES } from '../helpers/engines.ts';
import {
  auditEventsOf,
  bearer,
  buildHttpFixture,
  callAs,
  type HttpFixture,
  type UserKey,
} from '../helpers/http.ts';

interface Warehouse {
  id: string;
  name: string;
  address: string | null;
  isDefault: boolean;
}

/**
 * The hub's profile (what its documents print) and its warehouses, set up by
 * the hub admin over HTTP. The fixture's hub is Koperasi Kana — Cabang Jambi
 * in Kota Jambi (15.71), with its standard warehouse "Gudang Utama".
 */
for (const engine of ENGINES) {
  describe(`the hub's profile and warehouses over HTTP (${engine})`, () => {
    let f: HttpFixture;
    const profile = (user: UserKey = 'hubAdmin') => callAs(f, user, 'GET', '/api/v1/hub/profile');
    const patch = (payload: object, user: UserKey = 'hubAdmin') =>
      callAs(f, user, 'PATCH', '/api/v1/hub/profile', payload);
    const warehouses = async (user: UserKey = 'hubAdmin') => {
      const res = await callAs(f, user, 'GET', '/api/v1/hub/warehouses');
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: Warehouse[] }).items;
    };

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
    });
    afterAll(() => f.close());

    it('a new hub has its name and region and nothing else yet; hub staff read it', async () => {
      const res = await profile('hubStaff');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({
        id: f.n.hub.id,
        name: 'Koperasi Kana — Cabang Jambi',
        shortCode: null,
        legalNumber: null,
        nikKoperasi: null,
        npwp: null,
        bankName: null,
        bankAccountNo: null,
        bankAccountName: null,
        address: null,
        regionCode: '15.71',
        regionName: 'KOTA JAMBI',
      });
    });

    it('the admin fills it in as people write the numbers; they are kept as digits (audited)', async () => {
      const res = await patch({
        shortCode: 'KANA-JBI',
        legalNumber: 'AHU-0001234.AH.01.26.TAHUN 2020',
        nikKoperasi: '3578 0100 2000 0123',
        npwp: '01.234.567.8-901.000',
        bankName: 'Bank Mandiri',
        bankAccountNo: '110-00-1234-5678',
        bankAccountName: 'Koperasi Kana',
        address: 'Jl. Hayam Wuruk No. 10, Jelutung, Kota Jambi',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        shortCode: 'KANA-JBI',
        nikKoperasi: '3578010020000123',
        npwp: '012345678901000',
        bankAccountNo: '1100012345678',
        address: 'Jl. Hayam Wuruk No. 10, Jelutung, Kota Jambi',
      });
      expect((await profile()).json()).toEqual(res.json());
      // A field set to null (or an empty text) is cleared; the others stay.
      const cleared = await patch({ legalNumber: null, address: '' });
      expect(cleared.json()).toMatchObject({
        legalNumber: null,
        address: null,
        npwp: '012345678901000',
      });
      await expect.poll(async () => (await auditEventsOf(f, 'updateHubProfile')).length).toBe(2);
      const [event] = await auditEventsOf(f, 'updateHubProfile');
      expect(event).toMatchObject({ orgId: f.n.hub.id, targetType: 'organization' });
    });

    it('refuses a bad NPWP, NIK koperasi or account number field by field, in both languages', async () => {
      const body = { npwp: '12.345.678', nikKoperasi: '123', bankAccountNo: '12-34' };
      const res = await patch(body);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'ValidationFailed',
        errors: [
          { path: '/nikKoperasi', message: 'NIK koperasi harus 16 angka' },
          { path: '/npwp', message: 'NPWP harus 15 atau 16 angka' },
          { path: '/bankAccountNo', message: 'nomor rekening harus 5–20 angka' },
        ],
      });
      expect(res.json().detail).toBe(
        'Profil hub tidak valid: NIK koperasi harus 16 angka; NPWP harus 15 atau 16 angka; nomor rekening harus 5–20 angka',
      );
      const en = await f.app.inject({
        method: 'PATCH',
        url: '/api/v1/hub/profile',
        headers: { ...bearer(f.tokens.hubAdmin), 'accept-language': 'en' },
        payload: { npwp: '1234567890123456789' },
      });
      expect(en.json().detail).toBe('Invalid hub profile: the NPWP must be 15 or 16 digits');
      expect(en.json().errors).toEqual([{ path: '/npwp', message: 'must be 15 or 16 digits' }]);
      // A 16-digit NPWP (the NIK-based one) is fine.
      expect((await patch({ npwp: '3578010101900001' })).json().npwp).toBe('3578010101900001');
      // Short codes: capitals, digits, dashes, 2 to 12; an empty body changes nothing.
      for (const bad of [{ shortCode: 'kana' }, { shortCode: 'K' }, { name: '' }, {}])
        expect({ bad, status: (await patch(bad)).statusCode }).toEqual({ bad, status: 400 });
      expect((await profile()).json().shortCode).toBe('KANA-JBI');
    });

    it("a short code already used by another organization's documents is refused", async () => {
      await createOrganization(
        f.t.db,
        { kind: 'hub', name: 'Koperasi Kana — Pusat', regionCode: '35.78', shortCode: 'KANA-SBY' },
        f.n.clock,
      );
      const res = await patch({ shortCode: 'KANA-SBY' });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'AlreadyExists' });
      expect(res.json().detail).toContain('Koperasi Kana — Pusat');
    });

    it('only the hub admin changes the profile or adds warehouses; cooperatives and offices see neither', async () => {
      expect((await patch({ bankName: 'BRI' }, 'hubStaff')).statusCode).toBe(403);
      expect(
        (await callAs(f, 'hubStaff', 'POST', '/api/v1/hub/warehouses', { name: 'Gudang X' }))
          .statusCode,
      ).toBe(403);
      for (const user of ['managerA', 'cashierA', 'govViewer'] as const) {
        expect((await profile(user)).statusCode).toBe(403);
        expect((await callAs(f, user, 'GET', '/api/v1/hub/warehouses')).statusCode).toBe(403);
      }
    });

    it('a second warehouse is added (audited) and a goods receipt goes where it says; without one, to the first', async () => {
      const [main] = await warehouses('hubStaff');
      expect(main).toMatchObject({ name: 'Gudang Utama', address: null, isDefault: true });
      const res = await callAs(f, 'hubAdmin', 'POST', '/api/v1/hub/warehouses', {
        name: 'Gudang Talang Banjar',
        address: 'Jl. Sumantri Brojonegoro No. 2',
      });
      expect(res.statusCode, res.body).toBe(201);
      const { id } = res.json() as { id: string };
      expect(await warehouses()).toEqual([
        main,
        {
          id,
          name: 'Gudang Talang Banjar',
          address: 'Jl. Sumantri Brojonegoro No. 2',
          isDefault: false,
        },
      ]);
      await expect.poll(async () => (await auditEventsOf(f, 'createWarehouse')).length).toBe(1);
      // The same name in another case is the same warehouse.
      const again = await callAs(f, 'hubAdmin', 'POST', '/api/v1/hub/warehouses', {
        name: 'gudang talang banjar',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('AlreadyExists');

      const receive = (warehouseId?: string) =>
        callAs(f, 'hubStaff', 'POST', '/api/v1/goods-receipts', {
          ...(warehouseId ? { warehouseId } : {}),
          supplierName: 'PT Gula Jambi',
          lines: [{ productId: f.n.gula1.id, qty: 40, unitCost: 15_000 }],
        });
      expect((await receive(id)).statusCode).toBe(201);
      expect((await receive()).statusCode).toBe(201);
      const held = async (locationId: string) =>
        (
          await f.t.db
            .selectFrom('stockBalance')
            .select('qty')
            .where('locationId', '=', locationId)
            .where('productId', '=', f.n.gula1.id)
            .executeTakeFirst()
        )?.qty;
      expect(await held(id)).toBe(40);
      // The fixture's 1000 packs and the second receipt without a warehouse.
      expect(await held(main!.id)).toBe(1040);
      const list = (await callAs(f, 'hubStaff', 'GET', '/api/v1/goods-receipts')).json() as {
        items: { warehouseId: string }[];
      };
      expect(list.items.map((r) => r.warehouseId).sort()).toEqual([id, main!.id, main!.id].sort());
    });

    it('a warehouse of another hub is refused; a hub without any warehouse is told where to add one', async () => {
      const other = await createOrganization(
        f.t.db,
        { kind: 'hub', name: 'Hub Lain', regionCode: '15.72' },
        f.n.clock,
      );
      const foreign = await f.t.db
        .selectFrom('location')
        .select('id')
        .where('orgId', '=', other.id)
        .where('kind', '=', 'warehouse')
        .executeTakeFirstOrThrow();
      const res = await callAs(f, 'hubAdmin', 'POST', '/api/v1/goods-receipts', {
        warehouseId: foreign.id,
        supplierName: 'PT Gula Jambi',
        lines: [{ productId: f.n.gula1.id, qty: 1, unitCost: 15_000 }],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        errors: [{ path: '/warehouseId', message: 'bukan gudang hub ini' }],
      });
      expect(() => pickWarehouse([], undefined)).toThrow(
        'Hub belum punya gudang: tambahkan gudang di menu Pengaturan (/pengaturan)',
      );
    });
  });
}
