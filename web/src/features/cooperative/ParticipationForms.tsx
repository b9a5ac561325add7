import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import { Field } from '../../ui/forms.tsx';
import { todayWib } from '../../ui/format.ts';
import {
  DATE_RE,
  FormShell,
  TermsFields,
  formOf,
  readTerms,
  useFormState,
  useInvalidate,
  versionOn,
  type ChangeBody,
  type CreateBody,
  type ParticipationState,
  type Terms,
} from './participation-form-parts.tsx';
import './strings.ts';

export type { ParticipationState } from './participation-form-parts.tsx';

/** "Ubah ketentuan": a new version from a date; only the terms that differ from those in force that day are sent. */
export function ChangeTermsForm({
  p,
  onDone,
  onClose,
}: {
  p: ParticipationState;
  onDone: (from: string) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('cooperative', { keyPrefix: 'terms' });
  const invalidate = useInvalidate(p.cooperativeId);
  const [f, set] = useFormState({ ...formOf(p), from: todayWib(), reason: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const save = useMutation({
    mutationFn: async (body: ChangeBody) =>
      unwrap(
        await api.PATCH('/api/v1/cooperatives/{id}/participation', {
          params: { path: { id: p.cooperativeId } },
          body,
        }),
      ),
    onSuccess: async (_, body) => {
      await invalidate();
      onDone(body.effectiveFrom);
    },
  });
  const later = p.history
    .map((v) => v.effectiveFrom)
    .filter((d) => DATE_RE.test(f.from) && d > f.from)
    .sort()[0];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!DATE_RE.test(f.from)) errs.from = t('required');
    if (!f.reason.trim()) errs.reason = t('required');
    const terms = readTerms(f, errs, t);
    setErrors(errs);
    setFormError('');
    if (Object.keys(errs).length) return;
    const base = versionOn(p.history, f.from);
    const changed = (Object.keys(terms) as (keyof Terms)[]).filter((k) => terms[k] !== base?.[k]);
    if (changed.length === 0) return setFormError(t('nothingChanged'));
    save.mutate({
      effectiveFrom: f.from,
      reason: f.reason.trim(),
      ...Object.fromEntries(changed.map((k) => [k, terms[k]])),
    });
  };
  return (
    <FormShell
      title={t('changeTitle')}
      intro={t('changeIntro')}
      onSubmit={submit}
      error={save.error}
      formError={formError}
      pending={save.isPending}
      submit={t('saveChange')}
      onClose={onClose}
    >
      <Field
        label={t('effectiveFrom')}
        error={errors.from}
        path="/effectiveFrom"
        hint={later ? t('laterVersion', { date: later }) : undefined}
      >
        <input type="date" value={f.from} lang={i18n.language} onChange={set('from')} />
      </Field>
      <TermsFields f={f} set={set} errors={errors} />
      <Field label={t('reason')} error={errors.reason} path="/reason">
        <textarea value={f.reason} maxLength={500} rows={2} onChange={set('reason')} />
      </Field>
    </FormShell>
  );
}

/** "Akhiri kepesertaan": the last day and the reason. */
export function EndParticipationForm({
  id,
  onDone,
  onClose,
}: {
  id: string;
  onDone: (endDate: string) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('cooperative', { keyPrefix: 'terms' });
  const invalidate = useInvalidate(id);
  const [f, set] = useFormState({ endDate: todayWib(), reason: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: async (body: { endDate: string; reason: string }) =>
      unwrap(
        await api.POST('/api/v1/cooperatives/{id}/participation/end', {
          params: { path: { id } },
          body,
        }),
      ),
    onSuccess: async (_, body) => {
      await invalidate();
      onDone(body.endDate);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!DATE_RE.test(f.endDate)) errs.endDate = t('required');
    if (!f.reason.trim()) errs.reason = t('required');
    setErrors(errs);
    if (!Object.keys(errs).length) save.mutate({ endDate: f.endDate, reason: f.reason.trim() });
  };
  return (
    <FormShell
      title={t('endTitle')}
      intro={t('endIntro')}
      onSubmit={submit}
      error={save.error}
      pending={save.isPending}
      submit={t('confirmEnd')}
      onClose={onClose}
    >
      <Field label={t('endDate')} error={errors.endDate} path="/endDate">
        <input type="date" value={f.endDate} lang={i18n.language} onChange={set('endDate')} />
      </Field>
      <Field label={t('endReason')} error={errors.reason} path="/reason">
        <textarea value={f.reason} maxLength={500} rows={2} onChange={set('reason')} />
      </Field>
    </FormShell>
  );
}

/** A cooperative that takes part in nothing yet joins the hub's program with its first terms. */
export function CreateParticipationForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { t, i18n } = useTranslation('cooperative', { keyPrefix: 'terms' });
  const invalidate = useInvalidate(id);
  const [f, set] = useFormState({
    ...formOf({
      exposureLimit: 0,
      monthlySubsidy: 2_000_000,
      settlementPeriod: 'monthly',
      paymentTermsDays: 14,
      graceDays: 7,
      subsidyMode: 'payout',
      monthlySalesPotential: 200_000_000,
    }),
    exposureLimit: '',
    agreementNo: '',
    startDate: todayWib(),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: async (body: CreateBody) =>
      unwrap(
        await api.POST('/api/v1/cooperatives/{id}/participation', {
          params: { path: { id } },
          body,
        }),
      ),
    onSuccess: async () => {
      await invalidate();
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!f.agreementNo.trim()) errs.agreementNo = t('required');
    if (!DATE_RE.test(f.startDate)) errs.startDate = t('required');
    const terms = readTerms(f, errs, t);
    setErrors(errs);
    if (!Object.keys(errs).length)
      save.mutate({ agreementNo: f.agreementNo.trim(), startDate: f.startDate, ...terms });
  };
  return (
    <FormShell
      title={t('createTitle')}
      onSubmit={submit}
      error={save.error}
      pending={save.isPending}
      submit={t('saveCreate')}
    >
      <div className="form-row">
        <Field label={t('agreementNo')} error={errors.agreementNo} path="/agreementNo">
          <input value={f.agreementNo} maxLength={100} onChange={set('agreementNo')} />
        </Field>
        <Field label={t('startDate')} error={errors.startDate} path="/startDate">
          <input type="date" value={f.startDate} lang={i18n.language} onChange={set('startDate')} />
        </Field>
      </div>
      <TermsFields f={f} set={set} errors={errors} />
    </FormShell>
  );
}
