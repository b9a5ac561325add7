import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import { Field, Notice, ProblemAlert, ProblemScope, problemCode } from '../../ui/forms.tsx';
import { parseRupiah, rupiah, todayWib } from '../../ui/format.ts';
import './manual-strings.ts';

/** An account the form offers: one open to manual entries. */
export interface ManualAccount {
  code: string;
  name: string;
}

interface Line {
  key: number;
  account: string;
  debit: string;
  credit: string;
}

let nextKey = 1;
const blankLine = (): Line => ({ key: nextKey++, account: '', debit: '', credit: '' });
const amountOf = (text: string) => (text.trim() ? parseRupiah(text) : 0);

/**
 * The server's problem next to the field it is about: `/lines/1/accountCode` → line 1's account
 * (a line's debit or credit alone comes by the field's path).
 */
function serverErrors(error: unknown): Record<string, string> {
  const problem = (error as { problem?: { detail?: string; errors?: { path: string }[] } } | null)
    ?.problem;
  const detail = problem?.detail;
  if (!detail) return {};
  const code = problemCode(error);
  if (code === 'UnbalancedEntry') return { totals: detail };
  const out: Record<string, string> = {};
  for (const e of problem?.errors ?? []) {
    const m = /^\/lines\/(\d+)(\/accountCode)?$/.exec(e.path);
    if (m) out[`${m[2] ? 'account' : 'amount'}${m[1]}`] ??= detail;
    else if (e.path === '/memo' || e.path === '/date') out[e.path.slice(1)] ??= detail;
  }
  return out;
}

/**
 * A manual journal entry: date, memo, two or more lines (an account open to manual entries, a
 * debit or a credit), the running totals and their difference in words. The entry's id is made
 * once per draft, so that sending it again after a lost answer records it once.
 */
