import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { DataTable, type Column } from '../../ui/DataTable.tsx';
import { monthName, rupiah } from '../../ui/format.ts';
import './strings.ts';
import { shortRupiah } from './short-rupiah.ts';

export interface TrendPoint {
  month: string;
  salesAmount: number;
  subsidyPaid: number;
  overdueAmount: number;
  activeCooperatives: number;
}

type Kind = 'rupiah' | 'count';

/** `Mar 26`: a month for an axis tick. */
function shortMonth(month: string, lang: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/**
 * One chart (uPlot on a canvas, sized to its box) with a text title, a one-line summary for screen
 * readers, and its figures in a table under a disclosure, so the numbers can be read without the chart.
 */
function TrendChart({
  title,
  months,
  values,
  kind,
}: {
  title: string;
  months: string[];
  values: number[];
  kind: Kind;
}) {
  const { t, i18n } = useTranslation('office');
  const lang = i18n.language;
  const box = useRef<HTMLDivElement>(null);
  const exact = (v: number) => (kind === 'rupiah' ? rupiah(v) : String(v));
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const labels = months.map((m) => shortMonth(m, lang));
    const width = () => Math.max(240, Math.floor(el.clientWidth));
    const plot = new uPlot(
      {
        width: width(),
        height: 220,
        legend: { show: false },
        cursor: { show: false },
        scales: {
          x: { time: false },
          // From zero; an all-zero series still gets a readable axis (Rp 1 jt, or 5 cooperatives).
          y: { range: (_u, _min, max) => [0, Math.max(max, kind === 'rupiah' ? 1_000_000 : 5)] },
        },
        series: [
          {},
          {
            label: title,
            stroke: '#7a2e1d',
            width: 2,
            fill: 'rgba(122, 46, 29, 0.08)',
            points: { show: true, size: 6 },
          },
        ],
        axes: [
          {
            incrs: [1, 2, 3, 4, 6],
            space: 36,
            values: (_u, splits) =>
              splits.map((i) => (Number.isInteger(i) ? (labels[i] ?? '') : '')),
          },
          {
            size: kind === 'rupiah' ? 78 : 40,
            ...(kind === 'count' ? { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] } : {}),
            values: (_u, splits) =>
              splits.map((v) => (kind === 'rupiah' ? shortRupiah(v, lang) : String(v))),
          },
        ],
      },
      [months.map((_, i) => i), values],
      el,
    );
    const ro = new ResizeObserver(() => plot.setSize({ width: width(), height: 220 }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      plot.destroy();
    };
  }, [months, values, kind, lang, title]);

  const rows = months.map((m, i) => ({ month: m, value: values[i] ?? 0 }));
  const columns: Column<(typeof rows)[number]>[] = [
    {
      id: 'month',
      header: t('month'),
      accessorFn: (r) => r.month,
      cell: (c) => monthName(c.row.original.month, lang),
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
  const max = Math.max(0, ...values);
  const summary = t('chartSummary', {
    title,
    first: monthName(months[0] ?? '', lang),
    firstValue: exact(values[0] ?? 0),
    last: monthName(months[months.length - 1] ?? '', lang),
    lastValue: exact(values[values.length - 1] ?? 0),
    max: exact(max),
  });
  return (
    <figure className="trend">
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      <div ref={box} className="trend-canvas" role="img" aria-label={summary} />
      <details>
        <summary>{t('figures', { title })}</summary>
        <DataTable data={rows} columns={columns} empty={t('noTrends')} pageSize={36} />
      </details>
    </figure>
  );
}

/** The four monthly trends of the region: sales, subsidy paid, overdue at month end, active cooperatives. */
export function TrendCharts({ items }: { items: TrendPoint[] }) {
  const { t } = useTranslation('office');
  const series = useMemo(() => {
    const months = items.map((p) => p.month);
    return {
      months,
      sales: items.map((p) => p.salesAmount),
      subsidy: items.map((p) => p.subsidyPaid),
      overdue: items.map((p) => p.overdueAmount),
      active: items.map((p) => p.activeCooperatives),
    };
  }, [items]);
  if (items.length === 0) return <p className="state">{t('noTrends')}</p>;
  return (
    <div className="trends">
      <TrendChart
        title={t('chartSales')}
        months={series.months}
        values={series.sales}
        kind="rupiah"
      />
      <TrendChart
        title={t('chartSubsidy')}
        months={series.months}
        values={series.subsidy}
        kind="rupiah"
      />
      <TrendChart
        title={t('chartOverdue')}
        months={series.months}
        values={series.overdue}
        kind="rupiah"
      />
      <TrendChart
        title={t('chartActive')}
        months={series.months}
        values={series.active}
        kind="count"
      />
    </div>
  );
}
