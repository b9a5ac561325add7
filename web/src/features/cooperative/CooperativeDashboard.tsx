import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import {
  DataTable,
  dateColumn,
  moneyColumn,
  quantityColumn,
  type Column,
} from '../../ui/DataTable.tsx';
import { businessDate, monthName, rupiah } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { problemCode } from '../../ui/forms.tsx';
import { mayReverse } from '../corrections/may-reverse.ts';
import {
  reversalColumn,
  reversibleMoneyColumn,
  useReverseDialog,
} from '../corrections/ReverseButton.tsx';
import { DeliveriesTab } from './tabs/DeliveriesTab.tsx';
import { SalesTab } from './tabs/SalesTab.tsx';
import { StockDocumentsTab } from './tabs/StockDocumentsTab.tsx';
import { EarlyWarnings } from './EarlyWarnings.tsx';
import { ExposureGauge } from '../../ui/Exposure.tsx';
import './strings.ts';

type Dashboard = Awaited<ReturnType<typeof fetchDashboard>>;
async function fetchDashboard(id: string) {
  return unwrap(await api.GET('/api/v1/cooperatives/{id}/dashboard', { params: { path: { id } } }));
}

const TABS = [
  'tabOverview',
  'tabDocuments',
  'tabSales',
  'tabStockDocuments',
  'tabPayments',
  'tabSubsidy',
  'tabProfile',
] as const;
type Tab = (typeof TABS)[number];

/**
 * A cooperative at a glance (its manager's home, the hub's cooperative detail): one request for the
 * whole overview (two with the session check); the other tabs load when opened.
 */
export function CooperativeDashboard() {
  const { t } = useTranslation('cooperative');
  const { id = '' } = useParams();
  const { me } = useSession();
  const [tab, setTab] = useState<Tab>('tabOverview');
  const dashboard = useQuery({ queryKey: ['dashboard', id], queryFn: () => fetchDashboard(id) });
  const isHub = me?.memberships.some((m) => m.orgKind === 'hub') ?? false;
  const hubAdmin = me?.memberships.some((m) => m.role === 'hub_admin') ?? false;
  return (
    <section>
      <h1>{dashboard.data?.cooperative.name ?? t('translation:dashboard')}</h1>
      {dashboard.data?.cooperative.districtName && (
        <p className="muted">
          {dashboard.data.cooperative.villageName}, {t('translation:district')}{' '}
          {dashboard.data.cooperative.districtName}
          {isHub && (
            <>
              {' · '}
              <Link to={`/pengiriman/baru?koperasi=${id}`}>{t('createDelivery')}</Link>
              {' · '}
              <Link to={`/koperasi/${id}/perjanjian`}>{t('terms.link')}</Link>
              {hubAdmin && (
                <>
                  {' · '}
                  <Link to={`/koperasi/${id}/anggota`}>{t('translation:navMembers')}</Link>
                </>
              )}
            </>
          )}
        </p>
      )}
      {isHub && dashboard.isError && (
        // A cooperative that takes part in nothing yet has no dashboard: its agreement page joins it.
        <p className="muted">
          <Link to={`/koperasi/${id}/perjanjian`}>{t('terms.link')}</Link>
        </p>
      )}
      <div role="tablist" className="tabs" aria-label={t('translation:menu')}>
        {TABS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            className={tab === k ? 'tab active' : 'tab'}
            onClick={() => setTab(k)}
          >
            {t(k)}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === 'tabOverview' &&
          (problemCode(dashboard.error) === 'NotParticipating' ? (
            <p className="state">{t('notParticipating')}</p>
          ) : (
            <QueryState query={dashboard}>{(d) => <Overview d={d} />}</QueryState>
          ))}
        {tab === 'tabDocuments' && <DeliveriesTab id={id} isHub={isHub} />}
        {tab === 'tabSales' && <SalesTab id={id} />}
        {tab === 'tabStockDocuments' && <StockDocumentsTab id={id} />}
        {tab === 'tabPayments' && <Payments id={id} />}
        {tab === 'tabSubsidy' && <Subsidies id={id} />}
        {tab === 'tabProfile' && <Profile id={id} isHub={isHub} />}
      </div>
    </section>
  );
}

