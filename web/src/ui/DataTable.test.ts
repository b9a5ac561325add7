import {
  createTable,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  type SortingState,
} from '@tanstack/react-table';
import { isValidElement } from 'react';
import { describe, expect, it } from 'vitest';
import { dateColumn, moneyColumn, type Column } from './DataTable.tsx';

interface Row {
  name: string;
  amount: number;
  due: string;
}

const rows: Row[] = [
  { name: 'a', amount: 9_000, due: '2026-02-28' },
  { name: 'b', amount: 125_000, due: '2025-12-31' },
  { name: 'c', amount: 0, due: '2026-01-15' },
  { name: 'd', amount: -5_000, due: '2026-10-01' },
];

/** The table as DataTable builds it (no React): rows after `sorting` and `filter`. */
function tableOf(columns: Column<Row>[], sorting: SortingState = [], filter = '') {
  const table = createTable<Row>({
    data: rows,
    columns,
    state: {},
    onStateChange: () => {},
    renderFallbackValue: null,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
  table.setOptions((o) => ({
    ...o,
    state: { ...table.initialState, sorting, globalFilter: filter },
  }));
  return table;
}

/** What each row's cell of column `id` shows, in row order. */
function shown(columns: Column<Row>[], id: string, sorting?: SortingState) {
  return tableOf(columns, sorting)
    .getRowModel()
    .rows.map((r) => {
      const cell = r.getAllCells().find((c) => c.column.id === id)!;
      const render = cell.column.columnDef.cell as (ctx: unknown) => unknown;
      return render(cell.getContext());
    });
}

describe('moneyColumn', () => {
  const columns = [moneyColumn<Row>('amount', 'Amount', (r) => r.amount)];

  it('shows rupiah, right-aligned', () => {
    expect(shown(columns, 'amount')).toEqual(['Rp 9.000', 'Rp 125.000', 'Rp 0', '-Rp 5.000']);
    expect(columns[0]!.numeric).toBe(true);
  });

  it('sorts by the amount, not by its text (Rp 9.000 is below Rp 125.000)', () => {
    expect(shown(columns, 'amount', [{ id: 'amount', desc: false }])).toEqual([
      '-Rp 5.000',
      'Rp 0',
      'Rp 9.000',
      'Rp 125.000',
    ]);
  });

  it('shows a zero as asked, and the warning colour where the row asks for it', () => {
    const zero = [moneyColumn<Row>('amount', 'Amount', (r) => r.amount, { zero: '—' })];
    expect(shown(zero, 'amount')).toEqual(['Rp 9.000', 'Rp 125.000', '—', '-Rp 5.000']);
    const warn = [
      moneyColumn<Row>('amount', 'Amount', (r) => r.amount, { warn: (r) => r.amount > 100_000 }),
    ];
    const spans = shown(warn, 'amount').map((e) =>
      isValidElement<{ className?: string; children: string }>(e) ? e.props : e,
    );
    expect(spans[0]).toEqual({ className: undefined, children: 'Rp 9.000' });
    expect(spans[1]).toEqual({ className: 'warn', children: 'Rp 125.000' });
  });

  it('can keep the rows in their own order', () => {
    const fixed = tableOf([
      moneyColumn<Row>('amount', 'Amount', (r) => r.amount, { enableSorting: false }),
    ]);
    expect(fixed.getColumn('amount')!.getCanSort()).toBe(false);
  });
});

describe('dateColumn', () => {
  const columns = [dateColumn<Row>('due', 'Due', (r) => r.due, 'en')];

  it('shows the business date in the language, sorted by the date', () => {
    expect(shown(columns, 'due', [{ id: 'due', desc: true }])).toEqual([
      '1 Oct 2026',
      '28 Feb 2026',
      '15 Jan 2026',
      '31 Dec 2025',
    ]);
    expect(shown([dateColumn<Row>('due', 'Jatuh tempo', (r) => r.due, 'id')], 'due')[0]).toBe(
      '28 Feb 2026',
    );
  });

  it('is found by the filter box through its ISO date', () => {
    const found = tableOf(columns, [], '2026-01')
      .getRowModel()
      .rows.map((r) => r.original.name);
    expect(found).toEqual(['c']);
  });
});
