import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Route, Routes } from 'react-router';
import { v7 as uuidv7 } from 'uuid';
import { api, unwrap } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { DataTable, type Column } from '../../ui/DataTable.tsx';
import { Field, Notice, ProblemAlert } from '../../ui/forms.tsx';
import { instantWib, monthName, parseRupiah, rupiah, todayWib } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { csvFrom, postCsv } from './csv-upload.ts';
import { contentsOf, useDirectory, usePeriods, usePrograms, type Directory } from './data.ts';
import { PeriodForm } from './PeriodForm.tsx';
import './strings.ts';
import './sembako.css';

interface Ctx {
  programId: string;
  month: string | undefined;
  dir: Directory | undefined;
}

/** The program admin's area (and the hub's view of a program): reconciliation, roster, periods, payroll, demand. */
export function ProgramRoutes() {
  const { t, i18n } = useTranslation('sembako');
  const programs = usePrograms();
  const [chosen, setChosen] = useState('');
  const program = programs.data?.find((p) => p.id === chosen) ?? programs.data?.[0];
  const periods = usePeriods(program?.id);
  const [month, setMonth] = useState('');
  const current = periods.data?.find((p) => p.month === month)?.month ?? periods.data?.[0]?.month;
  const dir = useDirectory(program?.id);
  const ctx: Ctx | undefined = program
    ? { programId: program.id, month: current, dir: dir.data }
    : undefined;
  const { me } = useSession();
  // The roster, periods and payroll are the sponsor's; the hub reads the reconciliation and demand.
  const admin = !!me?.memberships.some((m) => m.role === 'program_admin');
  const tabs = [
    { to: '/program', label: t('tabOverview'), end: true, admin: false },
    { to: '/program/peserta', label: t('tabRoster'), admin: true },
    { to: '/program/periode', label: t('tabPeriods'), admin: true },
    { to: '/program/potong-gaji', label: t('tabPayroll'), admin: true },
    { to: '/program/permintaan', label: t('tabDemand'), admin: false },
  ].filter((x) => admin || !x.admin);
  return (
    <section>
      <h1>{t('programTitle')}</h1>
      <QueryState query={programs}>
        {(list) =>
          list.length === 0 || !ctx ? (
            <p className="state">{t('noProgram')}</p>
          ) : (
            <>
              <div className="form-row">
                {list.length > 1 && (
                  <Field label={t('program')}>
                    <select value={ctx.programId} onChange={(e) => setChosen(e.target.value)}>
                      {list.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name}
                        </option>
                      ))}
                    </select>
                  </Field>
                )}
                {periods.data && periods.data.length > 0 && (
                  <Field label={t('period')}>
                    <select value={current} onChange={(e) => setMonth(e.target.value)}>
                      {periods.data.map((p) => (
                        <option key={p.month} value={p.month}>
                          {monthName(p.month, i18n.language)}
                        </option>
                      ))}
                    </select>
                  </Field>
                )}
              </div>
              <nav className="tabs program-tabs" aria-label={t('tabsLabel')}>
                {tabs.map((x) => (
                  <NavLink key={x.to} to={x.to} end={x.end ?? false}>
                    {x.label}
                  </NavLink>
                ))}
              </nav>
              <Routes>
                <Route index element={<Reconciliation ctx={ctx} />} />
                {admin && (
                  <>
                    <Route path="peserta" element={<Roster ctx={ctx} />} />
                    <Route path="periode" element={<Periods ctx={ctx} />} />
                    <Route path="potong-gaji" element={<Payroll ctx={ctx} />} />
                  </>
                )}
                <Route path="permintaan" element={<Demand ctx={ctx} />} />
              </Routes>
            </>
          )
        }
      </QueryState>
    </section>
  );
}

function NeedPeriod({ ctx, children }: { ctx: Ctx; children: (month: string) => ReactNode }) {
  const { t } = useTranslation('sembako');
  if (!ctx.month) return <p className="state">{t('noPeriod')}</p>;
  return <>{children(ctx.month)}</>;
}

// ---------- reconciliation and the sponsor's payment ----------

function Reconciliation({ ctx }: { ctx: Ctx }) {
  return (
    <NeedPeriod ctx={ctx}>{(month) => <ReconciliationOf ctx={ctx} month={month} />}</NeedPeriod>
  );
}

