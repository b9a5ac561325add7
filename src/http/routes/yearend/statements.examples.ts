import type { Static } from 'typebox';
import type { FinancialStatements, PeriodStatements } from './statements.schemas.ts';

/** A small cooperative's year: commission, the monthly subsidy, wages, a freezer bought. */
function periodExample(year: number, k: number): Static<typeof PeriodStatements> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const member = 3_000_000 * k;
  const nonMember = 1_000_000 * k;
  const subsidy = 24_000_000;
  const wages = 18_000_000;
  const depreciation = 1_000_000 * k;
  const shu = member + nonMember + subsidy - wages - depreciation;
  const cash = 12_000_000 * k;
  const equipment = 12_000_000;
  const payable = 2_000_000;
  const pokok = 10_000_000;
  const savings = pokok + 5_000_000 * k;
  const assets = cash + equipment - depreciation;
  const equity = assets - payable;
  const shuEarlier = equity - savings - shu;
  const line = (code: string, name: string, amount: number) => ({ code, name, amount });
  return {
    from,
    to,
    balanceSheet: {
      asOf: to,
      assets,
      liabilities: payable,
      equity,
      total: assets,
      sections: [
        {
          key: 'aset_lancar',
          name: 'Aset Lancar',
          lines: [line('1101', 'Kas', cash)],
          total: cash,
        },
        {
          key: 'aset_tetap',
          name: 'Aset Tetap',
          lines: [
            line('1502', 'Peralatan dan Inventaris', equipment),
            line('1509', 'Akumulasi Penyusutan Aset Tetap', -depreciation),
          ],
          total: equipment - depreciation,
        },
        {
          key: 'liabilitas_jangka_pendek',
          name: 'Liabilitas Jangka Pendek',
          lines: [line('2101', 'Utang kepada Pengamanat', payable)],
          total: payable,
        },
        {
          key: 'ekuitas',
          name: 'Ekuitas',
          lines: [
            line('3101', 'Simpanan Pokok', pokok),
            line('3102', 'Simpanan Wajib', savings - pokok),
            line('shu_tahun_berjalan', 'SHU Tahun Berjalan', shu),
            line('shu_tahun_lalu_belum_ditutup', 'SHU Tahun Lalu Belum Ditutup', shuEarlier),
          ],
          total: equity,
        },
      ],
    },
    incomeStatement: {
      from,
      to,
      memberRevenue: member,
      nonMemberRevenue: nonMember,
      subsidyRevenue: subsidy,
      operatingRevenue: member + nonMember + subsidy,
      operatingExpenses: wages + depreciation,
      otherIncome: 0,
      otherExpenses: 0,
      shuBeforeTax: shu,
      tax: 0,
      shu,
      sections: [
        {
          key: 'pendapatan_usaha',
          name: 'Pendapatan Usaha',
          lines: [
            line('4101', 'Pendapatan Komisi Konsinyasi — Non-Anggota', nonMember),
            line('4102', 'Pendapatan Komisi Konsinyasi — Anggota', member),
            line('4201', 'Pendapatan Subsidi Operasional', subsidy),
          ],
          total: member + nonMember + subsidy,
        },
        {
          key: 'beban_usaha',
          name: 'Beban Usaha',
          lines: [
            line('5101', 'Beban Gaji dan Honor', wages),
            line('5105', 'Beban Penyusutan Aset Tetap', depreciation),
          ],
          total: wages + depreciation,
        },
      ],
    },
    cashFlow: {
      from,
      to,
      openingCash: cash - 4_000_000,
      operating: 4_000_000,
      investing: 0,
      financing: 0,
      netChange: 4_000_000,
      closingCash: cash,
      sections: [
        {
          key: 'operating',
          name: 'Arus Kas dari Aktivitas Operasi',
          lines: [
            line('sales_batch_masuk', 'Penerimaan penjualan tunai', 22_000_000),
            line('manual_entry_keluar', 'Beban dibayar', -18_000_000),
          ],
          total: 4_000_000,
        },
        { key: 'investing', name: 'Arus Kas dari Aktivitas Investasi', lines: [], total: 0 },
        { key: 'financing', name: 'Arus Kas dari Aktivitas Pendanaan', lines: [], total: 0 },
      ],
    },
    equityChanges: {
      from,
      to,
      opening: equity - shu,
      closing: equity,
      rows: [
        {
          code: 'shu_belum_ditutup',
          name: 'SHU Belum Ditutup',
          opening: equity - shu - savings,
          increase: shu,
          decrease: 0,
          closing: equity - savings,
        },
      ],
    },
  };
}

export const financialStatementsExample: Static<typeof FinancialStatements> = {
  orgId: '0190a1b2-0000-7000-8000-000000000101',
  orgName: 'Koperasi Desa Merah Putih Sukamaju',
  year: 2025,
  ...periodExample(2025, 2),
  comparative: periodExample(2024, 1),
};

/** The statements' PDF, as the OpenAPI document shows it. */
export const statementsPdfExample =
  '%PDF-1.3 … (binary: the four SAK EP statements with the comparative column, A4)';
