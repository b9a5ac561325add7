import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/core/shared/ids.ts';
import { ENGINES } from '../helpers/engines.ts';
import { auditEventsOf, buildHttpFixture, callAs, type HttpFixture } from '../helpers/http.ts';
import { insertMember } from '../helpers/savings.ts';

interface Arrears {
  items: {
    memberId: string;
    memberNo: string;
    name: string;
    phone?: string;
    months: number;
    amount: number;
    whatsappUrl?: string;
  }[];
  total: number;
  shareText: string;
  shareUrl: string;
}

/**
 * The monthly wajib billing and the arrears list, KDKMP A (clock: 10 March
 * 2026): wajib Rp 10.000 a month from January, Rp 12.000 from March. Siti
 * joined on 15 January, Budi on 1 February, Ani on 5 March; Dewi joined on
 * 1 January and left on 20 February.
 */
for (const engine of ENGINES) {
  describe(`wajib billing and arrears over HTTP (${engine})`, () => {
    let f: HttpFixture;
    let coop: string;
    const m: Record<'siti' | 'budi' | 'ani' | 'dewi', string> = {
      siti: '',
      budi: '',
      ani: '',
      dewi: '',
    };
    const bill = (month: string) =>
      callAs(f, 'managerA', 'POST', `/api/v1/cooperatives/${coop}/savings/billing`, { month });
    const arrears = async () => {
      const res = await callAs(
        f,
        'managerA',
        'GET',
        `/api/v1/cooperatives/${coop}/savings/arrears`,
      );
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Arrears;
    };
    const billsOf = async (month: string) =>
      (
        await f.t.db
          .selectFrom('wajibBill')
          .select(['memberId', 'amount'])
          .where('orgId', '=', coop)
          .where('month', '=', month)
          .execute()
      )
        .map((b) => [Object.entries(m).find(([, id]) => id === b.memberId)?.[0], b.amount])
        .sort();

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      coop = f.n.coopA.id;
      m.siti = await insertMember(f.t.db, coop, {
        memberNo: '0001',
        name: 'Siti Aminah',
        joinedOn: '2026-01-15',
        phone: '0812-3456-7890',
      });
      m.budi = await insertMember(f.t.db, coop, {
        memberNo: '0002',
        name: 'Budi Santoso',
        joinedOn: '2026-02-01',
      });
      m.ani = await insertMember(f.t.db, coop, {
        memberNo: '0003',
        name: 'Ani Lestari',
        joinedOn: '2026-03-05',
        phone: '+62 813-1111-2222',
      });
      m.dewi = await insertMember(f.t.db, coop, {
        memberNo: '0004',
        name: 'Dewi Sartika',
        joinedOn: '2026-01-01',
        phone: '081399998888',
      });
      await f.t.db
        .updateTable('member')
        .set({ status: 'left', leftOn: '2026-02-20' })
        .where('id', '=', m.dewi)
        .execute();
      for (const [effectiveFrom, wajibMonthly] of [
        ['2026-01-01', 10_000],
        ['2026-03-01', 12_000],
      ] as const) {
        const res = await callAs(
          f,
          'managerA',
          'PUT',
          `/api/v1/cooperatives/${coop}/savings-rules`,
          {
            effectiveFrom,
            pokok: 100_000,
            wajibMonthly,
          },
        );
        expect(res.statusCode, res.body).toBe(200);
      }
    });
    afterAll(() => f.close());

    it('the monthly job bills this month’s wajib of every active member, audited under the system', async () => {
      const res = await callAs(f, 'hubAdmin', 'POST', '/api/v1/jobs/wajib-billing/run');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        name: 'wajib-billing',
        status: 'ok',
        result: {
          summary: 'Simpanan wajib 2026-03: 3 anggota ditagih',
          checked: 1,
          changed: 3,
          failures: [],
        },
      });
      expect(await billsOf('2026-03')).toEqual([
        ['ani', 12_000],
        ['budi', 12_000],
        ['siti', 12_000],
      ]);
      const audit = await f.t.db
        .selectFrom('auditEvent')
        .select(['orgId', 'targetId', 'actorUserId'])
        .where('action', '=', 'runWajibBilling')
        .execute();
      expect(audit).toEqual([{ orgId: coop, targetId: '2026-03', actorUserId: 'system:jobs' }]);
    });

    it('billing a month twice bills once; each month bills the wajib in force on its first day, to who was a member then', async () => {
      const march = await bill('2026-03');
      expect(march.json()).toEqual({ month: '2026-03', billed: 0, alreadyBilled: 3, amount: 0 });
      const feb = await bill('2026-02');
      expect(feb.json()).toEqual({ month: '2026-02', billed: 3, alreadyBilled: 0, amount: 30_000 });
      expect((await bill('2026-02')).json()).toEqual({
        month: '2026-02',
        billed: 0,
        alreadyBilled: 3,
        amount: 0,
      });
      expect(await billsOf('2026-02')).toEqual([
        ['budi', 10_000],
        ['dewi', 10_000],
        ['siti', 10_000],
      ]);
      expect((await bill('2026-01')).json()).toMatchObject({ billed: 2, amount: 20_000 });
      expect(await billsOf('2026-01')).toEqual([
        ['dewi', 10_000],
        ['siti', 10_000],
      ]);
      const april = await bill('2026-04');
      expect([april.statusCode, april.json().code]).toEqual([422, 'DateInFuture']);
      expect((await bill('2026-13')).statusCode).toBe(400);
      await expect
        .poll(async () => (await auditEventsOf(f, 'runWajibBilling')).length)
        .toBeGreaterThanOrEqual(5);
    });

    it('the arrears list: months and amounts after deposits, a WhatsApp link per mobile number, the group message', async () => {
      const pay = await callAs(
        f,
        'cashierA',
        'POST',
        `/api/v1/cooperatives/${coop}/members/${m.siti}/savings`,
        {
          id: newId(),
          kind: 'wajib',
          direction: 'deposit',
          amount: 25_000,
          method: 'cash',
        },
      );
      expect(pay.statusCode, pay.body).toBe(201);
      const a = await arrears();
      expect(
        a.items.map(({ memberNo, name, months, amount }) => [memberNo, name, months, amount]),
      ).toEqual([
        ['0001', 'Siti Aminah', 1, 7_000],
        ['0002', 'Budi Santoso', 2, 22_000],
        ['0003', 'Ani Lestari', 1, 12_000],
      ]);
      expect(a.total).toBe(41_000);
      const [siti, budi, ani] = a.items;
      expect(siti!.whatsappUrl).toMatch(/^https:\/\/wa\.me\/6281234567890\?text=/);
      expect(decodeURIComponent(siti!.whatsappUrl!.split('text=')[1]!)).toContain(
        'tertunggak 1 bulan sebesar Rp 7.000',
      );
      expect(budi!.whatsappUrl).toBeUndefined();
      expect(ani!.whatsappUrl).toMatch(/^https:\/\/wa\.me\/6281311112222\?text=/);
      expect(a.shareText).toContain(
        'Tunggakan simpanan wajib KDKMP Simpang IV Sipin per 10-03-2026',
      );
      expect(a.shareText).toContain('2. 0002 Budi Santoso: 2 bulan, Rp 22.000');
      expect(a.shareText).toContain('Jumlah Rp 41.000 (3 anggota)');
      expect(decodeURIComponent(a.shareUrl.replace('https://wa.me/?text=', ''))).toBe(a.shareText);
      const budiSavings = await callAs(
        f,
        'managerA',
        'GET',
        `/api/v1/cooperatives/${coop}/members/${m.budi}/savings`,
      );
      expect(budiSavings.json()).toMatchObject({
        wajib: 0,
        wajibArrears: 22_000,
        pokokDue: 100_000,
      });
    });

    it('only the manager bills; the cashier and the hub admin are refused', async () => {
      for (const user of ['cashierA', 'hubAdmin', 'managerB'] as const) {
        const res = await callAs(f, user, 'POST', `/api/v1/cooperatives/${coop}/savings/billing`, {
          month: '2026-03',
        });
        expect({ user, status: res.statusCode }).toEqual({ user, status: 403 });
      }
    });
  });
}
