import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXlsx } from '../../src/core/shared/xlsx.ts';
import { ENGINES } from '../helpers/engines.ts';
import { bearer, buildHttpFixture, callAs, type HttpFixture } from '../helpers/http.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A valid NIK of Telanaipura (15.71.01) for person `i`: birth dates spread over 1960–1999, serials unique. */
function nikOf(i: number): string {
  const woman = i % 2 === 1;
  const day = (i % 28) + 1 + (woman ? 40 : 0);
  const month = (Math.floor(i / 28) % 12) + 1;
  const year = 60 + (i % 40);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `157101${pad(day)}${pad(month)}${pad(year)}${pad((i % 9999) + 1, 4)}`;
}

const HEADER = 'nik;nama;tanggal_masuk;telepon;alamat';

/** The planted bad rows: by data index, the row and a piece of its reason. */
const PLANTED: Record<number, { row: string; reason: string }> = {
  100: { row: '157101170885000;Salah Panjang;2025-01-02;;', reason: 'NIK harus 16 digit (ada 15)' },
  700: { row: '15710117O8850003;Huruf O;2025-01-02;;', reason: 'NIK hanya boleh berisi angka' },
  1200: {
    row: '1571991708850003;Wilayah Asing;2025-01-02;;',
    reason: 'kode wilayah 15.71.99 pada NIK tidak dikenal Kemendagri',
  },
  1800: {
    row: '1571013102850003;Tiga Puluh Satu Februari;2025-01-02;;',
    reason: 'tanggal lahir pada NIK (31-02-85) tidak mungkin',
  },
  2300: {
    row: `${nikOf(10)};Kembar Baris;2025-01-02;;`,
    reason: 'NIK ganda dalam berkas, sudah di baris 12',
  },
  2900: { row: `${nikOf(4_000_000)};;2025-01-02;;`, reason: 'nama wajib diisi' },
  3400: {
    row: `1571017212850003;Tujuh Puluh Dua;2025-01-02;;`,
    reason: 'tanggal lahir pada NIK (72-12-85) tidak mungkin',
  },
  3900: {
    row: `1571011708850777;Tanggal Rusak;31/13/2025;;`,
    reason: 'tanggal masuk 2025-13-31 bukan tanggal yang sah',
  },
  4400: {
    row: `1571011708850778;Belum Masuk;2026-03-11;;`,
    reason: 'tanggal masuk 2026-03-11 belum terjadi',
  },
  4900: {
    row: `1571011708850779;Masuk Sebelum Lahir;1980-01-01;;`,
    reason: 'tanggal masuk 1980-01-01 sebelum tanggal lahir 1985-08-17',
  },
};

