import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { v7 } from 'uuid';
import { api, unwrap } from '../../app/api.ts';
import { DataTable, dateColumn, type Column } from '../../ui/DataTable.tsx';
import { Field, ProblemScope, SubmitRow } from '../../ui/forms.tsx';
import { NumberSearch } from '../../ui/NumberSearch.tsx';
import { parseRupiah, rupiah, todayWib, parseQuantity } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { useSession } from '../../app/session.tsx';
import { mayReverse } from '../corrections/may-reverse.ts';
import {
  reversalColumn,
  reversibleMoneyColumn,
  useReverseDialog,
} from '../corrections/ReverseButton.tsx';
import { useProducts } from '../delivery/delivery-data.ts';
import { useWarehouses } from '../settings/warehouses-data.ts';
import './strings.ts';

interface Line {
  key: string;
  productId: string;
  qty: string;
  unitCost: string;
}
const newLine = (): Line => ({ key: v7(), productId: '', qty: '', unitCost: '' });
const qtyOf = parseQuantity;

interface Row {
  id: string;
  number: string;
  warehouseId: string;
  receiptDate: string;
  supplierName: string;
  totalCost: number;
  reversed?: boolean;
}

/** The hub's goods receipts (supplier → warehouse at cost) and a form to record one. */
export function GoodsReceiptsPage() {
  const { t, i18n } = useTranslation('catalog', { keyPrefix: 'receipts' });
  const { t: tc } = useTranslation('corrections');
  const { me } = useSession();
  const mayReverseReceipts = mayReverse(me?.memberships ?? [], { docType: 'goods_receipt' });
  const reversal = useReverseDialog();
  const client = useQueryClient();
  const products = useProducts();
  const warehouses = useWarehouses();
  const [search, setSearch] = useState('');
  const number = useDeferredValue(search.trim());
  const receipts = useInfiniteQuery({
    queryKey: ['goodsReceipts', number],
    placeholderData: keepPreviousData,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/v1/goods-receipts', {
          params: {
            query: {
              limit: '100',
              ...(number ? { q: number } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
  const [warehouseId, setWarehouseId] = useState('');
  const [supplier, setSupplier] = useState('');
  const [date, setDate] = useState('');
  const [lines, setLines] = useState<Line[]>([newLine()]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [receiptId, setReceiptId] = useState(() => v7());
  const [saved, setSaved] = useState('');

  const total = lines.reduce((s, l) => s + (qtyOf(l.qty) ?? 0) * (parseRupiah(l.unitCost) ?? 0), 0);
  const save = useMutation({
    mutationFn: async (body: {
      warehouseId?: string;
      supplierName: string;
      date?: string;
      lines: { productId: string; qty: number; unitCost: number }[];
    }) => unwrap(await api.POST('/api/v1/goods-receipts', { body: { id: receiptId, ...body } })),
    onMutate: () => setSaved(''),
    onSuccess: async (r, body) => {
      setSaved(
        t('saved', { number: r.number, supplier: body.supplierName, total: rupiah(r.totalCost) }),
      );
      setSupplier('');
      setDate('');
      setLines([newLine()]);
      setReceiptId(v7());
      await client.invalidateQueries({ queryKey: ['goodsReceipts'] });
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!supplier.trim()) errs.supplier = t('required');
    if (date && date > todayWib()) errs.date = t('dateFuture');
    const seen = new Set<string>();
    const out: { productId: string; qty: number; unitCost: number }[] = [];
    lines.forEach((l) => {
      const q = qtyOf(l.qty);
      const c = parseRupiah(l.unitCost);
      if (!l.productId) errs[`${l.key}.product`] = t('required');
      else if (seen.has(l.productId)) errs[`${l.key}.product`] = t('duplicate');
      seen.add(l.productId);
      if (q === undefined || q <= 0) errs[`${l.key}.qty`] = t('qtyInvalid');
      if (c === undefined) errs[`${l.key}.cost`] = t('costInvalid');
      if (l.productId && q && c !== undefined)
        out.push({ productId: l.productId, qty: q, unitCost: c });
    });
    setErrors(errs);
    if (Object.keys(errs).length) return;
    save.mutate({
      ...(warehouseId ? { warehouseId } : {}),
      supplierName: supplier.trim(),
      ...(date ? { date } : {}),
      lines: out,
    });
  };
  const setLine = (key: string, patch: Partial<Line>) =>
    setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  const rows: Row[] = useMemo(
    () => (receipts.data?.pages ?? []).flatMap((p) => p.items),
    [receipts.data],
  );
  const warehouseNames = new Map((warehouses.data ?? []).map((w) => [w.id, w.name]));
  const columns: Column<Row>[] = [
    {
      id: 'number',
      header: t('number'),
      accessorKey: 'number',
      cell: ({ row }) => <span className="doc-number">{row.original.number}</span>,
    },
    dateColumn('receiptDate', t('date'), (r) => r.receiptDate, i18n.language),
    {
      id: 'warehouse',
      header: t('warehouse'),
      accessorFn: (r) => warehouseNames.get(r.warehouseId) ?? '',
    },
    { id: 'supplierName', header: t('supplier'), accessorKey: 'supplierName' },
    reversibleMoneyColumn<Row>('totalCost', t('totalCost'), (r) => r.totalCost),
    reversalColumn<Row>(
      tc('column'),
      'goods_receipt',
      (r) => `${tc('doc.goods_receipt')} ${r.number} ${rupiah(r.totalCost)}`,
      () => mayReverseReceipts,
      reversal.open,
    ),
  ];

  return (
    <section>
      <h1>{t('title')}</h1>
      <h2>{t('formTitle')}</h2>
      <QueryState query={products}>
        {(items) => (
          <form className="form" onSubmit={submit} noValidate>
            <ProblemScope error={save.error}>
              {warehouses.data?.length === 0 && (
                <p className="caution" role="status">
                  {t('noWarehouse')} <Link to="/pengaturan">{t('addWarehouse')}</Link>
                </p>
              )}
              {warehouses.data && warehouses.data.length > 1 && (
                <Field label={t('warehouse')} path="/warehouseId">
                  <select value={warehouseId} onChange={(e) => setWarehouseId(e.target.value)}>
                    {warehouses.data.map((w) => (
                      <option key={w.id} value={w.isDefault ? '' : w.id}>
                        {w.isDefault ? t('warehouseMain', { name: w.name }) : w.name}
                      </option>
                    ))}
                  </select>
                </Field>
              )}
              <div className="form-row">
                <Field label={t('supplier')} error={errors.supplier} path="/supplierName">
                  <input
                    value={supplier}
                    maxLength={200}
                    onChange={(e) => setSupplier(e.target.value)}
                  />
                </Field>
                <Field label={t('date')} error={errors.date} path="/date" hint={t('dateHint')}>
                  <input
                    type="date"
                    value={date}
                    max={todayWib()}
                    onChange={(e) => setDate(e.target.value)}
                  />
                </Field>
              </div>
              {lines.map((l, i) => (
                <fieldset className="line-card" key={l.key}>
                  <Field
                    label={t('productN', { n: i + 1 })}
                    error={errors[`${l.key}.product`]}
                    path={[`/lines/${i}/productId`, `/lines/${i}`]}
                  >
                    <select
                      value={l.productId}
                      onChange={(e) => setLine(l.key, { productId: e.target.value })}
                    >
                      <option value="">{t('choose')}</option>
                      {items.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.sku} — {p.name}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <div className="form-row">
                    <Field
                      label={t('qtyN', { n: i + 1 })}
                      error={errors[`${l.key}.qty`]}
                      path={`/lines/${i}/qty`}
                    >
                      <input
                        type="number"
                        inputMode="numeric"
                        min={1}
                        step={1}
                        value={l.qty}
                        onChange={(e) => setLine(l.key, { qty: e.target.value })}
                      />
                    </Field>
                    <Field
                      label={t('costN', { n: i + 1 })}
                      error={errors[`${l.key}.cost`]}
                      path={`/lines/${i}/unitCost`}
                    >
                      <input
                        inputMode="numeric"
                        value={l.unitCost}
                        onChange={(e) => setLine(l.key, { unitCost: e.target.value })}
                      />
                    </Field>
                  </div>
                  {lines.length > 1 && (
                    <div className="actions">
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}
                      >
                        {t('removeN', { n: i + 1 })}
                      </button>
                    </div>
                  )}
                </fieldset>
              ))}
              <div className="actions">
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setLines((ls) => [...ls, newLine()])}
                >
                  {t('addLine')}
                </button>
              </div>
              <p className="total-line" aria-live="polite">
                {t('totalCost')}: <strong>{rupiah(total)}</strong>
              </p>
              <SubmitRow
                error={save.error}
                notice={saved}
                pending={save.isPending}
                label={t('submit')}
                busyLabel={t('saving')}
              />
            </ProblemScope>
          </form>
        )}
      </QueryState>
      <h2>{t('listTitle')}</h2>
      {reversal.dialog}
      <div className="filters">
        <NumberSearch
          label={t('searchNumber')}
          hint={t('searchNumberHint')}
          value={search}
          onChange={setSearch}
        />
      </div>
      <QueryState query={receipts}>
        {() => (
          <>
            <DataTable data={rows} columns={columns} empty={t('empty')} filterLabel={t('filter')} />
            {receipts.hasNextPage && (
              <button
                type="button"
                className="secondary"
                disabled={receipts.isFetchingNextPage}
                onClick={() => void receipts.fetchNextPage()}
              >
                {t('loadMore')}
              </button>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
