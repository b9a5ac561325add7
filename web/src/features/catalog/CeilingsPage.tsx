import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import type { paths } from '../../app/api-types.ts';
import { DataTable, dateColumn, moneyColumn, type Column } from '../../ui/DataTable.tsx';
import { Field, Notice, ProblemScope, SubmitRow } from '../../ui/forms.tsx';
import { businessDate, parseRupiah, rupiah, todayWib } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { PROVINCES, provinceName } from './provinces.ts';
import '../delivery/hub.css';
import './strings.ts';

/** The regulated commodities and the unit their ceiling is set per. */
const REGULATED = { gula: 'kg', beras_medium: 'kg', beras_premium: 'kg', minyakita: 'l' } as const;
type Commodity = keyof typeof REGULATED;

type Ceiling =
  paths['/api/v1/ceilings']['get']['responses'][200]['content']['application/json']['items'][number];

export function useCeilings() {
  return useQuery({
    queryKey: ['ceilings'],
    queryFn: async () => unwrap(await api.GET('/api/v1/ceilings')).items,
    staleTime: 60_000,
  });
}

/**
 * The regulated ceilings (HET/HAP), national and per province, in the server's order (by commodity,
 * the national ones first, latest first), with a form to add one from a date.
 */
export function CeilingsPage() {
  const { t, i18n } = useTranslation('catalog', { keyPrefix: 'ceilings' });
  const ceilings = useCeilings();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState('');
  const lang = i18n.language;

  const columns: Column<Ceiling>[] = [
    {
      id: 'commodity',
      header: t('commodity'),
      accessorFn: (c) => t(`c_${c.commodity}`, c.commodity),
    },
    {
      id: 'province',
      header: t('province'),
      accessorFn: (c) => (c.provinceCode ? provinceName(c.provinceCode) : t('national')),
    },
    { id: 'unit', header: t('unit'), accessorKey: 'unit' },
    moneyColumn('pricePerUnit', t('pricePerUnit'), (c) => c.pricePerUnit),
    dateColumn('effectiveFrom', t('effectiveFrom'), (c) => c.effectiveFrom, lang),
    {
      id: 'regulationRef',
      header: t('regulationRef'),
      accessorKey: 'regulationRef',
      cell: ({ row }) => <span className="wrap">{row.original.regulationRef}</span>,
    },
  ];

  return (
    <section>
      <div className="page-head">
        <h1>{t('title')}</h1>
        {!adding && (
          <button
            type="button"
            onClick={() => {
              setNotice('');
              setAdding(true);
            }}
          >
            {t('add')}
          </button>
        )}
      </div>
      <p className="muted">{t('intro')}</p>
      {notice && <Notice>{notice}</Notice>}
      {adding && (
        <CeilingForm
          onDone={(c) => {
            setAdding(false);
            setNotice(
              t('saved', {
                commodity: t(`c_${c.commodity}`, c.commodity),
                province: c.provinceCode ? provinceName(c.provinceCode) : t('national'),
                amount: rupiah(c.pricePerUnit),
                unit: c.unit,
                date: businessDate(c.effectiveFrom, lang),
              }),
            );
          }}
          onClose={() => setAdding(false)}
        />
      )}
      <QueryState query={ceilings}>
        {(items) => (
          <DataTable data={items} columns={columns} empty={t('empty')} filterLabel={t('filter')} />
        )}
      </QueryState>
    </section>
  );
}

function CeilingForm({ onDone, onClose }: { onDone: (c: Ceiling) => void; onClose: () => void }) {
  const { t, i18n } = useTranslation('catalog', { keyPrefix: 'ceilings' });
  const client = useQueryClient();
  const [f, setF] = useState({ commodity: '', province: '', price: '', from: todayWib(), ref: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF((x) => ({ ...x, [k]: e.target.value }));
  const unit = f.commodity ? REGULATED[f.commodity as Commodity] : undefined;
  const save = useMutation({
    mutationFn: async (body: {
      commodity: string;
      provinceCode?: string;
      unit: 'kg' | 'l';
      pricePerUnit: number;
      effectiveFrom: string;
      regulationRef: string;
    }) => unwrap(await api.POST('/api/v1/ceilings', { body })),
    onSuccess: async (c) => {
      await client.invalidateQueries({ queryKey: ['ceilings'] });
      await client.invalidateQueries({ queryKey: ['products'] });
      onDone(c);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!unit) errs.commodity = t('required');
    const price = parseRupiah(f.price);
    if (!price) errs.price = t('priceInvalid');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(f.from)) errs.from = t('required');
    if (!f.ref.trim()) errs.ref = t('required');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    save.mutate({
      commodity: f.commodity,
      ...(f.province ? { provinceCode: f.province } : {}),
      unit: unit!,
      pricePerUnit: price!,
      effectiveFrom: f.from,
      regulationRef: f.ref.trim(),
    });
  };
  return (
    <form className="form confirm" onSubmit={submit} noValidate>
      <ProblemScope error={save.error}>
        <h2>{t('newCeiling')}</h2>
        <div className="form-row">
          <Field
            label={t('commodity')}
            error={errors.commodity}
            path={['/commodity', '/unit']}
            hint={unit ? t('unitHint', { unit }) : undefined}
          >
            <select value={f.commodity} onChange={set('commodity')}>
              <option value="">{t('choose')}</option>
              {Object.keys(REGULATED).map((c) => (
                <option key={c} value={c}>
                  {t(`c_${c}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={t('province')}
            error={errors.province}
            path="/provinceCode"
            hint={t('provinceHint')}
          >
            <select value={f.province} onChange={set('province')}>
              <option value="">{t('national')}</option>
              {PROVINCES.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.code} — {p.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="form-row">
          <Field
            label={unit ? t('pricePerUnitOf', { unit }) : t('pricePerUnit')}
            error={errors.price}
            path="/pricePerUnit"
          >
            <input inputMode="numeric" value={f.price} onChange={set('price')} />
          </Field>
          <Field label={t('effectiveFrom')} error={errors.from} path="/effectiveFrom">
            <input type="date" value={f.from} lang={i18n.language} onChange={set('from')} />
          </Field>
        </div>
        <Field
          label={t('regulationRef')}
          error={errors.ref}
          path="/regulationRef"
          hint={t('regulationHint')}
        >
          <input value={f.ref} maxLength={300} onChange={set('ref')} />
        </Field>
        <SubmitRow
          error={save.error}
          pending={save.isPending}
          label={t('submit')}
          busyLabel={t('saving')}
          close={{ label: t('close'), onClick: onClose }}
        />
      </ProblemScope>
    </form>
  );
}
