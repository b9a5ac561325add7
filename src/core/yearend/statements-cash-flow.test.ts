import { describe, expect, it } from 'vitest';
import type { DocType } from '../shared/doc-type.ts';
import { cashFlowSections, classifyCashEntry } from './statements-cash-flow.ts';
import type { CashEntryLine } from './statements.repository.ts';

/** One entry's lines: `[account, debit − credit]` pairs. */
const entry = (id: string, docType: DocType, lines: [string, number][]): CashEntryLine[] =>
  lines.map(([accountCode, net]) => ({
    entryId: id,
    docType,
    accountCode,
    debit: net > 0 ? net : 0,
    credit: net < 0 ? -net : 0,
  }));

describe('the cash flow classification (direct method)', () => {
  it('investing when an entry touches a fixed asset, financing when savings, grants, SHU funds or reserves, else operating', () => {
    expect(classifyCashEntry('cooperative', ['1502'])).toBe('investing');
    expect(classifyCashEntry('cooperative', ['1509', '3101'])).toBe('investing');
    for (const a of ['2102', '3101', '3102', '3201', '2201', '2206', '3301', '3401'])
      expect(classifyCashEntry('cooperative', [a]), a).toBe('financing');
    for (const a of ['2101', '4101', '5102', '1201', '2103'])
      expect(classifyCashEntry('cooperative', [a]), a).toBe('operating');
    // The hub's capital is financing; its subsidy payable (2201 there) is not.
    expect(classifyCashEntry('hub', ['3101'])).toBe('financing');
    expect(classifyCashEntry('hub', ['2201'])).toBe('operating');
  });

  it('sums by activity, kind of document and direction; moves between cash and bank are no flow', () => {
    const flows = cashFlowSections('cooperative', [
      ...entry('a', 'sales_batch', [
        ['1101', 100_000],
        ['2101', -94_000],
        ['4101', -6_000],
      ]),
      ...entry('b', 'sales_batch', [
        ['1102', 50_000],
        ['2101', -47_000],
        ['4102', -3_000],
      ]),
      ...entry('c', 'payment', [
        ['2101', 120_000],
        ['1102', -120_000],
      ]),
      ...entry('d', 'savings', [
        ['1101', 25_000],
        ['3102', -25_000],
      ]),
      ...entry('e', 'fixed_asset', [
        ['1503', 9_000_000],
        ['1102', -9_000_000],
      ]),
      ...entry('f', 'manual_entry', [
        ['1102', 70_000],
        ['1101', -70_000],
      ]),
      ...entry('g', 'manual_entry', [
        ['1101', 500_000],
        ['3201', -500_000],
      ]),
      ...entry('h', 'manual_entry', [
        ['5101', 200_000],
        ['1101', -200_000],
      ]),
    ]);
    expect(flows).toMatchObject({ operating: -170_000, investing: -9_000_000, financing: 525_000 });
    const lines = Object.fromEntries(flows.sections.map((s) => [s.key, s.lines]));
    expect(lines.operating).toEqual([
      { code: 'sales_batch_masuk', name: 'Penerimaan penjualan tunai', amount: 150_000 },
      { code: 'manual_entry_keluar', name: 'Beban dibayar', amount: -200_000 },
      { code: 'payment_keluar', name: 'Pembayaran ke pengamanat', amount: -120_000 },
    ]);
    expect(lines.investing).toEqual([
      { code: 'fixed_asset_keluar', name: 'Pembelian aset tetap', amount: -9_000_000 },
    ]);
    expect(lines.financing).toEqual([
      {
        code: 'manual_entry_masuk',
        name: 'Penerimaan pendanaan (hibah, modal)',
        amount: 500_000,
      },
      { code: 'savings_masuk', name: 'Setoran simpanan anggota', amount: 25_000 },
    ]);
  });
});