function ReconciliationOf({ ctx, month }: { ctx: Ctx; month: string }) {
  const { t, i18n } = useTranslation('sembako');
  const { me } = useSession();
  const recon = useQuery({
    queryKey: ['sembako', 'recon', ctx.programId, month],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/programs/{programId}/periods/{month}/reconciliation', {
          params: { path: { programId: ctx.programId, month } },
        }),
      ),
  });
  const canPay = me?.memberships.some((m) => m.role === 'program_admin' || m.role === 'hub_admin');
  type Row = NonNullable<typeof recon.data>['cooperatives'][number];
  const money = (key: keyof Omit<Row, 'cooperativeId'>, header: string): Column<Row> => ({
    id: key,
    header,
    numeric: true,
    accessorFn: (r) => r[key],
    cell: (c) => rupiah(c.row.original[key]),
  });
  const columns: Column<Row>[] = [
    {
      id: 'coop',
      header: t('cooperative'),
      accessorFn: (r) => ctx.dir?.cooperative.get(r.cooperativeId) ?? r.cooperativeId,
    },
    money('ordered', t('ordered')),
    money('pickedUp', t('pickedUp')),
    money('subsidy', t('subsidy')),
    money('deducted', t('deducted')),
    money('paidBySponsor', t('paidBySponsor')),
    money('payable', t('payable')),
    money('open', t('open')),
  ];
  type Open = NonNullable<typeof recon.data>['openParticipants'][number];
  const openColumns: Column<Open>[] = [
    { id: 'nip', header: t('nip'), accessorFn: (r) => r.nip },
    { id: 'name', header: t('name'), accessorFn: (r) => r.name },
    { id: 'opd', header: t('opd'), accessorFn: (r) => r.opd },
    {
      id: 'due',
      header: t('due'),
      numeric: true,
      accessorFn: (r) => r.due,
      cell: (c) => rupiah(c.row.original.due),
    },
    {
      id: 'deducted',
      header: t('deducted'),
      numeric: true,
      accessorFn: (r) => r.deducted,
      cell: (c) => rupiah(c.row.original.deducted),
    },
    {
      id: 'status',
      header: t('status'),
      accessorFn: (r) => (r.status ? t(r.status) : t('statusNone')),
    },
    {
      id: 'open',
      header: t('open'),
      numeric: true,
      accessorFn: (r) => r.open,
      cell: (c) => rupiah(c.row.original.open),
    },
  ];
  return (
    <>
      <h2>
        {t('reconTitle')} — {monthName(month, i18n.language)}
      </h2>
      <QueryState query={recon}>
        {(r) => (
          <>
            <div className="cards" aria-label={t('total')}>
              {(
                [
                  ['ordered', t('ordered')],
                  ['pickedUp', t('pickedUp')],
                  ['deducted', t('deducted')],
                  ['paidBySponsor', t('paidBySponsor')],
                  ['payable', t('payable')],
                  ['open', t('open')],
                ] as const
              ).map(([k, label]) => (
                <div key={k} className="card" data-testid={`total-${k}`}>
                  <span>{label}</span>
                  <strong>{rupiah(r.total[k])}</strong>
                </div>
              ))}
            </div>
            <DataTable
              data={r.cooperatives}
              columns={columns}
              empty={t('noDemand')}
              filterLabel={t('cooperative')}
              initialSort={[{ id: 'open', desc: true }]}
            />
            {canPay && (
              <SponsorPaymentForm
                programId={ctx.programId}
                month={month}
                payable={r.total.payable}
              />
            )}
            <h3>{t('openParticipants')}</h3>
            <DataTable
              data={r.openParticipants}
              columns={openColumns}
              empty={t('noOpen')}
              filterLabel={t('name')}
            />
          </>
        )}
      </QueryState>
    </>
  );
}