function fileOf(n: number): string {
  const lines = [HEADER];
  for (let i = 0; i < n; i++)
    lines.push(
      PLANTED[i]?.row ??
        `${nikOf(i)};${i === 5 ? '"=HYPERLINK(""http://x"")"' : `Anggota ${i}`};${i % 3 === 0 ? '15/06/2024' : '2024-06-15'};08${String(1_000_000_000 + i)};Jl. Uji ${i}`,
    );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Members files into the registry: 5,000 rows with 10 planted mistakes, SIMKOPDES headers, XLSX, export and back. */
for (const engine of ENGINES) {
  describe(`the members file (${engine})`, () => {
    let f: HttpFixture;
    let base: string;
    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      base = `/api/v1/cooperatives/${f.n.coopA.id}/members`;
    });
    afterAll(() => f.close());

    const send = (payload: string | Buffer, type = 'text/csv; charset=utf-8') =>
      f.app.inject({
        method: 'POST',
        url: `${base}/import`,
        headers: { ...bearer(f.tokens.managerA), 'content-type': type },
        payload,
      });

    it('imports 5,000 rows and reports exactly the 10 planted bad rows with their reasons', async () => {
      const res = await send(fileOf(5_000));
      expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
      const body = res.json() as {
        imported: number;
        updated: number;
        rejected: { row: number; errors: string[] }[];
      };
      expect([body.imported, body.updated]).toEqual([4_990, 0]);
      expect(body.rejected.map((r) => r.row)).toEqual(
        Object.keys(PLANTED).map((i) => Number(i) + 2),
      );
      for (const r of body.rejected) {
        const planted = PLANTED[r.row - 2]!;
        expect({ row: r.row, errors: r.errors }).toEqual({
          row: r.row,
          errors: [expect.stringContaining(planted.reason)],
        });
      }
      // Numbered 0001…4990 without a gap; a formula-like name is stored as text.
      const page = await callAs(f, 'managerA', 'GET', `${base}?q=HYPERLINK`);
      expect(page.json().items).toMatchObject([{ name: '=HYPERLINK("http://x")' }]);
      const last = await f.t.db
        .selectFrom('member')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('memberNo').as('max')])
        .where('orgId', '=', f.n.coopA.id)
        .executeTakeFirstOrThrow();
      expect([Number(last.n), last.max]).toEqual([4_990, '4990']);
    });

    it('exports in the same columns, formula-safe, and the export imports as 0 new, every row updated', async () => {
      const csv = await callAs(f, 'managerA', 'GET', `${base}/export?format=csv`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      const lines = csv.body.trim().split('\r\n');
      expect(lines[0]).toBe('nik,nama,tanggal_masuk,telepon,alamat');
      expect(lines).toHaveLength(4_991);
      expect(lines.find((l) => l.includes('HYPERLINK'))).toContain(`"'=HYPERLINK(""http://x"")"`);
      const again = await send(csv.body);
      expect(again.json()).toEqual({ imported: 0, updated: 4_990, rejected: [] });
      const xlsx = await callAs(f, 'managerA', 'GET', `${base}/export?format=xlsx`);
      expect(xlsx.headers['content-type']).toBe(XLSX);
      const fromXlsx = await send(xlsx.rawPayload, XLSX);
      expect(fromXlsx.json()).toEqual({ imported: 0, updated: 4_990, rejected: [] });
    });

    it('reads SIMKOPDES headers and XLSX; a NIK already a member under another name is refused, under the same name updated', async () => {
      const simkopdes = [
        'NIK;Nama Lengkap;Tanggal Bergabung;No. HP;Alamat',
        `${nikOf(1)};ANGGOTA 1;15-06-2024;0812 9999 0001;Jl. Baru 1`,
        `${nikOf(2)};Orang Lain;15-06-2024;;`,
        `1571015703920001;Siti Aminah;02-03-2026;;`,
      ].join('\n');
      const res = await send(simkopdes);
      expect(res.json()).toEqual({
        imported: 1,
        updated: 1,
        rejected: [
          {
            row: 3,
            errors: [
              expect.stringContaining(
                'NIK sudah terdaftar sebagai anggota 0003 atas nama Anggota 2',
              ),
            ],
          },
        ],
      });
      const one = await callAs(f, 'managerA', 'GET', `${base}?q=${nikOf(1)}`);
      expect(one.json().items[0]).toMatchObject({ name: 'Anggota 1', phone: '081299990001' });
      const book = writeXlsx('Anggota', [
        ['Nama Anggota', 'NIK', 'Tanggal Masuk'],
        ['Rahmat Hidayat', '1571011708850003', '2025-11-20'],
      ]);
      const x = await send(Buffer.from(book), XLSX);
      expect(x.json()).toEqual({ imported: 1, updated: 0, rejected: [] });
    });

    it('refuses an unreadable file or one without the columns whole, and only the manager imports', async () => {
      const binary = await send(Buffer.from([0xff, 0xfe, 0x00, 0x41]), XLSX);
      expect([binary.statusCode, binary.json().code]).toEqual([400, 'ValidationFailed']);
      const noColumns = await send('nama;telepon\nBudi;0812\n');
      expect(noColumns.statusCode).toBe(400);
      expect(noColumns.json().detail).toContain('tidak ada: nik, tanggal_masuk');
      const asCashier = await f.app.inject({
        method: 'POST',
        url: `${base}/import`,
        headers: { ...bearer(f.tokens.cashierA), 'content-type': 'text/csv' },
        payload: fileOf(2),
      });
      expect(asCashier.statusCode).toBe(403);
    });

    it('prints a card whose QR decodes to the card code', async (ctx) => {
      const member = (await callAs(f, 'managerA', 'GET', `${base}?q=0042`)).json().items[0];
      const res = await callAs(f, 'managerA', 'GET', `${base}/${member.id}/card.pdf`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const pdf = res.rawPayload;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdf.toString('latin1');
      expect(text).toContain('/MediaBox [0 0 242.65 153.07]');
      try {
        execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
        execFileSync('zbarimg', ['--version'], { stdio: 'ignore' });
      } catch {
        ctx.skip('pdftoppm or zbarimg is not installed: the QR is not decoded here');
      }
      const dir = mkdtempSync(join(tmpdir(), 'kartu-'));
      try {
        writeFileSync(join(dir, 'kartu.pdf'), pdf);
        execFileSync('pdftoppm', ['-png', '-r', '150', join(dir, 'kartu.pdf'), join(dir, 'kartu')]);
        const png = join(dir, 'kartu-1.png');
        expect(readFileSync(png).length).toBeGreaterThan(1000);
        const decoded = execFileSync('zbarimg', ['-q', '--raw', png], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        }).trim();
        expect(decoded).toBe('A1571011001-0042');
        const pdfText = execFileSync('pdftotext', [join(dir, 'kartu.pdf'), '-'], {
          encoding: 'utf8',
        });
        expect(pdfText).toContain('KDKMP Simpang IV Sipin');
        expect(pdfText).toContain('0042');
        expect(pdfText).toContain(member.name);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
