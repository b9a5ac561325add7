import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../../app/api.ts';
import { useSession } from '../../../app/session.tsx';
import { DataTable, dateColumn, moneyColumn, type Column } from '../../../ui/DataTable.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { mayReverse } from '../../corrections/may-reverse.ts';
import { DeliveryReceiptCorrection } from '../../corrections/ReceiptCorrection.tsx';
import { reversalColumn, useReverseDialog } from '../../corrections/ReverseButton.tsx';
import '../strings.ts';
import '../../corrections/partial-strings.ts';

/** The cooperative's deliveries: a received one's receipt can be reversed or corrected. */
export function DeliveriesTab({ id, isHub }: { id: string; isHub: boolean }) {
  const { t, i18n } = useTranslation('cooperative');
  const { t: tc } = useTranslation('corrections');
  const { t: tp } = useTranslation('partialCorrections');
  const { me } = useSession();
  const reversal = useReverseDialog();
  const [correcting, setCorrecting] = useState<{ id: string; number: string } | null>(null);
  const mayReverseReceipts = mayReverse(me?.memberships ?? [], {
    docType: 'delivery_receipt',
    cooperativeId: id,
  });
  const q = useQuery({
    queryKey: ['deliveryOrders', id],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/delivery-orders', {
          params: { query: { cooperativeId: id, limit: '100' } },
        }),
      ),
  });
  type Row = NonNullable<typeof q.data>['items'][number];
  const columns: Column<Row>[] = [
    {
      id: 'number',
      header: t('translation:documentNumber'),
      accessorKey: 'number',
      cell: ({ row }) => <span className="doc-number">{row.original.number}</span>,
    },
    dateColumn('date', t('orderDate'), (r) => r.orderDate, i18n.language),
    {
      id: 'status',
      header: t('translation:status'),
      accessorKey: 'status',
      cell: ({ row }) => t(`status_${row.original.status}`),
    },
    moneyColumn('value', t('value'), (r) => r.value),
    {
      id: 'open',
      header: t('open'),
      enableSorting: false,
      cell: ({ row }) => (
        <Link to={isHub ? `/pengiriman/${row.original.id}` : `/koperasi/${id}/terima`}>
          {t('open')}
        </Link>
      ),
    },
    // A received delivery: its receipt can be reversed (the goods back in transit).
    reversalColumn<Row>(
      tc('column'),
      'delivery_receipt',
      (r) => `${tc('doc.delivery_receipt')} ${r.number}`,
      (r) => r.status === 'received' && mayReverseReceipts,
      reversal.open,
    ),
    {
      id: 'correct',
      header: tp('correct'),
      enableSorting: false,
      cell: ({ row }) =>
        row.original.status === 'received' &&
        mayReverseReceipts &&
        !('reversed' in row.original && row.original.reversed === true) ? (
          <button
            type="button"
            className="secondary"
            aria-label={tp('correctOf', { number: row.original.number })}
            onClick={() => setCorrecting({ id: row.original.id, number: row.original.number })}
          >
            {tp('correct')}
          </button>
        ) : null,
    },
  ];
  return (
    <>
      <h2>{t('deliveries')}</h2>
      {reversal.dialog}
      {correcting && (
        <DeliveryReceiptCorrection
          deliveryOrderId={correcting.id}
          number={correcting.number}
          onClose={() => setCorrecting(null)}
        />
      )}
      <QueryState query={q}>
        {(d) => (
          <DataTable
            data={d.items}
            columns={columns}
            empty={t('noDeliveries')}
            initialSort={[{ id: 'date', desc: true }]}
          />
        )}
      </QueryState>
    </>
  );
}
