import type { XlsxSheet } from '../shared/xlsx.ts';
import type {
  FinancialStatements,
  PeriodStatements,
  StatementSectionView,
} from './statements.types.ts';

/** One row of a statement as printed: an amount for the period and one for the comparative. */
export interface StatementRow {
  label: string;
  current: number | null;
  previous: number | null;
  /** heading: a caption without amounts; line: an account; total: a subtotal; grand: a statement's total. */
  kind: 'heading' | 'line' | 'total' | 'grand';
}

export interface StatementTable {
  key: 'balanceSheet' | 'incomeStatement' | 'cashFlow' | 'equityChanges';
  title: string;
  rows: StatementRow[];
}

type Pick2 = (p: PeriodStatements) => number;

const row = (
  fs: FinancialStatements,
  label: string,
  kind: StatementRow['kind'],
  pick: Pick2,
): StatementRow => ({ label, kind, current: pick(fs), previous: pick(fs.comparative) });

/** A section's lines over both periods (accounts of either, in the period's order first), then its total; nothing when neither has a line. */
function sectionRows(
  fs: FinancialStatements,
  of: (p: PeriodStatements) => StatementSectionView[],
  key: string,
  totalLabel: string,
): StatementRow[] {
  const find = (p: PeriodStatements) => of(p).find((s) => s.key === key);
  const cur = find(fs);
  const prev = find(fs.comparative);
  const lines = [...(cur?.lines ?? []), ...(prev?.lines ?? [])];
  const codes = [...new Set(lines.map((l) => l.code))];
  const amount = (s: StatementSectionView | undefined, code: string) =>
    s?.lines.find((l) => l.code === code)?.amount ?? 0;
  if (codes.length === 0) return [];
  return [
    { label: cur?.name ?? prev?.name ?? key, current: null, previous: null, kind: 'heading' },
    ...codes.map((code) => ({
      label: lines.find((l) => l.code === code)!.name,
      current: amount(cur, code),
      previous: amount(prev, code),
      kind: 'line' as const,
    })),
    { label: totalLabel, current: cur?.total ?? 0, previous: prev?.total ?? 0, kind: 'total' },
  ];
}

/**
 * The four statements as printed tables with the comparative column: the
 * one layout the screen's export, the PDF and the XLSX share.
 */
export function statementTables(fs: FinancialStatements): StatementTable[] {
  const bs = (p: PeriodStatements) => p.balanceSheet.sections;
  const is = (p: PeriodStatements) => p.incomeStatement.sections;
  const cf = (p: PeriodStatements) => p.cashFlow.sections;
  const equityCodes = [
    ...new Set([...fs.equityChanges.rows, ...fs.comparative.equityChanges.rows].map((r) => r.code)),
  ];
  const eqRow = (p: PeriodStatements, code: string) =>
    p.equityChanges.rows.find((r) => r.code === code);
  return [
    {
      key: 'balanceSheet',
      title: 'Laporan Posisi Keuangan',
      rows: [
        ...sectionRows(fs, bs, 'aset_lancar', 'Jumlah Aset Lancar'),
        ...sectionRows(fs, bs, 'aset_tetap', 'Jumlah Aset Tetap'),
        row(fs, 'JUMLAH ASET', 'grand', (p) => p.balanceSheet.assets),
        ...sectionRows(fs, bs, 'liabilitas_jangka_pendek', 'Jumlah Liabilitas'),
        ...sectionRows(fs, bs, 'ekuitas', 'Jumlah Ekuitas'),
        row(fs, 'JUMLAH LIABILITAS DAN EKUITAS', 'grand', (p) => p.balanceSheet.total),
      ],
    },
    {
      key: 'incomeStatement',
      title: 'Perhitungan Hasil Usaha',
      rows: [
        ...sectionRows(fs, is, 'pendapatan_usaha', 'Jumlah Pendapatan Usaha'),
        ...sectionRows(fs, is, 'beban_usaha', 'Jumlah Beban Usaha'),
        ...sectionRows(fs, is, 'pendapatan_lain', 'Jumlah Pendapatan Lain-lain'),
        ...sectionRows(fs, is, 'beban_lain', 'Jumlah Beban Lain-lain'),
        row(fs, 'SHU Sebelum Pajak', 'total', (p) => p.incomeStatement.shuBeforeTax),
        row(fs, 'Beban Pajak Penghasilan', 'line', (p) => p.incomeStatement.tax),
        row(fs, 'SISA HASIL USAHA', 'grand', (p) => p.incomeStatement.shu),
      ],
    },
    {
      key: 'cashFlow',
      title: 'Laporan Arus Kas',
      rows: [
        ...sectionRows(fs, cf, 'operating', 'Kas Bersih dari Aktivitas Operasi'),
        ...sectionRows(fs, cf, 'investing', 'Kas Bersih dari Aktivitas Investasi'),
        ...sectionRows(fs, cf, 'financing', 'Kas Bersih dari Aktivitas Pendanaan'),
        row(fs, 'Kenaikan (Penurunan) Kas Bersih', 'total', (p) => p.cashFlow.netChange),
        row(fs, 'Kas dan Bank Awal Periode', 'line', (p) => p.cashFlow.openingCash),
        row(fs, 'KAS DAN BANK AKHIR PERIODE', 'grand', (p) => p.cashFlow.closingCash),
      ],
    },
    {
      key: 'equityChanges',
      title: 'Laporan Perubahan Ekuitas',
      rows: [
        ...equityCodes.flatMap((code): StatementRow[] => {
          const cur = eqRow(fs, code);
          const prev = eqRow(fs.comparative, code);
          const name = (cur ?? prev)!.name;
          const r = (label: string, k: 'opening' | 'increase' | 'decrease' | 'closing') => ({
            label,
            current: cur?.[k] ?? 0,
            previous: prev?.[k] ?? 0,
            kind: 'line' as const,
          });
          return [
            { label: name, current: null, previous: null, kind: 'heading' },
            r('Saldo awal', 'opening'),
            r('Penambahan', 'increase'),
            r('Pengurangan', 'decrease'),
            { ...r('Saldo akhir', 'closing'), kind: 'total' },
          ];
        }),
        row(fs, 'Jumlah Ekuitas Awal', 'total', (p) => p.equityChanges.opening),
        row(fs, 'JUMLAH EKUITAS AKHIR', 'grand', (p) => p.equityChanges.closing),
      ],
    },
  ];
}

/** `2026-12-31` as `31-12-2026`. */
const dmy = (d: string) => d.split('-').reverse().join('-');

/** The column heads of both periods: a year, or a date range. */
export function periodLabels(fs: FinancialStatements): [string, string] {
  if (fs.year !== undefined) return [String(fs.year), String(fs.year - 1)];
  const label = (p: PeriodStatements) => `${dmy(p.from)} s.d. ${dmy(p.to)}`;
  return [label(fs), label(fs.comparative)];
}

/** One XLSX sheet per statement: account, this period, comparative; amounts as numbers. */
export function statementsSheets(fs: FinancialStatements): XlsxSheet[] {
  const [cur, prev] = periodLabels(fs);
  return statementTables(fs).map((t) => ({
    name: t.title,
    rows: [
      [fs.orgName],
      [`${t.title} — ${cur} (pembanding ${prev})`],
      ['Uraian', cur, prev],
      ...t.rows.map((r) =>
        r.kind === 'heading' ? [r.label] : [r.label, r.current ?? 0, r.previous ?? 0],
      ),
    ],
  }));
}
