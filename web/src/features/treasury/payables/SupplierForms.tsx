import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../app/api.ts';
import { Field, ProblemScope, SubmitRow } from '../../../ui/forms.tsx';
import { parseRupiah, rupiah, todayWib } from '../../../ui/format.ts';
import { PAYABLES_KEYS, useSuppliers } from './payables-api.ts';
import './strings.ts';

function useRefresh() {
  const client = useQueryClient();
  return () => Promise.all(PAYABLES_KEYS.map((queryKey) => client.invalidateQueries({ queryKey })));
}

/** A payment to a supplier: the server allocates it to the oldest open invoices and refuses more than they ask. */
export function SupplierPaymentForm({
  onDone,
  onClose,
}: {
  onDone: (notice: string) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('payables');
  const suppliers = useSuppliers();
  const refresh = useRefresh();
  const [f, setF] = useState({
    supplier: '',
    amount: '',
    paidOn: todayWib(),
    method: 'transfer',
    reference: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF((x) => ({ ...x, [k]: e.target.value }));
  const save = useMutation({
    mutationFn: async (body: {
      id: string;
      supplierId: string;
      amount: number;
      paidOn: string;
      method: 'transfer' | 'cash';
      reference?: string;
    }) => unwrap(await api.POST('/api/v1/supplier-payments', { body })),
    onSuccess: async (p) => {
      await refresh();
      onDone(
        t('paidNotice', {
          amount: rupiah(p.amount),
          supplier: p.supplierName,
          count: p.allocations.length,
        }),
      );
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!f.supplier) errs.supplier = t('required');
    const amount = parseRupiah(f.amount);
    if (!amount) errs.amount = t('moneyInvalid');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(f.paidOn)) errs.paidOn = t('required');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    save.mutate({
      id: crypto.randomUUID(),
      supplierId: f.supplier,
      amount: amount!,
      paidOn: f.paidOn,
      method: f.method === 'cash' ? 'cash' : 'transfer',
      ...(f.reference.trim() ? { reference: f.reference.trim() } : {}),
    });
  };
  return (
    <form className="form confirm" onSubmit={submit} noValidate>
      <ProblemScope error={save.error}>
        <h2>{t('payTitle')}</h2>
        <div className="form-row">
          <Field label={t('supplier')} error={errors.supplier} path="/supplierId">
            <select value={f.supplier} onChange={set('supplier')}>
              <option value="">{t('choose')}</option>
              {(suppliers.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('amount')} error={errors.amount} path="/amount">
            <input inputMode="numeric" value={f.amount} onChange={set('amount')} />
          </Field>
        </div>
        <div className="form-row">
          <Field label={t('paidOn')} error={errors.paidOn} path="/paidOn">
            <input type="date" value={f.paidOn} lang={i18n.language} onChange={set('paidOn')} />
          </Field>
          <Field label={t('method')} path="/method">
            <select value={f.method} onChange={set('method')}>
              <option value="transfer">{t('m_transfer')}</option>
              <option value="cash">{t('m_cash')}</option>
            </select>
          </Field>
        </div>
        <Field label={t('reference')} error={errors.reference} path="/reference">
          <input value={f.reference} maxLength={100} onChange={set('reference')} />
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

/** A supplier's payment terms (hub admins): the due date of its next goods receipts. */
export function SupplierTermsForm({
  onDone,
  onClose,
}: {
  onDone: (notice: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('payables');
  const suppliers = useSuppliers();
  const refresh = useRefresh();
  const [supplier, setSupplier] = useState('');
  const [days, setDays] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: async (v: { supplierId: string; termsDays: number }) =>
      unwrap(
        await api.PUT('/api/v1/suppliers/{supplierId}', {
          params: { path: { supplierId: v.supplierId } },
          body: { termsDays: v.termsDays },
        }),
      ),
    onSuccess: async (s) => {
      await refresh();
      onDone(t('termsSaved', { supplier: s.name, days: s.termsDays }));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(days);
    const errs: Record<string, string> = {};
    if (!supplier) errs.supplier = t('required');
    if (!/^\d+$/.test(days) || n > 365) errs.days = t('termsInvalid');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    save.mutate({ supplierId: supplier, termsDays: n });
  };
  return (
    <form className="form confirm" onSubmit={submit} noValidate>
      <ProblemScope error={save.error}>
        <h2>{t('termsTitle')}</h2>
        <div className="form-row">
          <Field label={t('supplier')} error={errors.supplier}>
            <select
              value={supplier}
              onChange={(e) => {
                setSupplier(e.target.value);
                const s = suppliers.data?.find((x) => x.id === e.target.value);
                if (s) setDays(String(s.termsDays));
              }}
            >
              <option value="">{t('choose')}</option>
              {(suppliers.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('terms')} error={errors.days} hint={t('termsHint')} path="/termsDays">
            <input inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} />
          </Field>
        </div>
        <SubmitRow
          error={save.error}
          pending={save.isPending}
          label={t('saveTerms')}
          busyLabel={t('saving')}
          close={{ label: t('close'), onClick: onClose }}
        />
      </ProblemScope>
    </form>
  );
}
