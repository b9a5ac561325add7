import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import { Field, Notice, ProblemAlert, ProblemScope } from '../../ui/forms.tsx';
import { monthName, parseRupiah, rupiah, parseQuantity } from '../../ui/format.ts';
import type { Directory } from './data.ts';
import './strings.ts';
import './sembako.css';

interface ItemDraft {
  productId: string;
  qty: string;
}
interface PackageDraft {
  name: string;
  price: string;
  subsidy: string;
  items: ItemDraft[];
}

const emptyPackage = (): PackageDraft => ({
  name: '',
  price: '',
  subsidy: '0',
  items: [{ productId: '', qty: '1' }],
});

/** `YYYY-MM-DDTHH:mm` typed in WIB as an instant. */
const wibInstant = (local: string) => new Date(`${local}:00+07:00`).toISOString();

/**
 * A new period: its month, ordering window (WIB) and packages with their items, price and sponsor
 * subsidy. The server checks each package against the regulated ceilings (`PriceAboveCeiling`).
 */
export function PeriodForm({ programId, dir }: { programId: string; dir: Directory | undefined }) {
  const { t, i18n } = useTranslation('sembako');
  const client = useQueryClient();
  const [month, setMonth] = useState('');
  const [opens, setOpens] = useState('');
  const [closes, setCloses] = useState('');
  const [packages, setPackages] = useState<PackageDraft[]>([emptyPackage()]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: async (body: Parameters<typeof send>[0]) => send(body),
    onSuccess: () => {
      setPackages([emptyPackage()]);
      void client.invalidateQueries({ queryKey: ['sembako', 'periods'] });
    },
    // A package the server refuses (above the ceilings of its items) marks its own price field.
    onError: (e) => {
      const fields: Record<string, string> = {};
      for (const d of (e as { problem?: { errors?: { path?: string }[] } }).problem?.errors ?? []) {
        const m = /^\/packages\/(\d+)\/price$/.exec(d.path ?? '');
        if (m) fields[`p${m[1]}.price`] = t('priceAboveCeiling');
      }
      if (Object.keys(fields).length) setErrors((prev) => ({ ...prev, ...fields }));
    },
  });
  async function send(body: {
    month: string;
    orderOpensAt: string;
    orderClosesAt: string;
    packages: {
      name: string;
      price: number;
      sponsorSubsidy: number;
      items: { productId: string; qty: number }[];
    }[];
  }) {
    return unwrap(
      await api.POST('/api/v1/programs/{programId}/periods', {
        params: { path: { programId } },
        body,
      }),
    );
  }
  const setPkg = (i: number, patch: Partial<PackageDraft>) =>
    setPackages((ps) => ps.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const setItem = (i: number, k: number, patch: Partial<ItemDraft>) =>
    setPkg(i, {
      items: packages[i]!.items.map((it, j) => (j === k ? { ...it, ...patch } : it)),
    });

  function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!/^\d{4}-\d{2}$/.test(month)) errs.month = t('invalidMonth');
    if (!opens) errs.opens = t('required', { ns: 'translation' });
    if (!closes) errs.closes = t('required', { ns: 'translation' });
    else if (opens && closes <= opens) errs.closes = t('invalidWindow');
    const out = packages.map((p, i) => {
      const price = parseRupiah(p.price);
      const subsidy = parseRupiah(p.subsidy);
      if (!p.name.trim()) errs[`p${i}.name`] = t('required', { ns: 'translation' });
      if (!price) errs[`p${i}.price`] = t('invalidPrice');
      if (subsidy === undefined) errs[`p${i}.subsidy`] = t('invalidPrice');
      else if (price && subsidy > price) errs[`p${i}.subsidy`] = t('invalidSubsidy');
      p.items.forEach((it, k) => {
        if (!it.productId) errs[`p${i}.i${k}.product`] = t('chooseProduct');
        const q = parseQuantity(it.qty);
        if (q === undefined || q < 1) errs[`p${i}.i${k}.qty`] = t('invalidQty');
      });
      return {
        name: p.name.trim(),
        price: price ?? 0,
        sponsorSubsidy: subsidy ?? 0,
        items: p.items.map((it) => ({ productId: it.productId, qty: parseQuantity(it.qty) ?? 0 })),
      };
    });
    setErrors(errs);
    if (Object.keys(errs).length === 0)
      create.mutate({
        month,
        orderOpensAt: wibInstant(opens),
        orderClosesAt: wibInstant(closes),
        packages: out,
      });
  }

  return (
    <form className="form period-form" onSubmit={submit} noValidate aria-labelledby="period-title">
      <ProblemScope error={create.error}>
        <h2 id="period-title">{t('newPeriod')}</h2>
        <div className="form-row period-window">
          <Field label={t('month')} error={errors.month} path="/month">
            <input type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
          </Field>
          <Field label={t('opensAt')} error={errors.opens} path="/orderOpensAt">
            <input type="datetime-local" value={opens} onChange={(e) => setOpens(e.target.value)} />
          </Field>
          <Field label={t('closesAt')} error={errors.closes} path="/orderClosesAt">
            <input
              type="datetime-local"
              value={closes}
              onChange={(e) => setCloses(e.target.value)}
            />
          </Field>
        </div>
        {packages.map((p, i) => {
          const price = parseRupiah(p.price);
          const subsidy = parseRupiah(p.subsidy);
          return (
            <fieldset key={i} className="form">
              <legend>{t('packageN', { n: i + 1 })}</legend>
              <Field
                label={`${t('packageName')} ${i + 1}`}
                error={errors[`p${i}.name`]}
                path={[`/packages/${i}/name`, `/packages/${i}`]}
              >
                <input
                  value={p.name}
                  maxLength={100}
                  onChange={(e) => setPkg(i, { name: e.target.value })}
                />
              </Field>
              <div className="form-row">
                <Field
                  label={`${t('price')} ${i + 1}`}
                  error={errors[`p${i}.price`]}
                  path={`/packages/${i}/price`}
                >
                  <input
                    inputMode="numeric"
                    value={p.price}
                    onChange={(e) => setPkg(i, { price: e.target.value })}
                  />
                </Field>
                <Field
                  label={`${t('subsidy')} ${i + 1}`}
                  error={errors[`p${i}.subsidy`]}
                  path={`/packages/${i}/sponsorSubsidy`}
                  hint={
                    price !== undefined && subsidy !== undefined && subsidy <= price
                      ? `${t('toDeduct')}: ${rupiah(price - subsidy)}`
                      : undefined
                  }
                >
                  <input
                    inputMode="numeric"
                    value={p.subsidy}
                    onChange={(e) => setPkg(i, { subsidy: e.target.value })}
                  />
                </Field>
              </div>
              {p.items.map((it, k) => (
                <div key={k} className="form-row">
                  <Field
                    label={`${t('packageN', { n: i + 1 })}: ${t('itemProduct', { n: k + 1 })}`}
                    error={errors[`p${i}.i${k}.product`]}
                    path={[`/packages/${i}/items/${k}/productId`, `/packages/${i}/items/${k}`]}
                  >
                    <select
                      value={it.productId}
                      onChange={(e) => setItem(i, k, { productId: e.target.value })}
                    >
                      <option value="">{t('chooseProduct')}</option>
                      {dir?.products.map((pr) => (
                        <option key={pr.id} value={pr.id}>
                          {pr.name}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <Field
                    label={`${t('packageN', { n: i + 1 })}: ${t('itemQty', { n: k + 1 })}`}
                    error={errors[`p${i}.i${k}.qty`]}
                    path={`/packages/${i}/items/${k}/qty`}
                  >
                    <input
                      type="number"
                      min={1}
                      inputMode="numeric"
                      value={it.qty}
                      onChange={(e) => setItem(i, k, { qty: e.target.value })}
                    />
                  </Field>
                  {p.items.length > 1 && (
                    <div className="actions">
                      <button
                        type="button"
                        className="secondary"
                        aria-label={`${t('packageN', { n: i + 1 })}: ${t('removeItem', { n: k + 1 })}`}
                        onClick={() => setPkg(i, { items: p.items.filter((_, j) => j !== k) })}
                      >
                        {t('removeItem', { n: k + 1 })}
                      </button>
                    </div>
                  )}
                </div>
              ))}
              <div className="actions">
                <button
                  type="button"
                  className="secondary"
                  aria-label={`${t('packageN', { n: i + 1 })}: ${t('addItem')}`}
                  onClick={() => setPkg(i, { items: [...p.items, { productId: '', qty: '1' }] })}
                >
                  {t('addItem')}
                </button>
                {packages.length > 1 && (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setPackages(packages.filter((_, j) => j !== i))}
                  >
                    {t('removePackage', { n: i + 1 })}
                  </button>
                )}
              </div>
            </fieldset>
          );
        })}
        <div className="actions">
          <button
            type="button"
            className="secondary"
            onClick={() => setPackages([...packages, emptyPackage()])}
          >
            {t('addPackage')}
          </button>
        </div>
        <ProblemAlert error={create.error} />
        {create.data && (
          <Notice>
            {t('periodCreated', {
              month: monthName(create.data.month, i18n.language),
              n: create.data.packages.length,
            })}
          </Notice>
        )}
        <div className="actions">
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? t('creating') : t('createPeriod')}
          </button>
        </div>
      </ProblemScope>
    </form>
  );
}
