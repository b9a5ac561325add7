import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../../app/api.ts';
import { DataTable, type Column } from '../../../ui/DataTable.tsx';
import { businessDate, rupiah } from '../../../ui/format.ts';
import { QueryState } from '../../../ui/QueryState.tsx';
import { ForecastChart, type ChartWeek } from './ForecastChart.tsx';
import './strings.ts';
import './summary.css';

type Summary = Awaited<ReturnType<typeof loadSummary>>;
type Week = Summary['forecast']['weeks'][number];
type Point = Summary['forecast']['backtest']['points'][number];

async function loadSummary() {
  return unwrap(await api.GET('/api/v1/treasury/summary'));
}

/** An amount that never breaks across lines (a minus sign and no-break space) inside a sentence. */
const unbroken = (amount: number) => rupiah(amount).replace(' ', '\u00a0').replace(/^-/, '\u2212');

/** `Okt 2026`: a month end in the overdue card. */
const shortMonth = (month: string, lang: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
};

const percent = (v: number | null, lang: string) =>
  v === null
    ? '—'
    : `${new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 }).format(v)}%`;

/**
 * The hub's day at the top of the network: cash today and the 13-week forecast (chart, and the
 * figures by week), exposure against limits, overdue and its month ends, unmatched bank lines.
 * Each card links to the list its figure is the total of.
 */
export function HubSummary({ hubId }: { hubId: string }) {
  const { t, i18n } = useTranslation('hubSummary');
  const lang = i18n.language;
  const query = useQuery({ queryKey: ['treasury', 'summary'], queryFn: loadSummary });
  return (
    <QueryState query={query}>
      {(s) => (
        <section className="hub-summary" aria-labelledby="hub-summary-title">
          <div className="page-head">
            <h2 id="hub-summary-title">{t('title')}</h2>
            <small>{t('asOf', { date: businessDate(s.asOf, lang) })}</small>
          </div>
          <div className="cards">
            <div className="card">
              <span>{t('cashToday')}</span>
              <strong className={s.cashToday < 0 ? 'warn' : undefined}>
                {rupiah(s.cashToday)}
              </strong>
              <small className={s.forecast.lowest.closingCash < 0 ? 'warn' : undefined}>
                {t('lowest', {
                  amount: unbroken(s.forecast.lowest.closingCash),
                  week: businessDate(s.forecast.lowest.weekStart, lang),
                })}
              </small>
              <Link to={`/koperasi/${hubId}/buku`}>{t('cashLink')}</Link>
            </div>
            <div className="card">
              <span>{t('exposure')}</span>
              <strong>{rupiah(s.exposure.total)}</strong>
              <small>{t('exposureOf', { limit: rupiah(s.exposure.limit) })}</small>
              <meter
                min={0}
                max={Math.max(1, s.exposure.limit)}
                value={Math.min(Math.max(0, s.exposure.total), s.exposure.limit)}
                aria-label={t('exposure')}
              />
              <small>{t('nearLimit', { count: s.exposure.nearLimit })}</small>
              <a href="#daftar-koperasi">{t('exposureLink')}</a>
            </div>
            <div className="card">
              <span>{t('overdue')}</span>
              <strong className={s.overdue.amount > 0 ? 'warn' : undefined}>
                {rupiah(s.overdue.amount)}
              </strong>
              <small>
                {t('overdueOf', { count: s.overdue.cooperatives, holds: s.overdue.onHold })}
              </small>
              <small>{t('overdueTrend')}</small>
              <ul className="month-ends">
                {s.overdue.trend.slice(-3).map((p) => (
                  <li key={p.month}>
                    <span>{shortMonth(p.month, lang)}</span> <span>{unbroken(p.amount)}</span>
                  </li>
                ))}
              </ul>
              <Link to="/penagihan">{t('overdueLink')}</Link>
            </div>
            <div className="card">
              <span>{t('bankLines')}</span>
              <strong className={s.unmatchedBankLines > 0 ? 'warn' : undefined}>
                {s.unmatchedBankLines}
              </strong>
              <Link to="/bank">{t('bankLink')}</Link>
            </div>
            <div className="card">
              <span>{t('provision')}</span>
              <strong>{rupiah(s.provision.total)}</strong>
              {s.provision.posted && (
                <small>
                  {t('provisionPosted', {
                    amount: rupiah(s.provision.posted.total),
                    date: businessDate(s.provision.posted.periodEnd, lang),
                  })}
                </small>
              )}
              <Link to="/risiko">{t('provisionLink')}</Link>
            </div>
          </div>
          <Forecast summary={s} />
          <Riskiest items={s.riskiest} />
        </section>
      )}
    </QueryState>
  );
}

