import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../app/api.ts';
import { Field, ProblemScope, SubmitRow } from '../../../ui/forms.tsx';
import { businessDate, rupiah, todayWib } from '../../../ui/format.ts';
import './strings.ts';

/** The last day of the month before `today` (YYYY-MM-DD). */
function lastMonthEnd(today: string): string {
  const d = new Date(`${today.slice(0, 8)}01T00:00:00Z`);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

const isMonthEnd = (date: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.getUTCDate() === 1;
};

/** Books the allowance (CKPN) at a month end (hub admins); the job does it on the 1st anyway. */
export function ProvisionForm() {
  const { t, i18n } = useTranslation('risk');
  const client = useQueryClient();
  const [periodEnd, setPeriodEnd] = useState(lastMonthEnd(todayWib()));
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const save = useMutation({
    mutationFn: async (body: { periodEnd: string }) =>
      unwrap(await api.POST('/api/v1/treasury/provision', { body })),
    onSuccess: async (p) => {
      await client.invalidateQueries({ queryKey: ['risk-overview'] });
      setNotice(
        t('booked', {
          date: businessDate(p.periodEnd, i18n.language),
          amount: rupiah(p.total),
          adjustment: rupiah(p.adjustment),
        }),
      );
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNotice('');
    if (!isMonthEnd(periodEnd)) return setError(t('monthEndInvalid'));
    setError('');
    save.mutate({ periodEnd });
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <ProblemScope error={save.error}>
        <Field
          label={t('periodEnd')}
          error={error || undefined}
          hint={t('bookHint')}
          path="/periodEnd"
        >
          <input
            type="date"
            value={periodEnd}
            lang={i18n.language}
            onChange={(e) => setPeriodEnd(e.target.value)}
          />
        </Field>
        <SubmitRow
          error={save.error}
          notice={notice}
          pending={save.isPending}
          label={t('book')}
          busyLabel={t('saving')}
        />
      </ProblemScope>
    </form>
  );
}