function Overview({ d }: { d: Dashboard }) {
  const { t, i18n } = useTranslation('cooperative');
  const lang = i18n.language;
  const b = d.balance;
  const pct = Math.min(100, Math.floor((d.sales.month * 100) / d.sales.monthlyPotential));
  type Stock = Dashboard['stock'][number];
  const stockColumns: Column<Stock>[] = [
    { id: 'name', header: t('translation:product'), accessorKey: 'name' },
    quantityColumn('qty', t('inStore'), (r) => r.qty),
    { id: 'inTransit', header: t('inTransit'), accessorKey: 'inTransit', numeric: true },
    {
      id: 'sold',
      header: t('sold28', { days: d.salesWindowDays }),
      accessorKey: 'sold28Days',
      numeric: true,
    },
    {
      id: 'cover',
      header: t('cover'),
      accessorFn: (s) => s.daysOfCover ?? Number.POSITIVE_INFINITY,
      numeric: true,
      cell: ({ row }) =>
        row.original.daysOfCover === null ? (
          <span className="muted">{t('noRate')}</span>
        ) : (
          <span className={row.original.daysOfCover < 7 ? 'warn' : undefined}>
            {t('coverDays', { count: row.original.daysOfCover })}
          </span>
        ),
    },
  ];
  type St = Dashboard['statements'][number];
  const statementColumns: Column<St>[] = [
    {
      id: 'number',
      header: t('translation:documentNumber'),
      accessorKey: 'number',
      cell: ({ row }) => <span className="doc-number">{row.original.number}</span>,
    },
    {
      id: 'period',
      header: t('translation:period'),
      accessorKey: 'periodEnd',
      cell: ({ row }) =>
        `${businessDate(row.original.periodStart, lang)} – ${businessDate(row.original.periodEnd, lang)}`,
    },
    dateColumn('due', t('translation:dueDate'), (r) => r.dueDate, lang),
    moneyColumn('closing', t('translation:closing'), (r) => r.closingBalance),
    moneyColumn('outstanding', t('translation:outstanding'), (r) => r.outstanding),
  ];
  return (
    <>
      {b.onHold && (
        <p role="alert" className="state error">
          {t('shippingHold')}
        </p>
      )}
      <EarlyWarnings warnings={d.earlyWarnings} />
      <div className="cards">
        <div className="card">
          <span>{t('salesToday')}</span>
          <strong>{rupiah(d.sales.today)}</strong>
          <small>{t('salesCount', { count: d.sales.todayCount })}</small>
        </div>
        <div className="card">
          <span>{t('salesMonth')}</span>
          <strong>{rupiah(d.sales.month)}</strong>
          <meter min={0} max={100} value={pct} aria-label={t('progress')} title={`${pct}%`} />
          <small>
            {pct}% {t('potential', { amount: rupiah(d.sales.monthlyPotential) })}
          </small>
        </div>
        <div className="card">
          <span>{t('nextDue')}</span>
          {d.nextDue ? (
            <>
              <strong>{rupiah(d.nextDue.amount)}</strong>
              <small>{t('dueOn', { date: businessDate(d.nextDue.dueDate, lang) })}</small>
            </>
          ) : (
            <strong>{t('nothingDue')}</strong>
          )}
        </div>
        <div className="card">
          <span>{t('subsidy')}</span>
          {d.subsidy ? (
            <>
              <strong>{rupiah(d.subsidy.amount)}</strong>
              <small>
                {monthName(d.subsidy.month, lang)} · {t(`subsidyStatus_${d.subsidy.status}`)}
              </small>
              {d.subsidy.reason && <small className="warn">{d.subsidy.reason}</small>}
            </>
          ) : (
            <strong>{t('subsidyNone')}</strong>
          )}
        </div>
        <div className="card">
          <span>{t('translation:balanceDue')}</span>
          <strong>{rupiah(b.balanceDue)}</strong>
        </div>
        <div className={`card${b.overdueAmount > 0 ? ' warn' : ''}`}>
          <span>{t('translation:overdue')}</span>
          <strong>{rupiah(b.overdueAmount)}</strong>
          {b.onHold && <span className="badge hold">{t('translation:hold')}</span>}
        </div>
        <div className="card">
          <span>{t('translation:exposure')}</span>
          <strong>{rupiah(b.exposure)}</strong>
          <small>
            {t('translation:limit')} {rupiah(b.exposureLimit)}
          </small>
          <ExposureGauge exposure={b.exposure} limit={b.exposureLimit} />
        </div>
        <div className="card">
          <span>{t('translation:consignedStock')}</span>
          <strong>{rupiah(b.consignedStockValue)}</strong>
          <small>
            {t('translation:inTransit')} {rupiah(b.inTransitValue)}
          </small>
        </div>
      </div>
      <p className="muted">{t('dueExplained')}</p>
      <h2>{t('stock')}</h2>
      <DataTable data={d.stock} columns={stockColumns} empty={t('stockEmpty')} />
      <h2>{t('translation:aging')}</h2>
      <dl className="aging">
        {(
          [
            ['current', t('translation:current')],
            ['d1to30', `1–30 ${t('translation:days')}`],
            ['d31to60', `31–60 ${t('translation:days')}`],
            ['d61to90', `61–90 ${t('translation:days')}`],
            ['d90plus', `>90 ${t('translation:days')}`],
          ] as const
        ).map(([k, label]) => (
          <div key={k}>
            <dt>{label}</dt>
            <dd>{rupiah(b.aging[k])}</dd>
          </div>
        ))}
      </dl>
      <h2>{t('translation:statements')}</h2>
      <DataTable
        data={d.statements}
        columns={statementColumns}
        empty={t('translation:noStatements')}
        pageSize={12}
      />
    </>
  );
}