function Forecast({ summary: s }: { summary: Summary }) {
  const { t, i18n } = useTranslation('hubSummary');
  const lang = i18n.language;
  const columns: Column<Week>[] = [
    {
      id: 'week',
      header: t('week'),
      accessorFn: (w) => w.weekStart,
      cell: (c) => businessDate(c.row.original.weekStart, lang),
      enableSorting: false,
    },
    ...(['expectedIn', 'expectedOut', 'net', 'closingCash'] as const).map((key): Column<Week> => ({
      id: key,
      header: t(key),
      accessorFn: (w) => w[key],
      cell: (c) => rupiah(c.row.original[key]),
      numeric: true,
      enableSorting: false,
    })),
  ];
  const pointColumns: Column<Point>[] = [
    {
      id: 'week',
      header: t('week'),
      accessorFn: (p) => p.weekStart,
      cell: (c) => businessDate(c.row.original.weekStart, lang),
      enableSorting: false,
    },
    ...(['forecast', 'baseline', 'actual'] as const).map((key): Column<Point> => ({
      id: key,
      header: t(key),
      accessorFn: (p) => p[key],
      cell: (c) => rupiah(c.row.original[key]),
      numeric: true,
      enableSorting: false,
    })),
  ];
  const b = s.forecast.backtest;
  const weeks: ChartWeek[] = s.forecast.weeks;
  return (
    <figure className="forecast">
      <figcaption>
        <h3>{t('forecastTitle')}</h3>
      </figcaption>
      <ForecastChart weeks={weeks} />
      <p>
        {b.mape === null
          ? t('backtestNone')
          : t('backtest', {
              weeks: b.weeks,
              mape: percent(b.mape, lang),
              baseline: percent(b.baselineMape, lang),
            })}
      </p>
      {s.forecast.notExpected > 0 && (
        <p className="warn">
          {t('notExpected', { amount: rupiah(s.forecast.notExpected) })}{' '}
          <Link to="/penagihan">{t('notExpectedLink')}</Link>
        </p>
      )}
      <p className="forecast-sources">
        {t('sources')} <Link to="/penagihan">{t('sourceStatements')}</Link> ·{' '}
        <Link to="/utang-usaha">{t('sourceSuppliers')}</Link> ·{' '}
        <Link to="/subsidi">{t('sourceSubsidy')}</Link>
      </p>
      <details>
        <summary>{t('forecastLink')}</summary>
        <DataTable data={s.forecast.weeks} columns={columns} empty={t('noWeeks')} pageSize={26} />
      </details>
      {b.points.length > 0 && (
        <details>
          <summary>{t('backtestLink')}</summary>
          <DataTable data={b.points} columns={pointColumns} empty={t('noWeeks')} pageSize={26} />
        </details>
      )}
    </figure>
  );
}

function Riskiest({ items }: { items: Summary['riskiest'] }) {
  const { t, i18n } = useTranslation('hubSummary');
  const en = i18n.language === 'en';
  return (
    <div className="riskiest">
      <h3>{t('riskiest')}</h3>
      {items.length === 0 ? (
        <p className="state">{t('noRisk')}</p>
      ) : (
        <ol>
          {items.map((c) => (
            <li key={c.id}>
              {/* The score leads to the cooperative: the network's list below keeps one link per cooperative. */}
              <strong>{c.name}</strong>{' '}
              <Link className="badge" to={`/koperasi/${c.id}`}>
                {t('score', { score: c.score })}
              </Link>
              {c.reasons.length > 0 && (
                <small>{c.reasons.map((r) => (en ? r.textEn : r.text)).join('; ')}</small>
              )}
            </li>
          ))}
        </ol>
      )}
      <Link to="/risiko">{t('riskLink')}</Link>
    </div>
  );
}
