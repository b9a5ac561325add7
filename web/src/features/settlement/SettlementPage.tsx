import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { DataTable, dateColumn, moneyColumn, type Column } from '../../ui/DataTable.tsx';
import { ConfirmBox } from '../../ui/Confirm.tsx';
import { Field, Notice, ProblemAlert, ProblemScope } from '../../ui/forms.tsx';
import '../delivery/hub.css';
import { businessDate, rupiah, todayWib } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { AgingList, BUCKETS, type AgingBuckets } from './AgingList.tsx';
import { Part } from './Part.tsx';
import { NetworkStatements } from './NetworkStatements.tsx';
import { PaymentForm } from './PaymentForm.tsx';
import './strings.ts';

/** The last day of the month before today's (WIB): the period a hub usually closes. */
function lastMonthEnd(): string {
  const [y, m] = todayWib().split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
}

/** The hub's settlement desk: close a period, record payments, the network's aging and statements. */
export function SettlementPage() {
  const { t } = useTranslation('settlement');
  const { me } = useSession();
  const isAdmin = me?.memberships.some((m) => m.orgKind === 'hub' && m.role === 'hub_admin');
  const aging = useQuery({
    queryKey: ['settlement', 'aging'],
    queryFn: async () => unwrap(await api.GET('/api/v1/settlements/aging')),
  });
  const cooperatives = useMemo(
    () => (aging.data?.items ?? []).map((c) => ({ id: c.cooperativeId, name: c.cooperativeName })),
    [aging.data],
  );
  return (
    <section>
      <h1>{t('settlementTitle')}</h1>
      <Part id="close" title={t('closeTitle')}>
        {isAdmin ? (
          <ClosePeriodForm cooperatives={cooperatives} />
        ) : (
          <p className="state">{t('closeOnlyAdmin')}</p>
        )}
      </Part>
      <Part id="pay" title={t('payTitle')}>
        <PaymentForm cooperatives={cooperatives} />
      </Part>
      <Part id="aging" title={t('agingTitle')}>
        <QueryState query={aging}>{(a) => <NetworkAging data={a} />}</QueryState>
      </Part>
      <Part id="statements" title={t('networkStatements')}>
        <NetworkStatements />
      </Part>
    </section>
  );
}

