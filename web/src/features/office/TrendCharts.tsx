import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../ui/DataTable.tsx';
import { monthName, rupiah } from '../../ui/format.ts';
import { BarChart, type Bar } from './BarChart.tsx';
import './strings.ts';

export interface TrendPoint {
  month: string;
  salesAmount: number;
  subsidyPaid: number;
  overdueAmount: number;
  activeCooperatives: number;
}

type Kind = 'rupiah' | 'count';

/**
 * One monthly trend: a bar chart (months before the program's first figure have no bar, the
 * current month is hatched as partial), a one-line summary for screen readers, and its figures in
 * a table under a disclosure, so the exact numbers can be read without the chart.
 */
function TrendChart({
  title,
  bars,
  kind,
  months,
}: {
  title: string;
  bars: Bar[];
  kind: Kind;
  months: string[];
}) {
  const { t, i18n } = useTranslation('office');
  const lang = i18n.language;
  const exact = (v: number) => (kind === 'rupiah' ? rupiah(v) : String(v));
  const monthLabel = (b: Bar) =>
    b.partial ? `${monthName(b.month, lang)} — ${t('partialMonth')}` : monthName(b.month, lang);
  const columns: Column<Bar>[] = [
    {
      id: 'month',
      header: t('month'),
      accessorFn: (r) => r.month,
      cell: (c) => monthLabel(c.row.original),
      enableSorting: false,
    },
    {
      id: 'value',
      header: kind === 'rupiah' ? t('value') : t('count'),
      accessorFn: (r) => r.value,
      cell: (c) => exact(c.row.original.value),
      numeric: true,
      enableSorting: false,
    },
  ];
  const first = bars[0];
  const last = bars[bars.length - 1];
  const summary =
    first && last
      ? t('chartSummary', {
          title,
          first: monthName(first.month, lang),
          firstValue: exact(first.value),
          last: monthLabel(last),
          lastValue: exact(last.value),
          max: exact(Math.max(0, ...bars.map((b) => b.value))),
        })
      : `${title}: ${t('noTrends')}`;
  return (
    <figure className="trend">
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      <BarChart months={months} bars={bars} kind={kind} label={summary} />
      <p className="trend-key">
        <span className="key-partial" aria-hidden="true" /> {t('partialMonth')}
        {first && first.month > (months[0] ?? '') && (
          <> · {t('dataFrom', { month: monthName(first.month, lang) })}</>
        )}
      </p>
      <details>
        <summary>{t('figures', { title })}</summary>
        <DataTable
          data={[...bars].reverse()}
          columns={columns}
          empty={t('noTrends')}
          pageSize={36}
        />
      </details>
    </figure>
  );
}

/**
 * The four monthly trends of the region: sales, subsidy paid, overdue at month end, active
 * cooperatives. The months before the first figure of any of them (before the program) are absent,
 * not zero; the last month (the current one) is partial.
 */
export function TrendCharts({ items }: { items: TrendPoint[] }) {
  const { t } = useTranslation('office');
  const series = useMemo(() => {
    const months = items.map((p) => p.month);
    const start = items.findIndex(
      (p) => p.salesAmount || p.subsidyPaid || p.overdueAmount || p.activeCooperatives,
    );
    const from = start < 0 ? items : items.slice(start);
    const bars = (value: (p: TrendPoint) => number): Bar[] =>
      from.map((p) => ({
        month: p.month,
        value: value(p),
        partial: p === items[items.length - 1],
      }));
    return {
      months,
      empty: start < 0,
      sales: bars((p) => p.salesAmount),
      subsidy: bars((p) => p.subsidyPaid),
      overdue: bars((p) => p.overdueAmount),
      active: bars((p) => p.activeCooperatives),
    };
  }, [items]);
  if (items.length === 0 || series.empty) return <p className="state">{t('noTrends')}</p>;
  const { months } = series;
  return (
    <div className="trends">
      <TrendChart title={t('chartSales')} months={months} bars={series.sales} kind="rupiah" />
      <TrendChart title={t('chartSubsidy')} months={months} bars={series.subsidy} kind="rupiah" />
      <TrendChart title={t('chartOverdue')} months={months} bars={series.overdue} kind="rupiah" />
      <TrendChart title={t('chartActive')} months={months} bars={series.active} kind="count" />
    </div>
  );
}
