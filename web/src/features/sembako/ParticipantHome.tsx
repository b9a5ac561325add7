import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { DataTable, moneyColumn, type Column } from '../../ui/DataTable.tsx';
import { monthName, rupiah } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { useDirectory, usePeriods, usePrograms } from './data.ts';
import { OrderCard, type Order } from './OrderCard.tsx';
import { OrderSection } from './OrderSection.tsx';
import './participants.strings.ts';
import './strings.ts';
import './sembako.css';

/** The civil servant's page: this period's packages and the order form, their orders with pickup codes, their deductions. */
export function ParticipantHome() {
  const { t, i18n } = useTranslation('sembako');
  const { me } = useSession();
  const client = useQueryClient();
  const programs = usePrograms();
  const program = programs.data?.[0];
  const programId = program?.id;
  const periods = usePeriods(programId);
  const dir = useDirectory(programId);
  const nip = me?.email.split('@')[0] ?? '';
  const orders = useQuery({
    queryKey: ['sembako', 'myOrders', programId],
    enabled: !!programId,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/programs/{programId}/my/orders', {
          params: { path: { programId: programId! } },
        }),
      ).items as Order[],
  });
  const deductions = useQuery({
    queryKey: ['sembako', 'myDeductions', programId],
    enabled: !!programId,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/programs/{programId}/my/deductions', {
          params: { path: { programId: programId! } },
        }),
      ).items,
  });
  const now = new Date().toISOString();
  const period =
    periods.data?.find((p) => p.orderOpensAt <= now && now < p.orderClosesAt) ?? periods.data?.[0];
  const lang = i18n.language;

  type Deduction = NonNullable<typeof deductions.data>[number];
  /** What became of a month's deduction: carried into a later salary, owed or paid in cash, deducted later. */
  const deductionNote = (d: Deduction) =>
    [
      d.carriedTo && t('carriedTo', { month: monthName(d.carriedTo, lang) }),
      d.owedAtPickup > 0 && t('owedAtPickup', { amount: rupiah(d.owedAtPickup) }),
      d.collectedInCash > 0 && t('paidInCash', { amount: rupiah(d.collectedInCash) }),
      d.deductedIn &&
        d.deductedIn !== d.month &&
        t('deductedIn', { month: monthName(d.deductedIn, lang) }),
    ]
      .filter(Boolean)
      .join('; ') || '—';
  const deductionColumns: Column<Deduction>[] = [
    {
      id: 'month',
      header: t('period'),
      accessorFn: (d) => d.month,
      cell: (c) => monthName(c.row.original.month, lang),
    },
    moneyColumn('due', t('amountDue'), (d) => d.amountDue),
    moneyColumn('deducted', t('amountDeducted'), (d) => d.amountDeducted),
    {
      id: 'status',
      header: t('status'),
      accessorFn: (d) => (d.status ? t(d.status) : t('statusNone')),
    },
    moneyColumn('open', t('open'), (d) => d.open),
    {
      id: 'note',
      header: t('note'),
      enableSorting: false,
      accessorFn: (d) => deductionNote(d),
    },
  ];

  return (
    <section>
      <h1>{t('asnTitle')}</h1>
      {me && (
        <p className="muted">
          {me.name} · {t('nip')} {nip}
        </p>
      )}
      <QueryState query={programs}>
        {(list) =>
          list.length === 0 ? (
            <p className="state">{t('noProgram')}</p>
          ) : (
            <>
              <QueryState query={periods}>
                {() =>
                  period ? (
                    <OrderSection
                      programId={programId!}
                      nip={nip}
                      period={period}
                      dir={dir.data}
                      lastPickup={orders.data?.[0]?.pickupCooperativeName}
                      onPlaced={() =>
                        void client.invalidateQueries({ queryKey: ['sembako', 'myOrders'] })
                      }
                    />
                  ) : (
                    <p className="state">{t('noPeriods')}</p>
                  )
                }
              </QueryState>
              <h2>{t('myOrders')}</h2>
              <QueryState query={orders}>
                {(items) =>
                  items.length === 0 ? (
                    <p className="state">{t('noOrders')}</p>
                  ) : (
                    <ul className="order-list">
                      {items.map((o) => (
                        <OrderCard key={o.id} programId={programId!} order={o} />
                      ))}
                    </ul>
                  )
                }
              </QueryState>
              <h2>{t('myDeductions')}</h2>
              <QueryState query={deductions}>
                {(items) => (
                  <DataTable data={items} columns={deductionColumns} empty={t('noDeductions')} />
                )}
              </QueryState>
            </>
          )
        }
      </QueryState>
    </section>
  );
}
