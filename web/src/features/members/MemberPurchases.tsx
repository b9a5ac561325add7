import { useTranslation } from 'react-i18next';
import { DataTable, moneyColumn, type Column } from '../../ui/DataTable.tsx';
import { instantWib, rupiah, todayWib } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { useMemberPurchases, type Purchases } from './members-api.ts';
import './member-strings.ts';

type Purchase = Purchases['items'][number];

/** The member's purchases at the cashier this year (WIB), net of refunds and reversals. */
export function MemberPurchases({
  cooperativeId,
  memberId,
}: {
  cooperativeId: string;
  memberId: string;
}) {
  const { t, i18n } = useTranslation('members');
  const year = todayWib().slice(0, 4);
  const purchases = useMemberPurchases(cooperativeId, memberId, year);
  const columns: Column<Purchase>[] = [
    {
      id: 'occurredAt',
      header: t('purchases.when'),
      accessorKey: 'occurredAt',
      cell: ({ row }) => instantWib(row.original.occurredAt, i18n.language),
    },
    moneyColumn('amount', t('purchases.amount'), (p) => p.amount),
    {
      id: 'paymentMethod',
      header: t('purchases.method'),
      accessorFn: (p) => t(`purchases.method_${p.paymentMethod}`, p.paymentMethod),
    },
  ];
  return (
    <section className="panel" aria-labelledby="purchases-title">
      <h2 id="purchases-title">{t('purchases.title', { year })}</h2>
      <QueryState query={purchases}>
        {(p) => (
          <>
            <p>{t('purchases.summary', { count: p.count, total: rupiah(p.total) })}</p>
            <DataTable
              data={p.items}
              columns={columns}
              empty={t('purchases.empty')}
              initialSort={[{ id: 'occurredAt', desc: true }]}
              pageSize={10}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}
