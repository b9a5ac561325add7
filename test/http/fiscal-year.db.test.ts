import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../src/core/access/index.ts';
import { verifyDatabase } from '../../src/core/integrity/index.ts';
import { deliverGula, stockHub } from '../helpers/deliveries.ts';
import { ENGINES } from '../helpers/engines.ts';
import { buildHttpFixture, callAs, type HttpFixture, type UserKey } from '../helpers/http.ts';
import { insertMember } from '../helpers/savings.ts';

interface View {
  shu: number;
  closeId: string;
  allocation: { key: string; amount: number }[];
  members: {
    memberId: string;
    purchases: number;
    savings: number;
    jasaUsaha: number;
    jasaModal: number;
    total: number;
  }[];
}

const RULES = {
  allocation: [
    { key: 'cadangan', percent: 40 },
    { key: 'jasa_anggota', percent: 40 },
    { key: 'pengurus', percent: 5 },
    { key: 'karyawan', percent: 5 },
    { key: 'pendidikan', percent: 5 },
    { key: 'sosial', percent: 5 },
  ],
  jasaUsahaPercent: 25,
  jasaModalPercent: 15,
};

/**
 * A cooperative's year end over HTTP, KDKMP A's fiscal year 2026 (the
 * fixture's network starts in 2026): three members, two of whom bought gula
 * (Rp 35.000 and Rp 52.500) and all of whom saved pokok + wajib (Rp 200.000,
 * 300.000, 500.000); other revenue booked by hand makes SHU Rp 1.000.000.
 * Split 40/40 (jasa usaha 25, modal 15)/5/5/5/5.
 */