function SponsorPaymentForm({
  programId,
  month,
  payable,
}: {
  programId: string;
  month: string;
  payable: number;
}) {
  const { t } = useTranslation('sembako');
  const client = useQueryClient();
  const [amount, setAmount] = useState('');
  const [receivedOn, setReceivedOn] = useState(todayWib());
  const [reference, setReference] = useState('');
  const [clientId, setClientId] = useState(() => uuidv7());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const pay = useMutation({
    mutationFn: async (body: { amount: number; receivedOn: string; reference: string }) =>
      unwrap(
        await api.POST('/api/v1/programs/{programId}/periods/{month}/sponsor-payments', {
          params: { path: { programId, month } },
          body: { id: clientId, ...body },
        }),
      ),
    onSuccess: () => {
      setClientId(uuidv7());
      setAmount('');
      setReference('');
      void client.invalidateQueries({ queryKey: ['sembako', 'recon'] });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const n = parseRupiah(amount);
    const errs: Record<string, string> = {};
    if (!n) errs.amount = t('invalidAmount');
    if (!reference.trim()) errs.reference = t('needReference');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(receivedOn)) errs.receivedOn = t('receivedOn');
    setErrors(errs);
    if (Object.keys(errs).length === 0 && n)
      pay.mutate({ amount: n, receivedOn, reference: reference.trim() });
  }
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="sponsor-title">
      <h3 id="sponsor-title">{t('sponsorTitle')}</h3>
      <p className="muted">{t('sponsorHint')}</p>
      <div className="form-row">
        <Field
          label={t('amount')}
          error={errors.amount}
          hint={`${t('payable')}: ${rupiah(payable)}`}
        >
          <input inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </Field>
        <Field label={t('receivedOn')} error={errors.receivedOn}>
          <input type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} />
        </Field>
        <Field label={t('reference')} error={errors.reference}>
          <input value={reference} maxLength={150} onChange={(e) => setReference(e.target.value)} />
        </Field>
      </div>
      <ProblemAlert error={pay.error} />
      {pay.data && (
        <Notice>
          {t('paymentRecorded', { amount: rupiah(pay.data.amount), n: pay.data.shares.length })}
        </Notice>
      )}
      <div className="actions">
        <button type="submit" disabled={pay.isPending}>
          {pay.isPending ? t('recording') : t('recordPayment')}
        </button>
      </div>
    </form>
  );
}

// ---------- roster ----------

/**
 * A CSV import: a file or pasted text, refused in words when empty, sent with `onSend`; the
 * server's problem shown. Used for the roster and the payroll office's results.
 */
function CsvImportForm({
  id,
  title,
  hint,
  submitLabel,
  run,
}: {
  id: string;
  title: string;
  hint: string;
  submitLabel: string;
  run: { mutate: (csv: string) => void; isPending: boolean; error: unknown };
}) {
  const { t } = useTranslation('sembako');
  const [file, setFile] = useState<File>();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const csv = await csvFrom(file, text);
    if (!csv.trim()) return setError(t('needCsv'));
    setError(undefined);
    run.mutate(csv);
  }
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p className="muted">{hint}</p>
      <Field label={t('csvFile')} hint={file?.name}>
        <input type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0])} />
      </Field>
      <Field label={t('csvText')}>
        <textarea rows={5} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      {error && (
        <p role="alert" className="state error">
          {error}
        </p>
      )}
      <ProblemAlert error={run.error} />
      <div className="actions">
        <button type="submit" disabled={run.isPending}>
          {run.isPending ? t('importing') : submitLabel}
        </button>
      </div>
    </form>
  );
}

type RosterResult = {
  imported: number;
  updated: number;
  rejected: { row: number; nip: string; errors: string[] }[];
};

