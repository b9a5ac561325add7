import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api, unwrap } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { DataTable, moneyColumn, type Column } from '../../ui/DataTable.tsx';
import { ConfirmBox } from '../../ui/Confirm.tsx';
import { Field, Notice, ProblemAlert, ProblemScope } from '../../ui/forms.tsx';
import '../delivery/hub.css';
import { businessDate, monthName, rupiah, todayWib } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import './strings.ts';

/** The month before today's (WIB), `YYYY-MM`: the latest month that has ended. */
function lastMonth(): string {
  const [y, m] = todayWib().split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
}

/**
 * The server records ineligibility reasons as Indonesian sentences joined by "; " (subsidy-rules.ts);
 * each known one becomes a reason in the reader's language, anything else is shown as recorded.
 */
export function reasonWords(reason: string | null, t: TFunction<'subsidy'>, lang: string): string {
  if (!reason) return '—';
  return reason
    .split('; ')
    .map((r) => {
      if (r.startsWith('Tidak ada penjualan atau stok opname')) return t('reasonNoActivity');
      const late =
        /^Tagihan lewat jatuh tempo lebih dari (\d+) hari.*jatuh tempo (\d{4}-\d{2}-\d{2})\)$/.exec(
          r,
        );
      if (late) return t('reasonLate', { days: late[1], date: businessDate(late[2]!, lang) });
      if (r === 'Jumlah subsidi nol') return t('reasonZero');
      return r;
    })
    .join('; ');
}

/** The monthly operational subsidy: run a month (idempotent), see who got what and why not, mark transfers paid. */
export function SubsidyPage() {
  const { t, i18n } = useTranslation('subsidy');
  const { me } = useSession();
  const client = useQueryClient();
  const isAdmin = me?.memberships.some((m) => m.orgKind === 'hub' && m.role === 'hub_admin');
  const [month, setMonth] = useState(lastMonth);
  const [monthError, setMonthError] = useState<string>();
  const [selected, setSelected] = useState('');
  const [asking, setAsking] = useState<string>();
  const runs = useQuery({
    queryKey: ['subsidy', 'runs'],
    queryFn: async () => unwrap(await api.GET('/api/v1/subsidies/runs')),
  });
  useEffect(() => {
    if (!selected && runs.data?.items[0]) setSelected(runs.data.items[0].month);
  }, [runs.data, selected]);

  const run = useMutation({
    mutationFn: async (m: string) => {
      const res = await api.POST('/api/v1/subsidies/runs', { body: { month: m } });
      const data = unwrap(res);
      return { ...data, created: res.response.status === 201 };
    },
    onSuccess: async (r) => {
      setSelected(r.month);
      await client.invalidateQueries({ queryKey: ['subsidy'] });
    },
    onSettled: () => setAsking(undefined),
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!/^\d{4}-\d{2}$/.test(month) || month > lastMonth())
      return setMonthError(t('monthNotEnded'));
    setMonthError(undefined);
    run.reset();
    setAsking(month);
  }
  const r = run.data;
  const lang = i18n.language;
  return (
    <section>
      <h1>{t('title')}</h1>
      <h2>{t('runTitle')}</h2>
      {isAdmin ? (
        <form className="form" onSubmit={submit} noValidate>
          <ProblemScope error={run.error}>
            <Field label={t('month')} error={monthError} hint={t('monthHint')} path="/month">
              <input
                type="month"
                value={month}
                max={lastMonth()}
                onChange={(e) => setMonth(e.target.value)}
              />
            </Field>
            {asking ? (
              <ConfirmBox
                label={t('run')}
                message={t('confirmRun', { month: monthName(asking, lang) })}
                yes={t('yesRun')}
                busy={run.isPending}
                busyLabel={t('running')}
                onYes={() => run.mutate(asking)}
                onNo={() => setAsking(undefined)}
              />
            ) : (
              <div className="actions">
                <button type="submit">{t('run')}</button>
              </div>
            )}
            <ProblemAlert error={run.error} />
            {r && (
              <Notice>
                {r.created
                  ? t('ranNew', {
                      month: monthName(r.month, lang),
                      eligible: r.items.filter((i) => i.eligible).length,
                      ineligible: r.items.filter((i) => !i.eligible).length,
                      total: rupiah(r.items.reduce((x, i) => x + i.amount, 0)),
                    })
                  : r.newGrants
                    ? t('ranAgainNew', { month: monthName(r.month, lang), added: r.newGrants })
                    : t('ranAgain', { month: monthName(r.month, lang) })}
              </Notice>
            )}
          </ProblemScope>
        </form>
      ) : (
        <p className="state">{t('runOnlyAdmin')}</p>
      )}
      <h2>{t('runsTitle')}</h2>
      <QueryState query={runs}>
        {(list) =>
          list.items.length === 0 ? (
            <p className="state">{t('noRuns')}</p>
          ) : (
            <>
              <Field label={t('chooseRun')}>
                <select value={selected} onChange={(e) => setSelected(e.target.value)}>
                  {list.items.map((x) => (
                    <option key={x.id} value={x.month}>
                      {monthName(x.month, lang)}
                    </option>
                  ))}
                </select>
              </Field>
              {selected && <RunDetail month={selected} />}
            </>
          )
        }
      </QueryState>
    </section>
  );
}

