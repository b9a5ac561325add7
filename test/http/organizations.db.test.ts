import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.ts';
import {
  PASSWORD,
  auditEventsOf,
  bearer,
  buildHttpFixture,
  type HttpFixture,
  type UserKey,
  callAs,
} from '../helpers/http.ts';

interface OrganizationItem {
  id: string;
  kind: string;
  name: string;
  regionCode: string;
  regionName: string;
}

/**
 * A hub admin sets up, from an empty network, the government bodies and
 * employers it works with: a Dinas, a Pemkot as program sponsor and payroll
 * employer, each for a real Kemendagri region, once.
 */
for (const engine of ENGINES) {
  describe(`government bodies and employers over HTTP (${engine})`, () => {
    let f: HttpFixture;
    const call = (user: UserKey, method: 'GET' | 'POST', url: string, payload?: object) =>
      callAs(f, user, method, url, payload);
    const create = (payload: object, user: UserKey = 'hubAdmin') =>
      call(user, 'POST', '/api/v1/organizations', payload);
    const list = async (query = '', user: UserKey = 'hubAdmin') => {
      const res = await call(user, 'GET', `/api/v1/organizations${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: OrganizationItem[] }).items;
    };
    const countOrganizations = async () =>
      Number(
        (
          await f.t.db
            .selectFrom('organization')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
    });
    afterAll(() => f.close());

    it('a hub admin creates a Dinas, a Pemkot and an employer for real regions (201, audited), listed by name', async () => {
      const dinas = await create({
        kind: 'government',
        name: 'Dinas Koperasi dan UKM Provinsi Jambi',
        regionCode: '15',
      });
      expect(dinas.statusCode, dinas.body).toBe(201);
      expect(dinas.json()).toEqual({
        id: expect.any(String),
        kind: 'government',
        name: 'Dinas Koperasi dan UKM Provinsi Jambi',
        regionCode: '15',
        regionName: 'JAMBI',
      });
      const pemkot = await create({
        kind: 'government',
        name: '  Pemerintah Kota Jambi ',
        regionCode: '15.71',
      });
      expect(pemkot.statusCode, pemkot.body).toBe(201);
      expect(pemkot.json()).toMatchObject({
        name: 'Pemerintah Kota Jambi',
        regionName: 'KOTA JAMBI',
      });
      const employer = await create({
        kind: 'employer',
        name: 'Kecamatan Telanaipura',
        regionCode: '15.71.01',
      });
      expect(employer.statusCode, employer.body).toBe(201);
      expect(employer.json()).toMatchObject({ kind: 'employer', regionName: 'Telanaipura' });

      // The row knows its province and regency, as the region-based reads expect.
      const row = await f.t.db
        .selectFrom('organization')
        .selectAll()
        .where('id', '=', employer.json().id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        regionCode: '15.71.01',
        provinceCode: '15',
        regencyCode: '15.71',
      });

      // Hub staff read the list too; ?kind= keeps one kind. The fixture's two offices are there.
      const all = await list('', 'hubStaff');
      expect(all.map((o) => [o.kind, o.name, o.regionCode])).toEqual([
        ['government', 'Dinas Koperasi dan UKM Provinsi Jambi', '15'],
        ['government', 'Dinas Koperasi Kota Jambi', '15.71'],
        ['government', 'Dinas Koperasi Kota Sungai Penuh', '15.72'],
        ['employer', 'Kecamatan Telanaipura', '15.71.01'],
        ['government', 'Pemerintah Kota Jambi', '15.71'],
      ]);
      expect((await list('?kind=employer')).map((o) => o.id)).toEqual([employer.json().id]);
      // No hub or cooperative is listed.
      expect(all.map((o) => o.id)).not.toContain(f.n.hub.id);

      // Written to the audit trail under the creating hub.
      const audited = () => auditEventsOf(f, 'createOrganization');
      await expect.poll(async () => (await audited()).length).toBe(3);
      expect(await audited()).toContainEqual(
        expect.objectContaining({
          orgId: f.n.hub.id,
          targetType: 'organization',
          targetId: dinas.json().id,
        }),
      );

      // The hub admin then gives the new office its viewer.
      const user = await call('hubAdmin', 'POST', '/api/v1/users', {
        email: 'viewer@dinas-provinsi.test',
        name: 'Pejabat Dinas Provinsi',
        password: PASSWORD,
        orgId: dinas.json().id,
        role: 'gov_viewer',
      });
      expect(user.statusCode, user.body).toBe(201);
    });

    it('only hub admins create; only hub users list', async () => {
      const body = { kind: 'government', name: 'Dinas Lain', regionCode: '15.72' };
      const others = ['hubStaff', 'managerA', 'cashierA', 'govViewer', 'programAdmin'] as const;
      const refused: [string, number][] = [];
      for (const user of others) refused.push([user, (await create(body, user)).statusCode]);
      expect(refused).toEqual(others.map((user) => [user, 403]));
      for (const user of ['managerA', 'govViewer', 'programAdmin'] as const)
        expect((await call(user, 'GET', '/api/v1/organizations')).statusCode).toBe(403);
      expect((await list()).map((o) => o.name)).not.toContain('Dinas Lain');
    });

    it('refuses a region code Kemendagri does not have, or a village, or another kind, naming the field', async () => {
      const before = await countOrganizations();
      for (const [payload, path] of [
        [{ kind: 'government', name: 'Dinas X', regionCode: '15.99' }, '/regionCode'],
        [{ kind: 'government', name: 'Dinas X', regionCode: '99' }, '/regionCode'],
        [{ kind: 'government', name: 'Dinas X', regionCode: '15.71.99' }, '/regionCode'],
        [{ kind: 'employer', name: 'Kelurahan X', regionCode: '15.71.01.1001' }, '/regionCode'],
        [{ kind: 'government', name: 'Dinas X', regionCode: 'Jambi' }, '/regionCode'],
        [{ kind: 'government', name: 'Dinas X' }, '/regionCode'],
        [{ kind: 'hub', name: 'Hub X', regionCode: '15.71' }, '/kind'],
        [{ kind: 'cooperative', name: 'KDKMP X', regionCode: '15.71' }, '/kind'],
        [{ kind: 'government', name: '   ', regionCode: '15.71' }, '/name'],
      ] as const) {
        const res = await create(payload);
        expect({ payload, status: res.statusCode }).toEqual({ payload, status: 400 });
        expect(res.json().code).toBe('ValidationFailed');
        expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
      }
      const unknown = await f.app.inject({
        method: 'POST',
        url: '/api/v1/organizations',
        headers: { ...bearer(f.tokens.hubAdmin), 'accept-language': 'en' },
        payload: { kind: 'government', name: 'Dinas X', regionCode: '15.99' },
      });
      expect(unknown.json().detail).toContain('unknown region code 15.99');
      expect(await countOrganizations()).toBe(before);
    });

    it('refuses a second organization of the same kind, name and region (409), not a namesake elsewhere', async () => {
      const body = { kind: 'government', name: 'Dinas Pangan Kota Jambi', regionCode: '15.71' };
      expect((await create(body)).statusCode).toBe(201);
      const before = await countOrganizations();
      for (const again of [body, { ...body, name: 'DINAS PANGAN KOTA JAMBI ' }]) {
        const res = await create(again);
        expect(res.statusCode, res.body).toBe(409);
        expect(res.json()).toMatchObject({ code: 'AlreadyExists', errors: [{ path: '/name' }] });
      }
      expect(await countOrganizations()).toBe(before);
      // The same name for another kind or another region is another organization.
      expect((await create({ ...body, kind: 'employer' })).statusCode).toBe(201);
      expect((await create({ ...body, regionCode: '15.71.01' })).statusCode).toBe(201);
    });
  });
}