function Payments({ id }: { id: string }) {
  const { t, i18n } = useTranslation('cooperative');
  const { t: tc } = useTranslation('corrections');
  const { me } = useSession();
  const reversal = useReverseDialog();
  const q = useQuery({
    queryKey: ['payments', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/cooperatives/{id}/payments', { params: { path: { id } } })),
  });
  type Row = NonNullable<typeof q.data>['items'][number];
  const columns: Column<Row>[] = [
    dateColumn('receivedOn', t('receivedOn'), (r) => r.receivedOn, i18n.language),
    {
      id: 'method',
      header: t('method'),
      accessorFn: (p) => t(`paymentMethod_${p.method}`, p.method),
    },
    { id: 'reference', header: t('reference'), accessorKey: 'reference' },
    reversibleMoneyColumn<Row>('amount', t('translation:amount'), (r) => r.amount),
    reversalColumn<Row>(
      tc('column'),
      'payment',
      (r) => `${tc('doc.payment')} ${r.number} ${rupiah(r.amount)}`,
      () => mayReverse(me?.memberships ?? [], { docType: 'payment', cooperativeId: id }),
      reversal.open,
    ),
  ];
  return (
    <>
      <h2>{t('payments')}</h2>
      {reversal.dialog}
      <QueryState query={q}>
        {(d) => (
          <DataTable
            data={d.items}
            columns={columns}
            empty={t('noPayments')}
            initialSort={[{ id: 'receivedOn', desc: true }]}
          />
        )}
      </QueryState>
    </>
  );
}

function Subsidies({ id }: { id: string }) {
  const { t, i18n } = useTranslation('cooperative');
  const { t: tc } = useTranslation('corrections');
  const { me } = useSession();
  const reversal = useReverseDialog();
  const mayReverseGrants = mayReverse(me?.memberships ?? [], {
    docType: 'subsidy_grant',
    cooperativeId: id,
  });
  const q = useQuery({
    queryKey: ['subsidies', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/cooperatives/{id}/subsidies', { params: { path: { id } } })),
  });
  type Row = NonNullable<typeof q.data>['items'][number];
  const columns: Column<Row>[] = [
    {
      id: 'month',
      header: t('month'),
      accessorKey: 'month',
      cell: ({ row }) => monthName(row.original.month, i18n.language),
    },
    {
      id: 'status',
      header: t('translation:status'),
      accessorKey: 'status',
      cell: ({ row }) => t(`subsidyStatus_${row.original.status}`),
    },
    {
      id: 'reason',
      header: t('reason'),
      accessorFn: (s) => s.reason ?? s.paidReference ?? '',
    },
    reversibleMoneyColumn<Row>('amount', t('translation:amount'), (r) => r.amount),
    // A grant (not yet paid out: the server says what blocks it otherwise) can be reversed.
    reversalColumn<Row>(
      tc('column'),
      'subsidy_grant',
      (r) => `${tc('doc.subsidy_grant')} ${monthName(r.month, i18n.language)} ${rupiah(r.amount)}`,
      (r) => r.eligible && r.amount > 0 && mayReverseGrants,
      reversal.open,
    ),
  ];
  return (
    <>
      <h2>{t('subsidyHistory')}</h2>
      {reversal.dialog}
      <QueryState query={q}>
        {(d) => <DataTable data={d.items} columns={columns} empty={t('noSubsidy')} />}
      </QueryState>
    </>
  );
}

function Profile({ id, isHub }: { id: string; isHub: boolean }) {
  const { t, i18n } = useTranslation('cooperative');
  const q = useQuery({
    queryKey: ['cooperative', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/cooperatives/{id}', { params: { path: { id } } })),
  });
  return (
    <QueryState query={q}>
      {(c) => {
        const p = c.participation;
        return (
          <>
            <h2>{t('officers')}</h2>
            {c.officers.length === 0 ? (
              <p className="state">{t('noOfficers')}</p>
            ) : (
              <dl className="facts">
                {c.officers.map((o) => (
                  <div key={o.id}>
                    <dt>{t(`officer_${o.role}`, o.role)}</dt>
                    <dd>
                      {o.name}
                      {o.phone ? ` · ${o.phone}` : ''}
                    </dd>
                  </div>
                ))}
              </dl>
            )}
            <h2>{t('participation')}</h2>
            {isHub && (
              <p>
                <Link to={`/koperasi/${id}/perjanjian`}>{t('terms.historyLink')}</Link>
              </p>
            )}
            {p && (
              <dl className="facts">
                <div>
                  <dt>{t('agreementNo')}</dt>
                  <dd>{p.agreementNo}</dd>
                </div>
                <div>
                  <dt>{t('startDate')}</dt>
                  <dd>{businessDate(p.startDate, i18n.language)}</dd>
                </div>
                <div>
                  <dt>{t('exposureLimit')}</dt>
                  <dd>{rupiah(p.exposureLimit)}</dd>
                </div>
                <div>
                  <dt>{t('monthlySubsidy')}</dt>
                  <dd>{rupiah(p.monthlySubsidy)}</dd>
                </div>
                <div>
                  <dt>{t('settlementPeriod')}</dt>
                  <dd>{t(p.settlementPeriod)}</dd>
                </div>
                <div>
                  <dt>{t('paymentTerms')}</dt>
                  <dd>
                    {p.paymentTermsDays} {t('translation:days')}
                  </dd>
                </div>
                <div>
                  <dt>{t('graceDays')}</dt>
                  <dd>
                    {p.graceDays} {t('translation:days')}
                  </dd>
                </div>
                <div>
                  <dt>{t('subsidyMode')}</dt>
                  <dd>{t(p.subsidyMode)}</dd>
                </div>
              </dl>
            )}
            <dl className="facts">
              <div>
                <dt>{t('legal')}</dt>
                <dd>{[c.legalNumber, c.nikKoperasi, c.npwp].filter(Boolean).join(' · ') || '—'}</dd>
              </div>
              <div>
                <dt>{t('bank')}</dt>
                <dd>
                  {[c.bankName, c.bankAccountNo, c.bankAccountName].filter(Boolean).join(' · ') ||
                    '—'}
                </dd>
              </div>
            </dl>
          </>
        );
      }}
    </QueryState>
  );
}
