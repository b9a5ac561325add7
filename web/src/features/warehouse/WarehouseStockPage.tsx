import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../app/api.ts';
import type { paths } from '../../app/api-types.ts';
import { DataTable, moneyColumn, type Column } from '../../ui/DataTable.tsx';
import { quantity, rupiah } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { useWarehouses } from '../settings/warehouses-data.ts';
import '../delivery/hub.css';
import './warehouse.css';
import './strings.ts';

type Stock =
  paths['/api/v1/hub/warehouses/{id}/stock']['get']['responses'][200]['content']['application/json'];
type Line = Stock['items'][number];

/** A column of units of the line's product (`1.823 pak`), sorted by the number. */
function unitsColumn(id: string, header: string, units: (l: Line) => number): Column<Line> {
  return {
    id,
    header,
    numeric: true,
    accessorFn: units,
    cell: ({ row }) => {
      const n = units(row.original);
      return (
        <span className={n < 0 ? 'unit warn' : 'unit'}>
          {quantity(n)} {row.original.unit}
        </span>
      );
    },
  };
}

/** The stock of each of the hub's warehouses: on hand, on the way, reserved, at cost. */
export function WarehouseStockPage() {
  const { t } = useTranslation('warehouse');
  const warehouses = useWarehouses();
  return (
    <section>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <QueryState query={warehouses}>
        {(list) =>
          list.length === 0 ? (
            <p className="state">{t('noWarehouse')}</p>
          ) : (
            list.map((w) => (
              <WarehouseStock key={w.id} id={w.id} name={w.name} isDefault={w.isDefault} />
            ))
          )
        }
      </QueryState>
    </section>
  );
}

function WarehouseStock({ id, name, isDefault }: { id: string; name: string; isDefault: boolean }) {
  const { t } = useTranslation('warehouse');
  const headingId = useId();
  const stock = useQuery({
    queryKey: ['warehouseStock', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/hub/warehouses/{id}/stock', { params: { path: { id } } })),
  });
  const columns: Column<Line>[] = [
    {
      id: 'product',
      header: t('product'),
      accessorFn: (l) => `${l.name} ${l.sku}`,
      cell: ({ row }) => (
        <span className="wrap">
          {row.original.name} <small className="muted">({row.original.sku})</small>
        </span>
      ),
    },
    unitsColumn('onHand', t('onHand'), (l) => l.onHand),
    unitsColumn('inTransit', t('inTransit'), (l) => l.inTransit),
    unitsColumn('reserved', t('reserved'), (l) => l.reserved),
    moneyColumn('value', t('value'), (l) => l.value),
  ];
  return (
    <section className="warehouse-stock" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {name}
        {isDefault && <small className="muted"> ({t('defaultWarehouse')})</small>}
      </h2>
      <p className="doc-links">
        <span>{t('documents')}</span>
        <Link to="/gudang/penerimaan">{t('receipts')}</Link>
        <Link to="/pengiriman">{t('deliveries')}</Link>
      </p>
      <QueryState query={stock}>
        {(s) => (
          <>
            <p className="total-line">{t('totalValue', { amount: rupiah(s.totalValue) })}</p>
            <DataTable
              data={s.items}
              columns={columns}
              empty={t('empty')}
              filterLabel={s.items.length > 10 ? t('filter') : undefined}
              pageSize={200}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}