function Roster({ ctx }: { ctx: Ctx }) {
  const { t } = useTranslation('sembako');
  const [opd, setOpd] = useState('');
  const run = useMutation({
    mutationFn: async (csv: string) =>
      postCsv<RosterResult>(
        '/api/v1/programs/{programId}/participants/import',
        { programId: ctx.programId },
        csv,
      ),
  });
  type Rejected = RosterResult['rejected'][number];
  const columns: Column<Rejected>[] = [
    { id: 'row', header: t('row'), numeric: true, accessorFn: (r) => r.row },
    { id: 'nip', header: t('nip'), accessorFn: (r) => r.nip || '—' },
    {
      id: 'errors',
      header: t('reasons'),
      enableSorting: false,
      accessorFn: (r) => r.errors.join('; '),
      cell: (c) => (
        <ul className="reason-list">
          {c.row.original.errors.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      ),
    },
  ];
  const codesUrl = `/api/v1/programs/${ctx.programId}/participants/activation-codes${
    opd.trim() ? `?opd=${encodeURIComponent(opd.trim())}` : ''
  }`;
  return (
    <>
      <CsvImportForm
        id="roster-title"
        title={t('rosterTitle')}
        hint={t('rosterHint')}
        submitLabel={t('importRoster')}
        run={run}
      />
      {run.data && (
        <>
          <Notice>
            {t('importResult', {
              imported: run.data.imported,
              updated: run.data.updated,
              rejected: run.data.rejected.length,
            })}
          </Notice>
          <h3>{t('rejectedRows')}</h3>
          <DataTable data={run.data.rejected} columns={columns} empty={t('noRejected')} />
        </>
      )}
      <h2>{t('codesTitle')}</h2>
      <p className="muted">{t('codesHint')}</p>
      <div className="form">
        <Field label={t('opd')} hint={t('opdAll')}>
          <input value={opd} onChange={(e) => setOpd(e.target.value)} />
        </Field>
        <p>
          <a href={codesUrl} download>
            {t('downloadCodes')}
          </a>
        </p>
      </div>
    </>
  );
}

// ---------- periods ----------

function Periods({ ctx }: { ctx: Ctx }) {
  const { t, i18n } = useTranslation('sembako');
  const periods = usePeriods(ctx.programId);
  const lang = i18n.language;
  type P = NonNullable<typeof periods.data>[number];
  const columns: Column<P>[] = [
    {
      id: 'month',
      header: t('month'),
      accessorFn: (p) => p.month,
      cell: (c) => monthName(c.row.original.month, lang),
    },
    {
      id: 'window',
      header: t('window'),
      accessorFn: (p) => p.orderOpensAt,
      cell: (c) =>
        `${instantWib(c.row.original.orderOpensAt, lang)} – ${instantWib(c.row.original.orderClosesAt, lang)}`,
    },
    {
      id: 'packages',
      header: t('packages'),
      enableSorting: false,
      accessorFn: (p) => p.packages.map((k) => k.name).join(', '),
      cell: (c) => (
        <ul className="reason-list">
          {c.row.original.packages.map((k) => (
            <li key={k.id}>
              <strong>{k.name}</strong>: {contentsOf(k.items, ctx.dir)} — {rupiah(k.price)} (
              {t('subsidy')} {rupiah(k.sponsorSubsidy)}, {t('toDeduct')} {rupiah(k.participantPays)}
              )
            </li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <>
      <h2>{t('periodsTitle')}</h2>
      <QueryState query={periods}>
        {(list) => (
          <DataTable
            data={list}
            columns={columns}
            empty={t('noPeriods')}
            initialSort={[{ id: 'month', desc: true }]}
          />
        )}
      </QueryState>
      <PeriodForm programId={ctx.programId} dir={ctx.dir} />
    </>
  );
}

// ---------- payroll ----------

function Payroll({ ctx }: { ctx: Ctx }) {
  return <NeedPeriod ctx={ctx}>{(month) => <PayrollOf ctx={ctx} month={month} />}</NeedPeriod>;
}

type Results = {
  recorded: number;
  rejected: number;
  results: { row: number; nip: string; status: string; errors?: string[] }[];
};

function PayrollOf({ ctx, month }: { ctx: Ctx; month: string }) {
  const { t, i18n } = useTranslation('sembako');
  const client = useQueryClient();
  const [opd, setOpd] = useState('');
  const base = `/api/v1/programs/${ctx.programId}/periods/${month}/payroll-deductions`;
  const q = (format: string) =>
    `${base}?format=${format}${opd.trim() ? `&opd=${encodeURIComponent(opd.trim())}` : ''}`;
  const run = useMutation({
    mutationFn: async (csv: string) =>
      postCsv<Results>(
        '/api/v1/programs/{programId}/periods/{month}/payroll-results',
        { programId: ctx.programId, month },
        csv,
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['sembako', 'recon'] }),
  });
  type R = Results['results'][number];
  const columns: Column<R>[] = [
    { id: 'row', header: t('row'), numeric: true, accessorFn: (r) => r.row },
    { id: 'nip', header: t('nip'), accessorFn: (r) => r.nip || '—' },
    {
      id: 'status',
      header: t('result'),
      accessorFn: (r) =>
        ['berhasil', 'gagal', 'unchanged', 'rejected'].includes(r.status) ? t(r.status) : r.status,
    },
    {
      id: 'errors',
      header: t('reasons'),
      enableSorting: false,
      accessorFn: (r) => (r.errors ?? []).join('; ') || '—',
    },
  ];
  return (
    <>
      <h2>
        {t('exportTitle')} — {monthName(month, i18n.language)}
      </h2>
      <p className="muted">{t('exportHint')}</p>
      <div className="form">
        <Field label={t('opd')} hint={t('opdAll')}>
          <input value={opd} onChange={(e) => setOpd(e.target.value)} />
        </Field>
        <p className="downloads">
          <a href={q('csv')} download>
            {t('downloadCsv')}
          </a>
          <a href={q('xlsx')} download>
            {t('downloadXlsx')}
          </a>
        </p>
      </div>
      <CsvImportForm
        id="results-title"
        title={t('resultsTitle')}
        hint={t('resultsHint')}
        submitLabel={t('importResults')}
        run={run}
      />
      {run.data && (
        <>
          <Notice>
            {t('resultsSummary', { recorded: run.data.recorded, rejected: run.data.rejected })}
          </Notice>
          <DataTable data={run.data.results} columns={columns} empty={t('noRejected')} />
        </>
      )}
    </>
  );
}

// ---------- demand and proposed deliveries ----------

function Demand({ ctx }: { ctx: Ctx }) {
  return <NeedPeriod ctx={ctx}>{(month) => <DemandOf ctx={ctx} month={month} />}</NeedPeriod>;
}

function DemandOf({ ctx, month }: { ctx: Ctx; month: string }) {
  const { t, i18n } = useTranslation('sembako');
  const { me } = useSession();
  const isHub = me?.memberships.some((m) => m.orgKind === 'hub');
  const client = useQueryClient();
  const demand = useQuery({
    queryKey: ['sembako', 'demand', ctx.programId, month],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/programs/{programId}/periods/{month}/demand', {
          params: { path: { programId: ctx.programId, month } },
        }),
      ).items,
  });
  const propose = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/programs/{programId}/periods/{month}/delivery-orders', {
          params: { path: { programId: ctx.programId, month } },
        }),
      ).items,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['sembako', 'demand'] }),
  });
  type D = NonNullable<typeof demand.data>[number];
  const name = (id: string) => ctx.dir?.cooperative.get(id) ?? id;
  const columns: Column<D>[] = [
    { id: 'coop', header: t('cooperative'), accessorFn: (d) => name(d.cooperativeId) },
    {
      id: 'product',
      header: t('product'),
      accessorFn: (d) => ctx.dir?.product.get(d.productId)?.name ?? d.productId,
    },
    { id: 'ordered', header: t('ordered'), numeric: true, accessorFn: (d) => d.ordered },
    { id: 'pickedUp', header: t('pickedUp'), numeric: true, accessorFn: (d) => d.pickedUp },
    { id: 'pending', header: t('pending'), numeric: true, accessorFn: (d) => d.pending },
  ];
  return (
    <>
      <h2>
        {t('demandTitle')} — {monthName(month, i18n.language)}
      </h2>
      <QueryState query={demand}>
        {(items) => (
          <DataTable
            data={items}
            columns={columns}
            empty={t('noDemand')}
            filterLabel={t('cooperative')}
            initialSort={[{ id: 'pending', desc: true }]}
          />
        )}
      </QueryState>
      <h2>{t('proposeTitle')}</h2>
      {isHub ? (
        <>
          <p className="muted">{t('proposeHint')}</p>
          <ProblemAlert error={propose.error} />
          <div className="actions">
            <button type="button" disabled={propose.isPending} onClick={() => propose.mutate()}>
              {propose.isPending ? t('proposing') : t('propose')}
            </button>
          </div>
          {propose.data && (
            <>
              <Notice>
                {propose.data.length === 0
                  ? t('proposedNone')
                  : t('proposed', {
                      n: propose.data.length,
                      value: rupiah(propose.data.reduce((s, d) => s + d.value, 0)),
                    })}
              </Notice>
              <ul>
                {propose.data.map((d) => (
                  <li key={d.id}>
                    <Link
                      to={`/pengiriman/${d.id}`}
                      aria-label={t('openDelivery', { coop: name(d.cooperativeId) })}
                    >
                      {name(d.cooperativeId)}
                    </Link>{' '}
                    — {rupiah(d.value)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      ) : (
        <p className="muted">{t('proposeHubOnly')}</p>
      )}
    </>
  );
}
