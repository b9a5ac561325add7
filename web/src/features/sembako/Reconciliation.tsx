import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { DataTable, moneyColumn, type Column } from '../../ui/DataTable.tsx';
import { monthName, rupiah } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import type { ProgramCtx } from './data.ts';
import { NeedPeriod } from './NeedPeriod.tsx';
import { OpenAmounts } from './OpenAmounts.tsx';
import { SponsorPaymentForm } from './SponsorPaymentForm.tsx';
import './participants.strings.ts';
import './strings.ts';

/** The program's overview tab: the chosen period's reconciliation and the sponsor's payment. */
export function Reconciliation({ ctx }: { ctx: ProgramCtx }) {
  return (
    <NeedPeriod ctx={ctx}>{(month) => <ReconciliationOf ctx={ctx} month={month} />}</NeedPeriod>
  );
}

function ReconciliationOf({ ctx, month }: { ctx: ProgramCtx; month: string }) {
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
  const amounts = [
    'ordered',
    'pickedUp',
    'subsidy',
    'deducted',
    'paidBySponsor',
    'payable',
    'collected',
    'open',
  ] as const;
  const columns: Column<Row>[] = [
    {
      id: 'coop',
      header: t('cooperative'),
      accessorFn: (r) => ctx.dir?.cooperative.get(r.cooperativeId) ?? r.cooperativeId,
    },
    ...amounts.map((key) => moneyColumn<Row>(key, t(key), (r) => r[key])),
  ];
  type Open = NonNullable<typeof recon.data>['openParticipants'][number];
  const openColumns: Column<Open>[] = [
    { id: 'nip', header: t('nip'), accessorFn: (r) => r.nip },
    { id: 'name', header: t('name'), accessorFn: (r) => r.name },
    { id: 'opd', header: t('opd'), accessorFn: (r) => r.opd },
    moneyColumn('due', t('due'), (r) => r.due),
    moneyColumn('deducted', t('deducted'), (r) => r.deducted),
    {
      id: 'status',
      header: t('status'),
      accessorFn: (r) => (r.status ? t(r.status) : t('statusNone')),
    },
    moneyColumn('open', t('open'), (r) => r.open),
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
            <OpenAmounts recon={r} />
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
