import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { api, unwrap } from '../../app/api.ts';
import { Field, Notice, ProblemAlert, ProblemScope } from '../../ui/forms.tsx';
import { parseRupiah, rupiah, todayWib } from '../../ui/format.ts';
import './strings.ts';

/** The sponsor's transfer for a period, recorded by the hub and credited to each cooperative's balance. */
export function SponsorPaymentForm({
  programId,
  month,
  payable,
}: {
  programId: string;
  month: string;
  payable: number;
}) {
  const { t } = useTranslation('sembako');
  const client = useQueryClient();
  const [amount, setAmount] = useState('');
  const [receivedOn, setReceivedOn] = useState(todayWib());
  const [reference, setReference] = useState('');
  const [clientId, setClientId] = useState(() => uuidv7());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const pay = useMutation({
    mutationFn: async (body: { amount: number; receivedOn: string; reference: string }) =>
      unwrap(
        await api.POST('/api/v1/programs/{programId}/periods/{month}/sponsor-payments', {
          params: { path: { programId, month } },
          body: { id: clientId, ...body },
        }),
      ),
    onSuccess: () => {
      setClientId(uuidv7());
      setAmount('');
      setReference('');
      void client.invalidateQueries({ queryKey: ['sembako', 'recon'] });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const n = parseRupiah(amount);
    const errs: Record<string, string> = {};
    if (!n) errs.amount = t('invalidAmount');
    if (!reference.trim()) errs.reference = t('needReference');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(receivedOn)) errs.receivedOn = t('receivedOn');
    setErrors(errs);
    if (Object.keys(errs).length === 0 && n)
      pay.mutate({ amount: n, receivedOn, reference: reference.trim() });
  }
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="sponsor-title">
      <ProblemScope error={pay.error}>
        <h3 id="sponsor-title">{t('sponsorTitle')}</h3>
        <p className="muted">{t('sponsorHint')}</p>
        <div className="form-row">
          <Field
            label={t('amount')}
            error={errors.amount}
            hint={`${t('payable')}: ${rupiah(payable)}`}
            path="/amount"
          >
            <input inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} />
          </Field>
          <Field label={t('receivedOn')} error={errors.receivedOn} path="/receivedOn">
            <input type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} />
          </Field>
          <Field label={t('reference')} error={errors.reference} path="/reference">
            <input
              value={reference}
              maxLength={150}
              onChange={(e) => setReference(e.target.value)}
            />
          </Field>
        </div>
        <ProblemAlert error={pay.error} />
        {pay.data && (
          <Notice>
            {t('paymentRecorded', { amount: rupiah(pay.data.amount), n: pay.data.shares.length })}
          </Notice>
        )}
        <div className="actions">
          <button type="submit" disabled={pay.isPending}>
            {pay.isPending ? t('recording') : t('recordPayment')}
          </button>
        </div>
      </ProblemScope>
    </form>
  );
}
