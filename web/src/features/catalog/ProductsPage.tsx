import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { api, unwrap } from '../../app/api.ts';
import { DataTable, type Column } from '../../ui/DataTable.tsx';
import { Field, Notice, ProblemScope, SubmitRow } from '../../ui/forms.tsx';
import { businessDate, parseRupiah, rupiah, todayWib } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { useProducts } from '../delivery/delivery-data.ts';
import './strings.ts';

const COMMODITIES = [
  'gula',
  'beras_medium',
  'beras_premium',
  'minyakita',
  'minyak_goreng',
  'tepung_terigu',
  'telur',
  'lainnya',
] as const;

type Product = NonNullable<ReturnType<typeof useProducts>['data']>[number];

/** The hub's products with today's consignment and retail prices next to the regulated ceiling; new products and dated prices. */
export function ProductsPage() {
  const { t, i18n } = useTranslation('catalog', { keyPrefix: 'products' });
  const { me } = useSession();
  const hubAdmin = me?.memberships.some((m) => m.role === 'hub_admin') ?? false;
  const products = useProducts();
  const [mode, setMode] = useState<
    { kind: 'none' } | { kind: 'create' } | { kind: 'prices'; id: string }
  >({ kind: 'none' });
  const [notice, setNotice] = useState('');

  const columns: Column<Product>[] = [
    { id: 'sku', header: t('sku'), accessorKey: 'sku' },
    {
      id: 'name',
      header: t('name'),
      accessorKey: 'name',
      cell: ({ row }) => (
        <span className="wrap">
          {row.original.name}{' '}
          <small className="muted">
            ({row.original.netContent.value} {row.original.netContent.unit} / {row.original.unit})
          </small>
        </span>
      ),
    },
    {
      id: 'commodity',
      header: t('commodity'),
      accessorFn: (p) => t(`c_${p.commodity}`, p.commodity),
    },
    {
      id: 'consignmentPrice',
      header: t('consignmentPrice'),
      accessorFn: (p) => p.consignmentPrice ?? -1,
      numeric: true,
      cell: ({ row }) =>
        row.original.consignmentPrice === null
          ? t('noPrice')
          : rupiah(row.original.consignmentPrice),
    },
    {
      id: 'retailPrice',
      header: t('retailPrice'),
      accessorFn: (p) => p.retailPrice ?? -1,
      numeric: true,
      cell: ({ row }) => {
        const p = row.original;
        if (p.retailPrice === null) return t('noPrice');
        const above = p.ceilingPrice !== null && p.retailPrice > p.ceilingPrice;
        return <span className={above ? 'warn' : undefined}>{rupiah(p.retailPrice)}</span>;
      },
    },
    {
      id: 'ceiling',
      header: t('ceiling'),
      accessorFn: (p) => p.ceilingPrice ?? -1,
      numeric: true,
      cell: ({ row }) =>
        row.original.ceilingPrice === null ? (
          t('ceilingNone')
        ) : (
          <span className="wrap">
            {rupiah(row.original.ceilingPrice)}
            {row.original.ceilingEffectiveFrom && (
              <>
                <br />
                <small>
                  {t('ceilingFrom', {
                    date: businessDate(row.original.ceilingEffectiveFrom, i18n.language),
                  })}
                </small>
              </>
            )}
            {row.original.ceilingRegulation && (
              <>
                <br />
                <small className="muted">{row.original.ceilingRegulation}</small>
              </>
            )}
          </span>
        ),
    },
    {
      id: 'actions',
      header: t('changePrices'),
      enableSorting: false,
      cell: ({ row }) => (
        <button
          type="button"
          className="secondary"
          aria-label={t('changePricesOf', { name: row.original.name })}
          onClick={() => {
            setNotice('');
            setMode({ kind: 'prices', id: row.original.id });
          }}
        >
          {t('changePrices')}
        </button>
      ),
    },
  ];

  return (
    <section>
      <div className="page-head">
        <h1>{t('title')}</h1>
        {mode.kind !== 'create' && (
          <button
            type="button"
            onClick={() => {
              setNotice('');
              setMode({ kind: 'create' });
            }}
          >
            {t('addProduct')}
          </button>
        )}
      </div>
      {notice && <Notice>{notice}</Notice>}
      <QueryState query={products}>
        {(items) => {
          const chosen = mode.kind === 'prices' ? items.find((p) => p.id === mode.id) : undefined;
          const unceiled = items.filter((p) => p.ceilingPrice === null);
          return (
            <>
              {unceiled.length > 0 && (
                <div className="caution" role="note" data-testid="no-ceiling-warning">
                  <p>
                    {t('noCeilingWarning', {
                      names: unceiled.map((p) => p.name).join(', '),
                    })}
                  </p>
                  {hubAdmin && <Link to="/het">{t('openCeilings')}</Link>}
                </div>
              )}
              {mode.kind === 'create' && (
                <CreateProductForm
                  onDone={(name) => {
                    setMode({ kind: 'none' });
                    setNotice(t('created', { name }));
                  }}
                  onClose={() => setMode({ kind: 'none' })}
                />
              )}
              {chosen && (
                <PriceForm
                  key={chosen.id}
                  product={chosen}
                  onDone={(date) => {
                    setMode({ kind: 'none' });
                    setNotice(t('pricesSaved', { name: chosen.name, date }));
                  }}
                  onClose={() => setMode({ kind: 'none' })}
                />
              )}
              <DataTable
                data={items}
                columns={columns}
                empty={t('empty')}
                filterLabel={t('filter')}
                initialSort={[{ id: 'sku', desc: false }]}
              />
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

function PriceForm({
  product,
  onDone,
  onClose,
}: {
  product: Product;
  onDone: (date: string) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('catalog', { keyPrefix: 'products' });
  const client = useQueryClient();
  const [consignment, setConsignment] = useState(
    product.consignmentPrice === null ? '' : String(product.consignmentPrice),
  );
  const [retail, setRetail] = useState(
    product.retailPrice === null ? '' : String(product.retailPrice),
  );
  const [from, setFrom] = useState(todayWib());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: async (body: {
      consignmentPrice: number;
      retailPrice: number;
      effectiveFrom: string;
    }) =>
      unwrap(
        await api.POST('/api/v1/products/{id}/prices', {
          params: { path: { id: product.id } },
          body,
        }),
      ),
    onSuccess: async (_r, body) => {
      await client.invalidateQueries({ queryKey: ['products'] });
      onDone(body.effectiveFrom);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const k = parseRupiah(consignment);
    const r = parseRupiah(retail);
    if (k === undefined) errs.consignment = t('moneyInvalid');
    if (r === undefined) errs.retail = t('moneyInvalid');
    else if (product.ceilingPrice !== null && r > product.ceilingPrice)
      errs.retail = t('aboveCeiling', {
        amount: rupiah(product.ceilingPrice),
        ref: product.ceilingRegulation ?? '',
      });
    if (k !== undefined && r !== undefined && k > r) errs.consignment = t('consignmentAboveRetail');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) errs.from = t('required');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    save.mutate({ consignmentPrice: k!, retailPrice: r!, effectiveFrom: from });
  };
  const net = `${product.netContent.value} ${product.netContent.unit}`;
  return (
    <form className="form confirm" onSubmit={submit} noValidate>
      <ProblemScope error={save.error}>
        <h2 className="wrap">{t('pricesFor', { name: product.name })}</h2>
        <p>
          {product.ceilingPrice === null ? (
            t('ceilingUnregulated')
          ) : (
            <>
              <strong>
                {t('ceilingInfo', {
                  net,
                  amount: rupiah(product.ceilingPrice),
                  unit: product.unit,
                })}
              </strong>
              {product.ceilingRegulation && (
                <>
                  <br />
                  <small className="muted wrap">{product.ceilingRegulation}</small>
                </>
              )}
            </>
          )}
        </p>
        <div className="form-row">
          <Field label={t('consignmentPrice')} error={errors.consignment} path="/consignmentPrice">
            <input
              inputMode="numeric"
              value={consignment}
              onChange={(e) => setConsignment(e.target.value)}
            />
          </Field>
          <Field
            label={t('retailPrice')}
            error={errors.retail}
            path="/retailPrice"
            hint={
              product.ceilingPrice !== null
                ? `${t('ceiling')} ${rupiah(product.ceilingPrice)}`
                : undefined
            }
          >
            <input inputMode="numeric" value={retail} onChange={(e) => setRetail(e.target.value)} />
          </Field>
          <Field label={t('effectiveFrom')} error={errors.from} path="/effectiveFrom">
            <input
              type="date"
              value={from}
              lang={i18n.language}
              onChange={(e) => setFrom(e.target.value)}
            />
          </Field>
        </div>
        <SubmitRow
          error={save.error}
          pending={save.isPending}
          label={t('savePrices')}
          busyLabel={t('saving')}
          close={{ label: t('close'), onClick: onClose }}
        />
      </ProblemScope>
    </form>
  );
}

function CreateProductForm({
  onDone,
  onClose,
}: {
  onDone: (name: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('catalog', { keyPrefix: 'products' });
  const client = useQueryClient();
  const [f, setF] = useState({
    sku: '',
    name: '',
    unit: '',
    commodity: '',
    netValue: '',
    netUnit: 'kg',
    consignment: '',
    retail: '',
    from: todayWib(),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF((x) => ({ ...x, [k]: e.target.value }));
  const save = useMutation({
    mutationFn: async (body: {
      sku: string;
      name: string;
      unit: string;
      commodity: string;
      netContent: { value: number; unit: 'g' | 'kg' | 'ml' | 'l' };
      consignmentPrice: number;
      retailPrice: number;
      effectiveFrom: string;
    }) => unwrap(await api.POST('/api/v1/products', { body })),
    onSuccess: async (p) => {
      await client.invalidateQueries({ queryKey: ['products'] });
      onDone(p.name);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    for (const k of ['sku', 'name', 'unit', 'commodity'] as const)
      if (!f[k].trim()) errs[k] = t('required');
    const net = /^\d{1,7}$/.test(f.netValue.trim()) ? Number(f.netValue) : undefined;
    if (!net) errs.netValue = t('netInvalid');
    const k = parseRupiah(f.consignment);
    const r = parseRupiah(f.retail);
    if (k === undefined) errs.consignment = t('moneyInvalid');
    if (r === undefined) errs.retail = t('moneyInvalid');
    if (k !== undefined && r !== undefined && k > r) errs.consignment = t('consignmentAboveRetail');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    save.mutate({
      sku: f.sku.trim(),
      name: f.name.trim(),
      unit: f.unit.trim(),
      commodity: f.commodity,
      netContent: { value: net!, unit: f.netUnit as 'g' | 'kg' | 'ml' | 'l' },
      consignmentPrice: k!,
      retailPrice: r!,
      effectiveFrom: f.from,
    });
  };
  return (
    <form className="form confirm" onSubmit={submit} noValidate>
      <ProblemScope error={save.error}>
        <h2>{t('newProduct')}</h2>
        <div className="form-row">
          <Field label={t('sku')} error={errors.sku} path="/sku">
            <input value={f.sku} maxLength={50} onChange={set('sku')} />
          </Field>
          <Field label={t('name')} error={errors.name} path="/name">
            <input value={f.name} maxLength={200} onChange={set('name')} />
          </Field>
          <Field label={t('unit')} error={errors.unit} path="/unit">
            <input value={f.unit} maxLength={30} onChange={set('unit')} />
          </Field>
        </div>
        <div className="form-row">
          <Field label={t('commodity')} error={errors.commodity} path="/commodity">
            <select value={f.commodity} onChange={set('commodity')}>
              <option value="">{t('choose')}</option>
              {COMMODITIES.map((c) => (
                <option key={c} value={c}>
                  {t(`c_${c}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={t('netContent')}
            error={errors.netValue}
            path={['/netContent/value', '/netContent']}
          >
            <input
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              value={f.netValue}
              onChange={set('netValue')}
            />
          </Field>
          <Field label={t('netUnit')} path="/netContent/unit">
            <select value={f.netUnit} onChange={set('netUnit')}>
              {['g', 'kg', 'ml', 'l'].map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="form-row">
          <Field label={t('consignmentPrice')} error={errors.consignment} path="/consignmentPrice">
            <input inputMode="numeric" value={f.consignment} onChange={set('consignment')} />
          </Field>
          <Field label={t('retailPrice')} error={errors.retail} path="/retailPrice">
            <input inputMode="numeric" value={f.retail} onChange={set('retail')} />
          </Field>
          <Field label={t('effectiveFrom')} path="/effectiveFrom">
            <input type="date" value={f.from} onChange={set('from')} />
          </Field>
        </div>
        <SubmitRow
          error={save.error}
          pending={save.isPending}
          label={t('createSubmit')}
          busyLabel={t('saving')}
          close={{ label: t('close'), onClick: onClose }}
        />
      </ProblemScope>
    </form>
  );
}
