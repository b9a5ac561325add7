import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, dateColumn, moneyColumn, type Column } from '../../ui/DataTable.tsx';
import { Field, Notice, SubmitRow } from '../../ui/forms.tsx';
import { businessDate, parseRupiah, rupiah, todayWib } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { setSavingsRules, useSavingsRules, type SavingsRule } from './members-api.ts';
import { splitProblem } from './member-format.ts';
import { useFields } from './MemberFields.tsx';
import './strings.ts';

const FIELD_OF: Record<string, string> = {
  '/pokok': 'pokok',
  '/wajibMonthly': 'wajib',
  '/effectiveFrom': 'from',
};

/** The savings rules in force (pokok once, wajib a month, from a date), their history, and a form to set new ones. */
export function SavingsRulesPanel({ cooperativeId }: { cooperativeId: string }) {
  const { t, i18n } = useTranslation('members');
  const lang = i18n.language;
  const rules = useSavingsRules(cooperativeId);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState('');
  const columns: Column<SavingsRule>[] = [
    dateColumn('effectiveFrom', t('rules.effectiveFrom'), (r) => r.effectiveFrom, lang),
    moneyColumn('pokok', t('rules.pokok'), (r) => r.pokok),
    moneyColumn('wajibMonthly', t('rules.wajibMonthly'), (r) => r.wajibMonthly),
  ];
  return (
    <section className="panel" aria-labelledby="savings-rules-title">
      <h2 id="savings-rules-title">{t('rules.title')}</h2>
      <QueryState query={rules}>
        {(r) => (
          <>
            <p>
              {r.current
                ? t('rules.current', {
                    pokok: rupiah(r.current.pokok),
                    wajib: rupiah(r.current.wajibMonthly),
                    date: businessDate(r.current.effectiveFrom, lang),
                  })
                : t('rules.none')}
            </p>
            {notice && <Notice>{notice}</Notice>}
            {editing ? (
              <RulesForm
                cooperativeId={cooperativeId}
                current={r.current}
                onDone={(date) => {
                  setEditing(false);
                  setNotice(t('rules.saved', { date: businessDate(date, lang) }));
                }}
                onClose={() => setEditing(false)}
              />
            ) : (
              <button
                type="button"
                onClick={() => {
                  setNotice('');
                  setEditing(true);
                }}
              >
                {t('rules.edit')}
              </button>
            )}
            {r.history.length > 0 && (
              <>
                <h3>{t('rules.history')}</h3>
                <DataTable data={r.history} columns={columns} empty="" pageSize={10} />
              </>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}

function RulesForm({
  cooperativeId,
  current,
  onDone,
  onClose,
}: {
  cooperativeId: string;
  current: SavingsRule | undefined;
  onDone: (effectiveFrom: string) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('members');
  const client = useQueryClient();
  const { f, set, errors, setErrors } = useFields({
    pokok: current ? rupiah(current.pokok) : '',
    wajib: current ? rupiah(current.wajibMonthly) : '',
    from: todayWib(),
  });
  const save = useMutation({
    mutationFn: (body: SavingsRule) => setSavingsRules(cooperativeId, body),
    onSuccess: async (_r, body) => {
      await client.invalidateQueries({ queryKey: ['savingsRules', cooperativeId] });
      onDone(body.effectiveFrom);
    },
    onError: (e) => setErrors(splitProblem(e, FIELD_OF).fields),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const pokok = parseRupiah(f.pokok);
    const wajib = parseRupiah(f.wajib);
    if (pokok === undefined) errs.pokok = t('rules.amountInvalid');
    if (wajib === undefined) errs.wajib = t('rules.amountInvalid');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(f.from)) errs.from = t('required');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    save.mutate({ effectiveFrom: f.from, pokok: pokok!, wajibMonthly: wajib! });
  };
  return (
    <form className="form confirm" onSubmit={submit} noValidate>
      <div className="form-row">
        <Field label={t('rules.pokok')} error={errors.pokok}>
          <input inputMode="numeric" value={f.pokok} onChange={set('pokok')} />
        </Field>
        <Field label={t('rules.wajibMonthly')} error={errors.wajib}>
          <input inputMode="numeric" value={f.wajib} onChange={set('wajib')} />
        </Field>
        <Field label={t('rules.effectiveFrom')} error={errors.from}>
          <input type="date" lang={i18n.language} value={f.from} onChange={set('from')} />
        </Field>
      </div>
      <SubmitRow
        error={splitProblem(save.error, FIELD_OF).rest}
        pending={save.isPending}
        label={t('rules.submit')}
        busyLabel={t('saving')}
        close={{ label: t('close'), onClick: onClose }}
      />
    </form>
  );
}
