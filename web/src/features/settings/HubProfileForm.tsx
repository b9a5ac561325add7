import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import type { paths } from '../../app/api-types.ts';
import { Field, ProblemScope, SubmitRow } from '../../ui/forms.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import './strings.ts';

type Profile = paths['/api/v1/hub/profile']['get']['responses'][200]['content']['application/json'];
type ProfileBody = NonNullable<
  paths['/api/v1/hub/profile']['patch']['requestBody']
>['content']['application/json'];

/** The form's fields, in the order they are shown; each is a text the user edits. */
const FIELDS = [
  'name',
  'shortCode',
  'legalNumber',
  'nikKoperasi',
  'npwp',
  'bankName',
  'bankAccountNo',
  'bankAccountName',
  'address',
] as const;
type FieldName = (typeof FIELDS)[number];
type Values = Record<FieldName, string>;

const HINTS: Partial<Record<FieldName, string>> = {
  shortCode: 'shortCodeHint',
  nikKoperasi: 'nikKoperasiHint',
  npwp: 'npwpHint',
};
const MAX: Record<FieldName, number> = {
  name: 200,
  shortCode: 12,
  legalNumber: 100,
  nikKoperasi: 30,
  npwp: 30,
  bankName: 100,
  bankAccountNo: 30,
  bankAccountName: 100,
  address: 300,
};
const digits = (s: string) => s.replace(/[\s.-]/g, '');

export function useHubProfile() {
  return useQuery({
    queryKey: ['hubProfile'],
    queryFn: async () => unwrap(await api.GET('/api/v1/hub/profile')),
  });
}

/** The hub's profile: loads it, then the form. */
export function HubProfileForm() {
  const { t } = useTranslation('settings', { keyPrefix: 'profile' });
  const profile = useHubProfile();
  return (
    <>
      <h2>{t('title')}</h2>
      <QueryState query={profile}>{(p) => <ProfileForm key={p.id} profile={p} />}</QueryState>
    </>
  );
}

function valuesOf(p: Profile): Values {
  return Object.fromEntries(FIELDS.map((f) => [f, p[f] ?? ''])) as Values;
}

function ProfileForm({ profile }: { profile: Profile }) {
  const { t } = useTranslation('settings', { keyPrefix: 'profile' });
  const client = useQueryClient();
  const [saved, setSaved] = useState<Values>(() => valuesOf(profile));
  const [v, setV] = useState<Values>(saved);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const save = useMutation({
    mutationFn: async (body: ProfileBody) =>
      unwrap(await api.PATCH('/api/v1/hub/profile', { body })),
    onMutate: () => setNotice(''),
    onSuccess: (p) => {
      client.setQueryData(['hubProfile'], p);
      const next = valuesOf(p);
      setSaved(next);
      setV(next);
      setNotice(t('saved'));
    },
  });
  const set = (k: FieldName) => (e: { target: { value: string } }) =>
    setV((x) => ({ ...x, [k]: k === 'shortCode' ? e.target.value.toUpperCase() : e.target.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!v.name.trim()) errs.name = t('required');
    if (v.shortCode.trim() && !/^[A-Z0-9-]{2,12}$/.test(v.shortCode.trim()))
      errs.shortCode = t('shortCodeInvalid');
    if (v.nikKoperasi.trim() && !/^\d{16}$/.test(digits(v.nikKoperasi)))
      errs.nikKoperasi = t('nikInvalid');
    if (v.npwp.trim() && !/^(\d{15}|\d{16})$/.test(digits(v.npwp))) errs.npwp = t('npwpInvalid');
    if (v.bankAccountNo.trim() && !/^\d{5,20}$/.test(digits(v.bankAccountNo)))
      errs.bankAccountNo = t('accountInvalid');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    // Only what changed is sent; an emptied field is cleared.
    const body: ProfileBody = {};
    for (const f of FIELDS) {
      if (v[f].trim() === saved[f].trim()) continue;
      if (f === 'name') body.name = v.name.trim();
      else body[f] = v[f].trim() || null;
    }
    if (Object.keys(body).length === 0) {
      setNotice(t('unchanged'));
      return;
    }
    save.mutate(body);
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <ProblemScope error={save.error}>
        {profile.regionCode && (
          <p className="muted">
            {t('region', { name: profile.regionName ?? '', code: profile.regionCode })}
          </p>
        )}
        {FIELDS.map((f) => (
          <Field
            key={f}
            label={t(f)}
            error={errors[f]}
            hint={HINTS[f] ? t(HINTS[f]) : undefined}
            path={`/${f}`}
          >
            {f === 'address' ? (
              <textarea rows={2} value={v[f]} maxLength={MAX[f]} onChange={set(f)} />
            ) : (
              <input
                value={v[f]}
                maxLength={MAX[f]}
                inputMode={
                  ['nikKoperasi', 'npwp', 'bankAccountNo'].includes(f) ? 'numeric' : undefined
                }
                autoCapitalize={f === 'shortCode' ? 'characters' : undefined}
                onChange={set(f)}
              />
            )}
          </Field>
        ))}
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
