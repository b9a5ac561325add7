import type { Db } from '../../db/database.ts';
import {
  bookOf,
  chartFor,
  COOP,
  HUB,
  normalSide,
  type AccountDef,
  type BookKind,
  type StatementSection,
} from '../ledger/index.ts';
import { findOrganizationById } from '../network/index.ts';
import { addDays } from '../shared/business-date.ts';
import { DomainError } from '../shared/errors.ts';
import { CASH_ACCOUNTS, cashFlowSections } from './statements-cash-flow.ts';
import { statementsPeriods, type StatementsPeriod } from './statements-period.ts';
import {
  findCashEntryLines,
  sumAccountsAsOf,
  sumAccountsByDocType,
} from './statements.repository.ts';
import type {
  BalanceSheet,
  EquityChanges,
  FinancialStatements,
  IncomeStatement,
  PeriodStatements,
  StatementLine,
  StatementSectionView,
} from './statements.types.ts';

type Sums = Map<string, { debit: number; credit: number }>;

const SECTION_NAMES: Record<StatementSection, string> = {
  aset_lancar: 'Aset Lancar',
  aset_tetap: 'Aset Tetap',
  liabilitas_jangka_pendek: 'Liabilitas Jangka Pendek',
  ekuitas: 'Ekuitas',
  pendapatan_usaha: 'Pendapatan Usaha',
  pendapatan_lain: 'Pendapatan Lain-lain',
  beban_usaha: 'Beban Usaha',
  beban_lain: 'Beban Lain-lain',
  beban_pajak: 'Beban Pajak Penghasilan',
};

export const SHU_TAHUN_BERJALAN = 'shu_tahun_berjalan';
export const SHU_TAHUN_LALU = 'shu_tahun_lalu_belum_ditutup';

/** An account's balance in its type's own direction: a contra account's is negative. */
function signed(a: AccountDef, s: { debit: number; credit: number } | undefined): number {
  if (!s) return 0;
  const debitSide = a.type === 'aset' || a.type === 'beban';
  return debitSide ? s.debit - s.credit : s.credit - s.debit;
}

/** Revenue − expenses of the sums: the SHU they hold. */
function shuOf(chart: readonly AccountDef[], sums: Sums): number {
  return chart.reduce(
    (t, a) =>
      a.type === 'pendapatan'
        ? t + signed(a, sums.get(a.code))
        : a.type === 'beban'
          ? t - signed(a, sums.get(a.code))
          : t,
    0,
  );
}

function section(
  chart: readonly AccountDef[],
  key: StatementSection,
  sums: Sums,
  extra: StatementLine[] = [],
): StatementSectionView {
  const lines = [
    ...chart
      .filter((a) => a.section === key)
      .map((a) => ({ code: a.code, name: a.name, amount: signed(a, sums.get(a.code)) })),
    ...extra,
  ].filter((l) => l.amount !== 0);
  return { key, name: SECTION_NAMES[key], lines, total: lines.reduce((t, l) => t + l.amount, 0) };
}

async function sumsAsOf(db: Db, orgId: string, asOf: string): Promise<Sums> {
  const rows = await sumAccountsAsOf(db, orgId, asOf);
  return new Map(
    rows.map((r) => [r.accountCode, { debit: Number(r.debit), credit: Number(r.credit) }]),
  );
}

function addTo(sums: Sums, code: string, debit: number, credit: number) {
  const s = sums.get(code);
  if (s) {
    s.debit += debit;
    s.credit += credit;
  } else sums.set(code, { debit, credit });
}

const yearStart = (date: string) => `${date.slice(0, 4)}-01-01`;

