import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../app/api.ts';
import { LoadMore, QueryState } from '../../ui/QueryState.tsx';
import { DataTable, dateColumn, moneyColumn, type Column } from '../../ui/DataTable.tsx';
import { Field } from '../../ui/forms.tsx';
import { NumberSearch } from '../../ui/NumberSearch.tsx';
import { STATUSES, fmtQty, useCooperatives } from './delivery-data.ts';
import './strings.ts';

type Status = (typeof STATUSES)[number];

interface Row {
  id: string;
  number: string;
  cooperativeId: string;
  cooperative: string;
  orderDate: string;
  status: string;
  value: number;
  lineCount: number;
  totalQty: number;
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('delivery');
  const tone =
    status === 'draft'
      ? 'plain'
      : status === 'cancelled'
        ? 'hold'
        : status === 'received'
          ? 'ok'
          : 'plain';
  return <span className={`badge ${tone}`}>{t(`status_${status}`, status)}</span>;
}

/** Delivery orders of the hub, newest first, filtered on the server by status, cooperative and number. */
export function DeliveryList() {
  const { t, i18n } = useTranslation('delivery');
  const [status, setStatus] = useState<Status | ''>('');
  const [coopId, setCoopId] = useState('');
  const [search, setSearch] = useState('');
  const number = useDeferredValue(search.trim());
  const coops = useCooperatives();
  const orders = useInfiniteQuery({
    queryKey: ['deliveryOrders', status, coopId, number],
    placeholderData: keepPreviousData,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/v1/delivery-orders', {
          params: {
            query: {
              limit: '200',
              ...(status ? { status } : {}),
              ...(coopId ? { cooperativeId: coopId } : {}),
              ...(number ? { q: number } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
  const names = useMemo(() => new Map((coops.data ?? []).map((c) => [c.id, c.name])), [coops.data]);
  const rows: Row[] = useMemo(
    () =>
      (orders.data?.pages ?? [])
        .flatMap((p) => p.items)
        .map((o) => ({
          id: o.id,
          number: o.number,
          cooperativeId: o.cooperativeId,
          cooperative: names.get(o.cooperativeId) ?? o.cooperativeId,
          orderDate: o.orderDate,
          status: o.status,
          value: o.value,
          lineCount: o.lineCount,
          totalQty: o.totalQty,
        })),
    [orders.data, names],
  );
  const columns: Column<Row>[] = [
    {
      id: 'number',
      header: t('number'),
      accessorKey: 'number',
      cell: ({ row }) => (
        <Link className="doc-number" to={`/pengiriman/${row.original.id}`}>
          {row.original.number}
        </Link>
      ),
    },
    {
      id: 'cooperative',
      header: t('cooperative'),
      accessorKey: 'cooperative',
      cell: ({ row }) => (
        <Link to={`/pengiriman/${row.original.id}`}>{row.original.cooperative}</Link>
      ),
    },
    dateColumn('orderDate', t('orderDate'), (r) => r.orderDate, i18n.language),
    {
      id: 'status',
      header: t('translation:status'),
      accessorFn: (r) => t(`status_${r.status}`, r.status),
      cell: ({ row }) => <StatusBadge status={row.original.status} />,
    },
    moneyColumn('value', t('value'), (r) => r.value),
    {
      id: 'lines',
      header: t('lines'),
      accessorKey: 'totalQty',
      numeric: true,
      cell: ({ row }) =>
        t('linesValue', { lines: row.original.lineCount, qty: fmtQty(row.original.totalQty) }),
    },
  ];

  return (
    <section>
      <div className="page-head">
        <h1>{t('title')}</h1>
        <Link className="button" to="/pengiriman/baru">
          {t('create')}
        </Link>
      </div>
      <div className="filters">
        <NumberSearch
          label={t('searchNumber')}
          hint={t('searchNumberHint')}
          value={search}
          onChange={setSearch}
        />
        <Field label={t('translation:status')}>
          <select value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
            <option value="">{t('all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status_${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('cooperative')}>
          <select value={coopId} onChange={(e) => setCoopId(e.target.value)}>
            <option value="">{t('all')}</option>
            {(coops.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <QueryState query={orders}>
        {() => (
          <>
            <DataTable
              data={rows}
              columns={columns}
              empty={t('empty')}
              filterLabel={t('filterText')}
              initialSort={[]}
            />
            <LoadMore query={orders} label={t('loadMore')} />
          </>
        )}
      </QueryState>
    </section>
  );
}
