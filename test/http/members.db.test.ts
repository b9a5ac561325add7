import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/core/shared/ids.ts';
import { ENGINES } from '../helpers/engines.ts';
import { auditEventsOf, buildHttpFixture, callAs, type HttpFixture } from '../helpers/http.ts';

interface MemberItem {
  id: string;
  memberNo: string;
  nik: string;
  name: string;
  phone?: string;
  role?: string;
  status: string;
}

/**
 * The member registry over HTTP. The fixture's clock is 10 March 2026; KDKMP
 * A lies in Telanaipura, Kota Jambi (village 15.71.01.1001), so its card
 * codes start `A1571011001-`.
 */
for (const engine of ENGINES) {
  describe(`the member registry over HTTP (${engine})`, () => {
    let f: HttpFixture;
    let base: string;
    const siti = {
      id: newId(),
      nik: '1571015703920001',
      name: 'Siti Aminah',
      joinedOn: '2026-03-02',
      phone: '+62 812-3456-7890',
      address: 'Jl. Sumantri Brojonegoro RT 05',
    };
    const rahmat = {
      id: newId(),
      nik: '1571011708850003',
      name: 'Rahmat Hidayat',
      joinedOn: '2025-11-20',
    };

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      base = `/api/v1/cooperatives/${f.n.coopA.id}/members`;
    });
    afterAll(() => f.close());

    const list = async (query: string, user: 'managerA' | 'hubAdmin' = 'managerA') => {
      const res = await callAs(f, user, 'GET', `${base}${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: MemberItem[]; nextCursor?: string };
    };

    it('registers members numbered 0001, 0002 with gender and birth date from the NIK; the same request again is the same member', async () => {
      const first = await callAs(f, 'managerA', 'POST', base, siti);
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json()).toEqual({ id: siti.id, memberNo: '0001' });
      const again = await callAs(f, 'managerA', 'POST', base, siti);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual({ id: siti.id, memberNo: '0001' });
      const second = await callAs(f, 'managerA', 'POST', base, rahmat);
      expect(second.json()).toEqual({ id: rahmat.id, memberNo: '0002' });

      const got = await callAs(f, 'cashierA', 'GET', `${base}/${siti.id}`);
      expect(got.json()).toEqual({
        id: siti.id,
        memberNo: '0001',
        nik: siti.nik,
        name: 'Siti Aminah',
        gender: 'P',
        birthDate: '1992-03-17',
        joinedOn: '2026-03-02',
        status: 'active',
        phone: '081234567890',
        address: siti.address,
        cardCode: 'A1571011001-0001',
      });
      await expect
        .poll(async () => (await auditEventsOf(f, 'createMember')).map((e) => e.targetId))
        .toEqual(expect.arrayContaining([siti.id, rahmat.id]));
    });

    it('refuses the same id with other content, a NIK already a member, and bad NIKs and dates with their reasons', async () => {
      const conflict = await callAs(f, 'managerA', 'POST', base, { ...siti, name: 'Siti A.' });
      expect([conflict.statusCode, conflict.json().code]).toEqual([409, 'IdempotencyConflict']);
      const taken = await callAs(f, 'managerA', 'POST', base, { ...siti, id: newId() });
      expect([taken.statusCode, taken.json().code]).toEqual([409, 'AlreadyExists']);
      expect(taken.json().detail).toContain('anggota 0001 atas nama Siti Aminah');
      const cases: [Partial<typeof siti>, string][] = [
        [{ nik: '157101570392000' }, 'NIK harus 16 digit (ada 15)'],
        [{ nik: '1571995703920001' }, 'kode wilayah 15.71.99 pada NIK tidak dikenal Kemendagri'],
        [{ nik: '1571013102920001' }, 'tanggal lahir pada NIK (31-02-92) tidak mungkin'],
        [{ joinedOn: '2026-03-11' }, 'tanggal masuk 2026-03-11 belum terjadi'],
        [{ joinedOn: '1999-12-31' }, 'tanggal masuk 1999-12-31 sebelum tanggal lahir 2000-01-01'],
        [{ phone: '12' }, 'nomor telepon 12 tidak valid'],
      ];
      for (const [change, reason] of cases) {
        const res = await callAs(f, 'managerA', 'POST', base, {
          ...siti,
          nik: '1571014101000005',
          id: newId(),
          ...change,
        });
        expect({ change, status: res.statusCode, code: res.json().code }).toEqual({
          change,
          status: 400,
          code: 'ValidationFailed',
        });
        expect(res.json().detail).toContain(reason);
      }
      expect((await list('')).items).toHaveLength(2);
    });

    it('finds a member by number, card code, NIK start, part of the name and phone typed either way; filters by status; pages', async () => {
      const nos = async (q: string) =>
        (await list(`?q=${encodeURIComponent(q)}`)).items.map((m) => m.memberNo);
      expect(await nos('2')).toEqual(['0002']);
      expect(await nos('A1571011001-0001')).toEqual(['0001']);
      expect(await nos('15710117')).toEqual(['0002']);
      expect(await nos('aMiN')).toEqual(['0001']);
      expect(await nos('0812-3456')).toEqual(['0001']);
      expect(await nos('+6281234567890')).toEqual(['0001']);
      expect(await nos('tidak ada')).toEqual([]);
      expect((await list('?status=left')).items).toEqual([]);
      const page1 = await list('?limit=1');
      expect(page1.items.map((m) => m.memberNo)).toEqual(['0001']);
      const page2 = await list(`?limit=1&cursor=${page1.nextCursor}`);
      expect(page2.items.map((m) => m.memberNo)).toEqual(['0002']);
      expect(page2.nextCursor).toBeUndefined();
      // The hub admin reads (support); the list carries the NIK, the directory does not.
      expect((await list('', 'hubAdmin')).items[0]?.nik).toBe(siti.nik);
      const dir = await callAs(f, 'cashierA', 'GET', `${base}/directory`);
      expect(dir.json().items).toEqual([
        {
          id: siti.id,
          memberNo: '0001',
          name: 'Siti Aminah',
          phone: '081234567890',
          cardCode: 'A1571011001-0001',
          status: 'active',
        },
        {
          id: rahmat.id,
          memberNo: '0002',
          name: 'Rahmat Hidayat',
          cardCode: 'A1571011001-0002',
          status: 'active',
        },
      ]);
    });

    it('edits a member; an officer role moves from its holder and the officer list follows', async () => {
      const officers = () =>
        f.t.db
          .selectFrom('officer')
          .select(['role', 'name', 'phone', 'memberId'])
          .where('orgId', '=', f.n.coopA.id)
          .orderBy('role')
          .execute();
      const patch = (id: string, body: object) =>
        callAs(f, 'managerA', 'PATCH', `${base}/${id}`, body);
      const res = await patch(rahmat.id, { phone: '0813 6611 2233', role: 'ketua' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ phone: '081366112233', role: 'ketua' });
      expect(await officers()).toEqual([
        { role: 'ketua', name: 'Rahmat Hidayat', phone: '081366112233', memberId: rahmat.id },
      ]);
      // Siti becomes ketua: Rahmat loses the role, the ketua row is now Siti.
      await patch(siti.id, { role: 'ketua' });
      expect(await officers()).toEqual([
        { role: 'ketua', name: 'Siti Aminah', phone: '081234567890', memberId: siti.id },
      ]);
      expect((await callAs(f, 'managerA', 'GET', `${base}/${rahmat.id}`)).json().role).toBe(
        undefined,
      );
      // Her name changes: so does the officer's; then she moves to bendahara, and clears it.
      await patch(siti.id, { name: 'Siti Aminah Lubis' });
      expect((await officers())[0]?.name).toBe('Siti Aminah Lubis');
      await patch(siti.id, { role: 'bendahara' });
      expect(await officers()).toEqual([
        { role: 'bendahara', name: 'Siti Aminah Lubis', phone: '081234567890', memberId: siti.id },
        { role: 'ketua', name: 'Siti Aminah Lubis', phone: '081234567890', memberId: null },
      ]);
      await patch(siti.id, { role: null, address: null });
      expect((await officers()).map((o) => o.memberId)).toEqual([null, null]);
      const after = (await callAs(f, 'managerA', 'GET', `${base}/${siti.id}`)).json();
      expect([after.role, after.address, after.name]).toEqual([
        undefined,
        undefined,
        'Siti Aminah Lubis',
      ]);
      const bad = await patch(siti.id, { phone: 'x1' });
      expect([bad.statusCode, bad.json().errors]).toEqual([
        400,
        [{ path: '/phone', message: 'nomor telepon x1 tidak valid' }],
      ]);
      await expect
        .poll(async () => (await auditEventsOf(f, 'updateMember')).length)
        .toBeGreaterThanOrEqual(5);
    });

    it('numbers members registered at the same moment one after another: no gap, no number twice', async () => {
      const before = (await list('?limit=200')).items.length;
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          callAs(f, 'managerA', 'POST', base, {
            id: newId(),
            nik: `157101010190${String(i + 1).padStart(4, '0')}`,
            name: `Anggota Serentak ${i + 1}`,
            joinedOn: '2026-03-09',
          }),
        ),
      );
      expect(results.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
      const numbers = results.map((r) => Number(r.json().memberNo)).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => before + 1 + i));
    });

    it("keeps each cooperative's members to its own staff: other managers, hub staff and viewers are refused", async () => {
      const siti1 = `${base}/${siti.id}`;
      for (const [user, method, url] of [
        ['managerB', 'GET', base],
        ['managerB', 'GET', siti1],
        ['managerB', 'GET', `${base}/directory`],
        ['managerB', 'GET', `${base}/export`],
        ['managerB', 'GET', `${siti1}/card.pdf`],
        ['managerB', 'PATCH', siti1],
        ['managerB', 'POST', base],
        ['hubStaff', 'GET', base],
        ['hubStaff', 'GET', siti1],
        ['govViewer', 'GET', base],
        ['cashierA', 'GET', base],
        ['cashierA', 'POST', base],
        ['hubAdmin', 'POST', base],
        ['hubAdmin', 'PATCH', siti1],
      ] as const) {
        const body =
          method === 'GET' ? undefined : { ...siti, id: newId(), nik: '1571014101000005' };
        const res = await callAs(f, user, method, url, method === 'PATCH' ? { name: 'X' } : body);
        expect({ user, method, url, status: res.statusCode }).toEqual({
          user,
          method,
          url,
          status: 403,
        });
      }
      // B's own registry is empty and numbers from 0001.
      const bBase = `/api/v1/cooperatives/${f.n.coopB.id}/members`;
      const b = await callAs(f, 'managerB', 'POST', bBase, { ...siti, id: newId() });
      expect(b.json().memberNo).toBe('0001');
      // A's member id under B's path is not found.
      const cross = await callAs(f, 'managerB', 'GET', `${bBase}/${rahmat.id}`);
      expect(cross.statusCode).toBe(404);
    });
  });
}
