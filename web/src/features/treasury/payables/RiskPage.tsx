import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session.tsx';
import { DataTable, moneyColumn, type Column } from '../../../ui/DataTable.tsx';
import { businessDate, monthName, rupiah } from '../../../ui/format.ts';
import { QueryState } from '../../../ui/QueryState.tsx';
import '../../delivery/hub.css';
import { BUCKETS, percentOfBps, useRiskOverview, type RiskOverview } from './payables-api.ts';
import { ProvisionForm } from './ProvisionForm.tsx';
import './strings.ts';

type RollMonth = RiskOverview['rollRates'][number];
type MatrixRow = RiskOverview['provision']['matrix']['rows'][number];
type CoopRisk = RiskOverview['cooperatives'][number];

/**
 * The hub's credit risk: DSO and CEI with the figures and window behind them, the roll rates month
 * by month, the PSAK 71 provision matrix, the allowance booked, and the cooperatives by risk score.
 */
export function RiskPage() {
  const { t, i18n } = useTranslation('risk');
  const { t: tp } = useTranslation('payables');
  const { me } = useSession();
  const hubAdmin = me?.memberships.some((m) => m.role === 'hub_admin') ?? false;
  const risk = useRiskOverview();
  const lang = i18n.language;
  const date = (d: string) => businessDate(d, lang);
  const pct = (bps: number | null | undefined) => percentOfBps(bps, lang);

  const rollColumns: Column<RollMonth>[] = [
    {
      id: 'month',
      header: t('month'),
      accessorFn: (m) => m.month,
      cell: (c) => monthName(c.row.original.month, lang),
    },
    ...BUCKETS.slice(0, -1).map((b, i) => ({
      id: b,
      header: t('step', { from: tp(b), to: tp(BUCKETS[i + 1]!) }),
      numeric: true,
      accessorFn: (m: RollMonth) => m.steps[i]?.rateBps ?? -1,
      cell: (c: { row: { original: RollMonth } }) => {
        const s = c.row.original.steps[i];
        return s && s.base > 0
          ? `${pct(s.rateBps)} (${rupiah(s.rolled)} / ${rupiah(s.base)})`
          : '—';
      },
    })),
  ];
  const matrixColumns: Column<MatrixRow>[] = [
    { id: 'bucket', header: t('bucket'), accessorFn: (r) => tp(r.bucket), enableSorting: false },
    moneyColumn('balance', t('balance'), (r) => r.balance, { enableSorting: false }),
    {
      id: 'roll',
      header: t('rollRate'),
      numeric: true,
      enableSorting: false,
      accessorFn: (r) => pct(r.rollRateBps),
    },
    {
      id: 'chain',
      header: t('chain'),
      numeric: true,
      enableSorting: false,
      accessorFn: (r) => pct(r.chainBps),
    },
    {
      id: 'floor',
      header: t('floor'),
      numeric: true,
      enableSorting: false,
      accessorFn: (r) => pct(r.floorBps),
    },
    {
      id: 'rate',
      header: t('rate'),
      numeric: true,
      enableSorting: false,
      accessorFn: (r) => pct(r.rateBps),
    },
    moneyColumn('provision', t('provision'), (r) => r.provision, { enableSorting: false }),
  ];
  const coopColumns: Column<CoopRisk>[] = [
    { id: 'name', header: t('cooperative'), accessorKey: 'name' },
    { id: 'score', header: t('score'), accessorKey: 'score', numeric: true },
    {
      id: 'reasons',
      header: t('reasons'),
      accessorFn: (c) => c.reasons.map((r) => (lang === 'en' ? r.textEn : r.text)).join('; '),
      cell: ({ row }) =>
        row.original.reasons.length ? (
          <ul className="wrap">
            {row.original.reasons.map((r) => (
              <li key={r.code}>{lang === 'en' ? r.textEn : r.text}</li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t('noReason')}</span>
        ),
    },
    moneyColumn('overdueAmount', t('overdue'), (c) => c.overdueAmount, {
      zero: '—',
      warn: (c) => c.overdueAmount > 0,
    }),
    moneyColumn('balanceDue', t('balanceDue'), (c) => c.balanceDue),
  ];

  return (
    <section>
      <h1>{t('title')}</h1>
      <QueryState query={risk}>
        {(r) => (
          <>
            <div className="cards">
              <div className="card">
                <h2>{t('dso')}</h2>
                <strong>
                  {r.dso === null ? t('none') : t('days', { value: r.dso.toLocaleString(lang) })}
                </strong>
                <p className="muted">
                  {t('dsoText', {
                    receivable: rupiah(r.windows.dso.receivable),
                    sales: rupiah(r.windows.dso.sales),
                    days: r.windows.dso.days,
                  })}
                </p>
              </div>
              <div className="card">
                <h2>{t('cei')}</h2>
                <strong>{r.cei === null ? t('none') : `${r.cei.toLocaleString(lang)}%`}</strong>
                <p className="muted">
                  {t('ceiText', {
                    from: date(r.windows.cei.from),
                    to: date(r.windows.cei.to),
                    opening: rupiah(r.windows.cei.opening),
                    charges: rupiah(r.windows.cei.charges),
                    closing: rupiah(r.windows.cei.closing),
                    current: rupiah(r.windows.cei.closingCurrent),
                  })}
                </p>
              </div>
            </div>
            <h2>{t('rollTitle')}</h2>
            <p className="muted">
              {t('rollIntro', {
                from: date(r.windows.rollRates.from),
                to: date(r.windows.rollRates.to),
              })}
            </p>
            <DataTable
              data={r.rollRates.filter((m) => m.steps.some((s) => s.base > 0))}
              columns={rollColumns}
              empty={t('none')}
            />
            <h2>{t('matrixTitle')}</h2>
            <p className="muted">{t('matrixIntro')}</p>
            <DataTable data={r.provision.matrix.rows} columns={matrixColumns} empty={t('none')} />
            <p>
              <strong>
                {t('totalProvision')}: {rupiah(r.provision.total)}
              </strong>
            </p>
            <p>
              {r.provision.posted
                ? t('posted', {
                    amount: rupiah(r.provision.posted.total),
                    date: date(r.provision.posted.periodEnd),
                  })
                : t('notPosted')}
            </p>
            {hubAdmin && <ProvisionForm />}
            <h2>{t('coopsTitle')}</h2>
            <DataTable
              data={r.cooperatives}
              columns={coopColumns}
              empty={t('emptyCoops')}
              filterLabel={t('filter')}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}
