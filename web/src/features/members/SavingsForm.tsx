import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 } from 'uuid';
import { Field, SubmitRow } from '../../ui/forms.tsx';
import { parseRupiah, rupiah, todayWib } from '../../ui/format.ts';
import { recordSavings, type SavingsEntry } from './members-api.ts';
import { splitProblem } from './member-format.ts';
import { useFields } from './MemberFields.tsx';
import './member-strings.ts';
import './strings.ts';

const KINDS = ['pokok', 'wajib', 'sukarela'] as const;
const METHODS = ['cash', 'qris', 'transfer', 'payroll'] as const;
/** A withdrawal is paid out in cash or by transfer. */
const PAYOUTS = ['cash', 'transfer'] as const;
const FIELD_OF: Record<string, string> = {
  '/kind': 'kind',
  '/direction': 'direction',
  '/amount': 'amount',
  '/date': 'date',
  '/method': 'method',
  '/note': 'note',
};
/** A withdrawal beyond the balance is the amount's error, in the server's words. */
const CODE_FIELD = { InsufficientSavings: 'amount' };

function isPayout(method: string): boolean {
  return (PAYOUTS as readonly string[]).includes(method);
}

/**
 * A savings deposit or withdrawal (only sukarela can be withdrawn while a member); its client id
 * stays the same until it is saved, so a retry after a lost answer records it once.
 */
export function SavingsForm({
  cooperativeId,
  memberId,
  onDone,
  onClose,
}: {
  cooperativeId: string;
  memberId: string;
  onDone: (notice: string) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('members');
  const client = useQueryClient();
  const [entryId] = useState(() => v7());
  const {
    f,
    setF,
    set: setText,
    errors,
    setErrors,
  } = useFields({
    kind: 'wajib' as SavingsEntry['kind'],
    direction: 'deposit' as SavingsEntry['direction'],
    amount: '',
    method: 'cash' as SavingsEntry['method'],
    date: todayWib(),
    note: '',
  });
  // Only sukarela is withdrawn; a withdrawal is paid out in cash or by transfer.
  const setKind = (e: { target: { value: string } }) =>
    setF((x) => ({
      ...x,
      kind: e.target.value as SavingsEntry['kind'],
      ...(e.target.value !== 'sukarela' ? { direction: 'deposit' as const } : {}),
    }));
  const setDirection = (e: { target: { value: string } }) =>
    setF((x) => ({
      ...x,
      direction: e.target.value as SavingsEntry['direction'],
      ...(e.target.value === 'withdrawal' && !isPayout(x.method)
        ? { method: 'cash' as const }
        : {}),
    }));
  const methods = f.direction === 'withdrawal' ? PAYOUTS : METHODS;
  const save = useMutation({
    mutationFn: (body: SavingsEntry) => recordSavings(cooperativeId, memberId, body),
    onSuccess: async (r) => {
      await client.invalidateQueries({ queryKey: ['memberSavings', cooperativeId, memberId] });
      await client.invalidateQueries({ queryKey: ['savingsArrears', cooperativeId] });
      onDone(
        t('savings.recorded', {
          direction: t(`savings.dir_${r.direction}`),
          kind: t(`kind_${r.kind}`).toLowerCase(),
          amount: rupiah(r.amount),
          pokok: rupiah(r.balance.pokok),
          wajib: rupiah(r.balance.wajib),
          sukarela: rupiah(r.balance.sukarela),
        }),
      );
    },
    onError: (e) => setErrors(splitProblem(e, FIELD_OF, CODE_FIELD).fields),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const amount = parseRupiah(f.amount);
    if (!amount) errs.amount = t('savings.amountInvalid');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(f.date)) errs.date = t('required');
    else if (f.date > todayWib()) errs.date = t('savings.dateFuture');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    save.mutate({
      id: entryId,
      kind: f.kind,
      direction: f.direction,
      amount: amount!,
      method: f.method,
      date: f.date,
      ...(f.note.trim() ? { note: f.note.trim() } : {}),
    });
  };
  return (
    <form
      className="form confirm"
      onSubmit={submit}
      noValidate
      aria-labelledby="savings-form-title"
    >
      <h3 id="savings-form-title">{t('savings.recordTitle')}</h3>
      <div className="form-row">
        <Field label={t('savings.kind')} error={errors.kind}>
          <select value={f.kind} onChange={setKind}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`savings.short_${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t('savings.direction')}
          error={errors.direction}
          hint={f.kind === 'sukarela' ? undefined : t('savings.onlySukarela')}
        >
          <select value={f.direction} onChange={setDirection}>
            <option value="deposit">{t('savings.dir_deposit')}</option>
            {f.kind === 'sukarela' && (
              <option value="withdrawal">{t('savings.dir_withdrawal')}</option>
            )}
          </select>
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('savings.amount')} error={errors.amount} hint={t('savings.amountHint')}>
          <input inputMode="numeric" value={f.amount} onChange={setText('amount')} />
        </Field>
        <Field label={t('savings.method')} error={errors.method}>
          <select value={f.method} onChange={setText('method')}>
            {methods.map((m) => (
              <option key={m} value={m}>
                {t(`savings.method_${m}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('savings.date')} error={errors.date}>
          <input
            type="date"
            lang={i18n.language}
            max={todayWib()}
            value={f.date}
            onChange={setText('date')}
          />
        </Field>
      </div>
      <Field label={t('savings.note')} error={errors.note} hint={t('savings.noteHint')}>
        <input maxLength={200} value={f.note} onChange={setText('note')} />
      </Field>
      <SubmitRow
        error={splitProblem(save.error, FIELD_OF, CODE_FIELD).rest}
        pending={save.isPending}
        label={t('savings.submit')}
        busyLabel={t('saving')}
        close={{ label: t('close'), onClick: onClose }}
      />
    </form>
  );
}