/** The statements of one period: from its first to its last day, both in the same year. */
async function periodStatements(
  db: Db,
  orgId: string,
  book: BookKind,
  from: string,
  to: string,
): Promise<PeriodStatements> {
  const chart = chartFor(book);
  const [atTo, beforeFrom, beforeYear, byDoc, cashLines] = await Promise.all([
    sumsAsOf(db, orgId, to),
    sumsAsOf(db, orgId, addDays(from, -1)),
    sumsAsOf(db, orgId, addDays(yearStart(to), -1)),
    sumAccountsByDocType(db, orgId, from, to),
    findCashEntryLines(db, orgId, from, to, CASH_ACCOUNTS),
  ]);
  const period: Sums = new Map();
  const closes: Sums = new Map();
  for (const r of byDoc)
    addTo(
      r.docType === 'fiscal_year_close' ? closes : period,
      r.accountCode,
      Number(r.debit),
      Number(r.credit),
    );

  // Balance sheet at `to`: every line, closing entries too; SHU not yet closed as two computed lines.
  const shuBefore = shuOf(chart, beforeYear);
  const shuThisYear = shuOf(chart, atTo) - shuBefore;
  const assetSections = [section(chart, 'aset_lancar', atTo), section(chart, 'aset_tetap', atTo)];
  const liabilities = section(chart, 'liabilitas_jangka_pendek', atTo);
  const equity = section(chart, 'ekuitas', atTo, [
    { code: SHU_TAHUN_BERJALAN, name: 'SHU Tahun Berjalan', amount: shuThisYear },
    { code: SHU_TAHUN_LALU, name: 'SHU Tahun Lalu Belum Ditutup', amount: shuBefore },
  ]);
  const assets = assetSections.reduce((t, s) => t + s.total, 0);
  const balanceSheet: BalanceSheet = {
    asOf: to,
    assets,
    liabilities: liabilities.total,
    equity: equity.total,
    total: liabilities.total + equity.total,
    sections: [...assetSections, liabilities, equity],
  };

  // Income statement: the period's revenue and expenses, the closing entry left out.
  const inc = (key: StatementSection) => section(chart, key, period);
  const incomeSections = [
    inc('pendapatan_usaha'),
    inc('beban_usaha'),
    inc('pendapatan_lain'),
    inc('beban_lain'),
    inc('beban_pajak'),
  ];
  const totalOf = (key: StatementSection) => incomeSections.find((s) => s.key === key)!.total;
  const revenueOf = (code: string) =>
    signed(
      chart.find((a) => a.code === code)!,
      period.get(code),
    );
  const shuBeforeTax =
    totalOf('pendapatan_usaha') -
    totalOf('beban_usaha') +
    totalOf('pendapatan_lain') -
    totalOf('beban_lain');
  const incomeStatement: IncomeStatement = {
    from,
    to,
    memberRevenue: book === 'cooperative' ? revenueOf(COOP.pendapatanKomisiAnggota) : 0,
    nonMemberRevenue:
      book === 'cooperative' ? revenueOf(COOP.pendapatanKomisi) : revenueOf(HUB.penjualan),
    subsidyRevenue: book === 'cooperative' ? revenueOf(COOP.pendapatanSubsidi) : 0,
    operatingRevenue: totalOf('pendapatan_usaha'),
    operatingExpenses: totalOf('beban_usaha'),
    otherIncome: totalOf('pendapatan_lain'),
    otherExpenses: totalOf('beban_lain'),
    shuBeforeTax,
    tax: totalOf('beban_pajak'),
    shu: shuBeforeTax - totalOf('beban_pajak'),
    sections: incomeSections,
  };

  // Cash flow, direct method.
  const cashAt = (sums: Sums) =>
    CASH_ACCOUNTS.reduce((t, c) => t + (sums.get(c)?.debit ?? 0) - (sums.get(c)?.credit ?? 0), 0);
  const flows = cashFlowSections(book, cashLines);
  const openingCash = cashAt(beforeFrom);
  const netChange = flows.operating + flows.investing + flows.financing;
  const cashFlow = {
    from,
    to,
    openingCash,
    ...flows,
    netChange,
    closingCash: openingCash + netChange,
  };

  return {
    from,
    to,
    balanceSheet,
    incomeStatement,
    cashFlow,
    equityChanges: equityChanges(chart, from, to, beforeFrom, atTo, period, closes),
  };
}

/**
 * A row per equity account (opening at the day before `from`, credits in,
 * debits out, closing at `to`) and one for the SHU not yet closed: in, the
 * period's SHU; out, what the closing entries moved to the allocation accounts.
 */
function equityChanges(
  chart: readonly AccountDef[],
  from: string,
  to: string,
  opening: Sums,
  closing: Sums,
  period: Sums,
  closes: Sums,
): EquityChanges {
  const rows: EquityChanges['rows'] = [];
  for (const a of chart.filter((x) => x.section === 'ekuitas')) {
    const moved = { debit: 0, credit: 0 };
    for (const s of [period.get(a.code), closes.get(a.code)]) {
      moved.debit += s?.debit ?? 0;
      moved.credit += s?.credit ?? 0;
    }
    const credit = normalSide(a) === 'credit';
    const row = {
      code: a.code,
      name: a.name,
      opening: signed(a, opening.get(a.code)),
      increase: credit ? moved.credit : moved.debit,
      decrease: credit ? moved.debit : moved.credit,
      closing: signed(a, closing.get(a.code)),
    };
    if (row.opening || row.increase || row.decrease || row.closing) rows.push(row);
  }
  const shu = shuOf(chart, period);
  const closed = shuOf(chart, closes);
  const shuRow = {
    code: 'shu_belum_ditutup',
    name: 'SHU Belum Ditutup',
    opening: shuOf(chart, opening),
    increase: Math.max(shu, 0) + Math.max(closed, 0),
    decrease: Math.max(-shu, 0) + Math.max(-closed, 0),
    closing: shuOf(chart, closing),
  };
  if (shuRow.opening || shuRow.increase || shuRow.decrease || shuRow.closing) rows.push(shuRow);
  return {
    from,
    to,
    opening: rows.reduce((t, r) => t + r.opening, 0),
    closing: rows.reduce((t, r) => t + r.closing, 0),
    rows,
  };
}

/**
 * The SAK EP statements of an organization's books (a hub's or a
 * cooperative's) for a year or a month range, with the comparative period.
 */
export async function getFinancialStatements(
  db: Db,
  orgId: string,
  p: StatementsPeriod,
): Promise<FinancialStatements> {
  const org = await findOrganizationById(db, orgId);
  if (!org)
    throw new DomainError('NotFound', {
      message: 'Organisasi tidak ditemukan',
      messageEn: 'Organization not found',
    });
  const book = bookOf(org);
  const { from, to, previous } = statementsPeriods(p);
  const current = await periodStatements(db, orgId, book, from, to);
  const comparative = await periodStatements(db, orgId, book, previous.from, previous.to);
  return {
    orgId,
    orgName: org.name,
    ...('year' in p ? { year: p.year } : {}),
    ...current,
    comparative,
  };
}
