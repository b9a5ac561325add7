import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { api, unwrap } from '../../app/api.ts';
import { Field, Notice, ProblemAlert, ProblemScope } from '../../ui/forms.tsx';
import { businessDate, parseRupiah, rupiah, todayWib } from '../../ui/format.ts';
import './strings.ts';

type Method = 'cash' | 'transfer' | 'qris';

export interface PaymentOutcome {
  /** The hub's receipt number (PB/…). */
  number: string;
  amount: number;
  coopName: string;
  balanceBefore: number;
  balanceAfter: number;
  allocations: { period: string; amount: number }[];
}

async function positionOf(coopId: string) {
  const [balance, statements] = await Promise.all([
    api.GET('/api/v1/cooperatives/{id}/balance', { params: { path: { id: coopId } } }).then(unwrap),
    api
      .GET('/api/v1/cooperatives/{id}/statements', { params: { path: { id: coopId } } })
      .then(unwrap),
  ]);
  return { balance, statements: statements.items };
}

/**
 * Records a cooperative's payment (client id UUIDv7, so a retry never pays twice) and tells what it
 * did: the balance before and after, and which statements it went to (oldest first).
 */
export function PaymentForm({
  coopId,
  cooperatives,
  coopName,
}: {
  /** A fixed cooperative, or none to choose one from `cooperatives`. */
  coopId?: string;
  cooperatives?: { id: string; name: string }[];
  coopName?: string;
}) {
  const { t, i18n } = useTranslation('settlement');
  const client = useQueryClient();
  const [chosen, setChosen] = useState('');
  const [amount, setAmount] = useState('');
  const [receivedOn, setReceivedOn] = useState(todayWib());
  const [method, setMethod] = useState<Method>('transfer');
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  // One client id per intended payment: a retry after a lost answer replays instead of paying twice.
  const [clientId, setClientId] = useState(() => uuidv7());
  const target = coopId ?? chosen;
  /** A changed payment is another payment: it gets its own client id. */
  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setClientId(uuidv7());
    };

  const mutation = useMutation({
    mutationFn: async (input: { coopId: string; amount: number }): Promise<PaymentOutcome> => {
      const before = await positionOf(input.coopId);
      const paid = unwrap(
        await api.POST('/api/v1/cooperatives/{id}/payments', {
          params: { path: { id: input.coopId } },
          body: {
            id: clientId,
            amount: input.amount,
            receivedOn,
            method,
            reference: reference.trim(),
          },
        }),
      );
      const after = await positionOf(input.coopId);
      const allocations = after.statements
        .map((s) => {
          const was = before.statements.find((b) => b.id === s.id);
          return { period: s.periodEnd, amount: (was?.outstanding ?? 0) - s.outstanding };
        })
        .filter((a) => a.amount > 0)
        .sort((a, b) => a.period.localeCompare(b.period));
      return {
        number: paid.number,
        amount: input.amount,
        coopName:
          coopName ?? cooperatives?.find((c) => c.id === input.coopId)?.name ?? input.coopId,
        balanceBefore: before.balance.balanceDue,
        balanceAfter: after.balance.balanceDue,
        allocations,
      };
    },
    onSuccess: async () => {
      setClientId(uuidv7());
      setAmount('');
      setReference('');
      await client.invalidateQueries();
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const next: Record<string, string> = {};
    const value = parseRupiah(amount);
    if (!target) next.coop = t('chooseCooperative');
    if (value === undefined || value <= 0) next.amount = t('invalidAmount');
    if (!receivedOn) next.receivedOn = t('required', { ns: 'translation' });
    else if (receivedOn > todayWib()) next.receivedOn = t('futureDate');
    setErrors(next);
    if (Object.keys(next).length > 0 || value === undefined) return;
    mutation.mutate({ coopId: target, amount: value });
  }

  const r = mutation.data;
  const allocated = r ? r.allocations.reduce((x, a) => x + a.amount, 0) : 0;
  return (
    <form className="form" onSubmit={submit} noValidate>
      <ProblemScope error={mutation.error}>
        {!coopId && (
          <Field label={t('cooperative')} error={errors.coop}>
            <select value={chosen} onChange={(e) => edit(setChosen)(e.target.value)}>
              <option value="">{t('chooseCooperative')}</option>
              {(cooperatives ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <div className="form-row">
          <Field label={t('amountRp')} error={errors.amount} path="/amount">
            <input
              inputMode="numeric"
              autoComplete="off"
              value={amount}
              onChange={(e) => edit(setAmount)(e.target.value)}
            />
          </Field>
          <Field label={t('paidOn')} error={errors.receivedOn} path="/receivedOn">
            <input
              type="date"
              max={todayWib()}
              value={receivedOn}
              onChange={(e) => edit(setReceivedOn)(e.target.value)}
            />
          </Field>
        </div>
        <div className="form-row">
          <Field label={t('method')} path="/method">
            <select value={method} onChange={(e) => edit(setMethod)(e.target.value as Method)}>
              <option value="transfer">{t('transfer')}</option>
              <option value="cash">{t('cash')}</option>
              <option value="qris">{t('qris')}</option>
            </select>
          </Field>
          <Field label={t('reference')} hint={t('referenceHint')} path="/reference">
            <input
              maxLength={200}
              value={reference}
              onChange={(e) => edit(setReference)(e.target.value)}
            />
          </Field>
        </div>
        <div className="actions">
          <button type="submit" disabled={mutation.isPending}>
            {mutation.isPending ? t('paying') : t('payButton')}
          </button>
        </div>
        <ProblemAlert error={mutation.error} />
        {r && (
          <Notice>
            {t('paidResult', { amount: rupiah(r.amount), coop: r.coopName, number: r.number })}{' '}
            {t('balanceChange', { before: rupiah(r.balanceBefore), after: rupiah(r.balanceAfter) })}
            {r.allocations.map((a) => (
              <span key={a.period} style={{ display: 'block' }}>
                {t('allocatedTo', {
                  period: businessDate(a.period, i18n.language),
                  amount: rupiah(a.amount),
                })}
              </span>
            ))}
            {r.amount > allocated && (
              <span style={{ display: 'block' }}>
                {t('unallocated', { amount: rupiah(r.amount - allocated) })}
              </span>
            )}
          </Notice>
        )}
      </ProblemScope>
    </form>
  );
}
