import { randomUUID } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJournalEntries, type JournalEntryInput } from '../../src/core/ledger/index.ts';
import { readXlsx } from '../../src/core/shared/xlsx.ts';
import type {
  FinancialStatements,
  PeriodStatements,
} from '../../src/core/yearend/statements.types.ts';
import { formatRupiah } from '../../src/core/shared/money.ts';
import { ENGINES } from '../helpers/engines.ts';
import { pdfText } from '../helpers/pdf.ts';
import { buildHttpFixture, callAs, type HttpFixture } from '../helpers/http.ts';

type User = 'managerA' | 'govViewer' | 'hubAdmin';
type Tb = { accounts: { code: string; debit: number; credit: number }[] };

/**
 * The SAK EP statements of cooperative A: 2025 from postings (savings, a
 * sales batch for a member and a non-member, the subsidy, electricity paid),
 * 2026 through the app (the cashier's sales, a pokok deposit, rent paid, a
 * scale bought) plus the subsidy. Every total ties to the trial balance.
 * The fixture's clock is 10 March 2026 (WIB).
 */
for (const engine of ENGINES) {
  describe(`financial statements over HTTP (${engine})`, () => {
    let f: HttpFixture;
    const coop = () => f.n.coopA.id;
    const hub = () => f.n.hub.id;
    const memberId = randomUUID();
    const get = async (url: string, user: User = 'managerA') => {
      const res = await callAs(f, user, 'GET', url);
      expect(res.statusCode, res.body).toBe(200);
      return res;
    };
    const statements = async (query: string, orgId = coop(), user: User = 'managerA') =>
      (
        await get(`/api/v1/orgs/${orgId}/ledger/statements?${query}`, user)
      ).json() as FinancialStatements;
    /** The trial balance as `code: debit − credit` (counterparties together). */
    const balances = async (asOf: string, orgId = coop(), user: User = 'managerA') => {
      const tb = (
        await get(`/api/v1/orgs/${orgId}/ledger/trial-balance?asOf=${asOf}`, user)
      ).json() as Tb;
      const out: Record<string, number> = {};
      for (const a of tb.accounts) out[a.code] = (out[a.code] ?? 0) + a.debit - a.credit;
      return out;
    };
    const sumOf = (b: Record<string, number>, test: (code: string) => boolean) =>
      Object.entries(b)
        .filter(([c]) => test(c))
        .reduce((t, [, v]) => t + v, 0);
    const post = (
      date: string,
      docType: JournalEntryInput['docType'],
      lines: JournalEntryInput['lines'],
    ) =>
      postJournalEntries(
        f.t.db,
        [
          {
            orgId: coop(),
            book: 'cooperative',
            date,
            docType,
            docId: randomUUID(),
            memo: docType,
            lines,
          },
        ],
        new Date('2026-03-10T03:00:00Z'),
      );

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      await f.t.db
        .insertInto('member')
        .values({
          orgId: coop(),
          id: memberId,
          memberNo: 'AGT-0001',
          nik: '1571010101900001',
          name: 'Siti Aminah',
          gender: 'P',
          birthDate: '1990-01-01',
          joinedOn: '2025-01-05',
          status: 'active',
          leftOn: null,
          phone: null,
          address: null,
          role: null,
          contentHash: 'x',
          createdBy: null,
          createdAt: '2025-01-05T00:00:00.000Z',
          updatedAt: '2025-01-05T00:00:00.000Z',
        })
        .execute();
      // 2025: pokok 1.000.000; sales 1.000.000 (commission 60.000 member, 40.000 non-member);
      // subsidy 2.000.000 received in the bank; electricity 300.000 paid in cash.
      await post('2025-01-10', 'savings', [
        { account: '1101', debit: 1_000_000 },
        { account: '3101', credit: 1_000_000 },
      ]);
      await post('2025-06-30', 'sales_batch', [
        { account: '1101', debit: 1_000_000 },
        { account: '2101', counterpartyOrgId: hub(), credit: 900_000 },
        { account: '4102', credit: 60_000 },
        { account: '4101', credit: 40_000 },
      ]);
      await post('2025-07-31', 'subsidy', [
        { account: '1201', counterpartyOrgId: hub(), debit: 2_000_000 },
        { account: '4201', credit: 2_000_000 },
      ]);
      await post('2025-08-05', 'subsidy_payout', [
        { account: '1102', debit: 2_000_000 },
        { account: '1201', counterpartyOrgId: hub(), credit: 2_000_000 },
      ]);
      await post('2025-08-01', 'manual_entry', [
        { account: '5102', debit: 300_000 },
        { account: '1101', credit: 300_000 },
      ]);
      // 2026 through the app: a member's and a non-member's cash sale, a pokok deposit, rent, a scale.
      const sale = (member?: string) => ({
        id: randomUUID(),
        occurredAt: '2026-03-10T02:00:00Z',
        paymentMethod: 'cash' as const,
        lines: [{ productId: f.n.gula1.id, qty: 2, unitPrice: 17_500 }],
        ...(member ? { memberId: member } : {}),
      });
      const sold = await callAs(f, 'cashierA', 'POST', `/api/v1/cooperatives/${coop()}/sales`, {
        sales: [sale(memberId), sale()],
      });
      expect(sold.statusCode, sold.body).toBe(200);
      const saved = await callAs(
        f,
        'managerA',
        'POST',
        `/api/v1/cooperatives/${coop()}/members/${memberId}/savings`,
        { id: randomUUID(), kind: 'pokok', direction: 'deposit', amount: 100_000, method: 'cash' },
      );
      expect(saved.statusCode, saved.body).toBe(201);
      const rent = await callAs(f, 'managerA', 'POST', `/api/v1/orgs/${coop()}/ledger/entries`, {
        id: randomUUID(),
        date: '2026-03-02',
        memo: 'Sewa kios Maret',
        lines: [
          { accountCode: '5103', debit: 250_000, credit: 0 },
          { accountCode: '1101', debit: 0, credit: 250_000 },
        ],
      });
      expect(rent.statusCode, rent.body).toBe(201);
      const scale = await callAs(f, 'managerA', 'POST', `/api/v1/orgs/${coop()}/fixed-assets`, {
        id: randomUUID(),
        name: 'Timbangan digital',
        accountCode: '1502',
        acquiredOn: '2026-01-15',
        cost: 1_000_000,
        residualValue: 100_000,
        usefulLifeMonths: 10,
        paidFromAccount: '1102',
      });
      expect(scale.statusCode, scale.body).toBe(201);
      await post('2026-02-28', 'subsidy', [
        { account: '1201', counterpartyOrgId: hub(), debit: 2_000_000 },
        { account: '4201', credit: 2_000_000 },
      ]);
    });
    afterAll(async () => {
      await f?.close();
    });

    it('every statement of 2026 ties to the trial balance at 31 December, and the balance sheet balances', async () => {
      const fs = await statements('year=2026');
      const tb = await balances('2026-12-31');
      const before = await balances('2025-12-31');
      const bs = fs.balanceSheet;
      expect(bs.assets).toBe(sumOf(tb, (c) => c.startsWith('1')));
      expect(bs.liabilities).toBe(-sumOf(tb, (c) => c.startsWith('2')));
      // Equity with the SHU not yet closed: every revenue and expense account.
      expect(bs.equity).toBe(-sumOf(tb, (c) => /^[345]/.test(c)));
      expect(bs.assets).toBe(bs.total);
      expect(bs.total).toBe(bs.liabilities + bs.equity);
      expect(fs.cashFlow.closingCash).toBe((tb['1101'] ?? 0) + (tb['1102'] ?? 0));
      expect(fs.cashFlow.openingCash).toBe((before['1101'] ?? 0) + (before['1102'] ?? 0));
      const moved = (code: string) => (before[code] ?? 0) - (tb[code] ?? 0);
      expect(fs.incomeStatement.memberRevenue).toBe(moved('4102'));
      expect(fs.incomeStatement.nonMemberRevenue).toBe(moved('4101'));
      expect(fs.incomeStatement.memberRevenue).toBeGreaterThan(0);
      expect(fs.incomeStatement.nonMemberRevenue).toBeGreaterThan(0);
      expect(fs.incomeStatement.subsidyRevenue).toBe(2_000_000);
      expect(fs.incomeStatement.shu).toBe(
        sumOf(before, (c) => /^[45]/.test(c)) - sumOf(tb, (c) => /^[45]/.test(c)),
      );
      const thisYear = bs.sections
        .find((s) => s.key === 'ekuitas')!
        .lines.find((l) => l.code === 'shu_tahun_berjalan');
      expect(thisYear?.amount).toBe(fs.incomeStatement.shu);
      expect(fs.equityChanges.closing).toBe(bs.equity);
      expect(fs.equityChanges.opening).toBe(fs.comparative.balanceSheet.equity);
      // The scale bought from the bank is investing; the pokok deposit financing; rent operating.
      expect(fs.cashFlow.investing).toBe(-1_000_000);
      const lines = (key: string) => fs.cashFlow.sections.find((s) => s.key === key)!.lines;
      expect(lines('investing')).toEqual([
        { code: 'fixed_asset_keluar', name: 'Pembelian aset tetap', amount: -1_000_000 },
      ]);
      expect(lines('financing')).toContainEqual({
        code: 'savings_masuk',
        name: 'Setoran simpanan anggota',
        amount: 100_000,
      });
      expect(lines('operating')).toContainEqual({
        code: 'manual_entry_keluar',
        name: 'Beban dibayar',
        amount: -250_000,
      });
    });

    it("2026's comparative is 2025's statement; a month range compares the same months a year earlier", async () => {
      const y26 = await statements('year=2026');
      const y25 = await statements('year=2025');
      const { orgId: _o, orgName: _n, year: _y, comparative: _c, ...own25 } = y25;
      expect(y26.comparative).toEqual(own25 satisfies PeriodStatements);
      expect(y25.incomeStatement).toMatchObject({
        memberRevenue: 60_000,
        nonMemberRevenue: 40_000,
        subsidyRevenue: 2_000_000,
        operatingExpenses: 300_000,
        shu: 1_800_000,
      });
      expect(y25.balanceSheet).toMatchObject({
        assets: 3_700_000,
        liabilities: 900_000,
        equity: 2_800_000,
      });
      expect(y25.cashFlow).toMatchObject({
        openingCash: 0,
        financing: 1_000_000,
        closingCash: 3_700_000,
      });
      const q1 = await statements('from=2026-01&to=2026-03');
      expect([q1.from, q1.to, q1.comparative.from, q1.comparative.to]).toEqual([
        '2026-01-01',
        '2026-03-31',
        '2025-01-01',
        '2025-03-31',
      ]);
      expect(q1.comparative.balanceSheet.assets).toBe(1_000_000);
      const across = await callAs(
        f,
        'managerA',
        'GET',
        `/api/v1/orgs/${coop()}/ledger/statements?from=2025-11&to=2026-02`,
      );
      expect(across.statusCode).toBe(400);
      const none = await callAs(f, 'managerA', 'GET', `/api/v1/orgs/${coop()}/ledger/statements`);
      expect(none.statusCode).toBe(400);
    });

    it("the hub's own books give balanced statements too, and the office of the region reads a cooperative's", async () => {
      const fs = await statements('year=2026', hub(), 'hubAdmin');
      expect(fs.balanceSheet.assets).toBe(fs.balanceSheet.total);
      expect(fs.incomeStatement.memberRevenue).toBe(0);
      const tb = await balances('2026-12-31', hub(), 'hubAdmin');
      expect(fs.balanceSheet.assets).toBe(sumOf(tb, (c) => c.startsWith('1')));
      await get(`/api/v1/orgs/${coop()}/ledger/statements?year=2026`, 'govViewer');
    });

    it('exports the statements as PDF and as an XLSX workbook with a sheet per statement', async () => {
      const fs = await statements('year=2026');
      const pdf = await get(`/api/v1/orgs/${coop()}/ledger/statements/export?year=2026&format=pdf`);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
      const text = pdfText(pdf.rawPayload);
      expect(text).toContain('Laporan Posisi Keuangan');
      expect(text).toContain('Perhitungan Hasil Usaha');
      expect(text).toContain(formatRupiah(fs.balanceSheet.assets));
      const xlsx = await get(
        `/api/v1/orgs/${coop()}/ledger/statements/export?year=2026&format=xlsx`,
      );
      const bytes = new Uint8Array(xlsx.rawPayload);
      const first = readXlsx(bytes);
      expect(first.map((r) => r.cells[0])).toContain('JUMLAH ASET');
      const total = first.find((r) => r.cells[0] === 'JUMLAH ASET')!;
      expect(total.cells.slice(1, 3)).toEqual([
        String(fs.balanceSheet.assets),
        String(fs.comparative.balanceSheet.assets),
      ]);
      const workbook = strFromU8(unzipSync(bytes)['xl/workbook.xml']!);
      expect([...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual([
        'Laporan Posisi Keuangan',
        'Perhitungan Hasil Usaha',
        'Laporan Arus Kas',
        'Laporan Perubahan Ekuitas',
      ]);
    });
  });
}
