import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRupiah } from '../../src/core/shared/money.ts';
import { ENGINES } from '../helpers/engines.ts';
import { buildHttpFixture, callAs, type HttpFixture, type UserKey } from '../helpers/http.ts';
import { moveClock, pdfToText, seedYear2026, xlsxSheets } from '../helpers/rat-pack-year.ts';

interface MemberShare {
  memberId: string;
  memberNo: string;
  name: string;
  jasaUsaha: number;
  jasaModal: number;
  total: number;
}

/**
 * The members' annual meeting (RAT) pack of cooperative A's 2026: refused
 * while the year runs; after it, a draft from the SHU rules marked on every
 * page, then the final pack once the year is closed, as PDF and XLSX; read by
 * those who read the cooperative's books.
 */
for (const engine of ENGINES) {
  describe(`RAT pack over HTTP (${engine})`, () => {
    let f: HttpFixture;
    let coop = '';
    const pack = (year: number, format = 'pdf', user: UserKey = 'managerA') =>
      callAs(
        f,
        user,
        'GET',
        `/api/v1/cooperatives/${coop}/fiscal-years/${year}/rat-pack?format=${format}`,
      );

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      ({ coop } = await seedYear2026(f));
    });
    afterAll(() => f.close());

    it('a year still running has no pack (409 FiscalYearNotEnded)', async () => {
      const res = await pack(2026);
      expect([res.statusCode, res.json().code]).toEqual([409, 'FiscalYearNotEnded']);
      expect(res.json().detail).toContain('belum berakhir');
    });

    it('an ended year without SHU rules has no draft (422 ShuRulesMissing)', async () => {
      const res = await pack(2025);
      expect([res.statusCode, res.json().code]).toEqual([422, 'ShuRulesMissing']);
    });

    it('after the year end, an open year gives a draft marked on every page; the closed year the final pack', async () => {
      await moveClock(f, '2027-01-05T03:00:00Z');
      const statements = await callAs(
        f,
        'managerA',
        'GET',
        `/api/v1/orgs/${coop}/ledger/statements?year=2026`,
      );
      expect(statements.statusCode, statements.body).toBe(200);
      const shu = statements.json().incomeStatement.shu as number;
      expect(shu).toBeGreaterThan(0);

      const draft = await pack(2026);
      expect(draft.statusCode, draft.body).toBe(200);
      expect(draft.headers['content-type']).toBe('application/pdf');
      expect(draft.headers['content-disposition']).toContain('paket-rat-2026-draf.pdf');
      expect(draft.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const draftPages = pdfToText(draft.rawPayload)
        .split('\f')
        .filter((p) => p.trim());
      expect(draftPages.length).toBeGreaterThan(5);
      draftPages.forEach((page, i) => {
        expect(page).toContain('DRAF — belum diputuskan RAT');
        expect(page).toContain(`Halaman ${i + 1} dari ${draftPages.length}`);
      });

      const close = await callAs(
        f,
        'managerA',
        'POST',
        `/api/v1/cooperatives/${coop}/fiscal-years/2026/close`,
        {},
      );
      expect([200, 201], close.body).toContain(close.statusCode);
      const members = close.json().members as MemberShare[];
      expect(close.json().shu).toBe(shu);

      const final = await pack(2026);
      expect(final.statusCode, final.body).toBe(200);
      expect(final.headers['content-disposition']).toContain('paket-rat-2026.pdf');
      const text = pdfToText(final.rawPayload).replace(/[ \n]+/g, ' ');
      expect(text).not.toContain('DRAF');
      for (const words of [
        'Laporan Pertanggungjawaban Pengurus',
        'Rapat Anggota Tahunan Tahun Buku 2026',
        'Laporan Posisi Keuangan',
        'Catatan atas Laporan Keuangan',
        'SAK EP',
        'tidak dicatat sebagai persediaan',
        // 60 units of gula received, 40 sold: 20 of the hub's units on the shelf at the year end.
        'ada 20 unit barang titipan hub',
        'metode garis lurus',
        'Timbangan digital',
        `SHU tahun 2026: ${formatRupiah(shu)}`,
        'Pembagian SHU Tahun Buku 2026',
        'SHU Anggota Tahun Buku 2026',
        'Siti Aminah',
        'Budi Santoso',
        'Ketua',
        'Sekretaris',
        'Bendahara',
        'Pengawas',
        '( Rahmat Hidayat )',
      ])
        expect(text).toContain(words);
      const siti = members.find((m) => m.name === 'Siti Aminah')!;
      expect(siti.total).toBeGreaterThan(0);
      expect(text).toContain(formatRupiah(siti.total));
    });

    it('the XLSX holds the statements, the SHU split and one row per member, amounts as numbers', async () => {
      const fy = await callAs(
        f,
        'managerA',
        'GET',
        `/api/v1/cooperatives/${coop}/fiscal-years/2026`,
      );
      expect(fy.statusCode, fy.body).toBe(200);
      const res = await pack(2026, 'xlsx');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-disposition']).toContain('paket-rat-2026.xlsx');
      const sheets = xlsxSheets(res.rawPayload);
      expect([...sheets.keys()]).toEqual(expect.arrayContaining(['Pembagian SHU', 'SHU Anggota']));
      expect(sheets.size).toBeGreaterThan(2);
      const rows = sheets.get('SHU Anggota')!;
      expect(rows[0]![1]).toBe('Nama');
      const expected = (
        fy.json().members as (MemberShare & { purchases: number; savings: number })[]
      ).map((m) => [m.memberNo, m.name, m.purchases, m.savings, m.jasaUsaha, m.jasaModal, m.total]);
      expect(rows.slice(1)).toEqual(expected);
      const split = sheets.get('Pembagian SHU')!;
      expect(split).toContainEqual(['', 'Jumlah', 100, fy.json().shu]);
    });

    it('read as the books are: the manager, the hub and the region’s office; not the cashier, another cooperative or another region', async () => {
      const allowed: UserKey[] = ['managerA', 'hubAdmin', 'hubStaff', 'govViewer'];
      for (const user of allowed)
        expect({ user, status: (await pack(2026, 'pdf', user)).statusCode }).toEqual({
          user,
          status: 200,
        });
      for (const user of ['cashierA', 'managerB', 'otherGov', 'programAdmin'] as const)
        expect({ user, status: (await pack(2026, 'pdf', user)).statusCode }).toEqual({
          user,
          status: 403,
        });
    });
  });
}