function RunDetail({ month }: { month: string }) {
  const { t, i18n } = useTranslation('subsidy');
  const lang = i18n.language;
  /** One cooperative's subsidy, or (with `count`) every one still waiting in the month. */
  const [paying, setPaying] = useState<{
    id: string;
    coop: string;
    name: string;
    amount: number;
    count?: number;
  }>();
  const [done, setDone] = useState<string>();
  const query = useQuery({
    queryKey: ['subsidy', 'run', month],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/subsidies/runs/{month}', { params: { path: { month } } })),
  });
  type Grant = NonNullable<typeof query.data>['items'][number];
  const statusOf = (g: Grant) =>
    g.status === 'paid'
      ? t('statusPaid', {
          date: g.settledOn ? businessDate(g.settledOn, lang) : '',
          ref: g.paidReference ?? '',
        })
      : g.status === 'netted'
        ? t('statusNetted', { date: g.settledOn ? businessDate(g.settledOn, lang) : '' })
        : g.status === 'accrued'
          ? t('statusAccrued')
          : t('statusIneligible');
  const columns: Column<Grant>[] = [
    { id: 'coop', header: t('cooperative'), accessorFn: (g) => g.cooperativeName },
    {
      id: 'eligible',
      header: t('eligible'),
      accessorFn: (g) => (g.eligible ? t('yes') : t('no')),
      cell: (c) =>
        c.row.original.eligible ? t('yes') : <span className="badge hold">{t('no')}</span>,
    },
    {
      id: 'reason',
      header: t('reason'),
      accessorFn: (g) => reasonWords(g.reason, t, lang),
    },
    {
      id: 'days',
      header: t('activeDays'),
      numeric: true,
      accessorFn: (g) => g.activeDays,
      cell: (c) => `${c.row.original.activeDays}/${c.row.original.daysInMonth}`,
    },
    moneyColumn('amount', t('amount'), (g) => g.amount),
    {
      id: 'mode',
      header: t('mode'),
      accessorFn: (g) => (g.mode === 'net' ? t('modeNet') : t('modePayout')),
    },
    { id: 'status', header: t('status'), accessorFn: statusOf },
    {
      id: 'action',
      header: t('action'),
      enableSorting: false,
      cell: (c) =>
        c.row.original.status === 'accrued' ? (
          <button
            type="button"
            className="secondary"
            aria-label={t('markPaidOf', { coop: c.row.original.cooperativeName })}
            onClick={() => {
              setDone(undefined);
              setPaying({
                id: c.row.original.id,
                coop: c.row.original.orgId,
                name: c.row.original.cooperativeName,
                amount: c.row.original.amount,
              });
            }}
          >
            {t('markPaid')}
          </button>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <QueryState query={query}>
      {(d) => {
        const sum = (f: (g: Grant) => boolean) =>
          d.items.filter(f).reduce((x, g) => x + g.amount, 0);
        return (
          <>
            <dl className="aging">
              {(
                [
                  ['eligibleCount', String(d.items.filter((g) => g.eligible).length)],
                  ['ineligibleCount', String(d.items.filter((g) => !g.eligible).length)],
                  ['totalAmount', rupiah(sum(() => true))],
                  ['paidOut', rupiah(sum((g) => g.status === 'paid'))],
                  ['netted', rupiah(sum((g) => g.status === 'netted'))],
                  ['unpaid', rupiah(sum((g) => g.status === 'accrued'))],
                ] as const
              ).map(([label, value]) => (
                <div key={label}>
                  <dt>{t(label)}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
            {done && <Notice>{done}</Notice>}
            {!paying && d.items.filter((g) => g.status === 'accrued').length > 1 && (
              <div className="actions">
                <button
                  type="button"
                  onClick={() =>
                    setPaying({
                      id: '',
                      coop: '',
                      name: '',
                      amount: sum((g) => g.status === 'accrued'),
                      count: d.items.filter((g) => g.status === 'accrued').length,
                    })
                  }
                >
                  {t('markAllPaid', {
                    count: d.items.filter((g) => g.status === 'accrued').length,
                  })}
                </button>
              </div>
            )}
            {paying && (
              <MarkPaidForm
                month={month}
                grant={paying}
                onClose={(message) => {
                  setPaying(undefined);
                  if (message) setDone(message);
                }}
              />
            )}
            <DataTable
              data={d.items}
              columns={columns}
              empty={t('noItems')}
              filterLabel={t('filter')}
              pageSize={25}
            />
          </>
        );
      }}
    </QueryState>
  );
}

function MarkPaidForm({
  month,
  grant,
  onClose,
}: {
  month: string;
  grant: { coop: string; name: string; amount: number; count?: number };
  onClose: (message?: string) => void;
}) {
  const batch = grant.count !== undefined;
  const { t } = useTranslation('subsidy');
  const client = useQueryClient();
  const [reference, setReference] = useState('');
  const [paidOn, setPaidOn] = useState(todayWib());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: async () => {
      const body = { reference: reference.trim(), paidOn };
      if (!batch) {
        unwrap(
          await api.POST('/api/v1/cooperatives/{id}/subsidies/{month}/paid', {
            params: { path: { id: grant.coop, month } },
            body,
          }),
        );
        return t('markedPaid', { coop: grant.name, ref: body.reference });
      }
      const r = unwrap(
        await api.POST('/api/v1/subsidies/runs/{month}/paid', {
          params: { path: { month } },
          body,
        }),
      );
      return t('markedAllPaid', { count: r.paid, amount: rupiah(r.total), ref: body.reference });
    },
    onSuccess: async (message) => {
      await client.invalidateQueries({ queryKey: ['subsidy'] });
      onClose(message);
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!reference.trim()) next.reference = t('refRequired');
    if (paidOn > todayWib()) next.paidOn = t('futureDate');
    setErrors(next);
    if (Object.keys(next).length === 0) mutation.mutate();
  }
  return (
    <form className="form card" onSubmit={submit} noValidate>
      <ProblemScope error={mutation.error}>
        <h3>
          {batch
            ? t('markAllPaidTitle', { count: grant.count, amount: rupiah(grant.amount) })
            : t('markPaidTitle', { coop: grant.name, amount: rupiah(grant.amount) })}
        </h3>
        {batch && <p>{t('markAllPaidHint')}</p>}
        <div className="form-row">
          <Field
            label={t('transferRef')}
            error={errors.reference}
            hint={t('transferRefHint')}
            path="/reference"
          >
            <input
              maxLength={200}
              value={reference}
              onChange={(e) => setReference(e.target.value)}
              autoFocus
            />
          </Field>
          <Field label={t('paidOn')} error={errors.paidOn} path="/paidOn">
            <input
              type="date"
              max={todayWib()}
              value={paidOn}
              onChange={(e) => setPaidOn(e.target.value)}
            />
          </Field>
        </div>
        <div className="actions">
          <button type="submit" disabled={mutation.isPending}>
            {mutation.isPending ? t('saving') : t('save')}
          </button>
          <button type="button" className="secondary" onClick={() => onClose()}>
            {t('cancel')}
          </button>
        </div>
        <ProblemAlert error={mutation.error} />
      </ProblemScope>
    </form>
  );
}