function ClosePeriodForm({ cooperatives }: { cooperatives: { id: string; name: string }[] }) {
  const { t, i18n } = useTranslation('settlement');
  const client = useQueryClient();
  const [periodEnd, setPeriodEnd] = useState(lastMonthEnd);
  const [coop, setCoop] = useState('');
  const [error, setError] = useState<string>();
  const [asking, setAsking] = useState<{ periodEnd: string; cooperativeId?: string }>();
  const mutation = useMutation({
    mutationFn: async (input: { periodEnd: string; cooperativeId?: string }) => {
      // What was issued before, to tell new statements from ones a repeated close returns again.
      const before = unwrap(
        await api.GET('/api/v1/settlements/statements', {
          params: { query: { periodEnd: input.periodEnd } },
        }),
      );
      const res = unwrap(await api.POST('/api/v1/settlements/close', { body: input }));
      const known = new Set(before.items.map((s) => s.id));
      return {
        periodEnd: input.periodEnd,
        statements: res.statements.map((s) => ({ ...s, fresh: !known.has(s.id) })),
      };
    },
    onSuccess: () => client.invalidateQueries(),
    onSettled: () => setAsking(undefined),
  });
  const names = new Map(cooperatives.map((c) => [c.id, c.name]));
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!periodEnd) return setError(t('required', { ns: 'translation' }));
    if (periodEnd >= todayWib()) return setError(t('futureDate'));
    setError(undefined);
    mutation.reset();
    setAsking({ periodEnd, ...(coop ? { cooperativeId: coop } : {}) });
  }
  const r = mutation.data;
  type Issued = NonNullable<typeof r>['statements'][number];
  const columns: Column<Issued>[] = [
    {
      id: 'number',
      header: t('number'),
      accessorKey: 'number',
      cell: (c) => <span className="doc-number">{c.row.original.number}</span>,
    },
    {
      id: 'coop',
      header: t('cooperative'),
      accessorFn: (s) => names.get(s.cooperativeId) ?? s.cooperativeId,
    },
    moneyColumn('closing', t('closingBalance'), (s) => s.closingBalance),
    dateColumn('due', t('dueDate'), (s) => s.dueDate, i18n.language),
    {
      id: 'fresh',
      header: t('status'),
      accessorFn: (s) => (s.fresh ? t('issued') : t('idempotentShort')),
    },
  ];
  return (
    <>
      <form className="form" onSubmit={submit} noValidate>
        <ProblemScope error={mutation.error}>
          <div className="form-row">
            <Field label={t('periodEnd')} error={error} hint={t('periodEndHint')} path="/periodEnd">
              <input
                type="date"
                value={periodEnd}
                max={todayWib()}
                onChange={(e) => setPeriodEnd(e.target.value)}
              />
            </Field>
            <Field label={t('cooperativeOptional')} path="/cooperativeId">
              <select value={coop} onChange={(e) => setCoop(e.target.value)}>
                <option value="">{t('allCooperatives')}</option>
                {cooperatives.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          {asking ? (
            <ConfirmBox
              label={t('closeButton')}
              message={t('confirmClose', {
                date: businessDate(asking.periodEnd, i18n.language),
                scope: asking.cooperativeId
                  ? (names.get(asking.cooperativeId) ?? '')
                  : cooperatives.length
                    ? t('allCount', { count: cooperatives.length })
                    : t('allParticipants'),
              })}
              yes={t('yesClose')}
              busy={mutation.isPending}
              busyLabel={t('closing')}
              onYes={() => mutation.mutate(asking)}
              onNo={() => setAsking(undefined)}
            />
          ) : (
            <div className="actions">
              <button type="submit">{t('closeButton')}</button>
            </div>
          )}
          <ProblemAlert error={mutation.error} />
        </ProblemScope>
      </form>
      {r &&
        (r.statements.length === 0 ? (
          <Notice>{t('noneToClose', { date: businessDate(r.periodEnd, i18n.language) })}</Notice>
        ) : (
          <>
            <Notice>
              {t('closedResult', {
                count: r.statements.length,
                date: businessDate(r.periodEnd, i18n.language),
                total: rupiah(r.statements.reduce((x, s) => x + s.closingBalance, 0)),
                fresh: r.statements.filter((s) => s.fresh).length,
                again: r.statements.filter((s) => !s.fresh).length,
              })}{' '}
              {t('idempotentNote')}
            </Notice>
            <details>
              <summary>{t('showStatements', { count: r.statements.length })}</summary>
              <DataTable
                data={r.statements}
                columns={columns}
                empty={t('noStatements')}
                pageSize={10}
              />
            </details>
          </>
        ))}
    </>
  );
}

type AgingData = {
  asOf: string;
  items: {
    cooperativeId: string;
    cooperativeName: string;
    balanceDue: number;
    overdueAmount: number;
    onHold: boolean;
    aging: AgingBuckets;
  }[];
  totals: { balanceDue: number; overdueAmount: number; aging: AgingBuckets };
};

function NetworkAging({ data }: { data: AgingData }) {
  const { t, i18n } = useTranslation('settlement');
  type Row = AgingData['items'][number];
  const columns: Column<Row>[] = [
    {
      id: 'coop',
      header: t('cooperative'),
      accessorFn: (r) => r.cooperativeName,
      cell: (c) => (
        <span>
          {c.row.original.cooperativeName}{' '}
          {c.row.original.onHold && <span className="badge hold">{t('onHold')}</span>}
        </span>
      ),
    },
    moneyColumn('balance', t('balanceDue'), (r) => r.balanceDue),
    ...BUCKETS.map((b) => moneyColumn<Row>(b.key, t(b.label), (r) => r.aging[b.key])),
  ];
  return (
    <>
      <p>
        <strong>{t('agingTotals')}</strong>{' '}
        <span className="muted">({businessDate(data.asOf, i18n.language)})</span>
      </p>
      <div className="cards">
        <div className="card">
          <span>{t('balanceDue')}</span>
          <strong>{rupiah(data.totals.balanceDue)}</strong>
        </div>
        <div className={`card${data.totals.overdueAmount > 0 ? ' warn' : ''}`}>
          <span>{t('overdue')}</span>
          <strong>{rupiah(data.totals.overdueAmount)}</strong>
        </div>
      </div>
      <AgingList aging={data.totals.aging} />
      <DataTable
        data={data.items}
        columns={columns}
        empty={t('noStatements')}
        filterLabel={t('filterCooperative')}
        initialSort={[{ id: 'balance', desc: true }]}
        pageSize={10}
      />
    </>
  );
}
