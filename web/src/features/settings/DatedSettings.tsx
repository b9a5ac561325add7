import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import type { paths } from '../../app/api-types.ts';
import { DataTable, dateColumn, type Column } from '../../ui/DataTable.tsx';
import { Field, ProblemScope, SubmitRow } from '../../ui/forms.tsx';
import { businessDate, instantWib } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import './strings.ts';

type Settings =
  paths['/api/v1/hub/settings']['get']['responses'][200]['content']['application/json'];
type Key = keyof Settings['values'];
type Change = Settings['history'][number];

const KEYS: Key[] = [
  'subsidyEligibilityDays',
  'replenishmentCoverDays',
  'salesWindowDays',
  'sessionHours',
];
/** The bounds the server keeps (its schema says the same). */
const BOUNDS: Record<Key, [number, number]> = {
  subsidyEligibilityDays: [0, 365],
  replenishmentCoverDays: [1, 90],
  salesWindowDays: [7, 182],
  sessionHours: [1, 168],
};

/** Each setting's value in force on a date: its latest change on or before it, else its default. */
function valuesOn(s: Settings, date: string): Record<Key, number> {
  const out = { ...s.defaults };
  for (const k of KEYS) {
    const latest = s.history.find((h) => h.key === k && h.effectiveFrom <= date);
    if (latest) out[k] = latest.value;
  }
  return out;
}

/** The hub's dated rules: what is in force and since when, a form to change them from a date, the history. */
export function DatedSettings() {
  const { t } = useTranslation('settings', { keyPrefix: 'dated' });
  const settings = useQuery({
    queryKey: ['hubSettings'],
    queryFn: async () => unwrap(await api.GET('/api/v1/hub/settings')),
  });
  return (
    <>
      <h2>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <QueryState query={settings}>{(s) => <SettingsBody settings={s} />}</QueryState>
    </>
  );
}

function SettingsBody({ settings: s }: { settings: Settings }) {
  const { t, i18n } = useTranslation('settings', { keyPrefix: 'dated' });
  const lang = i18n.language;
  // Four fixed rows: nothing to sort.
  const current: Column<Key>[] = [
    { id: 'setting', header: t('setting'), accessorFn: (k) => t(k), enableSorting: false },
    {
      id: 'value',
      header: t('current'),
      accessorFn: (k) => s.values[k],
      numeric: true,
      enableSorting: false,
    },
    {
      id: 'since',
      header: t('since'),
      enableSorting: false,
      accessorFn: (k) => s.since[k] ?? '',
      cell: ({ row }) => {
        const since = s.since[row.original];
        return since
          ? businessDate(since, lang)
          : t('sinceDefault', { value: s.defaults[row.original] });
      },
    },
  ];
  const history: Column<Change>[] = [
    dateColumn('effectiveFrom', t('effectiveFrom'), (c) => c.effectiveFrom, lang),
    {
      id: 'setting',
      header: t('setting'),
      accessorFn: (c) => t(c.key),
      cell: ({ row }) => (
        <span className="wrap">
          {t(row.original.key)}
          {row.original.effectiveFrom > s.today ? ` (${t('scheduled')})` : ''}
        </span>
      ),
    },
    { id: 'value', header: t('value'), accessorKey: 'value', numeric: true },
    {
      id: 'reason',
      header: t('reason'),
      accessorFn: (c) => c.reason ?? '',
      cell: ({ row }) => <span className="wrap">{row.original.reason ?? ''}</span>,
    },
    { id: 'changedBy', header: t('changedBy'), accessorFn: (c) => c.changedByName ?? '' },
    {
      id: 'changedAt',
      header: t('changedAt'),
      accessorFn: (c) => c.changedAt,
      cell: ({ row }) => instantWib(row.original.changedAt, lang),
    },
  ];
  return (
    <>
      <DataTable data={KEYS} columns={current} empty="" />
      <ChangeForm settings={s} />
      <h3>{t('historyTitle')}</h3>
      <DataTable
        data={s.history}
        columns={history}
        empty={t('historyEmpty')}
        filterLabel={t('filter')}
      />
    </>
  );
}

function ChangeForm({ settings: s }: { settings: Settings }) {
  const { t, i18n } = useTranslation('settings', { keyPrefix: 'dated' });
  const client = useQueryClient();
  const [from, setFrom] = useState(s.today);
  const [reason, setReason] = useState('');
  const [values, setValues] = useState<Record<Key, string>>(
    () => Object.fromEntries(KEYS.map((k) => [k, String(s.values[k])])) as Record<Key, string>,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const save = useMutation({
    mutationFn: async (
      body: { effectiveFrom: string; reason: string } & Partial<Record<Key, number>>,
    ) => unwrap(await api.PATCH('/api/v1/hub/settings', { body })),
    onMutate: () => setNotice(''),
    onSuccess: (next, body) => {
      client.setQueryData(['hubSettings'], next);
      // Suggestions and dashboards read these rules.
      void client.invalidateQueries({ queryKey: ['deliverySuggestion'] });
      setReason('');
      setNotice(t('saved', { date: businessDate(body.effectiveFrom, i18n.language) }));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) errs.from = t('required');
    else if (from < s.today) errs.from = t('notPast');
    if (!reason.trim()) errs.reason = t('required');
    const parsed: Partial<Record<Key, number>> = {};
    for (const k of KEYS) {
      const [min, max] = BOUNDS[k];
      const n = /^\d{1,4}$/.test(values[k].trim()) ? Number(values[k].trim()) : NaN;
      if (!(n >= min && n <= max)) errs[k] = t('range', { min, max });
      else parsed[k] = n;
    }
    setErrors(errs);
    if (Object.keys(errs).length) return;
    // Only the rules whose value differs from the one in force on that date are sent.
    const before = valuesOn(s, from);
    const changed = Object.fromEntries(
      KEYS.filter((k) => parsed[k] !== before[k]).map((k) => [k, parsed[k]]),
    );
    if (Object.keys(changed).length === 0) {
      setNotice(t('nothingChanged'));
      return;
    }
    save.mutate({ effectiveFrom: from, reason: reason.trim(), ...changed });
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <ProblemScope error={save.error}>
        <h3>{t('formTitle')}</h3>
        <Field label={t('effectiveFrom')} error={errors.from} path="/effectiveFrom">
          <input type="date" value={from} min={s.today} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        {KEYS.map((k) => (
          <Field key={k} label={t(k)} error={errors[k]} hint={t(`${k}Hint`)} path={`/${k}`}>
            <input
              type="number"
              inputMode="numeric"
              min={BOUNDS[k][0]}
              max={BOUNDS[k][1]}
              step={1}
              value={values[k]}
              onChange={(e) => setValues((x) => ({ ...x, [k]: e.target.value }))}
            />
          </Field>
        ))}
        <Field label={t('reason')} error={errors.reason} path="/reason">
          <textarea
            rows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
        <SubmitRow
          error={save.error}
          notice={notice}
          pending={save.isPending}
          label={t('submit')}
          busyLabel={t('saving')}
        />
      </ProblemScope>
    </form>
  );
}
