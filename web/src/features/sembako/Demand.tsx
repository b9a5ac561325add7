import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { DataTable, type Column } from '../../ui/DataTable.tsx';
import { Notice, ProblemAlert } from '../../ui/forms.tsx';
import { monthName, rupiah } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import type { ProgramCtx } from './data.ts';
import { NeedPeriod } from './NeedPeriod.tsx';
import './strings.ts';

/** The demand tab: what each cooperative's participants ordered, and the hub's proposed delivery orders. */
export function Demand({ ctx }: { ctx: ProgramCtx }) {
  return <NeedPeriod ctx={ctx}>{(month) => <DemandOf ctx={ctx} month={month} />}</NeedPeriod>;
}

function DemandOf({ ctx, month }: { ctx: ProgramCtx; month: string }) {
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
                      className="doc-number"
                      to={`/pengiriman/${d.id}`}
                      aria-label={t('openDelivery', {
                        coop: name(d.cooperativeId),
                        number: d.number,
                      })}
                    >
                      {d.number}
                    </Link>{' '}
                    — {name(d.cooperativeId)} — {rupiah(d.value)}
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
