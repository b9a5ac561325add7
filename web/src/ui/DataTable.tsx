import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { businessDate, quantity, rupiah } from './format.ts';

/** A column: `header` is also the label each value carries when a phone shows rows as cards. */
export type Column<T> = ColumnDef<T, unknown> & {
  header: string;
  /** Right-aligned numbers (money, quantities). */
  numeric?: boolean;
};

/**
 * A column of rupiah amounts: right-aligned, shown as `Rp 1.234.567`, sorted (and filtered) by the
 * amount itself, never by its text.
 */
export function moneyColumn<T>(
  id: string,
  header: string,
  amount: (row: T) => number,
  opts: {
    /** What a zero amount shows instead of `Rp 0` (a ledger's empty side: '—'). */
    zero?: string;
    /** The amount in the warning colour when true (e.g. an overdue amount above zero). */
    warn?: (row: T) => boolean;
    /** False where the rows keep their own order (a totals row last). */
    enableSorting?: boolean;
  } = {},
): Column<T> {
  const { zero, warn, ...def } = opts;
  return {
    ...def,
    id,
    header,
    numeric: true,
    accessorFn: amount,
    cell: (c) => {
      const value = amount(c.row.original);
      const text = value === 0 && zero !== undefined ? zero : rupiah(value);
      return warn ? (
        <span className={warn(c.row.original) ? 'warn' : undefined}>{text}</span>
      ) : (
        text
      );
    },
  };
}

/** A column of whole quantities: right-aligned, shown as `1.823`, sorted by the number. */
export function quantityColumn<T>(id: string, header: string, qty: (row: T) => number): Column<T> {
  return { id, header, numeric: true, accessorFn: qty, cell: (c) => quantity(qty(c.row.original)) };
}

/**
 * A column of business dates (`YYYY-MM-DD`, WIB calendar dates) shown as `10 Mar 2026` in `lang`,
 * sorted (and filtered) by the ISO date itself, which orders as the calendar does.
 */
export function dateColumn<T>(
  id: string,
  header: string,
  date: (row: T) => string,
  lang: string,
): Column<T> {
  return {
    id,
    header,
    accessorFn: date,
    cell: (c) => businessDate(date(c.row.original), lang),
  };
}

/**
 * The one table of the app: sortable headers (and a sort select on phones, where headers are hidden),
 * a labelled filter box, pages of `pageSize` rows, and an empty state in words.
 */
export function DataTable<T>({
  data,
  columns,
  empty,
  filterLabel,
  pageSize = 25,
  initialSort,
  caption,
}: {
  data: T[];
  columns: Column<T>[];
  empty: string;
  filterLabel?: string;
  pageSize?: number;
  initialSort?: SortingState;
  caption?: ReactNode;
}) {
  const { t } = useTranslation();
  const filterId = useId();
  const [sorting, setSorting] = useState<SortingState>(initialSort ?? []);
  const [globalFilter, setGlobalFilter] = useState('');
  const table = useReactTable({
    data,
    columns,
    state: { sorting, globalFilter },
    onSortingChange: setSorting,
    onGlobalFilterChange: setGlobalFilter,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    initialState: { pagination: { pageSize } },
  });
  const rows = table.getRowModel().rows;
  const sortable = table.getAllLeafColumns().filter((c) => c.getCanSort());
  const current = sorting[0];
  const pages = table.getPageCount();
  return (
    <div className="datatable">
      <div className="table-tools">
        {filterLabel && (
          <label htmlFor={filterId} className="filter">
            {filterLabel}
            <input
              id={filterId}
              type="search"
              value={globalFilter}
              onChange={(e) => setGlobalFilter(e.target.value)}
            />
          </label>
        )}
        {sortable.length > 0 && data.length > 1 && (
          <label className="mobile-only">
            {t('sortLabel')}
            <select
              value={current ? `${current.id}:${current.desc ? 'desc' : 'asc'}` : ''}
              onChange={(e) => {
                const [id, dir] = e.target.value.split(':');
                setSorting(id ? [{ id, desc: dir === 'desc' }] : []);
              }}
            >
              <option value="">—</option>
              {sortable.map((c) => {
                const label = (c.columnDef as Column<T>).header;
                return [
                  <option key={`${c.id}:asc`} value={`${c.id}:asc`}>
                    {label} ▲
                  </option>,
                  <option key={`${c.id}:desc`} value={`${c.id}:desc`}>
                    {label} ▼
                  </option>,
                ];
              })}
            </select>
          </label>
        )}
      </div>
      {rows.length === 0 ? (
        <p className="state">{empty}</p>
      ) : (
        <div className="table-wrap">
          <table className="stack">
            {caption && <caption>{caption}</caption>}
            <thead>
              {table.getHeaderGroups().map((g) => (
                <tr key={g.id}>
                  {g.headers.map((h) => {
                    const def = h.column.columnDef as Column<T>;
                    const dir = h.column.getIsSorted();
                    return (
                      <th
                        key={h.id}
                        scope="col"
                        className={def.numeric ? 'num' : undefined}
                        aria-sort={
                          dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined
                        }
                      >
                        {h.column.getCanSort() ? (
                          <button
                            type="button"
                            className="sort"
                            title={t('sortBy', { col: def.header })}
                            onClick={h.column.getToggleSortingHandler()}
                          >
                            {def.header}
                            {dir === 'asc' ? ' ▲' : dir === 'desc' ? ' ▼' : ''}
                          </button>
                        ) : (
                          def.header
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  {r.getVisibleCells().map((c) => {
                    const def = c.column.columnDef as Column<T>;
                    return (
                      <td
                        key={c.id}
                        data-label={def.header}
                        className={def.numeric ? 'num' : undefined}
                      >
                        {flexRender(c.column.columnDef.cell, c.getContext())}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav className="pager" aria-label={t('pages')}>
          <button
            type="button"
            onClick={() => table.previousPage()}
            disabled={!table.getCanPreviousPage()}
          >
            {t('previous')}
          </button>
          <span>{t('pageOf', { page: table.getState().pagination.pageIndex + 1, pages })}</span>
          <button type="button" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
            {t('next')}
          </button>
        </nav>
      )}
    </div>
  );
}
