import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../app/api.ts';
import { useSession } from '../../../app/session.tsx';
import { DataTable, type Column } from '../../../ui/DataTable.tsx';
import { instantWib, rupiah, todayWib } from '../../../ui/format.ts';
import { QueryState } from '../../../ui/QueryState.tsx';
import { mayReverse } from '../../corrections/may-reverse.ts';
import { refundedOf } from '../../corrections/partial-api.ts';
import { RefundDialog } from '../../corrections/RefundDialog.tsx';
import { returnables, type Returnable } from '../../corrections/refund-lines.ts';
import {
  isReversed,
  reversalColumn,
  reversibleMoneyColumn,
  useReverseDialog,
} from '../../corrections/ReverseButton.tsx';
import { nameOf, useProducts } from '../products.ts';
import '../strings.ts';
import '../../corrections/partial-strings.ts';

/** The cooperative's sales: "Batalkan" a whole sale, or "Retur pembeli" for units a buyer brings back. */
export function SalesTab({ id }: { id: string }) {
  const { t, i18n } = useTranslation('cooperative');
  const { t: tc } = useTranslation('corrections');
  const { t: tp } = useTranslation('partialCorrections');
  const { me } = useSession();
  const products = useProducts();
  const reversal = useReverseDialog();
  const [refunding, setRefunding] = useState<{
    saleId: string;
    what: string;
    products: Returnable[];
  } | null>(null);
  const today = todayWib();
  // Refunds are the manager's (or the hub admin's): a cashier's rights stop at voiding its own sale.
  const mayRefund = mayReverse(me?.memberships ?? [], { docType: 'sale', cooperativeId: id });
  const q = useQuery({
    queryKey: ['sales', id],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/cooperatives/{id}/sales', {
          params: { path: { id }, query: { limit: '100' } },
        }),
      ),
  });
  type Row = NonNullable<typeof q.data>['items'][number];
  const what = (r: Row) =>
    `${tc('doc.sale')} ${instantWib(r.occurredAt, i18n.language)} ${rupiah(r.totalAmount)}`;
  const columns: Column<Row>[] = [
    {
      id: 'when',
      header: t('when'),
      accessorKey: 'occurredAt',
      cell: ({ row }) => (
        <>
          {instantWib(row.original.occurredAt, i18n.language)}
          {row.original.clockSkew && <span className="badge hold">{t('clockSkew')}</span>}
        </>
      ),
    },
    {
      id: 'items',
      header: t('items'),
      accessorFn: (s) => s.lines.reduce((n, l) => n + l.qty, 0),
      numeric: true,
    },
    {
      id: 'method',
      header: t('method'),
      accessorKey: 'paymentMethod',
      cell: ({ row }) => t(row.original.paymentMethod),
    },
    reversibleMoneyColumn<Row>('total', t('translation:total'), (r) => r.totalAmount),
    {
      id: 'refunded',
      header: tp('refundedColumn'),
      accessorFn: (r) => refundedOf(r).amount,
      numeric: true,
      cell: ({ row }) => {
        const refunded = refundedOf(row.original).amount;
        return refunded > 0 ? (
          <span className="badge">{tp('refunded', { amount: rupiah(refunded) })}</span>
        ) : null;
      },
    },
    reversalColumn<Row>(
      tc('column'),
      'sale',
      what,
      (r) =>
        mayReverse(me?.memberships ?? [], {
          docType: 'sale',
          cooperativeId: id,
          date: r.saleDate,
          today,
        }),
      reversal.open,
    ),
    {
      id: 'refund',
      header: tp('refund'),
      enableSorting: false,
      cell: ({ row }) =>
        mayRefund && !isReversed(row.original) && row.original.paymentMethod !== 'payroll' ? (
          <button
            type="button"
            className="secondary"
            aria-label={tp('refundOf', { what: what(row.original) })}
            onClick={() =>
              setRefunding({
                saleId: row.original.id,
                what: what(row.original),
                products: returnables(row.original.lines, refundedOf(row.original).byProduct, (p) =>
                  nameOf(products.data, p),
                ),
              })
            }
          >
            {tp('refund')}
          </button>
        ) : null,
    },
  ];
  return (
    <>
      <h2>{t('sales')}</h2>
      {reversal.dialog}
      {refunding && (
        <RefundDialog
          coopId={id}
          saleId={refunding.saleId}
          what={refunding.what}
          products={refunding.products}
          onClose={() => setRefunding(null)}
        />
      )}
      <QueryState query={q}>
        {(d) => <DataTable data={d.items} columns={columns} empty={t('noSales')} />}
      </QueryState>
    </>
  );
}
