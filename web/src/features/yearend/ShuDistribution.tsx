import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import { Field, Notice, ProblemAlert, ProblemScope } from '../../ui/forms.tsx';
import { businessDate, rupiah, todayWib } from '../../ui/format.ts';
import './shu-strings.ts';

type Method = 'cash' | 'bank' | 'sukarela';
interface Paid {
  method: Method;
  paidOn: string;
  total: number;
}

/** The members' SHU of a closed year paid as the RAT decided, or how it was paid. */
export function ShuDistribution({
  coopId,
  year,
  paid,
}: {
  coopId: string;
  year: number;
  paid: Paid | null;
}) {
  const { t, i18n } = useTranslation('yearEnd');
  const client = useQueryClient();
  const [method, setMethod] = useState<Method>('sukarela');
  const [date, setDate] = useState(todayWib());
  const [id] = useState(() => crypto.randomUUID());
  const pay = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/cooperatives/{id}/fiscal-years/{year}/distribution', {
          params: { path: { id: coopId, year: String(year) } },
          body: { id, method, date },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['yearEnd', coopId] }),
  });
  const words = (p: Paid) =>
    t('distributed', {
      year,
      date: businessDate(p.paidOn, i18n.language),
      method: t(`m_${p.method}`),
      amount: rupiah(p.total),
    });
  if (paid) return <Notice>{words(paid)}</Notice>;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    pay.mutate();
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <ProblemScope error={pay.error}>
        <h2>{t('distribution')}</h2>
        <p className="muted">{t('distributionHint')}</p>
        <div className="form-row">
          <Field label={t('method')} path="/method">
            <select value={method} onChange={(e) => setMethod(e.target.value as Method)}>
              {(['sukarela', 'cash', 'bank'] as const).map((m) => (
                <option key={m} value={m}>
                  {t(`m_${m}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('paidOn')} path="/date">
            <input
              type="date"
              value={date}
              min={`${year + 1}-01-01`}
              max={todayWib()}
              lang={i18n.language}
              onChange={(e) => setDate(e.target.value)}
            />
          </Field>
        </div>
        <ProblemAlert error={pay.error} />
        <div className="actions">
          <button type="submit" disabled={pay.isPending}>
            {pay.isPending ? t('distributing') : t('distribute')}
          </button>
        </div>
      </ProblemScope>
    </form>
  );
}
