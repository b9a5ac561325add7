import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../app/api.ts';
import { Field, ProblemScope, SubmitRow } from '../../../ui/forms.tsx';
import { businessDate, rupiah } from '../../../ui/format.ts';
import { useCooperatives } from '../../delivery/delivery-data.ts';
import { PAYABLES_KEYS, useSuppliers } from '../payables/payables-api.ts';
import type { BankLine } from './bank-api.ts';

/** What the screen says after an action, and the cooperative whose page shows its effect. */
export interface Done {
  text: string;
  coop?: { id: string; name: string };
}

interface FormProps {
  line: BankLine;
  onDone: (done: Done) => void;
  onClose: () => void;
}

/** Match an unmatched credit to a cooperative chosen from a list narrowed by a search box. */
export function MatchForm({ line, onDone, onClose }: FormProps) {
  const { t, i18n } = useTranslation('bank');
  const client = useQueryClient();
  const coops = useCooperatives();
  const [q, setQ] = useState('');
  const [coopId, setCoopId] = useState('');
  const [error, setError] = useState('');
  const shown = useMemo(() => {
    const words = q.trim().toLowerCase();
    return (coops.data ?? []).filter(
      (c) =>
        !words || c.name.toLowerCase().includes(words) || (c.villageCode ?? '').includes(words),
    );
  }, [coops.data, q]);
  const save = useMutation({
    mutationFn: async (cooperativeId: string) =>
      unwrap(
        await api.POST('/api/v1/bank-statements/lines/{lineId}/match', {
          params: { path: { lineId: line.id } },
          body: { cooperativeId },
        }),
      ),
    onSuccess: async (payment) => {
      await client.invalidateQueries({ queryKey: ['bank-lines'] });
      await client.invalidateQueries({ queryKey: ['cooperatives'] });
      const coop = coops.data?.find((c) => c.id === coopId);
      onDone({
        text: t('matched', { amount: rupiah(payment.amount), coop: coop?.name ?? '' }),
        ...(coop ? { coop: { id: coop.id, name: coop.name } } : {}),
      });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(coopId ? '' : t('required'));
    if (coopId) save.mutate(coopId);
  };
  return (
    <form className="form confirm" onSubmit={submit} noValidate>
      <ProblemScope error={save.error}>
        <h2>
          {t('matchTitle', {
            amount: rupiah(line.amount),
            date: businessDate(line.date, i18n.language),
          })}
        </h2>
        <p className="wrap">{line.remark}</p>
        <div className="form-row">
          <Field label={t('search')} hint={t('chooseHint', { count: shown.length })}>
            <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
          </Field>
          <Field label={t('cooperative')} error={error || undefined} path="/cooperativeId">
            <select value={coopId} onChange={(e) => setCoopId(e.target.value)}>
              <option value="">{t('choose')}</option>
              {shown.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <SubmitRow
          error={save.error}
          pending={save.isPending}
          label={t('matchSubmit')}
          busyLabel={t('saving')}
          close={{ label: t('close'), onClick: onClose }}
        />
      </ProblemScope>
    </form>
  );
}

/** Set an unmatched line aside as no cooperative's payment, with the reason. */
export function DismissForm({ line, onDone, onClose }: FormProps) {
  const { t, i18n } = useTranslation('bank');
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const save = useMutation({
    mutationFn: async (text: string) =>
      unwrap(
        await api.POST('/api/v1/bank-statements/lines/{lineId}/dismiss', {
          params: { path: { lineId: line.id } },
          body: { reason: text },
        }),
      ),
    onSuccess: async (l) => {
      await client.invalidateQueries({ queryKey: ['bank-lines'] });
      onDone({ text: t('dismissed', { amount: rupiah(l.amount), reason: l.dismissReason ?? '' }) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(reason.trim() ? '' : t('required'));
    if (reason.trim()) save.mutate(reason.trim());
  };
  return (
    <form className="form confirm" onSubmit={submit} noValidate>
      <ProblemScope error={save.error}>
        <h2>
          {t('dismissTitle', {
            amount: rupiah(line.amount),
            date: businessDate(line.date, i18n.language),
          })}
        </h2>
        <p className="wrap">{line.remark}</p>
        <Field label={t('reason')} error={error || undefined} hint={t('reasonHint')} path="/reason">
          <input value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <SubmitRow
          error={save.error}
          pending={save.isPending}
          label={t('dismissSubmit')}
          busyLabel={t('saving')}
          close={{ label: t('close'), onClick: onClose }}
        />
      </ProblemScope>
    </form>
  );
}

/**
 * Record an unmatched debit as the hub's payment to a supplier chosen from
 * its list: the line's amount and date, by transfer, the line matched to it.
 */
export function SupplierPaymentForm({ line, onDone, onClose }: FormProps) {
  const { t, i18n } = useTranslation('bank');
  const client = useQueryClient();
  const suppliers = useSuppliers();
  const [supplierId, setSupplierId] = useState('');
  const [id] = useState(() => crypto.randomUUID());
  const [error, setError] = useState('');
  const save = useMutation({
    mutationFn: async (chosen: string) =>
      unwrap(
        await api.POST('/api/v1/supplier-payments', {
          body: {
            id,
            supplierId: chosen,
            amount: line.amount,
            paidOn: line.date,
            method: 'transfer',
            ...(line.bankReference ? { reference: line.bankReference } : {}),
            bankLineId: line.id,
          },
        }),
      ),
    onSuccess: async (p) => {
      await client.invalidateQueries({ queryKey: ['bank-lines'] });
      for (const key of PAYABLES_KEYS) await client.invalidateQueries({ queryKey: key });
      onDone({
        text: t('paid', {
          amount: rupiah(p.amount),
          supplier: p.supplierName,
          count: p.allocations.length,
        }),
      });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(supplierId ? '' : t('required'));
    if (supplierId) save.mutate(supplierId);
  };
  const list = suppliers.data ?? [];
  return (
    <form className="form confirm" onSubmit={submit} noValidate>
      <ProblemScope error={save.error}>
        <h2>
          {t('payTitle', {
            amount: rupiah(line.amount),
            date: businessDate(line.date, i18n.language),
          })}
        </h2>
        <p className="wrap">{line.remark}</p>
        <Field
          label={t('supplier')}
          error={error || undefined}
          hint={suppliers.isSuccess && list.length === 0 ? t('noSuppliers') : t('payHint')}
          path="/supplierId"
        >
          <select value={supplierId} onChange={(e) => setSupplierId(e.target.value)}>
            <option value="">{t('chooseSupplier')}</option>
            {list.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <SubmitRow
          error={save.error}
          pending={save.isPending}
          label={t('paySubmit')}
          busyLabel={t('saving')}
          close={{ label: t('close'), onClick: onClose }}
        />
      </ProblemScope>
    </form>
  );
}
