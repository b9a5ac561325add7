import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import { Field, Notice, ProblemAlert, ProblemScope } from '../../ui/forms.tsx';
import { usePrograms } from './data.ts';
import './participants.strings.ts';

type Handling = 'carry_forward' | 'collect_at_pickup';

/** The program's choice for deductions the payroll office reports as failed: carried into the next file, or paid in cash at the next pickup. */
export function FailedDeductionSetting({ programId }: { programId: string }) {
  const { t } = useTranslation('sembako');
  const client = useQueryClient();
  const current = usePrograms().data?.find((p) => p.id === programId)?.failedDeductionHandling;
  const [chosen, setChosen] = useState<Handling>();
  const save = useMutation({
    mutationFn: async (failedDeductionHandling: Handling) =>
      unwrap(
        await api.PATCH('/api/v1/programs/{programId}', {
          params: { path: { programId } },
          body: { failedDeductionHandling },
        }),
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['sembako', 'programs'] }),
  });
  const value = chosen ?? current ?? 'carry_forward';
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate(value);
  }
  return (
    <form className="form" onSubmit={submit} aria-labelledby="failed-title">
      <ProblemScope error={save.error}>
        <h2 id="failed-title">{t('failedTitle')}</h2>
        <Field label={t('failedHandling')} hint={t('failedHint')} path="/failedDeductionHandling">
          <select
            value={value}
            onChange={(e) => {
              save.reset();
              setChosen(e.target.value as Handling);
            }}
          >
            <option value="carry_forward">{t('carryForward')}</option>
            <option value="collect_at_pickup">{t('collectAtPickup')}</option>
          </select>
        </Field>
        <ProblemAlert error={save.error} />
        {save.isSuccess && <Notice>{t('settingSaved')}</Notice>}
        <div className="actions">
          <button type="submit" disabled={save.isPending || value === current}>
            {save.isPending ? t('saving') : t('saveSetting')}
          </button>
        </div>
      </ProblemScope>
    </form>
  );
}