for (const engine of ENGINES) {
  describe(`year end over HTTP (${engine})`, () => {
    let f: HttpFixture;
    let coop = '';
    const m: string[] = [];
    const call = (user: UserKey, method: 'GET' | 'POST' | 'PUT', path: string, body?: object) =>
      callAs(f, user, method, `/api/v1/cooperatives/${coop}${path}`, body);
    const sale = (qty: number, occurredAt: string, memberId?: string) => ({
      id: randomUUID(),
      occurredAt,
      paymentMethod: 'cash' as const,
      lines: [{ productId: f.n.gula1.id, qty, unitPrice: 17_500 }],
      ...(memberId ? { memberId } : {}),
    });
    const sync = async (sales: ReturnType<typeof sale>[]) => {
      const res = await callAs(f, 'cashierA', 'POST', `/api/v1/cooperatives/${coop}/sales`, {
        sales,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().results as { id: string; status: string }[];
    };
    const manualEntry = (date: string, amount: number) =>
      callAs(f, 'managerA', 'POST', `/api/v1/orgs/${coop}/ledger/entries`, {
        id: randomUUID(),
        date,
        memo: 'Pendapatan sewa tenda',
        lines: [
          { accountCode: '1101', debit: amount, credit: 0 },
          { accountCode: '4901', debit: 0, credit: amount },
        ],
      });
    const balance = async (code: string) => {
      const res = await callAs(f, 'managerA', 'GET', `/api/v1/orgs/${coop}/ledger/trial-balance`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().accounts as { code: string; debit: number; credit: number }[])
        .filter((a) => a.code === code)
        .reduce((t, a) => t + a.credit - a.debit, 0);
    };
    const journalCount = async () =>
      Number(
        (
          await f.t.db
            .selectFrom('journalEntry')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('orgId', '=', coop)
            .executeTakeFirstOrThrow()
        ).n,
      );

    /** Moves the clock; the users sign in again (their tokens expire). */
    const setClock = async (iso: string) => {
      f.n.clock.set(iso);
      for (const key of Object.keys(f.tokens) as UserKey[]) {
        const user = await f.t.db
          .selectFrom('appUser')
          .select('id')
          .where('email', '=', f.emails[key])
          .executeTakeFirstOrThrow();
        f.tokens[key] = (await issueToken(f.t.db, user.id, 'api', f.n.clock)).token;
      }
    };

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      coop = f.n.coopA.id;
      await stockHub(f.t.db, f.n, 100);
      await deliverGula(f.t.db, f.n, 60, 60);
      for (const [i, name] of ['Siti Aminah', 'Budi Santoso', 'Wati Lestari'].entries())
        m.push(
          await insertMember(f.t.db, coop, {
            memberNo: `000${i + 1}`,
            name,
            joinedOn: '2026-01-05',
          }),
        );
      for (const [i, total] of [200_000, 300_000, 500_000].entries())
        for (const kind of ['pokok', 'wajib'])
          expect(
            (
              await call('managerA', 'POST', `/members/${m[i]}/savings`, {
                id: randomUUID(),
                kind,
                direction: 'deposit',
                amount: total / 2,
                date: '2026-02-01',
                method: 'cash',
              })
            ).statusCode,
          ).toBe(201);
      await sync([
        sale(2, '2026-03-10T02:00:00Z', m[0]),
        sale(3, '2026-03-10T02:10:00Z', m[1]),
        sale(1, '2026-03-10T02:20:00Z'),
      ]);
    });
    afterAll(async () => {
      const report = await verifyDatabase(f.t.db);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      await f.close();
    });

    it('refuses a split adding up to 99 or 101, in words that say the sum; keeps a split of 100', async () => {
      const with99 = {
        ...RULES,
        allocation: [...RULES.allocation.slice(0, 5), { key: 'sosial', percent: 4 }],
      };
      const bad = await call('managerA', 'PUT', '/shu-rules/2026', with99);
      expect(bad.statusCode).toBe(422);
      expect(bad.json()).toMatchObject({ code: 'InvalidShuRules' });
      expect(bad.json().detail).toContain('berjumlah 99, harus tepat 100');
      const with101 = {
        ...RULES,
        allocation: [...RULES.allocation.slice(0, 5), { key: 'sosial', percent: 6 }],
      };
      expect((await call('managerA', 'PUT', '/shu-rules/2026', with101)).json().detail).toContain(
        'berjumlah 101',
      );
      expect((await call('managerA', 'GET', '/shu-rules/2026')).statusCode).toBe(404);
      const ok = await call('managerA', 'PUT', '/shu-rules/2026', RULES);
      expect(ok.statusCode, ok.body).toBe(200);
      expect((await call('hubAdmin', 'GET', '/shu-rules/2026')).json()).toMatchObject({
        year: 2026,
        jasaUsahaPercent: 25,
      });
    });

    it('simulates the running year as an estimate and refuses to close it before it ends', async () => {
      const preview = await call('managerA', 'POST', '/fiscal-years/2026/shu-preview', RULES);
      expect(preview.statusCode, preview.body).toBe(200);
      expect(preview.json().estimate).toBe(true);
      const shu = preview.json().shu as number;
      expect(shu).toBeGreaterThan(0);
      // Other revenue rounds SHU to Rp 1.000.000.
      expect((await manualEntry('2026-03-10', 1_000_000 - shu)).statusCode).toBe(201);
      const stored = await call('managerA', 'POST', '/fiscal-years/2026/shu-preview');
      expect(stored.statusCode, stored.body).toBe(200);
      expect(stored.json().shu).toBe(1_000_000);
      const early = await call('managerA', 'POST', '/fiscal-years/2026/close', {});
      expect(early.statusCode).toBe(409);
      expect(early.json().code).toBe('FiscalYearNotEnded');
    });

    it('closes the ended year: the split, each member’s SHU by purchases and savings; again the same, nothing new', async () => {
      await setClock('2027-01-05T03:00:00Z');
      expect((await call('cashierA', 'POST', '/fiscal-years/2026/close', {})).statusCode).toBe(403);
      expect(
        (
          await callAs(
            f,
            'managerB',
            'POST',
            `/api/v1/cooperatives/${coop}/fiscal-years/2026/close`,
            {},
          )
        ).statusCode,
      ).toBe(403);
      // Two closes at once: one closes, the other answers the same close.
      const both = await Promise.all([
        call('managerA', 'POST', '/fiscal-years/2026/close', {}),
        call('managerA', 'POST', '/fiscal-years/2026/close', {}),
      ]);
      expect(both.map((r) => r.statusCode).sort()).toEqual([200, 201]);
      const res = both.find((r) => r.statusCode === 201)!;
      expect(both[0]!.json().closeId).toBe(both[1]!.json().closeId);
      const closings = await f.t.db
        .selectFrom('journalEntry')
        .select('id')
        .where('orgId', '=', coop)
        .where('docType', '=', 'fiscal_year_close')
        .execute();
      expect(closings).toHaveLength(1);
      const view = res.json() as View;
      expect(view.shu).toBe(1_000_000);
      expect(Object.fromEntries(view.allocation.map((a) => [a.key, a.amount]))).toEqual({
        cadangan: 400_000,
        jasa_anggota: 400_000,
        pengurus: 50_000,
        karyawan: 50_000,
        pendidikan: 50_000,
        sosial: 50_000,
      });
      expect(
        view.members.map((x) => [
          x.memberId,
          x.purchases,
          x.savings,
          x.jasaUsaha,
          x.jasaModal,
          x.total,
        ]),
      ).toEqual([
        [m[0], 35_000, 200_000, 100_000, 30_000, 130_000],
        [m[1], 52_500, 300_000, 150_000, 45_000, 195_000],
        [m[2], 0, 500_000, 0, 75_000, 75_000],
      ]);
      expect(await balance('2201')).toBe(400_000);
      expect(await balance('3301')).toBe(400_000);
      expect(await balance('4901')).toBe(0);
      const entries = await journalCount();
      const again = await call('managerA', 'POST', '/fiscal-years/2026/close');
      expect(again.statusCode).toBe(200);
      expect(again.json().closeId).toBe(view.closeId);
      expect(await journalCount()).toBe(entries);
      expect((await call('govViewer', 'GET', '/fiscal-years/2026')).json().shu).toBe(1_000_000);
      const years = await call('hubStaff', 'GET', '/fiscal-years');
      expect(years.json().items).toContainEqual(
        expect.objectContaining({ year: 2026, status: 'closed', shu: 1_000_000 }),
      );
    });

    it('locks the closed year: a manual entry in it is refused, a late sale is booked on the next year’s first day', async () => {
      const manual = await manualEntry('2026-06-01', 10_000);
      expect(manual.statusCode).toBe(409);
      expect(manual.json().code).toBe('FiscalYearClosed');
      expect(manual.json().detail).toContain('Tahun buku 2026 sudah ditutup');
      expect((await call('managerA', 'PUT', '/shu-rules/2026', RULES)).json().code).toBe(
        'FiscalYearClosed',
      );
      const [late] = await sync([sale(1, '2026-12-30T03:00:00Z', m[2])]);
      expect(late!.status).toBe('created');
      const entry = await f.t.db
        .selectFrom('journalEntry')
        .select(['entryDate', 'memo'])
        .where('orgId', '=', coop)
        .where('docType', 'in', ['sales_batch', 'sale'])
        .orderBy('createdAt', 'desc')
        .executeTakeFirstOrThrow();
      expect(entry.entryDate).toBe('2027-01-01');
      expect(entry.memo).toContain('(tahun buku 2026 sudah ditutup)');
      expect((await call('managerA', 'GET', '/fiscal-years/2026')).json().members[2].total).toBe(
        75_000,
      );
    });

    it('credits each member’s SHU to their sukarela: the passbook rises, 2201 goes to 0; once', async () => {
      const body = { id: randomUUID(), method: 'sukarela', date: '2027-01-05' };
      const res = await call('managerA', 'POST', '/fiscal-years/2026/distribution', body);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ total: 400_000, paidOn: '2027-01-05', members: 3 });
      for (const [i, total] of [130_000, 195_000, 75_000].entries()) {
        const savings = await call('managerA', 'GET', `/members/${m[i]}/savings`);
        expect(savings.json().sukarela).toBe(total);
      }
      expect(await balance('2201')).toBe(0);
      expect(await balance('2102')).toBe(400_000);
      expect(
        (await call('managerA', 'POST', '/fiscal-years/2026/distribution', body)).statusCode,
      ).toBe(200);
      const second = await call('managerA', 'POST', '/fiscal-years/2026/distribution', {
        ...body,
        id: randomUUID(),
      });
      expect(second.statusCode).toBe(409);
      expect(second.json().code).toBe('AlreadyExists');
      expect(
        (await call('managerA', 'GET', '/fiscal-years/2026')).json().distribution,
      ).toMatchObject({ method: 'sukarela', total: 400_000 });
    });
  });
}
