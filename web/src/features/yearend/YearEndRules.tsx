import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import type { paths } from '../../app/api-types.ts';
import { Field, Notice, ProblemAlert, ProblemScope } from '../../ui/forms.tsx';
import { ShuResultView, type ShuResult } from './ShuResultView.tsx';
import './shu-strings.ts';

type Rules =
  paths['/api/v1/cooperatives/{id}/shu-rules/{year}']['get']['responses'][200]['content']['application/json'];
type Key = Rules['allocation'][number]['key'];

const KEYS: readonly Key[] = [
  'cadangan',
  'jasa_anggota',
  'pengurus',
  'karyawan',
  'pendidikan',
  'sosial',
  'pembangunan_daerah',
];
/** A common split offered when the year has none (the manager adjusts it to the AD/ART). */
const DEFAULTS: Record<Key | 'usaha' | 'modal', string> = {
  cadangan: '40',
  jasa_anggota: '40',
  pengurus: '5',
  karyawan: '5',
  pendidikan: '5',
  sosial: '5',
  pembangunan_daerah: '0',
  usaha: '25',
  modal: '15',
};
type Form = typeof DEFAULTS;

/** A percentage typed by a person (`2,5` or `2.5`), or undefined when it is not one. */
function parsePercent(text: string): number | undefined {
  const s = text.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(s)) return undefined;
  const n = Number(s);
  return n <= 100 ? n : undefined;
}

const formOf = (r: Rules | null): Form => {
  if (!r) return DEFAULTS;
  const f = { ...DEFAULTS, pembangunan_daerah: '0' };
  for (const k of KEYS) f[k] = '0';
  for (const a of r.allocation) f[a.key] = String(a.percent);
  return { ...f, usaha: String(r.jasaUsahaPercent), modal: String(r.jasaModalPercent) };
};

/** Hundredths of the percentages, summed exactly. */
const sumOf = (values: (number | undefined)[]) =>
  values.reduce<number>((t, v) => t + Math.round((v ?? 0) * 100), 0) / 100;

/** An open year: the split form (sum shown live), the simulation, and the close with its confirmation. */
export function YearEndRules({
  coopId,
  year,
  saved,
  ended,
}: {
  coopId: string;
  year: number;
  saved: Rules | null;
  ended: boolean;
}) {
  const { t } = useTranslation('yearEnd');
  const client = useQueryClient();
  const [f, setF] = useState<Form>(() => formOf(saved));
  const [notice, setNotice] = useState('');
  const [preview, setPreview] = useState<ShuResult | null>(null);
  const [confirming, setConfirming] = useState(false);
  const path = { id: coopId, year: String(year) };
  const parsed = Object.fromEntries(
    Object.entries(f).map(([k, v]) => [k, parsePercent(v)]),
  ) as Record<keyof Form, number | undefined>;
  const invalid = Object.values(parsed).some((v) => v === undefined);
  /** The keys sent, in the order of the body's `allocation`. */
  const sent = KEYS.filter((k) => (parsed[k] ?? 0) > 0);
  const body = () => ({
    allocation: sent.map((key) => ({
      key,
      percent: parsed[key] ?? 0,
    })),
    jasaUsahaPercent: parsed.usaha ?? 0,
    jasaModalPercent: parsed.modal ?? 0,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['yearEnd', coopId] });
  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PUT('/api/v1/cooperatives/{id}/shu-rules/{year}', {
          params: { path },
          body: body(),
        }),
      ),
    onSuccess: async () => {
      setNotice(t('saved', { year }));
      await refresh();
    },
  });
  const simulate = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/cooperatives/{id}/fiscal-years/{year}/shu-preview', {
          params: { path },
          body: body(),
        }),
      ),
    onSuccess: (r) => setPreview(r),
  });
  const close = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/cooperatives/{id}/fiscal-years/{year}/close', {
          params: { path },
          body: {},
        }),
      ),
    onSuccess: refresh,
  });
  const set = (k: keyof Form) => (e: { target: { value: string } }) => {
    setNotice('');
    setF((x) => ({ ...x, [k]: e.target.value }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!invalid) save.mutate();
  };
  const sum = sumOf(KEYS.map((k) => parsed[k]));
  const jasaSum = sumOf([parsed.usaha, parsed.modal]);

  return (
    <>
      <form className="form" onSubmit={submit} noValidate>
        <ProblemScope error={save.error ?? simulate.error}>
          <h2>{t('rules')}</h2>
          {!saved && <p className="muted">{t('defaultsOffered')}</p>}
          <div className="form-row">
            {KEYS.map((k) => (
              <Field
                key={k}
                label={`${t(`k_${k}`)} (%)`}
                error={parsed[k] === undefined ? t('percentInvalid') : undefined}
                path={sent.includes(k) ? `/allocation/${sent.indexOf(k)}/*` : undefined}
              >
                <input inputMode="decimal" value={f[k]} onChange={set(k)} />
              </Field>
            ))}
          </div>
          <div className="form-row">
            <Field
              label={`${t('jasaUsaha')} (%)`}
              error={parsed.usaha === undefined ? t('percentInvalid') : undefined}
              path="/jasaUsahaPercent"
            >
              <input inputMode="decimal" value={f.usaha} onChange={set('usaha')} />
            </Field>
            <Field
              label={`${t('jasaModal')} (%)`}
              error={parsed.modal === undefined ? t('percentInvalid') : undefined}
              path="/jasaModalPercent"
            >
              <input inputMode="decimal" value={f.modal} onChange={set('modal')} />
            </Field>
          </div>
          <p aria-live="polite" className={sum === 100 ? 'muted' : 'warn'}>
            {t('sum', { sum })}
            <br />
            {t('jasaSum', { sum: jasaSum, jasa: parsed.jasa_anggota ?? 0 })}
          </p>
          <ProblemAlert error={save.error ?? simulate.error} />
          {notice && <Notice>{notice}</Notice>}
          <div className="actions">
            <button type="submit" disabled={save.isPending || invalid}>
              {save.isPending ? t('saving') : t('save')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={simulate.isPending || invalid}
              onClick={() => {
                save.reset();
                simulate.mutate();
              }}
            >
              {simulate.isPending ? t('simulating') : t('simulate')}
            </button>
          </div>
        </ProblemScope>
      </form>
      {preview && preview.year === year && (
        <section aria-label={t('simulation')}>
          <h2>{t('simulation')}</h2>
          {preview.estimate && <p className="muted">{t('estimate', { year })}</p>}
          <ShuResultView result={preview} />
        </section>
      )}
      {ended ? (
        confirming ? (
          <div className="form confirm" role="group" aria-label={t('confirmTitle', { year })}>
            <h2>{t('confirmTitle', { year })}</h2>
            <p>{t('confirmText', { year, next: year + 1 })}</p>
            <ProblemAlert error={close.error} />
            <div className="actions">
              <button type="button" disabled={close.isPending} onClick={() => close.mutate()}>
                {close.isPending ? t('closing') : t('confirm', { year })}
              </button>
              <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                {t('cancel')}
              </button>
            </div>
          </div>
        ) : (
          <div className="actions">
            <button type="button" onClick={() => setConfirming(true)}>
              {t('close', { year })}
            </button>
          </div>
        )
      ) : (
        <p className="muted">{t('closeNotYet', { year, next: year + 1 })}</p>
      )}
    </>
  );
}
