import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { paths } from '../../app/api-types.ts';
import { Field, ProblemAlert, ProblemScope } from '../../ui/forms.tsx';
import { parseRupiah } from '../../ui/format.ts';
import './strings.ts';

/* The pieces the participation forms share: the terms as fields, their reading, the form's frame. */

type ParticipationPath = paths['/api/v1/cooperatives/{id}/participation'];
export type ParticipationState =
  ParticipationPath['get']['responses'][200]['content']['application/json'];
export type ChangeBody = NonNullable<
  ParticipationPath['patch']['requestBody']
>['content']['application/json'];
export type CreateBody = NonNullable<
  ParticipationPath['post']['requestBody']
>['content']['application/json'];
export type Terms = Pick<
  ParticipationState,
  | 'exposureLimit'
  | 'monthlySubsidy'
  | 'settlementPeriod'
  | 'paymentTermsDays'
  | 'graceDays'
  | 'subsidyMode'
  | 'monthlySalesPotential'
>;
const MONEY = ['exposureLimit', 'monthlySubsidy', 'monthlySalesPotential'] as const;
const DAYS = ['paymentTermsDays', 'graceDays'] as const;
export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The terms as a form holds them: amounts and days as typed. */
type TermsForm = Record<(typeof MONEY)[number] | (typeof DAYS)[number], string> &
  Pick<Terms, 'settlementPeriod' | 'subsidyMode'>;

const grouped = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
export function formOf(t: Terms): TermsForm {
  return {
    exposureLimit: grouped.format(t.exposureLimit),
    monthlySubsidy: grouped.format(t.monthlySubsidy),
    monthlySalesPotential: grouped.format(t.monthlySalesPotential),
    paymentTermsDays: String(t.paymentTermsDays),
    graceDays: String(t.graceDays),
    settlementPeriod: t.settlementPeriod,
    subsidyMode: t.subsidyMode,
  };
}

/** The typed terms as numbers, or each field's error in `errs`. */
export function readTerms(f: TermsForm, errs: Record<string, string>, t: (k: string) => string) {
  const out: Partial<Terms> = {
    settlementPeriod: f.settlementPeriod,
    subsidyMode: f.subsidyMode,
  };
  for (const k of MONEY) {
    const v = parseRupiah(f[k]);
    if (v === undefined || (k === 'monthlySalesPotential' && v < 1))
      errs[k] = t(k === 'monthlySalesPotential' ? 'potentialInvalid' : 'moneyInvalid');
    else out[k] = v;
  }
  for (const k of DAYS) {
    const v = Number(f[k]);
    if (!/^\d{1,3}$/.test(f[k].trim()) || v > 365) errs[k] = t('daysInvalid');
    else out[k] = v;
  }
  return out as Terms;
}

/** The version of the terms in force on `date`: the latest dated on or before it, else the first. */
export function versionOn(history: ParticipationState['history'], date: string) {
  const sorted = [...history].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return sorted.filter((v) => v.effectiveFrom <= date).at(-1) ?? sorted[0];
}

/** The seven terms as labelled fields (the server's message for each next to it, by its body path). */
export function TermsFields({
  f,
  set,
  errors,
}: {
  f: TermsForm;
  set: (k: keyof TermsForm) => (e: { target: { value: string } }) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation('cooperative', { keyPrefix: 'terms' });
  const money = (k: (typeof MONEY)[number]) => (
    <Field label={t(k)} error={errors[k]} path={`/${k}`}>
      <input inputMode="numeric" value={f[k]} onChange={set(k)} />
    </Field>
  );
  const days = (k: (typeof DAYS)[number]) => (
    <Field label={t(k)} error={errors[k]} path={`/${k}`}>
      <input inputMode="numeric" value={f[k]} onChange={set(k)} />
    </Field>
  );
  return (
    <>
      <div className="form-row">
        {money('exposureLimit')}
        {money('monthlySubsidy')}
      </div>
      <div className="form-row">
        <Field
          label={t('settlementPeriod')}
          error={errors.settlementPeriod}
          path="/settlementPeriod"
        >
          <select value={f.settlementPeriod} onChange={set('settlementPeriod')}>
            <option value="monthly">{t('monthly')}</option>
            <option value="weekly">{t('weekly')}</option>
          </select>
        </Field>
        <Field label={t('subsidyMode')} error={errors.subsidyMode} path="/subsidyMode">
          <select value={f.subsidyMode} onChange={set('subsidyMode')}>
            <option value="payout">{t('payout')}</option>
            <option value="net">{t('net')}</option>
          </select>
        </Field>
      </div>
      <div className="form-row">
        {days('paymentTermsDays')}
        {days('graceDays')}
      </div>
      {money('monthlySalesPotential')}
    </>
  );
}

export function useFormState<T extends Record<string, string>>(initial: T) {
  const [f, setF] = useState(initial);
  const set = (k: keyof T) => (e: { target: { value: string } }) =>
    setF((x) => ({ ...x, [k]: e.target.value }));
  return [f, set] as const;
}

export function FormShell({
  title,
  intro,
  onSubmit,
  error,
  formError,
  pending,
  submit,
  onClose,
  children,
}: {
  title: string;
  intro?: string;
  onSubmit: (e: FormEvent) => void;
  error: unknown;
  formError?: string;
  pending: boolean;
  submit: string;
  onClose?: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('cooperative', { keyPrefix: 'terms' });
  return (
    <form className="form confirm" onSubmit={onSubmit} noValidate>
      <ProblemScope error={error}>
        <h2>{title}</h2>
        {intro && <p className="muted">{intro}</p>}
        {children}
        {formError && (
          <p role="alert" className="state error">
            {formError}
          </p>
        )}
        <ProblemAlert error={error} />
        <div className="actions">
          <button type="submit" disabled={pending}>
            {pending ? t('saving') : submit}
          </button>
          {onClose && (
            <button type="button" className="secondary" onClick={onClose}>
              {t('close')}
            </button>
          )}
        </div>
      </ProblemScope>
    </form>
  );
}

export function useInvalidate(id: string) {
  const client = useQueryClient();
  return async () => {
    for (const key of ['participation', 'cooperative', 'dashboard'])
      await client.invalidateQueries({ queryKey: [key, id] });
  };
}
