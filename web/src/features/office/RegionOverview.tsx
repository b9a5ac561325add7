import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../app/api.ts';
import { DataTable, moneyColumn, type Column } from '../../ui/DataTable.tsx';
import { businessDate, rupiah, todayWib } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import './strings.ts';
import './office.css';

// The charts (and uPlot) load after the tables, in their own chunk.
const TrendCharts = lazy(async () => ({
  default: (await import('./TrendCharts.tsx')).TrendCharts,
}));

type Overview = NonNullable<Awaited<ReturnType<typeof fetchOverview>>>;
type District = Overview['districts'][number];
type Coop = District['items'][number];
type Figures = Overview['totals'];
type DistrictRow = Figures & { key: string; name: string; total?: boolean };

async function fetchOverview(month: string) {
  return unwrap(await api.GET('/api/v1/region/overview', { params: { query: { month } } }));
}

/** Amounts a kecamatan row and the totals row share. */
function useFigureColumns(): Column<DistrictRow>[] {
  const { t } = useTranslation('office');
  const money = (id: keyof Figures, header: string) =>
    moneyColumn<DistrictRow>(id, header, (r) => r[id], { enableSorting: false });
  return [
    {
      id: 'name',
      header: t('district'),
      accessorFn: (r) => r.name,
      cell: (c) =>
        c.row.original.total ? <strong>{c.row.original.name}</strong> : c.row.original.name,
      enableSorting: false,
    },
    {
      id: 'cooperatives',
      header: t('cooperatives'),
      accessorFn: (r) => r.cooperatives,
      cell: (c) => `${c.row.original.participating} / ${c.row.original.cooperatives}`,
      numeric: true,
      enableSorting: false,
    },
    money('salesAmount', t('sales')),
    money('subsidyPaidMonth', t('subsidyMonth')),
    money('subsidyPaidYear', t('subsidyYear')),
    money('overdueAmount', t('overdue')),
    {
      id: 'onHold',
      header: t('holds'),
      accessorFn: (r) => r.onHold,
      numeric: true,
      enableSorting: false,
    },
  ];
}

function CooperativeTable({ district }: { district: District }) {
  const { t } = useTranslation('office');
  const columns: Column<Coop>[] = [
    {
      id: 'name',
      header: t('cooperatives'),
      accessorFn: (r) => r.name,
      cell: (c) => <Link to={`/koperasi/${c.row.original.id}`}>{c.row.original.name}</Link>,
    },
    {
      id: 'participating',
      header: t('participating'),
      accessorFn: (r) => (r.participating ? 1 : 0),
      cell: (c) => (c.row.original.participating ? t('yes') : t('no')),
    },
    moneyColumn('salesAmount', t('sales'), (r) => r.salesAmount),
    moneyColumn('subsidyPaidMonth', t('subsidyMonth'), (r) => r.subsidyPaidMonth),
    moneyColumn('subsidyPaidYear', t('subsidyYear'), (r) => r.subsidyPaidYear),
    moneyColumn('overdueAmount', t('overdue'), (r) => r.overdueAmount, {
      warn: (r) => r.overdueAmount > 0,
    }),
    {
      id: 'onHold',
      header: t('status'),
      accessorFn: (r) => (r.onHold ? 1 : 0),
      cell: (c) =>
        c.row.original.onHold ? <span className="badge hold">{t('onHold')}</span> : t('normal'),
    },
  ];
  return (
    <DataTable
      data={district.items}
      columns={columns}
      empty={t('noCooperatives')}
      pageSize={50}
      initialSort={[{ id: 'name', desc: false }]}
    />
  );
}

function OverviewBody({ o }: { o: Overview }) {
  const { t, i18n } = useTranslation('office');
  const figureColumns = useFigureColumns();
  const rows: DistrictRow[] = [
    ...o.districts.map((d) => ({ ...d, key: d.districtCode, name: d.districtName })),
    { ...o.totals, key: 'total', name: t('total'), total: true },
  ];
  return (
    <>
      <p className="muted">{t('asOf', { date: businessDate(o.asOf, i18n.language) })}</p>
      <div className="cards region-cards">
        <div className="card">
          <span>{t('cooperatives')}</span>
          <strong>{o.totals.cooperatives}</strong>
          <small>
            {t('participating')}: {o.totals.participating}
          </small>
        </div>
        <div className="card">
          <span>{t('sales')}</span>
          <strong>{rupiah(o.totals.salesAmount)}</strong>
        </div>
        <div className="card">
          <span>{t('subsidyMonth')}</span>
          <strong>{rupiah(o.totals.subsidyPaidMonth)}</strong>
          <small>
            {t('subsidyYear')}: {rupiah(o.totals.subsidyPaidYear)}
          </small>
        </div>
        <div className="card">
          <span>{t('overdue')}</span>
          <strong className={o.totals.overdueAmount > 0 ? 'warn' : undefined}>
            {rupiah(o.totals.overdueAmount)}
          </strong>
          <small>
            {t('holds')}: {o.totals.onHold}
          </small>
        </div>
      </div>
      <h2>{t('byDistrict')}</h2>
      <DataTable data={rows} columns={figureColumns} empty={t('noCooperatives')} pageSize={50} />
      {o.districts.map((d) => (
        <section key={d.districtCode} className="group" aria-labelledby={`d-${d.districtCode}`}>
          <h2 id={`d-${d.districtCode}`}>
            {t('district')} {d.districtName}{' '}
            <span className="muted">
              ({d.participating} / {d.cooperatives})
            </span>
          </h2>
          <CooperativeTable district={d} />
        </section>
      ))}
    </>
  );
}

/** The office's (or a hub's) region by kecamatan for one month, and the 12-month trends. */
export function RegionOverview() {
  const { t } = useTranslation('office');
  const { t: common } = useTranslation();
  const thisMonth = todayWib().slice(0, 7);
  const [month, setMonth] = useState(thisMonth);
  const overview = useQuery({
    queryKey: ['region-overview', month],
    queryFn: () => fetchOverview(month),
  });
  const trends = useQuery({
    queryKey: ['region-trends', 12],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/region/trends', { params: { query: { months: '12' } } })),
  });
  return (
    <section>
      <h1>{t('title')}</h1>
      <label className="month-pick">
        {t('month')}
        <input
          type="month"
          value={month}
          max={thisMonth}
          onChange={(e) =>
            e.target.value && e.target.value <= thisMonth && setMonth(e.target.value)
          }
        />
      </label>
      <QueryState query={overview}>{(o) => <OverviewBody o={o} />}</QueryState>
      <h2>{t('trends')}</h2>
      <QueryState query={trends}>
        {(tr) => (
          <Suspense fallback={<p className="state">{common('loading')}</p>}>
            <TrendCharts items={tr.items} />
          </Suspense>
        )}
      </QueryState>
    </section>
  );
}
