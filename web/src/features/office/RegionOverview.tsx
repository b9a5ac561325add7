import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import { businessDate, rupiah, todayWib } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { DistrictTable } from './DistrictTable.tsx';
import { TrendCharts } from './TrendCharts.tsx';
import './strings.ts';
import './office.css';

type Overview = NonNullable<Awaited<ReturnType<typeof fetchOverview>>>;

async function fetchOverview(month: string) {
  return unwrap(await api.GET('/api/v1/region/overview', { params: { query: { month } } }));
}

/** The region's totals for the month in four cards; amounts wrap at the space, never cut. */
function TotalCards({ o }: { o: Overview }) {
  const { t } = useTranslation('office');
  const { totals } = o;
  return (
    <div className="cards region-cards">
      <div className="card">
        <span>{t('cooperatives')}</span>
        <strong>{totals.cooperatives}</strong>
        <small>
          {t('participating')}: {totals.participating}
        </small>
      </div>
      <div className="card">
        <span>{t('sales')}</span>
        <strong className="amount">{rupiah(totals.salesAmount)}</strong>
      </div>
      <div className="card">
        <span>{t('subsidyMonth')}</span>
        <strong className="amount">{rupiah(totals.subsidyPaidMonth)}</strong>
        <small>
          {t('subsidyYear')}: <span className="amount">{rupiah(totals.subsidyPaidYear)}</span>
        </small>
      </div>
      <div className="card">
        <span>{t('overdue')}</span>
        <strong className={totals.overdueAmount > 0 ? 'amount warn' : 'amount'}>
          {rupiah(totals.overdueAmount)}
        </strong>
        <small>
          {t('holds')}: {totals.onHold}
        </small>
      </div>
    </div>
  );
}

/**
 * The office's (or a hub's) region for one month: the totals, the 12-month trends, then the
 * kecamatan table, whose rows open to their cooperatives.
 */
export function RegionOverview() {
  const { t, i18n } = useTranslation('office');
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
      <QueryState query={overview}>
        {(o) => (
          <>
            <p className="muted">{t('asOf', { date: businessDate(o.asOf, i18n.language) })}</p>
            <TotalCards o={o} />
          </>
        )}
      </QueryState>
      <h2>{t('trends')}</h2>
      <QueryState query={trends}>{(tr) => <TrendCharts items={tr.items} />}</QueryState>
      {overview.data && (
        <>
          <h2>{t('byDistrict')}</h2>
          <DistrictTable districts={overview.data.districts} totals={overview.data.totals} />
        </>
      )}
    </section>
  );
}