export function ManualEntryForm({ orgId, accounts }: { orgId: string; accounts: ManualAccount[] }) {
  const { t } = useTranslation('ledgerManual');
  const client = useQueryClient();
  const [draftId, setDraftId] = useState(() => crypto.randomUUID());
  const [date, setDate] = useState(todayWib());
  const [memo, setMemo] = useState('');
  const [lines, setLines] = useState<Line[]>(() => [blankLine(), blankLine()]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  /** A field's message goes once the field is changed. */
  const clear = (...names: string[]) =>
    setErrors((e) =>
      names.some((n) => n in e)
        ? Object.fromEntries(Object.entries(e).filter(([k]) => !names.includes(k)))
        : e,
    );
  const setLine = (i: number, key: number, field: keyof Omit<Line, 'key'>, value: string) => {
    clear(field === 'account' ? `account${i}` : `amount${i}`, 'totals');
    setLines((ls) => ls.map((l) => (l.key === key ? { ...l, [field]: value } : l)));
  };
  const totalDebit = lines.reduce((s, l) => s + (amountOf(l.debit) ?? 0), 0);
  const totalCredit = lines.reduce((s, l) => s + (amountOf(l.credit) ?? 0), 0);
  const diff = totalDebit - totalCredit;

  const save = useMutation({
    mutationFn: async (body: {
      id: string;
      date: string;
      memo: string;
      lines: { accountCode: string; debit: number; credit: number }[];
    }) =>
      unwrap(
        await api.POST('/api/v1/orgs/{orgId}/ledger/entries', {
          params: { path: { orgId } },
          body,
        }),
      ),
    onSuccess: async (entry) => {
      await client.invalidateQueries({ queryKey: ['ledger'] });
      setNotice(t('saved', { memo: entry.memo, amount: rupiah(entry.totalDebit) }));
      setDraftId(crypto.randomUUID());
      setMemo('');
      setLines([blankLine(), blankLine()]);
    },
    onError: (e) => setErrors(serverErrors(e)),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNotice('');
    const errs: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) errs.date = t('required');
    if (!memo.trim()) errs.memo = t('required');
    lines.forEach((l, i) => {
      if (!l.account) errs[`account${i}`] = t('accountRequired');
      const d = amountOf(l.debit);
      const c = amountOf(l.credit);
      if (d === undefined || c === undefined || d > 0 === c > 0) errs[`amount${i}`] = t('oneSide');
    });
    if (lines.length < 2) errs.totals = t('minLines');
    else if (diff !== 0) errs.totals = t('notBalanced');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    save.mutate({
      id: draftId,
      date,
      memo: memo.trim(),
      lines: lines.map((l) => ({
        accountCode: l.account,
        debit: amountOf(l.debit) ?? 0,
        credit: amountOf(l.credit) ?? 0,
      })),
    });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('newEntry')}>
      <ProblemScope error={save.error}>
        <h2>{t('newEntry')}</h2>
        <div className="form-row">
          <Field label={t('date')} error={errors.date}>
            <input
              type="date"
              value={date}
              max={todayWib()}
              onChange={(e) => {
                clear('date');
                setDate(e.target.value);
              }}
            />
          </Field>
        </div>
        <Field label={t('memo')} error={errors.memo} hint={t('memoHint')}>
          <input
            value={memo}
            maxLength={500}
            onChange={(e) => {
              clear('memo');
              setMemo(e.target.value);
            }}
          />
        </Field>
        {lines.map((l, i) => (
          <fieldset key={l.key} className="entry-line">
            <legend>{t('line', { n: i + 1 })}</legend>
            <Field label={t('account', { n: i + 1 })} error={errors[`account${i}`]}>
              <select
                value={l.account}
                onChange={(e) => setLine(i, l.key, 'account', e.target.value)}
              >
                <option value="">{t('chooseAccount')}</option>
                {accounts.map((a) => (
                  <option key={a.code} value={a.code}>
                    {a.name} ({a.code})
                  </option>
                ))}
              </select>
            </Field>
            <div className="form-row">
              <Field
                label={t('debit', { n: i + 1 })}
                error={errors[`amount${i}`]}
                path={`/lines/${i}/debit`}
              >
                <input
                  inputMode="numeric"
                  value={l.debit}
                  onChange={(e) => setLine(i, l.key, 'debit', e.target.value)}
                />
              </Field>
              <Field label={t('credit', { n: i + 1 })} path={`/lines/${i}/credit`}>
                <input
                  inputMode="numeric"
                  value={l.credit}
                  onChange={(e) => setLine(i, l.key, 'credit', e.target.value)}
                />
              </Field>
            </div>
            {lines.length > 2 && (
              <button
                type="button"
                className="secondary"
                onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}
              >
                {t('removeLine', { n: i + 1 })}
              </button>
            )}
          </fieldset>
        ))}
        <div className="actions">
          <button
            type="button"
            className="secondary"
            onClick={() => setLines((ls) => [...ls, blankLine()])}
          >
            {t('addLine')}
          </button>
        </div>
        <div className="cards">
          <div className="card">
            <span>{t('totalDebit')}</span>
            <strong>{rupiah(totalDebit)}</strong>
          </div>
          <div className="card">
            <span>{t('totalCredit')}</span>
            <strong>{rupiah(totalCredit)}</strong>
          </div>
        </div>
        <p
          role="status"
          className={totalDebit + totalCredit === 0 ? 'muted' : diff === 0 ? 'notice' : 'warn'}
        >
          {totalDebit === 0 && totalCredit === 0
            ? t('empty')
            : diff === 0
              ? t('balanced')
              : t(diff > 0 ? 'debitOver' : 'creditOver', { diff: rupiah(Math.abs(diff)) })}
        </p>
        {errors.totals && (
          <p className="error" role="alert">
            {errors.totals}
          </p>
        )}
        {Object.keys(errors).length === 0 && <ProblemAlert error={save.error} />}
        {notice && <Notice>{notice}</Notice>}
        <div className="actions">
          <button type="submit" disabled={save.isPending}>
            {save.isPending ? t('saving') : t('submit')}
          </button>
        </div>
      </ProblemScope>
    </form>
  );
}
